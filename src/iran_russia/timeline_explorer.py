"""An explorer of the events timeline: filter the events, see them on a time axis and as a list.

One object serves three readers:

- **In a running notebook** every filter works: era, one or more domains, a year range, a lowest
  significance and a keyword (searched in titles and summaries). Each change redraws the view, the
  timeline as inline SVG (:mod:`iran_russia.timeline_svg`, milliseconds where a matplotlib
  picture takes a few hundred) above the list of events.
- **In the static book** (no kernel) the *Browse* tab still switches era and domain: its views are
  drawn when the notebook runs and switched in the browser (:mod:`iran_russia.static_views`).
- **In the PDF** the object shows as a picture of the default view; :func:`key_events_for_pdf`
  adds the table of key events after it (an output only the PDF prints).

The filtering itself is the pure function :func:`filter_events`.
"""

from __future__ import annotations

import base64
import html
import io
from collections import OrderedDict
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from PIL import Image

from . import data
from .static_views import output_of, switchable_grid
from .style import OKABE_ITO
from .timeline_charts import timeline_figure
from .timeline_svg import timeline_svg
from .vocabularies import DOMAINS, SIGNIFICANCE

ALL_ERAS = "All eras"
ALL_DOMAINS = "All domains"

#: Resolution and palette of the pictures in the widget (kept small: the static book stores one
#: picture per era and domain in the page) and of the picture the PDF prints.
VIEW_DPI = 80
PRINT_DPI = 110


def filter_events(
    events: pd.DataFrame,
    era: str | None = None,
    domains: str | Iterable[str] | None = None,
    years: tuple[int | None, int | None] | None = None,
    min_significance: int = 1,
    keyword: str = "",
    eras: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The events matching every filter given, in date order.

    ``era`` is an era id (``None``: every era), ``domains`` one domain or several (``None``: every
    domain), ``years`` an inclusive ``(start, end)`` where either end may be ``None``,
    ``min_significance`` 1, 2 or 3, and ``keyword`` a text searched, ignoring case, in the titles
    and summaries. Eras are checked against ``eras`` when given, else against the events' own eras.
    A setting that cannot be right raises a ``ValueError`` naming it; a filter that simply
    matches nothing returns an empty frame.
    """
    known_eras = list(eras["id"]) if eras is not None else list(dict.fromkeys(events["era"]))
    if era is not None and era not in known_eras:
        raise ValueError(f"unknown era {era!r}; the eras are: {', '.join(known_eras)}")
    if isinstance(domains, str):
        domains = [domains]
    if domains is not None:
        domains = list(domains)
        if not domains:
            raise ValueError("no domain chosen: choose at least one domain")
        unknown = [d for d in domains if d not in DOMAINS]
        if unknown:
            raise ValueError(
                f"unknown domain {', '.join(map(repr, unknown))}; "
                f"the domains are: {', '.join(DOMAINS)}"
            )
    start, end = years if years is not None else (None, None)
    if start is not None and end is not None and start > end:
        raise ValueError(f"the year range starts in {start}, after it ends in {end}")
    if isinstance(min_significance, bool) or min_significance not in SIGNIFICANCE:
        raise ValueError(
            f"significance must be 1, 2 or 3 (1 context, 2 important, 3 turning point), "
            f"not {min_significance!r}"
        )
    mask = events["significance"] >= min_significance
    if era is not None:
        mask &= events["era"] == era
    if domains is not None:
        mask &= events["domain"].isin(domains)
    if start is not None:
        mask &= events["year"] >= start
    if end is not None:
        mask &= events["year"] <= end
    keyword = (keyword or "").strip()
    if keyword:
        text = events["title"] + " " + events["summary"]
        mask &= text.str.contains(keyword, case=False, regex=False)
    return events[mask.astype(bool)]


# --- drawing ------------------------------------------------------------------------------------


def _print_palette() -> Image.Image:
    """The palette a view's picture is reduced to: the book's colours, each also blended a
    quarter, half and three quarters towards white (their anti-aliased edges), and greys."""
    colors = []
    for hex_color in OKABE_ITO.values():
        rgb = [int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]
        for share in (0, 0.25, 0.5, 0.75):
            colors.append(tuple(round(c + (255 - c) * share) for c in rgb))
    colors += [(level, level, level) for level in range(0, 256, 15)]
    flat = [channel for color in dict.fromkeys(colors) for channel in color]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + [255] * (768 - len(flat)))
    return palette


PALETTE = _print_palette()


def _labels_collide(fig: Figure) -> bool:
    """Whether any two event labels overlap, or one leaves the axes: too crowded to read."""
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    area = ax.get_window_extent(renderer)
    boxes = [Text.get_window_extent(text, renderer) for text in ax.texts]
    if any(box.y0 < area.y0 or box.y1 > area.y1 for box in boxes):
        return True
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def timeline_png(shown: pd.DataFrame, title: str, dpi: int = VIEW_DPI, palette: bool = True):
    """The timeline of ``shown`` (:func:`~iran_russia.timeline_charts.timeline_figure`) as PNG
    bytes, and whether its turning points are labelled. When they cannot all be labelled
    (labels straight above or below their markers, without overlap), the picture is drawn
    without labels (the list names them). ``palette`` reduces the picture to
    :data:`PALETTE`, a third of the bytes of a full-colour one."""
    fig = timeline_figure(shown, title=title, label_shifts=False)
    labelled = bool(fig.axes[0].texts)
    # Some turning points left unlabelled for lack of room, or labels overlapping: too crowded.
    omitted = len(fig.axes[0].texts) < int((shown["significance"] >= 3).sum())
    if labelled and (omitted or _labels_collide(fig)):
        fig = timeline_figure(shown, title=title, label_significance=4)
        labelled = False
    ax = fig.axes[0]
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, never 2023.5
    # timeline_figure fixed the layout before placing its labels; drawing needs no second pass.
    fig.set_layout_engine("none")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    if not palette:
        return buffer.getvalue(), labelled
    image = Image.open(buffer).convert("RGB").quantize(palette=PALETTE, dither=Image.Dither.NONE)
    small = io.BytesIO()
    image.save(small, format="PNG", optimize=True)
    return small.getvalue(), labelled


def alt_text(shown: pd.DataFrame, scope: str, labelled: bool = True) -> str:
    """A description of the timeline picture of ``shown`` for readers who cannot see it."""
    lanes = [d for d in DOMAINS if d in set(shown["domain"])]
    turning = shown[shown["significance"] == 3]
    text = (
        f"Timeline of {len(shown)} events ({scope}) from {shown['year'].min()} to "
        f"{shown['year'].max()}, one row of markers per domain ({', '.join(lanes)})."
    )
    if not turning.empty:
        lead = " Labelled turning points: " if labelled else " Turning points (unlabelled): "
        text += lead + "; ".join(f"{row.year} {row.title}" for row in turning.itertuples())
        text += "."
    return text


def events_list_html(shown: pd.DataFrame) -> str:
    """The events as an HTML list: date, title, domain and significance, summary, sources."""
    items = []
    for row in shown.itertuples():
        when = row.date + (f" to {row.end_date}" if row.end_date else "")
        keys = ", ".join(f"<code>{html.escape(key)}</code>" for key in row.source_keys)
        items.append(
            f"<li><strong>{html.escape(when)}</strong>: <strong>{html.escape(row.title)}</strong>"
            f" <em>({row.domain}, {SIGNIFICANCE[int(row.significance)]})</em><br>"
            f"{html.escape(row.summary)}<br><small>Sources: {keys}</small></li>"
        )
    return (
        # A scrolling region must be reachable by keyboard and named for screen readers.
        '<div class="timeline-explorer-list" tabindex="0" role="region" '
        'aria-label="Events shown" style="max-height:30em;overflow-y:auto;text-align:left">'
        f'<ol style="margin-top:0.3em">{"".join(items)}</ol></div>'
    )


def view_html(
    shown: pd.DataFrame, heading: str, scope: str, png: bytes, labelled: bool = True
) -> str:
    """A view: a heading, the timeline picture (with alt text) and the list of events."""
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    note = (
        ""
        if labelled or not (shown["significance"] == 3).any()
        else " (too many turning points to label at this scale: pick an era, or read the list)"
    )
    return (
        f'<p style="text-align:left"><strong>{html.escape(heading)}</strong>{note}</p>'
        f'<img src="{source}" alt="{html.escape(alt_text(shown, scope, labelled))}" '
        'style="max-width:100%;height:auto">' + events_list_html(shown)
    )


def live_view_html(shown: pd.DataFrame, heading: str, svg: str) -> str:
    """A view of the live tab: a heading, the timeline as inline SVG (it carries its own text
    alternative) and the list of events."""
    return (
        f'<p style="text-align:left"><strong>{html.escape(heading)}</strong></p>'
        f'<div class="timeline-explorer-svg">{svg}</div>' + events_list_html(shown)
    )


def message_html(message: str, problem: bool = False) -> str:
    """A plain message in place of the view: nothing matches, or a setting is wrong."""
    lead = "Cannot filter the events" if problem else "No events match"
    return (
        f'<p role="status" style="text-align:left"><strong>{lead}:</strong> '
        f"{html.escape(message)}</p>"
    )


def key_events_markdown(events: pd.DataFrame) -> str:
    """The turning points as a Markdown table with their sources cited (for the PDF)."""
    lines = ["| Date | Event | Domain | Sources |", "| --- | --- | --- | --- |"]
    for row in events[events["significance"] == 3].itertuples():
        title = row.title.replace("|", "\\|")
        lines.append(
            f"| {row.date} | {title} | {row.domain} | {{cite:p}}`{','.join(row.source_keys)}` |"
        )
    return "\n".join(lines)


# --- the widget ---------------------------------------------------------------------------------


class TimelineExplorer:
    """The events timeline with filters; display it as a cell's last expression.

    ``static_views=False`` skips drawing the era-and-domain views the static book switches
    between (quicker to build, for tests and benchmarks; the *Browse* tab then holds a note).
    """

    cache_size = 256

    def __init__(
        self,
        events: pd.DataFrame | None = None,
        eras: pd.DataFrame | None = None,
        static_views: bool = True,
    ):
        self.events = data.load_events() if events is None else events
        self.eras = data.load_eras() if eras is None else eras
        self._cache: OrderedDict[tuple, str] = OrderedDict()
        self._live_cache: OrderedDict[tuple, str] = OrderedDict()
        self.last_error: str | None = None
        self.shown = self.events.iloc[:0]
        first, last = int(self.events["year"].min()), int(self.events["year"].max())
        self.era = widgets.Dropdown(
            options=[(ALL_ERAS, None)] + [(self._era_name(e), e) for e in self.eras["id"]],
            value=None,
            description="Era",
        )
        self.domains = widgets.SelectMultiple(
            options=[(d.capitalize(), d) for d in DOMAINS],
            value=tuple(DOMAINS),
            rows=len(DOMAINS),
            description="Domains",
        )
        self.years = widgets.IntRangeSlider(
            value=(first, last), min=first, max=last, description="Years", continuous_update=False
        )
        self.significance = widgets.Dropdown(
            options=[
                ("All (context and up)", 1),
                ("Important and turning points", 2),
                ("Turning points only", 3),
            ],
            value=1,
            description="Significance",
        )
        self.keyword = widgets.Text(
            description="Keyword",
            placeholder="word in title or summary",
            continuous_update=False,
        )
        self.view = widgets.HTML()
        self.controls = (self.era, self.domains, self.years, self.significance, self.keyword)
        for control in self.controls:
            control.style.description_width = "initial"
            control.observe(self._on_change, names="value")
        self.browse = (
            self._browse_tab()
            if static_views
            else widgets.HTML(
                "<p>Views for the static book were not drawn (<code>static_views=False</code>).</p>"
            )
        )
        self.update()
        live = widgets.VBox(
            [
                widgets.HTML(
                    "<p><em>These filters run Python: they respond in a running notebook, "
                    "not in the book's web page (use the first tab there).</em></p>"
                ),
                widgets.HBox([self.era, self.significance]),
                widgets.HBox([self.domains, widgets.VBox([self.years, self.keyword])]),
                self.view,
            ]
        )
        self.tabs = widgets.Tab(
            [self.browse, live],
            titles=("Era and domain", "All filters (live)"),
        )
        self.widget = widgets.VBox([self.tabs])

    # settings and rendering

    def _era_name(self, era: str | None) -> str:
        if era is None:
            return ALL_ERAS
        row = self.eras.set_index("id").loc[era]
        end = "" if pd.isna(row["end_year"]) else row["end_year"]
        return f"{row['label']}, {row['start_year']}–{end}"

    @property
    def settings(self) -> dict:
        """The filters the controls set, as keyword arguments of :func:`filter_events`."""
        chosen = list(self.domains.value)
        return {
            "era": self.era.value,
            "domains": None if set(chosen) == set(DOMAINS) else chosen,
            "years": tuple(self.years.value),
            "min_significance": self.significance.value,
            "keyword": self.keyword.value,
        }

    def _on_change(self, change) -> None:
        self.update()

    def update(self, **settings) -> None:
        """Redraw the view for ``settings`` (default: the controls'). A setting that is wrong
        shows its message instead of the view; ``last_error`` keeps it."""
        settings = settings or self.settings
        try:
            shown = filter_events(self.events, eras=self.eras, **settings)
        except ValueError as error:
            self.last_error = str(error)
            self.shown = self.events.iloc[:0]
            self.view.value = message_html(str(error), problem=True)
            return
        self.last_error = None
        self.shown = shown
        if shown.empty:
            self.view.value = message_html(
                "nothing in the timeline fits these filters; widen the years, lower the "
                "significance, add domains or clear the keyword."
            )
            return
        era, domains = settings.get("era"), settings.get("domains")
        self.view.value = self.render_live(shown, era, domains)

    def _scope(self, era: str | None, domains) -> str:
        if isinstance(domains, str):
            domains = [domains]
        domain_text = ALL_DOMAINS.lower() if domains is None else ", ".join(domains)
        return f"{self._era_name(era)}; {domain_text}"

    def _remembered(self, cache: OrderedDict, key: tuple, draw) -> str:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        result = cache[key] = draw()
        if len(cache) > self.cache_size:
            cache.popitem(last=False)
        return result

    @staticmethod
    def _count(shown: pd.DataFrame) -> str:
        return f"{len(shown)} event{'s' if len(shown) != 1 else ''}"

    def render(self, shown: pd.DataFrame, era: str | None, domains) -> str:
        """The HTML of a view of ``shown`` with its timeline as a PNG picture, for the static
        book's *Era and domain* tab (remembered: the same events in the same scope are drawn
        once)."""
        scope = self._scope(era, domains)

        def draw() -> str:
            png, labelled = timeline_png(shown, f"Iran–Russia events: {scope}")
            return view_html(shown, f"{self._count(shown)}: {scope}", scope, png, labelled)

        return self._remembered(self._cache, (tuple(shown["id"]), scope), draw)

    def render_live(self, shown: pd.DataFrame, era: str | None, domains) -> str:
        """The HTML of a view of ``shown`` for the live tab, its timeline drawn as inline SVG
        (:func:`~iran_russia.timeline_svg.timeline_svg`; remembered like :meth:`render`)."""
        scope = self._scope(era, domains)

        def draw() -> str:
            svg = timeline_svg(shown, f"Iran–Russia events: {scope}")
            return live_view_html(shown, f"{self._count(shown)}: {scope}", svg)

        return self._remembered(self._live_cache, (tuple(shown["id"]), scope), draw)

    def clear_cache(self) -> None:
        """Forget every view drawn (both the PNG views and the live tab's SVG views)."""
        self._cache.clear()
        self._live_cache.clear()

    def _browse_tab(self) -> widgets.VBox:
        """Every era (and all) by every domain (and all), drawn now, switched in the browser."""
        eras = [None, *self.eras["id"]]
        domains = [None, *DOMAINS]
        views: dict[str, dict[str, widgets.Widget]] = {}
        for era in eras:
            row = views.setdefault(self._era_name(era), {})
            for domain in domains:
                shown = filter_events(self.events, era=era, domains=domain, eras=self.eras)
                scope = self._scope(era, domain)
                if shown.empty:
                    page = message_html(f"the timeline has no {domain} events in this era.")
                    plain = f"No events: {scope}"
                else:
                    page = self.render(shown, era, domain)
                    plain = f"{len(shown)} events: {scope}"
                name = ALL_DOMAINS if domain is None else domain.capitalize()
                row[name] = output_of({"text/html": page, "text/plain": plain})
        return switchable_grid("Era", "Domain", views)

    # how it shows

    def summary(self) -> str:
        counts = self.events["significance"].value_counts()
        return (
            f"Timeline explorer: {len(self.events)} events from {self.events['year'].min()} to "
            f"{self.events['year'].max()} in {self.events['era'].nunique()} eras, "
            f"{int(counts.get(3, 0))} of them turning points."
        )

    def print_png(self) -> bytes:
        """The default view (every event) as the picture the PDF prints."""
        png, _ = timeline_png(
            self.events, "Events of the Iran–Russia relationship", dpi=PRINT_DPI, palette=False
        )
        return png

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = self.summary()
        bundle["image/png"] = base64.b64encode(self.print_png()).decode("ascii")
        bundle["text/markdown"] = key_events_markdown(self.events)
        return bundle


class KeyEventsForPrint:
    """The table of key events for the PDF; in HTML and in Jupyter it shows nothing (the
    explorer above it lists the events there)."""

    def __init__(self, events: pd.DataFrame):
        self.events = events

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        turning = self.events[self.events["significance"] == 3]
        plain = "\n".join(f"{row.date}  {row.title}" for row in turning.itertuples())
        return {
            "text/html": "<!-- the key events table prints in the PDF only -->",
            "text/markdown": "**Key events (turning points)**\n\n" + key_events_markdown(turning),
            "text/plain": "Key events (turning points)\n" + plain,
        }


def show(events: pd.DataFrame | None = None, eras: pd.DataFrame | None = None) -> None:
    """Display the timeline explorer (one output: give its cell a figure caption and alt text)."""
    display(TimelineExplorer(events, eras))


def key_events_for_pdf(events: pd.DataFrame | None = None) -> KeyEventsForPrint:
    """The table of key events that follows the explorer in the PDF (nothing shows in HTML).

    It belongs in a cell of its own: myst-nb puts every output of a cell with a figure caption
    inside that figure, so it cannot share the explorer's cell."""
    return KeyEventsForPrint(data.load_events() if events is None else events)
