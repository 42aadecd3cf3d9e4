"""The strict HTML build: it passes with warnings as errors and serves everything from the book."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from iran_russia import data
from iran_russia.bibliography import load_bibliography
from iran_russia.toc import toc_entries

pytestmark = pytest.mark.build

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


class Resources(HTMLParser):
    """Collects what a page loads (scripts, styles, images) and its images' alt text."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.loaded.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") in {"stylesheet", "preload", "icon"}:
            self.loaded.append(attrs.get("href", ""))
        elif tag == "img":
            self.loaded.append(attrs.get("src", ""))
            self.images.append(attrs)


def parse(path) -> Resources:
    parser = Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_html(html_dir, root, page):
    return html_dir / page.relative_to(root).with_suffix(".html")


def test_build_passes_with_warnings_as_errors(html_build):
    assert html_build.returncode == 0, html_build.stdout[-4000:]
    sphinx_warnings = re.findall(r"^.*(?:^|: )WARNING: .*$", html_build.stdout, re.MULTILINE)
    assert sphinx_warnings == []


def test_every_page_of_the_toc_is_built(html_dir, root):
    for page in toc_entries(root):
        assert page_html(html_dir, root, page).is_file(), page


def test_no_page_loads_anything_from_another_host(html_dir):
    for page in html_dir.rglob("*.html"):
        external = [src for src in parse(page).loaded if EXTERNAL.match(src)]
        assert external == [], f"{page.relative_to(html_dir)} loads {external}"


def test_widget_and_math_scripts_are_vendored_and_load_once(html_dir):
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        scripts = [src.split("?")[0] for src in parse(page).loaded]
        if "application/vnd.jupyter.widget-state+json" in text:
            for name in ("require.js", "embed-amd.js"):
                assert sum(src.endswith(name) for src in scripts) == 1, (page, name)
        for src in scripts:
            if "mathjax" in src.lower() or src.endswith(("require.js", "embed-amd.js")):
                local = html_dir / page.relative_to(html_dir).parent / src
                assert local.resolve().is_file(), f"{page.name} points at missing {src}"


def test_every_image_has_alt_text(html_dir):
    for page in html_dir.rglob("*.html"):
        for image in parse(page).images:
            assert image.get("alt", "").strip(), f"{page.relative_to(html_dir)}: {image.get('src')}"


def test_chapter_pages_render_their_figures(html_dir, root):
    for page in toc_entries(root):
        if page.suffix == ".ipynb" and "99_back_matter" not in page.parts:
            images = parse(page_html(html_dir, root, page)).images
            assert any(img.get("src", "").endswith(".png") for img in images), page


def test_every_page_shows_the_data_as_of_date(html_dir):
    stamp = f"Data as of {data.as_of()}"
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if page.relative_to(html_dir).parts[0] in {"_static", "_sources"}:
            continue
        if 'http-equiv="Refresh"' not in text:  # the root index.html only redirects
            assert stamp in text, page.relative_to(html_dir)


def test_bibliography_page_lists_every_source(html_dir):
    text = (html_dir / "book" / "99_back_matter" / "bibliography.html").read_text(encoding="utf-8")
    entries = re.findall(r'<div class="citation" id="id\d+"|<dt class="label" id="', text)
    assert len(entries) == len(load_bibliography().entries)
