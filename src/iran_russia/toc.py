"""The book's table of contents (``_toc.yml``) as a list of files, for scripts and tests."""

from __future__ import annotations

from pathlib import Path

import yaml


def repository_root(start: Path | None = None) -> Path:
    """The folder holding ``_toc.yml``: ``start`` (default: the current folder) or a parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file():
            return folder
    raise FileNotFoundError(f"no _toc.yml in {here} or any folder above it")


def _walk(node, found: list[str]) -> None:
    if isinstance(node, dict):
        for key in ("root", "file"):
            if key in node:
                found.append(str(node[key]))
        for value in node.values():
            if isinstance(value, list | dict):
                _walk(value, found)
    elif isinstance(node, list):
        for item in node:
            _walk(item, found)


def toc_entries(root: Path | None = None) -> list[Path]:
    """Every page of the book, in reading order, as paths with their real suffix."""
    root = root or repository_root()
    listed: list[str] = []
    _walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")), listed)
    pages = []
    for entry in listed:
        matches = [root / f"{entry}{suffix}" for suffix in (".ipynb", ".md")]
        existing = [path for path in matches if path.is_file()]
        if not existing:
            raise FileNotFoundError(f"_toc.yml lists {entry!r}, but no .ipynb or .md file exists")
        pages.append(existing[0])
    return pages


def toc_notebooks(root: Path | None = None) -> list[Path]:
    """The chapter notebooks of the book, in reading order."""
    return [path for path in toc_entries(root) if path.suffix == ".ipynb"]
