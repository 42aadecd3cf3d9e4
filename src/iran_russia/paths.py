"""Where the book's data lives.

The notebooks and tests call :func:`data_dir` instead of typing a path, so the same code works from
the book's folders, the repository root, an installed package and a hosted notebook service.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that points the package at another data folder (for example a copy an
#: instructor has extended).
DATA_DIR_ENV = "IRAN_RUSSIA_DATA"

_MARKER = "events.csv"


def data_dir() -> Path:
    """Return the folder holding the module's CSV files and ``references.bib``.

    Looked for, in order: ``$IRAN_RUSSIA_DATA``; ``data/`` in the current folder or any parent
    (a notebook runs from ``book/<part>/``); ``data/`` beside the package's source tree.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
        if not (path / _MARKER).is_file():
            raise FileNotFoundError(
                f"{DATA_DIR_ENV}={override!r} does not point at a data folder "
                f"(no {_MARKER} in {path})"
            )
        return path
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "data"
        if (candidate / _MARKER).is_file():
            return candidate
    beside_source = Path(__file__).resolve().parents[2] / "data"
    if (beside_source / _MARKER).is_file():
        return beside_source
    raise FileNotFoundError(
        "Cannot find the module's data folder: run from inside the repository, "
        f"or set {DATA_DIR_ENV} to the folder that holds {_MARKER}."
    )
