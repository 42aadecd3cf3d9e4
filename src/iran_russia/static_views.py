"""Views rendered ahead of time and switched in the browser, so a widget still responds in the
static book, where no Python kernel runs.

Each view is drawn once into an ``Output`` widget; a selector's ``index`` is linked to a ``Stack``'s
``selected_index`` with ``jslink``, a link the browser keeps without Python. In a live notebook the
same widget works too (and callers may add Python callbacks for finer controls).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets


def render_view(draw: Callable[[], None]) -> widgets.Output:
    """Run ``draw`` (which displays figures, tables or text) into a fresh ``Output`` widget."""
    output = widgets.Output()
    with output:
        draw()
    return output


def switchable_views(
    label: str,
    views: dict[str, Callable[[], None]],
    selector: str = "dropdown",
) -> widgets.VBox:
    """A selector over named views, each rendered now; switching works without a kernel.

    ``selector`` is ``"dropdown"`` or ``"buttons"`` (toggle buttons, for a few short names).
    """
    if not views:
        raise ValueError("switchable_views needs at least one view")
    if selector not in {"dropdown", "buttons"}:
        raise ValueError(f"selector must be 'dropdown' or 'buttons', not {selector!r}")
    names = list(views)
    stack = widgets.Stack([render_view(views[name]) for name in names], selected_index=0)
    options = [(name, index) for index, name in enumerate(names)]
    if selector == "dropdown":
        control = widgets.Dropdown(options=options, value=0, description=label)
    else:
        control = widgets.ToggleButtons(options=options, value=0, description=label)
    control.style.description_width = "initial"
    widgets.jslink((control, "index"), (stack, "selected_index"))
    return widgets.VBox([control, stack])
