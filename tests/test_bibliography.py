"""The bibliography parses, every entry is complete, and every entry is used."""

from __future__ import annotations

import json
import re

import pytest

from iran_russia import data
from iran_russia.bibliography import load_bibliography
from iran_russia.errors import DataValidationError
from iran_russia.toc import toc_entries

CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def cited_in_chapters(root) -> set[str]:
    keys: set[str] = set()
    for page in toc_entries(root):
        text = page.read_text(encoding="utf-8")
        if page.suffix == ".ipynb":
            text = "\n".join("".join(c["source"]) for c in json.loads(text)["cells"])
        for group in CITE.findall(text):
            keys.update(key.strip() for key in group.split(","))
    return keys


def test_every_entry_is_complete():
    assert len(load_bibliography().entries) > 0


def test_every_entry_is_cited_by_data_or_a_chapter(root):
    used = set(cited_in_chapters(root))
    for frame in data.load_all().values():
        if "source_keys" in frame:
            used.update(key for keys in frame["source_keys"] for key in keys)
    unused = sorted(set(load_bibliography().entries) - used)
    assert unused == [], f"entries no data row or chapter cites: {unused}"


def test_every_chapter_citation_exists(root):
    missing = sorted(cited_in_chapters(root) - set(load_bibliography().entries))
    assert missing == []


def test_duplicate_key_is_named(data_copy):
    bib = data_copy / "references.bib"
    first_entry = bib.read_text(encoding="utf-8").split("\n@")[0]
    with bib.open("a", encoding="utf-8") as handle:
        handle.write("\n" + first_entry + "\n")
    with pytest.raises(DataValidationError, match="repeated bibliography entry"):
        load_bibliography(data_copy)


def test_entry_without_url_is_named(data_copy):
    bib = data_copy / "references.bib"
    with bib.open("a", encoding="utf-8") as handle:
        handle.write(
            "\n@misc{no_url_2020,\n  author = {{Someone}},\n  title = {T},\n  year = {2020}\n}\n"
        )
    with pytest.raises(DataValidationError, match="entry 'no_url_2020' lacks url"):
        load_bibliography(data_copy)
