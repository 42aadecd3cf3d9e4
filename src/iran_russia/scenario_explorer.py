"""The scenario explorer: sliders for the drivers of the scenario model, and what they imply.

In a notebook cell::

    from iran_russia import scenario_explorer
    scenario_explorer.explorer()

shows two tabs. **Presets** works everywhere, also in the static book where no Python runs: each
preset's full output (the bar figure of the futures' relative weights, which drivers push which
way, the signposts) is drawn ahead of time and a dropdown switches between them in the browser
(:func:`iran_russia.static_views.switchable_views`). **Your own setting** has a slider per driver,
the presets and a reset button, and redraws on every change; it needs a running notebook. The same
cell prints in the PDF as a figure of the presets side by side.

The explorer is a tool for structured thinking, not a forecast: its numbers follow from weights
that are judgements, written down in ``data/scenarios/weights.csv`` so that they can be argued with.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap

import ipywidgets as widgets
import numpy as np
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure

from . import scenarios, static_views
from .style import OKABE_ITO, SERIES_COLORS, new_figure

NOT_A_FORECAST = (
    "This is a tool for structured thinking, not a forecast. The bars show what the chosen driver "
    "values and the model's weights imply together; the weights are judgements (see "
    "<code>data/scenarios/weights.csv</code>), and the shares are not probabilities."
)

#: One colour per future of the data, from the book's colour-blind-safe palette.
FUTURE_COLORS = {
    "strengthening": OKABE_ITO["blue"],
    "cooling": OKABE_ITO["vermillion"],
    "mixed": OKABE_ITO["orange"],
    "transactional": OKABE_ITO["bluish green"],
}


def future_color(model: scenarios.ScenarioModel, future: str) -> str:
    """The colour of a future (futures added to the data later get the palette's next colours)."""
    if future in FUTURE_COLORS:
        return FUTURE_COLORS[future]
    others = [f for f in model.future_ids if f not in FUTURE_COLORS]
    spare = [c for c in SERIES_COLORS if c not in FUTURE_COLORS.values()]
    return spare[others.index(future) % len(spare)]


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def shares_figure(
    model: scenarios.ScenarioModel, shares: pd.Series, title: str = "Relative weight of each future"
) -> Figure:
    """Horizontal bars of the futures' relative weights (shares adding up to 1)."""
    fig, ax = new_figure(7.5, 2.8)
    futures = list(shares.index)[::-1]
    names = [model.futures.loc[f, "name"] for f in futures]
    values = [100 * shares[f] for f in futures]
    ax.barh(names, values, color=[future_color(model, f) for f in futures])
    for y, value in enumerate(values):
        ax.text(value + 1, y, f"{value:.0f}%", va="center", fontsize=10)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Relative weight in the model (%; the futures add up to 100)")
    ax.set_title(title)
    return fig


def presets_figure(model: scenarios.ScenarioModel, presets: list[str] | None = None) -> Figure:
    """The presets side by side: one bar per preset, split into the futures' relative weights."""
    table = model.compare_presets(presets)
    fig, ax = new_figure(9.0, 0.55 * len(table) + 2.2)
    names = [model.presets.loc[p, "name"] for p in table.index][::-1]
    left = [0.0] * len(names)
    for future in model.future_ids:
        values = [100 * v for v in table[future].to_numpy()[::-1]]
        ax.barh(
            names, values, left=left, color=future_color(model, future),
            label=model.futures.loc[future, "name"], edgecolor="white",
        )  # fmt: skip
        text_color = "black" if future == "mixed" else "white"
        for y, (start, width) in enumerate(zip(left, values, strict=True)):
            if width >= 9:
                ax.text(start + width / 2, y, f"{width:.0f}%", ha="center", va="center",
                        fontsize=9, color=text_color)  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("Relative weight of each future in the model (%)")
    ax.set_title("What each preset implies in the model")
    fig.legend(loc="outside lower center", ncol=2)
    return fig


def weights_figure(model: scenarios.ScenarioModel) -> Figure:
    """The weights as a grid: drivers down, futures across, each cell's number written in it."""
    fig, ax = new_figure(8.5, 0.5 * len(model.driver_ids) + 1.6)
    grid = model.weights.to_numpy()
    limit = max(1.0, float(abs(grid).max()))
    ax.imshow(grid, cmap="PuOr", vmin=-limit, vmax=limit, aspect="auto")
    for (row, column), value in np.ndenumerate(grid):
        ax.text(column, row, f"{value:+.1f}", ha="center", va="center", fontsize=10,
                color="white" if abs(value) > 0.75 * limit else "black")  # fmt: skip
    ax.set_xticks(
        range(len(model.future_ids)),
        [textwrap.fill(model.futures.loc[f, "name"], 16) for f in model.future_ids],
    )
    ax.set_yticks(
        range(len(model.driver_ids)), [model.drivers.loc[d, "name"] for d in model.driver_ids]
    )
    ax.tick_params(axis="x", labelrotation=0, labelsize=9, top=True, labeltop=True,
                   bottom=False, labelbottom=False)  # fmt: skip
    ax.tick_params(axis="y", labelsize=9)
    fig.suptitle("The model's weights: score added per step up a driver", fontweight="bold")
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes (no pyplot involved)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def shares_svg(
    model: scenarios.ScenarioModel, shares: pd.Series, title: str = "Relative weight of each future"
) -> str:
    """The bars of :func:`shares_figure` as inline SVG: the same picture, drawn in about a
    millisecond, so that the live explorer can redraw on every change (matplotlib needs a tenth
    of a second or more). It carries a text alternative for screen readers."""
    left, width, bar, gap, top = 230, 360, 22, 10, 34
    futures = list(shares.index)
    height = top + len(futures) * (bar + gap) + 44
    summary = "; ".join(f"{model.futures.loc[f, 'name']} {100 * shares[f]:.0f}%" for f in futures)
    font = "font-family='DejaVu Sans, Arial, sans-serif'"
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='100%' "
        f"viewBox='0 0 {left + width + 50} {height}' "
        f"aria-label='{html.escape(title)}: {html.escape(summary)}' "
        f"style='background:white;max-width:{left + width + 50}px;height:auto'>",
        f"<title>{html.escape(title)}: {html.escape(summary)}</title>",
        f"<text x='4' y='18' {font} font-size='14' font-weight='bold'>{html.escape(title)}</text>",
    ]
    for i, future in enumerate(futures):
        y = top + i * (bar + gap)
        share = float(shares[future])
        name = html.escape(model.futures.loc[future, "name"])
        parts += [
            f"<text x='{left - 8}' y='{y + bar * 0.7:.0f}' {font} font-size='12' "
            f"text-anchor='end'>{name}</text>",
            f"<rect x='{left}' y='{y}' width='{share * width:.1f}' height='{bar}' "
            f"fill='{future_color(model, future)}'/>",
            f"<text x='{left + share * width + 5:.1f}' y='{y + bar * 0.7:.0f}' {font} "
            f"font-size='12'>{100 * share:.0f}%</text>",
        ]
    axis_y = top + len(futures) * (bar + gap)
    parts.append(
        f"<line x1='{left}' y1='{axis_y}' x2='{left + width}' y2='{axis_y}' stroke='black'/>"
    )
    for tick in (0, 25, 50, 75, 100):
        x = left + width * tick / 100
        parts += [
            f"<line x1='{x}' y1='{axis_y}' x2='{x}' y2='{axis_y + 4}' stroke='black'/>",
            f"<text x='{x}' y='{axis_y + 17}' {font} font-size='11' "
            f"text-anchor='middle'>{tick}</text>",
        ]
    parts += [
        f"<text x='{left + width / 2}' y='{axis_y + 36}' {font} font-size='12' "
        "text-anchor='middle'>Relative weight in the model (%, the futures add up to 100)</text>",
        "</svg>",
    ]
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------


def _signed(number: float) -> str:
    """``+1.5``, ``−0.75``, ``0``: a sign always shown, a true minus sign, no trailing zeros."""
    text = f"{abs(number):.2f}".rstrip("0").rstrip(".")
    if text == "0":
        return "0"
    return ("+" if number > 0 else "\u2212") + text


def breakdown_html(model: scenarios.ScenarioModel, values: pd.Series) -> str:
    """A table: each driver's value and what it adds to each future's score, and where it pushes."""
    table = model.breakdown(values)
    futures = model.future_ids
    head = "".join(f"<th>{html.escape(model.futures.loc[f, 'name'])}</th>" for f in futures)
    rows = []
    for driver in model.driver_ids:
        cells = "".join(
            f"<td style='text-align:right'>{_signed(table.loc[driver, f])}</td>" for f in futures
        )
        push = table.loc[driver, "push"]
        towards = "no push" if push == "—" else html.escape(model.futures.loc[push, "name"])
        rows.append(
            f"<tr><td>{html.escape(model.drivers.loc[driver, 'name'])}</td>"
            f"<td style='text-align:right'>{_signed(values[driver])}</td>{cells}"
            f"<td>{towards}</td></tr>"
        )
    return (
        "<div tabindex='0' role='region' aria-label='How each driver pushes each future' "
        "style='overflow-x:auto;font-size:0.85em'><table class='scenario-breakdown'>"
        "<caption style='text-align:left'>Which drivers push which way: weight × value added to "
        "each future's score (only differences between futures matter)</caption>"
        f"<thead><tr><th>Driver</th><th>Value</th>{head}<th>Pushes hardest towards</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def signposts_html(model: scenarios.ScenarioModel, shares: pd.Series) -> str:
    """The signposts of every future, the futures in order of their relative weight."""
    parts = ["<div class='scenario-signposts'><strong>Signposts to watch</strong>"]
    for future in shares.sort_values(ascending=False).index:
        name = html.escape(model.futures.loc[future, "name"])
        items = "".join(
            f"<li>{html.escape(row.signpost)} <em>(why: {html.escape(row.why)})</em></li>"
            for row in model.signposts_for(future).itertuples()
        )
        parts.append(f"<p>{name} ({100 * shares[future]:.0f}%)</p><ul>{items}</ul>")
    parts.append("</div>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Static views: one per preset, switched in the browser
# ---------------------------------------------------------------------------------------------


def _preset_view(model: scenarios.ScenarioModel, preset: str):
    def draw() -> None:
        values = model.preset_values(preset)
        shares = model.score(values)
        name = model.presets.loc[preset, "name"]
        intro = html.escape(model.presets.loc[preset, "description"])
        display(
            HTML(
                f"<p><strong>{html.escape(name)}.</strong> {intro}</p>"
                + shares_svg(model, shares, f"{name}: relative weights")
                + breakdown_html(model, values)
                + signposts_html(model, shares)
            )
        )

    return draw


def presets_view(model: scenarios.ScenarioModel, presets: list[str] | None = None) -> widgets.VBox:
    """Every preset's full output, rendered now, behind a dropdown that works without a kernel."""
    chosen = presets or model.preset_ids
    views = {model.presets.loc[p, "name"]: _preset_view(model, p) for p in chosen}
    return static_views.switchable_views("Preset:", views)


# ---------------------------------------------------------------------------------------------
# The live explorer
# ---------------------------------------------------------------------------------------------


class ScenarioExplorer:
    """Sliders for the drivers, presets and a reset, redrawing the futures' weights on each change.

    Drive it from code as a student would with the mouse: ``set_driver(id, value)`` (a value off
    the driver's scale is refused with a message), ``choose_preset(id)``, ``reset()``; read
    ``values()`` and ``shares()``.
    """

    def __init__(self, model: scenarios.ScenarioModel | None = None):
        self.model = model or scenarios.load_model()
        self._quiet = False
        self.sliders: dict[str, widgets.FloatSlider] = {}
        for driver in self.model.driver_ids:
            row = self.model.drivers.loc[driver]
            slider = widgets.FloatSlider(
                value=row["as_of_value"], min=row["scale_min"], max=row["scale_max"], step=0.5,
                description=row["name"], continuous_update=False, readout_format="+.1f",
                style={"description_width": "22em"}, layout=widgets.Layout(width="38em"),
            )  # fmt: skip
            slider.observe(self._slider_moved, names="value")
            self.sliders[driver] = slider
        self.scale_notes = widgets.HTML(self._scale_notes())
        self.preset = widgets.Dropdown(
            options=[(self.model.presets.loc[p, "name"], p) for p in self.model.preset_ids],
            value="as_of",
            description="Preset:",
        )
        self.preset.observe(self._preset_chosen, names="value")
        self.reset_button = widgets.Button(
            description="Reset", tooltip="Back to the situation as of the data's date"
        )
        self.reset_button.on_click(lambda _: self.reset())
        self.message = widgets.HTML()
        self.figure = widgets.HTML()
        self.breakdown = widgets.HTML()
        self.signposts = widgets.HTML()
        self.renders = 0
        self._redraw()

    # -- what a student does ---------------------------------------------------------------

    def values(self) -> pd.Series:
        return pd.Series({d: s.value for d, s in self.sliders.items()}, name="value", dtype=float)

    def shares(self) -> pd.Series:
        return self.model.score(self.values())

    def set_driver(self, driver: str, value) -> bool:
        """Move one slider; a value off the driver's scale is refused with a message (False)."""
        try:
            number = self.model.check_value(driver, value)
        except ValueError as error:
            self.message.value = f"<p role='alert'>⚠ Not applied: {html.escape(str(error))}</p>"
            return False
        self.sliders[driver].value = number
        return True

    def choose_preset(self, preset: str) -> None:
        values = self.model.preset_values(preset)  # an unknown preset raises, naming the presets
        self._quiet = True
        try:
            for driver, value in values.items():
                self.sliders[driver].value = value
            self.preset.value = preset
        finally:
            self._quiet = False
        self._redraw()

    def reset(self) -> None:
        self.choose_preset("as_of")

    # -- callbacks -------------------------------------------------------------------------

    def _slider_moved(self, change) -> None:
        if self._quiet:
            return
        current = self.preset.value
        if current is not None and not self.values().equals(
            self.model.preset_values(current).rename("value")
        ):
            self._quiet = True
            self.preset.value = None  # a custom setting: no preset matches
            self._quiet = False
        self._redraw()

    def _preset_chosen(self, change) -> None:
        if not self._quiet and change["new"] is not None:
            self.choose_preset(change["new"])

    def _redraw(self) -> None:
        values = self.values()
        shares = self.model.score(values)
        setting = "custom setting" if self.preset.value is None else self.preset.label
        self.figure.value = shares_svg(
            self.model, shares, f"Relative weight of each future ({setting})"
        )
        self.breakdown.value = breakdown_html(self.model, values)
        self.signposts.value = signposts_html(self.model, shares)
        self.message.value = ""
        self.renders += 1

    def _scale_notes(self) -> str:
        items = "".join(
            f"<li><strong>{html.escape(r.name)}</strong>: −2 {html.escape(r.low_means)}; "
            f"0 {html.escape(r.middle_means)}; +2 {html.escape(r.high_means)}</li>"
            for r in self.model.drivers.itertuples()
        )
        return f"<details><summary>What the scales mean</summary><ul>{items}</ul></details>"

    # -- layout ----------------------------------------------------------------------------

    @property
    def widget(self) -> widgets.VBox:
        note = widgets.HTML(
            "<p>Moving the sliders needs a running notebook (open this page in JupyterLab or "
            "Binder). In the book, use the <em>Presets</em> tab.</p>"
        )
        controls = widgets.HBox([self.preset, self.reset_button])
        return widgets.VBox(
            [
                note,
                controls,
                *self.sliders.values(),
                self.scale_notes,
                self.message,
                self.figure,
                self.breakdown,
                self.signposts,
            ]
        )


# ---------------------------------------------------------------------------------------------
# The cell's object: widget in HTML and live notebooks, a picture in the PDF
# ---------------------------------------------------------------------------------------------


class ExplorerDisplay:
    """What ``explorer()`` returns: the widget for HTML and notebooks, a PNG of the presets for
    LaTeX/PDF (which takes ``image/png`` before ``text/plain``), and a one-line text form."""

    def __init__(self, model: scenarios.ScenarioModel | None = None):
        self.model = model or scenarios.load_model()
        self.live = ScenarioExplorer(self.model)
        self.statement = widgets.HTML(f"<p><strong>{NOT_A_FORECAST}</strong></p>")
        self.presets = presets_view(self.model)
        self.tabs = widgets.Tab(
            children=[self.presets, self.live.widget],
            titles=["Presets", "Your own setting"],
            layout=widgets.Layout(width="100%"),
        )
        self.widget = widgets.VBox([self.statement, self.tabs])

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["image/png"] = base64.b64encode(png_bytes(presets_figure(self.model))).decode()
        bundle["text/plain"] = (
            f"Scenario explorer: {len(self.model.driver_ids)} drivers, "
            f"{len(self.model.future_ids)} futures, {len(self.model.preset_ids)} presets "
            "(a tool for structured thinking, not a forecast)"
        )
        return bundle


def explorer(model: scenarios.ScenarioModel | None = None) -> ExplorerDisplay:
    """The scenario explorer for a notebook cell (see the module's docstring)."""
    return ExplorerDisplay(model)
