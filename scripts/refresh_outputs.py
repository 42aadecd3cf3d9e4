"""Re-execute chapter notebooks in place, so their stored outputs are current.

``make outputs`` runs every chapter of ``_toc.yml``; ``python scripts/refresh_outputs.py PATH ...``
runs the notebooks named. Each runs top to bottom in a fresh kernel of this environment, from its
own folder, as nbval and the book build run it. Widget state is saved into the notebook and no
timing metadata is written, so running it twice leaves ``git diff`` empty. A notebook that raises
stops the run with the cell that failed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from iran_russia.toc import repository_root, toc_notebooks


def refresh(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,
    )
    client.execute()
    nbformat.write(notebook, path)


def main(arguments: list[str]) -> int:
    root = repository_root(Path(__file__).parent)
    paths = [Path(a).resolve() for a in arguments] if arguments else toc_notebooks(root)
    for path in paths:
        started = time.perf_counter()
        try:
            refresh(path)
        except CellExecutionError as error:
            print(f"{path.relative_to(root)}: a cell failed\n{error}", file=sys.stderr)
            return 1
        print(f"refreshed {path.relative_to(root)} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
