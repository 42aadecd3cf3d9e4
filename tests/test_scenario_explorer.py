"""The scenario explorer, driven from code as a reader drives it with the mouse."""

from __future__ import annotations

import base64

import ipywidgets as widgets
import pytest
from matplotlib.figure import Figure

from iran_russia import scenario_explorer, scenarios


@pytest.fixture(scope="module")
def model() -> scenarios.ScenarioModel:
    return scenarios.load_model()


@pytest.fixture()
def explorer(model) -> scenario_explorer.ScenarioExplorer:
    return scenario_explorer.ScenarioExplorer(model)


def test_it_starts_at_the_data_s_date(explorer, model):
    assert explorer.values().to_dict() == model.values().to_dict()
    assert explorer.preset.value == "as_of"
    assert explorer.shares().equals(model.score())
    assert "(The situation as of the data&#x27;s date)" in explorer.figure.value


def test_moving_a_slider_redraws_everything(explorer, model):
    figure, breakdown, signposts = (explorer.figure.value, explorer.breakdown.value,
                                    explorer.signposts.value)  # fmt: skip
    renders = explorer.renders
    explorer.sliders["western_pressure_on_russia"].value = -2.0
    assert explorer.renders == renders + 1
    assert explorer.figure.value != figure
    assert explorer.breakdown.value != breakdown
    assert explorer.signposts.value != signposts
    assert "custom setting" in explorer.figure.value
    assert explorer.preset.value is None
    expected = model.score(model.values(western_pressure_on_russia=-2))
    assert explorer.shares().equals(expected)
    share = f"{100 * expected['cooling']:.0f}%"
    assert share in explorer.figure.value


def test_choosing_a_preset_sets_every_slider_and_redraws_once(explorer, model):
    renders = explorer.renders
    explorer.preset.value = "nuclear_deal"
    assert explorer.renders == renders + 1
    assert explorer.values().to_dict() == model.preset_values("nuclear_deal").to_dict()
    assert "A new nuclear deal" in explorer.figure.value


def test_reset_returns_to_the_data_s_date(explorer, model):
    explorer.choose_preset("stress_in_iran")
    explorer.set_driver("oil_market_tightness", 2)
    explorer.reset_button.click()
    assert explorer.values().to_dict() == model.values().to_dict()
    assert explorer.preset.value == "as_of"


def test_an_impossible_setting_is_refused_with_a_message(explorer):
    before = explorer.values()
    assert explorer.set_driver("oil_market_tightness", 5) is False
    assert "oil_market_tightness = 5 is outside its scale" in explorer.message.value
    assert explorer.values().equals(before)
    assert explorer.set_driver("moon_phase", 1) is False
    assert "unknown driver" in explorer.message.value
    assert explorer.set_driver("oil_market_tightness", 1.5) is True
    assert explorer.message.value == ""


def test_an_unknown_preset_names_the_presets(explorer):
    with pytest.raises(ValueError, match="unknown preset 'doom'; the presets are as_of"):
        explorer.choose_preset("doom")


def test_the_breakdown_and_signposts_name_every_driver_and_future(explorer, model):
    for driver in model.driver_ids:
        assert model.drivers.loc[driver, "name"].replace("'", "&#x27;") in explorer.breakdown.value
    for future in model.future_ids:
        assert model.futures.loc[future, "name"] in explorer.signposts.value


def test_the_svg_bars_have_a_text_alternative(model):
    svg = scenario_explorer.shares_svg(model, model.score(), "Title")
    assert svg.startswith("<svg") and "role='img'" in svg and "<title>Title:" in svg
    for future in model.future_ids:
        assert model.futures.loc[future, "name"] in svg


def test_the_static_view_has_one_view_per_preset_linked_in_the_browser(model, monkeypatch):
    links = []
    monkeypatch.setattr(widgets, "jslink", lambda source, target: links.append((source, target)))
    view = scenario_explorer.presets_view(model)
    control, stack = view.children
    assert isinstance(stack, widgets.Stack)
    assert len(stack.children) == len(model.preset_ids) >= 5
    assert [label for label, _ in control.options] == list(model.presets["name"])
    assert links == [((control, "index"), (stack, "selected_index"))]


def test_the_cell_object_offers_the_widget_and_a_picture(model):
    shown = scenario_explorer.explorer(model)
    bundle = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert "VBox(" not in bundle["text/plain"]
    assert "not a forecast" in bundle["text/plain"]
    assert "not a forecast" in shown.statement.value
    assert isinstance(shown.tabs, widgets.Tab) and len(shown.tabs.children) == 2


def test_figures(model):
    fig = scenario_explorer.shares_figure(model, model.score())
    assert isinstance(fig, Figure)
    assert len(fig.axes[0].patches) == len(model.future_ids)
    fig = scenario_explorer.presets_figure(model)
    assert len(fig.axes[0].patches) == len(model.future_ids) * len(model.preset_ids)
