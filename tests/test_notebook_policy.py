"""Rules every chapter notebook keeps, checked on its stored form."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import nbformat
import pytest
import yaml

from iran_russia import data
from iran_russia.toc import repository_root, toc_notebooks

ROOT = repository_root()
NOTEBOOKS = toc_notebooks(ROOT)
NBVAL_MARKERS = ("NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP", "NBVAL_RAISES_EXCEPTION")
NBVAL_TAGS = ("nbval-ignore-output", "nbval-skip", "nbval-raises-exception")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
YEAR = re.compile(r"(?<![\w/.-])(1[6-9]\d\d|20\d\d)(?![\w/])")


def ids(paths):
    return [str(path.relative_to(ROOT)) for path in paths]


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=ids(NOTEBOOKS))
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4)


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/"):
                parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def test_every_book_notebook_is_in_the_table_of_contents():
    on_disk = {p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts}
    assert on_disk - set(NOTEBOOKS) == set()


def test_runs_in_the_projects_kernel(notebook):
    _, nb = notebook
    assert nb.metadata.kernelspec.name == "python3"


def test_every_code_cell_was_executed_without_error(notebook):
    _, nb = notebook
    cells = code_cells(nb)
    assert cells, "a chapter without code draws nothing from the data"
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), (
        "stored outputs must come from one top-to-bottom run: use `make outputs`"
    )
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_only_live_widget_cells_escape_output_comparison(notebook):
    _, nb = notebook
    for cell in code_cells(nb):
        marked = any(m in cell.source for m in NBVAL_MARKERS) or any(
            t in cell.metadata.get("tags", []) for t in NBVAL_TAGS
        )
        shows_widget = any(WIDGET_VIEW in o.get("data", {}) for o in cell.outputs)
        assert not marked or shows_widget, f"cell marked for nbval without a widget:\n{cell.source}"


def test_stored_outputs_are_deterministic(notebook):
    _, nb = notebook
    for cell in code_cells(nb):
        assert not ADDRESS.search(output_text(cell)), f"memory address in output of:\n{cell.source}"


def test_every_figure_has_a_caption_and_alt_text(notebook):
    _, nb = notebook
    for cell in code_cells(nb):
        if any("image/png" in o.get("data", {}) for o in cell.outputs):
            meta = cell.metadata.get("mystnb", {})
            assert meta.get("figure", {}).get("caption"), f"no caption for:\n{cell.source}"
            assert meta.get("image", {}).get("alt"), f"no alt text for:\n{cell.source}"


def test_code_cells_stay_short(notebook):
    _, nb = notebook
    for cell in code_cells(nb):
        assert len(cell.source.splitlines()) <= 8, (
            f"move this machinery into iran_russia:\n{cell.source}"
        )


@pytest.fixture(scope="module")
def years_in_data() -> set[int]:
    years: set[int] = set()
    for frame in data.load_all().values():
        for column in frame.columns:
            if column in {"date", "end_date", "signed", "in_force"}:
                years.update(int(v[:4]) for v in frame[column] if v)
            elif "year" in column or column in {"delivery_start", "delivery_end"}:
                years.update(int(v) for v in frame[column].dropna())
    return years


def test_every_year_named_in_the_text_is_in_the_data(notebook, years_in_data):
    path, nb = notebook
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    text = re.sub(r"\{cite[^`]*`[^`]*`", "", text)  # citation keys carry publication years
    named = {int(year) for year in YEAR.findall(text)}
    assert sorted(named - years_in_data) == [], f"years in {path.name} with no row in data/"


CHAPTERS = [path for path in NOTEBOOKS if "99_back_matter" not in path.parts]


@pytest.mark.parametrize("path", CHAPTERS, ids=ids(CHAPTERS))
def test_every_chapter_has_the_parts_of_a_lesson(path):
    """Objectives and reading time, the article against the record, takeaways, exercises with
    folded solutions and a self-check: the frame every chapter gives its reader."""
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    code = "\n".join(cell.source for cell in code_cells(nb))
    assert "Learning objectives" in text
    assert re.search(r"\*\*Reading time:\*\* about \d+ minutes", text)
    assert "Key takeaways" in text
    assert re.search(r"```\{exercise(-start)?\}", text)
    assert re.search(r"```\{solution(-start)?\} [\w-]+\n:class: dropdown", text)
    assert "claims.article_box(" in code or "claims.verdict_box(" in code
    assert "self_check.quiz(" in code


SETUP_MARK = 'find_spec("iran_russia")'


def test_first_code_cell_sets_up_hosts_without_the_environment(notebook, root):
    """On Colab the chapter fetches the book first; the cell names the repository of _config.yml
    and stays out of the book's pages (``remove-cell``)."""
    _, nb = notebook
    first = code_cells(nb)[0]
    assert SETUP_MARK in first.source
    assert "remove-cell" in first.metadata.get("tags", [])
    assert first.outputs == [], "here the package is installed: the cell must do nothing"
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    named = re.search(r'REPOSITORY = "(.*?)"', first.source).group(1)
    assert named == (config["repository"]["url"] or "")


def test_set_repository_names_the_repository_everywhere(tmp_path, root):
    copy = tmp_path / "book"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "_build", ".git"))
    url = "https://github.com/example-org/iran-russia-book"
    script = copy / "scripts" / "set_repository.py"
    result = subprocess.run([sys.executable, str(script), url], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((copy / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == url
    for path in toc_notebooks(copy):
        first = code_cells(nbformat.read(path, as_version=4))[0]
        assert f'REPOSITORY = "{url}"' in first.source
    refused = subprocess.run([sys.executable, str(script), "not a url"], capture_output=True)
    assert refused.returncode == 2
