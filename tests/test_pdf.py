"""The whole book as one PDF (``make pdf``): built once per test session, then read back.

The chapters are read from ``_toc.yml`` each run, so a chapter added there is checked too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from iran_russia.bibliography import load_bibliography
from iran_russia.toc import toc_entries

pytestmark = pytest.mark.build

#: Text that means an output printed as its Python repr instead of as content.
REPR_TEXT = ("VBox(", "HBox(", "Dropdown(", "<IPython.core.display", "<Figure size", "dtype:")


def page_title(path: Path) -> str:
    """The first level-one heading of a notebook or Markdown page, as plain text."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        lines = [
            line
            for cell in cells
            if cell["cell_type"] == "markdown"
            for line in "".join(cell["source"]).splitlines()
        ]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("# "):
            return re.sub(r"[*_`]", "", line[2:]).strip()
    raise AssertionError(f"{path} has no '# ' title")


#: What Sphinx's smart quotes make of a title's ASCII quotes, dashes and dots, and back.
SMART = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2026": "...",
    }
)


def normalise(text: str) -> str:
    """Case, spacing, line breaks and smart punctuation as the PDF may vary them; hyphenation
    undone."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    text = text.translate(SMART).replace("---", "-").replace("--", "-")
    return " ".join(text.split()).casefold()


def part_captions(root: Path) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [part["caption"] for part in toc.get("parts", []) if part.get("caption")]


def test_pdf_is_built_under_its_own_name(pdf_file):
    assert pdf_file.name == "iran-russia.pdf"
    assert pdf_file.read_bytes()[:5] == b"%PDF-"


def test_title_page_and_table_of_contents(pdf_text, root):
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    first_page = normalise(pdf_text.split("\f", 1)[0])
    assert normalise(config["title"]) in first_page
    assert normalise(config["author"]) in first_page
    assert "contents" in normalise(pdf_text.split("\f", 3)[1] + pdf_text.split("\f", 3)[2])


def test_every_chapter_of_the_toc_is_in_the_pdf(pdf_text, root):
    text = normalise(pdf_text)
    chapters = [page for page in toc_entries(root) if page != toc_entries(root)[0]]
    missing = [str(page) for page in chapters if normalise(page_title(page)) not in text]
    assert missing == []


def test_parts_and_chapters_are_numbered(pdf_text, root):
    text = normalise(pdf_text)
    captions = part_captions(root)
    for number, caption in enumerate(captions, start=1):
        roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"][
            number - 1
        ]
        assert f"part {roman} {normalise(caption)}" in text, caption
    assert "chapter 1." in text


def test_figures_tables_exercises_and_citations_are_there(pdf_text, latex_dir):
    text = normalise(pdf_text)
    tex = (latex_dir / "iran-russia.tex").read_text(encoding="utf-8")
    assert re.search(r"fig\. \d+\.\d+:", text), "no numbered figure caption"
    assert "\\sphinxincludegraphics" in tex, "no figure in the LaTeX"
    assert re.search(r"exercise \d+\.\d+\.\d+", text), "no numbered exercise"
    assert re.search(r"solution to exercise \d+\.\d+\.\d+", text)
    # DataFrames come out as tables (not as monospaced text): at least one table per notebook
    # that has a DataFrame output.
    assert "\\begin{tabulary}" in tex or "\\begin{longtable}" in tex
    assert "\\sphinxcite{" in tex or "\\hyperlink{cite." in tex, "no citation in the text"


def test_bibliography_lists_every_source(pdf_text, latex_dir):
    tex = (latex_dir / "iran-russia.tex").read_text(encoding="utf-8")
    entries = len(load_bibliography().entries)
    assert tex.count("\\bibitem[") == entries
    assert f"[{entries}]" in pdf_text


def test_no_output_prints_as_its_repr(pdf_text):
    found = [text for text in REPR_TEXT if text in pdf_text]
    assert found == [], f"the PDF shows Python reprs: {found}"
    assert not re.search(r"at 0x[0-9a-f]{6,}", pdf_text), "a memory address in the PDF"


def test_no_glyph_is_missing(latex_dir):
    log = (latex_dir / "iran-russia.log").read_text(encoding="utf-8", errors="replace")
    missing = sorted(set(re.findall(r"^Missing character: There is no (.+?) in font", log, re.M)))
    assert missing == [], f"characters without a glyph in the PDF: {missing}"
