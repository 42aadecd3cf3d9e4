"""Name the book's repository in the one place that turns on launch buttons and Colab set-up.

    make set-repository URL=https://github.com/ORGANISATION/REPOSITORY

writes the URL to ``repository.url`` in ``_config.yml`` (the launch buttons read it) and to the
``REPOSITORY`` line of every chapter's first cell, which on Colab, or any host without the book's
environment, clones the book and installs its package before the chapter runs.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from iran_russia.toc import repository_root, toc_notebooks

URL = re.compile(r"^https://[\w.-]+/[\w.-]+/[\w.-]+/?$")
CONFIG_LINE = re.compile(r"^(  url: ).*$", re.MULTILINE)
CELL_LINE = re.compile(r'^(    REPOSITORY = )".*?"', re.MULTILINE)


def main(arguments: list[str]) -> int:
    if len(arguments) != 1 or not URL.match(arguments[0]):
        print("usage: set_repository.py https://HOST/OWNER/REPOSITORY", file=sys.stderr)
        return 2
    url = arguments[0].rstrip("/")
    root = repository_root(Path(__file__).parent)
    config = root / "_config.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(r"^repository:\n(?:  .*\n)+", text, re.MULTILINE)
    if block is None or not CONFIG_LINE.search(block.group(0)):
        print("_config.yml has no 'repository: url:' entry to set", file=sys.stderr)
        return 1
    updated = CONFIG_LINE.sub(rf'\g<1>"{url}"', block.group(0), count=1)
    config.write_text(text.replace(block.group(0), updated), encoding="utf-8")
    for path in toc_notebooks(root):
        notebook = nbformat.read(path, as_version=4)
        first = next(cell for cell in notebook.cells if cell.cell_type == "code")
        first.source = CELL_LINE.sub(rf'\g<1>"{url}"', first.source, count=1)
        nbformat.write(notebook, path)
    print(f"repository set to {url} in _config.yml and {len(toc_notebooks(root))} notebooks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
