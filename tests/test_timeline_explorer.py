import base64
import re
from xml.etree import ElementTree

import ipywidgets as widgets
import pytest

from iran_russia.timeline_explorer import (
    ALL_DOMAINS,
    ALL_ERAS,
    KeyEventsForPrint,
    TimelineExplorer,
    filter_events,
    timeline_png,
)
from iran_russia.vocabularies import DOMAINS

PNG = b"\x89PNG\r\n\x1a\n"
SVG = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture()
def explorer(events, eras):
    return TimelineExplorer(events, eras, static_views=False)


@pytest.fixture(scope="module")
def full_explorer(events, eras):
    return TimelineExplorer(events, eras)


def listed_titles(view_html: str) -> list[str]:
    return re.findall(r"<li><strong>[^<]*</strong>: <strong>([^<]*)</strong>", view_html)


def unescape(text: str) -> str:
    return text.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")


# filter_events: the pure function


def test_no_filter_keeps_every_event(events):
    assert len(filter_events(events)) == len(events)


def test_each_filter_keeps_only_what_it_names(events):
    shown = filter_events(
        events, era="post-soviet", domains=["nuclear", "defense"], min_significance=2
    )
    assert set(shown["era"]) == {"post-soviet"}
    assert set(shown["domain"]) <= {"nuclear", "defense"}
    assert (shown["significance"] >= 2).all()
    expected = events[
        (events["era"] == "post-soviet")
        & events["domain"].isin(["nuclear", "defense"])
        & (events["significance"] >= 2)
    ]
    assert list(shown["id"]) == list(expected["id"])


def test_year_range_is_inclusive_and_open_ended(events):
    shown = filter_events(events, years=(1941, 1946))
    assert shown["year"].between(1941, 1946).all()
    assert len(shown) == int(events["year"].between(1941, 1946).sum())
    assert len(filter_events(events, years=(None, 1900))) == int((events["year"] <= 1900).sum())


def test_keyword_searches_title_and_summary_ignoring_case(events):
    shown = filter_events(events, keyword="  BUSHEHR ")
    text = (events["title"] + " " + events["summary"]).str.lower()
    assert len(shown) == int(text.str.contains("bushehr").sum()) > 0
    assert filter_events(events, keyword="no such word anywhere").empty


def test_a_single_domain_may_be_a_string(events):
    assert list(filter_events(events, domains="energy")["id"]) == list(
        events.loc[events["domain"] == "energy", "id"]
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"years": (2000, 1990)}, "starts in 2000, after it ends in 1990"),
        ({"era": "bronze-age"}, "unknown era 'bronze-age'"),
        ({"domains": ["nuclear", "sport"]}, "unknown domain 'sport'"),
        ({"domains": []}, "choose at least one domain"),
        ({"min_significance": 0}, "significance must be 1, 2 or 3"),
        ({"min_significance": 4}, "significance must be 1, 2 or 3"),
    ],
)
def test_bad_settings_raise_a_value_error_naming_the_problem(events, eras, settings, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        filter_events(events, eras=eras, **settings)


# drawing


def test_timeline_png_is_a_palette_png_and_labels_when_they_fit(events):
    png, labelled = timeline_png(filter_events(events, era="empires"), "Empires")
    assert png.startswith(PNG)
    assert labelled
    crowded, labelled = timeline_png(events, "All")
    assert crowded.startswith(PNG) and not labelled  # every turning point at once cannot fit


# the live widget, driven programmatically


def test_default_view_lists_every_event_with_sources(explorer, events):
    titles = listed_titles(explorer.view.value)
    assert len(titles) == len(events)
    assert "<svg" in explorer.view.value and "role='img'" in explorer.view.value  # live: SVG
    first = events.iloc[0]
    assert f"<code>{first['source_keys'][0]}</code>" in explorer.view.value


def test_choosing_an_era_and_domains_redraws_the_view(explorer, events):
    explorer.era.value = "war-in-ukraine"
    explorer.domains.value = ("defense", "energy")
    expected = events[
        (events["era"] == "war-in-ukraine") & events["domain"].isin(["defense", "energy"])
    ]
    assert [unescape(t) for t in listed_titles(explorer.view.value)] == list(expected["title"])
    assert list(explorer.shown["id"]) == list(expected["id"])


def test_significance_years_and_keyword_narrow_the_list(explorer, events):
    explorer.significance.value = 3
    assert len(listed_titles(explorer.view.value)) == int((events["significance"] == 3).sum())
    explorer.years.value = (1800, 1900)
    assert set(explorer.shown["year"]) <= set(range(1800, 1901))
    explorer.keyword.value = "Turkmenchay"
    titles = [unescape(t) for t in listed_titles(explorer.view.value)]
    assert titles == ["Treaty of Turkmenchay"]


def test_a_filter_that_matches_nothing_says_so(explorer):
    explorer.keyword.value = "no such word anywhere"
    assert "No events match" in explorer.view.value
    assert "<img" not in explorer.view.value and "<svg" not in explorer.view.value
    assert explorer.shown.empty and explorer.last_error is None


def test_bad_settings_show_their_message_instead_of_failing(explorer):
    explorer.domains.value = ()  # the reader unselects every domain
    assert "Cannot filter the events" in explorer.view.value
    assert "choose at least one domain" in explorer.view.value
    explorer.update(years=(2000, 1990))
    assert "starts in 2000, after it ends in 1990" in explorer.view.value
    explorer.update(era="bronze-age")
    assert "unknown era" in explorer.last_error
    explorer.domains.value = tuple(DOMAINS)  # a good setting brings the view back
    assert explorer.last_error is None and "<svg" in explorer.view.value


def test_redrawing_the_same_events_reuses_the_picture(explorer):
    explorer.era.value = "empires"
    first = explorer.view.value
    explorer.era.value = None
    explorer.era.value = "empires"
    assert explorer.view.value is first


def test_a_control_change_draws_the_new_selection_as_svg(explorer, events):
    explorer.era.value = "empires"
    explorer.domains.value = ("diplomacy",)
    expected = events[(events["era"] == "empires") & (events["domain"] == "diplomacy")]
    svg = re.search(r"<svg.*?</svg>", explorer.view.value, re.S).group(0)
    root = ElementTree.fromstring(svg)
    markers = root.findall(".//svg:path[@class='marker']", SVG)
    assert len(markers) == len(expected)
    assert {m.get("data-domain") for m in markers} == {"diplomacy"}
    lanes = [g.get("data-domain") for g in root.findall(".//svg:g[@class='lane']", SVG)]
    assert lanes == ["diplomacy"]
    assert "Empires" in root.get("aria-label") or "empires" in root.get("aria-label").lower()
    assert [unescape(t) for t in listed_titles(explorer.view.value)] == list(expected["title"])
    explorer.significance.value = 3  # another change: another picture
    assert explorer.view.value.count("class='marker'") == int((expected["significance"] == 3).sum())
    assert "<img" not in explorer.view.value  # the live tab draws no PNG


def test_clearing_the_cache_redraws_the_live_view(explorer):
    explorer.era.value = "empires"
    first = explorer.view.value
    explorer.clear_cache()
    explorer.era.value = None
    explorer.era.value = "empires"
    assert explorer.view.value == first and explorer.view.value is not first


# the static book: views drawn ahead and switched in the browser


def test_browse_tab_holds_a_view_for_every_era_and_domain(full_explorer, events, eras):
    header, grid = full_explorer.browse.children
    era_control, domain_control = header.children
    assert [name for name, _ in era_control.options][0] == ALL_ERAS
    assert len(era_control.options) == len(eras) + 1
    assert [name for name, _ in domain_control.options][0] == ALL_DOMAINS
    assert len(domain_control.options) == len(DOMAINS) + 1
    assert len(grid.children) == len(eras) + 1
    for row in grid.children:
        assert isinstance(row, widgets.Stack) and len(row.children) == len(DOMAINS) + 1
    era_index = list(eras["id"]).index("empires") + 1
    nuclear_index = list(DOMAINS).index("nuclear") + 1
    diplomacy_index = list(DOMAINS).index("diplomacy") + 1
    empty = grid.children[era_index].children[nuclear_index].outputs[0]["data"]["text/html"]
    assert "No events match" in empty  # no nuclear events before 1917
    view = grid.children[era_index].children[diplomacy_index].outputs[0]["data"]["text/html"]
    expected = events[(events["era"] == "empires") & (events["domain"] == "diplomacy")]
    assert [unescape(t) for t in listed_titles(view)] == list(expected["title"])
    everything = grid.children[0].children[0].outputs[0]["data"]["text/html"]
    assert len(listed_titles(everything)) == len(events)


# how it shows: widget in HTML, picture and table in the PDF


def test_mimebundle_offers_the_widget_a_picture_and_a_table(full_explorer, events):
    bundle = full_explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(PNG)
    assert "VBox(" not in bundle["text/plain"] and f"{len(events)} events" in bundle["text/plain"]
    rows = [line for line in bundle["text/markdown"].splitlines() if line.startswith("| ")]
    assert len(rows) - 2 == int((events["significance"] == 3).sum())  # header and rule
    assert "{cite:p}`" in bundle["text/markdown"]


def test_key_events_for_print_show_nothing_in_html(events):
    bundle = KeyEventsForPrint(events)._repr_mimebundle_()
    assert bundle["text/html"].startswith("<!--") and bundle["text/html"].endswith("-->")
    assert "Treaty of Turkmenchay" in bundle["text/markdown"]
    assert "image/png" not in bundle
