"""The appendix's numbers about the datasets match the files they describe."""

import csv

import pytest

from iran_russia import data, dataset_summaries
from iran_russia.bibliography import load_bibliography
from iran_russia.errors import DataValidationError
from iran_russia.paths import data_dir
from iran_russia.schemas import SCHEMAS


def raw_rows(name):
    with (data_dir() / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_dataset_with_a_schema_and_a_file_is_listed():
    names = dataset_summaries.dataset_names()
    assert names == [n for n in SCHEMAS if (data_dir() / f"{n}.csv").is_file()]
    assert {"events", "claims", "trade"} <= set(names)


@pytest.mark.parametrize("name", dataset_summaries.dataset_names())
def test_summary_counts_rows_columns_and_sources_of_the_file(name):
    rows = raw_rows(name)
    summary = dataset_summaries.summarize(name)
    assert summary["rows"] == len(rows)
    assert summary["columns"] == len(rows[0])
    keys = {k for row in rows for k in row.get("sources", "").split(";") if k}
    assert summary["sources"] == len(keys)


def test_events_cover_the_years_of_their_dates():
    rows = raw_rows("events")
    years = [int(r[c][:4]) for r in rows for c in ("date", "end_date") if r[c]]
    summary = dataset_summaries.summarize("events")
    assert (summary["first_year"], summary["last_year"]) == (min(years), max(years))


def test_undated_dataset_says_so():
    table = dataset_summaries.summary_table()
    assert table.loc["claims", "Years covered"] == "not dated"
    assert table.loc["events", "File"] == "data/events.csv"
    assert table["Rows"].sum() == sum(len(raw_rows(n)) for n in table.index)


def test_source_kinds_add_up_to_the_distinct_sources():
    kinds = dataset_summaries.source_kinds_table()
    summary = dataset_summaries.summary_table()
    assert (kinds["Total"] == summary["Distinct sources"]).all()
    assert (kinds.drop(columns="Total").sum(axis=1) == kinds["Total"]).all()


def test_source_kind_rules_sort_known_publishers():
    entries = load_bibliography().entries
    kind = dataset_summaries.source_kind
    assert kind(entries["unsc_res1737_2006"]) == "official and archival documents"
    assert kind(entries["iranica_golestan"]) == "scholarship and reference works"
    assert kind(entries["aca_iran_missiles_russia_2024"]) == "research institutes"
    assert kind(entries["afp_assad_fall_2024"]) == "news and other media"


def test_unknown_dataset_is_named():
    with pytest.raises(ValueError, match="no dataset named 'evnets'; the datasets are: events"):
        dataset_summaries.summarize("evnets")


def test_a_broken_copy_reports_file_row_column_and_value(tmp_path):
    copy = dataset_summaries.copy_data(tmp_path)
    dataset_summaries.edit_cell(copy, "events", 3, "domain", "military")
    with pytest.raises(DataValidationError) as caught:
        data.load_events(copy)
    message = str(caught.value)
    assert "events.csv, row 3, column 'domain': must be one of" in message
    assert "(found 'military')" in message
    assert str(tmp_path) not in message
    assert len(data.load_events()) == len(raw_rows("events"))  # the real data is untouched


def test_copy_and_edit_refuse_bad_arguments(tmp_path):
    copy = dataset_summaries.copy_data(tmp_path)
    with pytest.raises(ValueError, match="already exists"):
        dataset_summaries.copy_data(tmp_path)
    with pytest.raises(ValueError, match="no column 'colour'"):
        dataset_summaries.edit_cell(copy, "events", 3, "colour", "x")
    with pytest.raises(ValueError, match="not row 1"):
        dataset_summaries.edit_cell(copy, "events", 1, "domain", "x")
    with pytest.raises(ValueError, match="no file nothing.csv"):
        dataset_summaries.edit_cell(copy, "nothing", 2, "id", "x")


def test_sources_in_use_are_the_union_of_every_datasets_sources():
    used = dataset_summaries.sources_in_use()
    union = set()
    for name in dataset_summaries.dataset_names():
        union |= {k for row in raw_rows(name) for k in row.get("sources", "").split(";") if k}
    assert used == union
    assert used <= set(load_bibliography().entries)


def test_eras_run_to_the_present():
    table = dataset_summaries.summary_table()
    first = int(data.load_eras()["start_year"].min())
    assert table.loc["eras", "Years covered"] == f"{first} onwards"
