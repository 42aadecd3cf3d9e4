"""Shared fixtures: the data folder, copies of it to break, and one HTML build per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from iran_russia.paths import data_dir
from iran_russia.toc import repository_root

ROOT = repository_root(Path(__file__).parent)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_tool(name: str, install_hint: str) -> str:
    """Return the path of a system tool; skip (fail under CI) with how to install it."""
    path = shutil.which(name)
    if path is None:
        message = f"'{name}' is not installed: {install_hint}"
        if IN_CI:
            pytest.fail(message + " (CI=true: nothing may be skipped)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def _build_once(root: Path) -> subprocess.CompletedProcess:
    """Build the HTML book into _build/html once per pytest run, even across xdist workers."""
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getppid()))
    marker = root / "_build" / ".test-build-run"
    log = root / "_build" / ".test-build-log"
    (root / "_build").mkdir(exist_ok=True)
    with FileLock(str(root / "_build" / ".test-build.lock")):
        if marker.is_file() and marker.read_text().split("\n", 1)[0] == run_id:
            returncode, output = marker.read_text().split("\n", 2)[1:]
            return subprocess.CompletedProcess([], int(returncode), output, "")
        jupyter_book = Path(sys.executable).with_name("jupyter-book")
        result = subprocess.run(
            [str(jupyter_book), "build", str(root), "--warningiserror", "--keep-going"],
            cwd=root,
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr
        log.write_text(output)
        marker.write_text(f"{run_id}\n{result.returncode}\n{output}")
        return subprocess.CompletedProcess(result.args, result.returncode, output, "")


@pytest.fixture(scope="session")
def html_build(root: Path) -> subprocess.CompletedProcess:
    """The result of this session's strict HTML build (``stdout`` holds its whole log)."""
    return _build_once(root)


@pytest.fixture(scope="session")
def html_dir(html_build, root: Path) -> Path:
    if html_build.returncode != 0:
        pytest.fail("the HTML build failed:\n" + html_build.stdout[-4000:])
    return root / "_build" / "html"
