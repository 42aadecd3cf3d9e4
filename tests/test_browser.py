"""The built HTML book in a real browser (Debian's Chromium driven by Playwright), served from
127.0.0.1 with every request to another host blocked and recorded, and opened from ``file://``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image, ImageStat

from iran_russia.toc import toc_entries

pytestmark = pytest.mark.build

VIEW = "application/vnd.jupyter.widget-view+json"
#: axe-core impacts that fail a page.
BLOCKING_IMPACTS = {"serious", "critical"}
#: A word of the first chapter that the offline search must find.
SEARCH_WORD = "Turkmenchay"


def page_path(root: Path, page: Path) -> str:
    return page.relative_to(root).with_suffix(".html").as_posix()


class Visit:
    """One page load: console errors, page errors, failed requests (no answer, or an HTTP error)
    and requests to other hosts (blocked)."""

    def __init__(self, context, url: str, allowed_origin: str | None):
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.page = context.new_page()
        self.page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("requestfailed", self._failed)
        self.page.on(
            "response",
            lambda response: (
                self.failed.append(f"{response.url} (HTTP {response.status})")
                if response.status >= 400
                else None
            ),
        )
        self.page.route("**/*", lambda route: self._route(route, allowed_origin))
        self.response = self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def _failed(self, request):
        if request.url not in self.foreign:
            self.failed.append(f"{request.url} ({request.failure})")

    def _route(self, route, allowed_origin):
        url = route.request.url
        parsed = urlparse(url)
        local = parsed.scheme in {"data", "blob", "about"} or (
            f"{parsed.scheme}://{parsed.netloc}" == allowed_origin
            if allowed_origin
            else parsed.scheme == "file"
        )
        if local:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="module")
def entries(root):
    """The pages of ``_toc.yml``, read once (chapters are being added while the tests run)."""
    return toc_entries(root)


@pytest.fixture(scope="module")
def pages(root, entries):
    return [page_path(root, page) for page in entries]


@pytest.fixture(scope="module")
def chapter(entries):
    """The first chapter notebook: the page the file:// and dark-mode checks open."""
    return next(page for page in entries if page.suffix == ".ipynb")


@pytest.fixture(scope="module")
def visits(context, book_server, pages):
    """Every page of the toc, loaded once over HTTP; the tests below read these visits."""
    loaded = {path: Visit(context, f"{book_server}/{path}", book_server) for path in pages}
    yield loaded
    for visit in loaded.values():
        visit.page.close()


def test_every_page_loads_without_errors(visits):
    problems = []
    for path, visit in visits.items():
        if visit.response is None or not visit.response.ok:
            problems.append(f"{path}: not served")
        problems += [f"{path}: console error {error}" for error in visit.console_errors]
        problems += [f"{path}: failed request {request}" for request in visit.failed]
    assert problems == [], "\n".join(problems)


def test_no_page_asks_another_host_for_anything(visits):
    for path, visit in visits.items():
        assert visit.foreign == [], f"{path} asked other hosts for {visit.foreign}"


def test_every_widget_renders_exactly_once(visits, html_dir):
    for path, visit in visits.items():
        if VIEW not in (html_dir / path).read_text(encoding="utf-8"):
            continue
        views = visit.page.locator(f'script[type="{VIEW}"]').count()
        assert views > 0, path
        # The widget manager puts one .widget-subarea before each view's script tag and renders
        # the view's root widget (a .jupyter-widgets element) into it.
        visit.page.wait_for_function(
            f"""() => [...document.querySelectorAll('script[type="{VIEW}"]')].every(
                s => s.previousElementSibling
                  && s.previousElementSibling.querySelector('.jupyter-widgets'))""",
            timeout=20_000,
        )
        rendered = visit.page.evaluate(
            f"""() => [...document.querySelectorAll('script[type="{VIEW}"]')].map(s => {{
                const area = s.previousElementSibling;
                return area && area.classList.contains('widget-subarea')
                    ? area.querySelectorAll(':scope > .jupyter-widgets').length : 0;
            }})"""
        )
        assert rendered == [1] * views, f"{path}: widgets rendered per view {rendered}"
        assert visit.page.locator(".widget-subarea").count() == views, path


def test_every_image_has_alt_text(visits):
    for path, visit in visits.items():
        missing = visit.page.eval_on_selector_all(
            "img", "images => images.filter(i => !(i.alt || '').trim()).map(i => i.src)"
        )
        assert missing == [], f"{path}: images without alt text {missing}"


def test_figures_are_displayed(visits, root, entries):
    for page in entries:
        if page.suffix != ".ipynb":
            continue
        visit = visits[page_path(root, page)]
        sizes = visit.page.eval_on_selector_all(
            ".cell_output img", "images => images.map(i => [i.complete, i.naturalWidth])"
        )
        assert all(done and width > 0 for done, width in sizes), (page, sizes)


def test_no_serious_accessibility_violations(visits):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    blocking = []
    for path, visit in visits.items():
        results = axe.run(visit.page)
        blocking += [
            f"{path}: {violation['id']} ({violation['impact']}): "
            + "; ".join(str(node["target"][0]) for node in violation["nodes"][:5])
            for violation in results.response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
    assert blocking == [], "\n".join(blocking)


def test_download_buttons_and_no_foreign_launch_links(visits, book_server, context, root, entries):
    for page in entries:
        path = page_path(root, page)
        visit = visits[path]
        links = visit.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        foreign = [link for link in links if "executablebooks/jupyter-book" in link]
        assert foreign == [], f"{path} links to Jupyter Book's own repository: {foreign}"
        pdf = [link for link in links if link.endswith("/iran-russia.pdf")]
        assert pdf == [f"{book_server}/iran-russia.pdf"], f"{path}: PDF links {pdf}"
        source = f"_sources/{page.relative_to(root).as_posix()}"
        downloads = [link for link in links if link.endswith(source)]
        assert downloads, f"{path} has no download link for {source}"
        assert context.request.get(downloads[0]).ok, downloads[0]


def test_search_works_offline(context, book_server):
    visit = Visit(context, f"{book_server}/search.html?q={SEARCH_WORD}", book_server)
    results = visit.page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=20_000)
    assert results.count() >= 1
    assert visit.foreign == [] and visit.console_errors == []
    visit.page.close()


def test_book_opens_from_file(context, html_dir, root, chapter):
    for path in ("index.html", page_path(root, chapter)):
        visit = Visit(context, (html_dir / path).as_uri(), None)
        assert visit.foreign == [], (path, visit.foreign)
        assert visit.console_errors == [], (path, visit.console_errors)
        assert visit.page.locator("article h1").first.is_visible(), path
        sizes = visit.page.eval_on_selector_all(
            "article img", "images => images.map(i => [i.complete, i.naturalWidth])"
        )
        assert all(done and width > 0 for done, width in sizes), (path, sizes)
        if path != "index.html":
            assert sizes, f"{path}: no figure shown from file://"
        visit.page.close()


def test_figures_stay_legible_in_dark_mode(browser, book_server, root, chapter, tmp_path_factory):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        visit = Visit(context, f"{book_server}/{page_path(root, chapter)}", book_server)
        visit.page.evaluate("() => document.documentElement.dataset.theme = 'dark'")
        assert visit.page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        figure = visit.page.locator(".cell_output img").first
        figure.scroll_into_view_if_needed()
        shot = tmp_path_factory.mktemp("dark") / "figure-dark.png"
        figure.screenshot(path=str(shot))
        visit.page.screenshot(path=str(shot.with_name("page-dark.png")))
        image = Image.open(io.BytesIO(shot.read_bytes())).convert("L")
        # The figure keeps its light background (the theme dims it a little, never inverts it)
        # and its dark ink: labels and lines stand out from the background.
        background = ImageStat.Stat(image).median[0]
        histogram = image.histogram()
        darkest = next(
            level
            for level in range(256)
            if sum(histogram[: level + 1]) >= 0.01 * image.width * image.height
        )
        assert background >= 180, f"figure background {background} in dark mode: {shot}"
        assert background - darkest >= 120, f"figure contrast too low in dark mode: {shot}"
        body = visit.page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert (
            re.match(r"rgb\((\d+), (\d+), (\d+)\)", body)
            and sum(int(v) for v in re.findall(r"\d+", body)[:3]) < 200
        ), f"the page is not dark: {body}"
    finally:
        context.close()


def _visible_text(page, selector: str) -> str:
    return " ".join(
        element.inner_text()
        for element in page.query_selector_all(selector)
        if element.is_visible()
    )


def test_timeline_explorer_switches_era_and_domain_offline(visits):
    """The era and domain selectors show other pre-rendered views without a kernel."""
    page = visits["book/01_history/02_key_moments.html"].page
    explorer = page.locator(".widget-tab").first
    selects = explorer.locator("select")
    before = _visible_text(page, ".widget-tab .widget-html, .widget-tab .jp-OutputArea-output")
    selects.nth(0).select_option(index=4)
    after_era = _visible_text(page, ".widget-tab .widget-html, .widget-tab .jp-OutputArea-output")
    selects.nth(1).select_option(index=3)
    after_domain = _visible_text(
        page, ".widget-tab .widget-html, .widget-tab .jp-OutputArea-output"
    )
    assert before and after_era and after_domain
    assert before != after_era != after_domain


def test_scenario_presets_switch_offline(visits):
    """The preset selector shows each preset's own output without a kernel."""
    page = visits["book/05_future/01_future.html"].page
    select = page.locator(".widget-tab select").first
    options = select.locator("option").all_inner_texts()
    assert len(options) >= 5
    shown = []
    for index in range(len(options)):
        select.select_option(index=index)
        shown.append(_visible_text(page, ".widget-tab .jp-OutputArea-output, .widget-tab img"))
    assert len(set(shown)) == len(options), "every preset should show something different"
