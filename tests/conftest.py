"""Shared fixtures: the data folder, copies of it to break, and one HTML build per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from iran_russia import data
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


@pytest.fixture(scope="module")
def events():
    """The timeline as the package loads it (one load per test module)."""
    return data.load_events()


@pytest.fixture(scope="module")
def eras():
    return data.load_eras()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


#: Where the test builds write ``_build/``: the repository (default, like ``make book``), or the
#: folder named by this variable, so that a test run can build away from a shared checkout.
BUILD_OUTPUT_ENV = "BOOK_TEST_PATH_OUTPUT"


def build_root(root: Path) -> Path:
    """The folder holding the test builds' ``_build``."""
    return Path(os.environ.get(BUILD_OUTPUT_ENV) or root).resolve()


def _build_once(root: Path, builder: str = "html") -> subprocess.CompletedProcess:
    """Build the book with ``builder`` once per pytest run, even across xdist workers.

    The HTML and PDF builds share ``_build/.doctrees`` and the execution cache, so they take turns
    under one lock.
    """
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getppid()))
    build = build_root(root) / "_build"
    suffix = "" if builder == "html" else f"-{builder}"
    marker = build / f".test-build-run{suffix}"
    log = build / f".test-build-log{suffix}"
    build.mkdir(parents=True, exist_ok=True)
    with FileLock(str(build / ".test-build.lock")):
        if marker.is_file() and marker.read_text().split("\n", 1)[0] == run_id:
            returncode, output = marker.read_text().split("\n", 2)[1:]
            return subprocess.CompletedProcess([], int(returncode), output, "")
        jupyter_book = Path(sys.executable).with_name("jupyter-book")
        command = [str(jupyter_book), "build", str(root), "--warningiserror", "--keep-going"]
        if builder != "html":
            command += ["--builder", builder]
        if build_root(root) != root.resolve():
            command += ["--path-output", str(build_root(root))]
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
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
    return build_root(root) / "_build" / "html"


# --- The PDF -----------------------------------------------------------------------------------

TEX_HINT = (
    "install TeX Live for XeLaTeX: apt-get install texlive-latex-recommended texlive-latex-extra "
    "texlive-fonts-recommended texlive-fonts-extra texlive-xetex texlive-science "
    "texlive-plain-generic latexmk xindy fonts-freefont-otf fonts-noto-cjk (or run bash .ci/run)"
)
POPPLER_HINT = "install poppler-utils: apt-get install poppler-utils (or run bash .ci/run)"


@pytest.fixture(scope="session")
def pdf_build(root: Path) -> subprocess.CompletedProcess:
    """This session's strict PDF build (as ``make pdf``), once per pytest run."""
    for tool in ("xelatex", "latexmk", "xindy"):
        require_tool(tool, TEX_HINT)
    return _build_once(root, "pdflatex")


@pytest.fixture(scope="session")
def latex_dir(pdf_build, root: Path) -> Path:
    if pdf_build.returncode != 0:
        pytest.fail("the PDF build failed:\n" + pdf_build.stdout[-4000:])
    return build_root(root) / "_build" / "latex"


@pytest.fixture(scope="session")
def pdf_file(latex_dir: Path) -> Path:
    """The built book, ``_build/latex/iran-russia.pdf``."""
    path = latex_dir / "iran-russia.pdf"
    assert path.is_file(), f"the PDF build wrote no {path.name}: {sorted(latex_dir.glob('*.pdf'))}"
    return path


@pytest.fixture(scope="session")
def pdf_text(pdf_file: Path) -> str:
    """The PDF's text, as ``pdftotext`` reads it."""
    pdftotext = require_tool("pdftotext", POPPLER_HINT)
    result = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf_file), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


# --- The HTML book in a real browser -------------------------------------------------------------

CHROMIUM_HINT = "install Debian's Chromium: apt-get install chromium (or run bash .ci/run)"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def book_server(html_dir: Path):
    """The built HTML book served on 127.0.0.1 (a random free port); yields its base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(html_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (one browser per test session)."""
    chromium = require_tool("chromium", CHROMIUM_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
