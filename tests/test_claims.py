import pytest

from iran_russia import claims, data
from iran_russia.vocabularies import ARTICLE_SECTIONS, CLAIM_VERDICTS


def test_every_article_section_is_audited():
    audited = set(data.read_table("claims")["section"])
    assert audited == set(ARTICLE_SECTIONS)


def test_box_shows_each_claim_of_a_section_with_its_citations():
    box = claims.article_box("history")
    section = data.read_table("claims").query("section == 'history'")
    markdown = box._repr_markdown_()
    assert markdown.startswith(":::{admonition} The article says / the record shows")
    assert markdown.count("**The article says**") == len(section)
    for keys in section["source_keys"]:
        assert f"{{cite:p}}`{','.join(keys)}`" in markdown
    assert repr(box).count("The article says:") == len(section)


def test_box_keeps_the_order_of_the_ids_asked_for():
    ids = ["c-history-cold-war-us-alignment", "c-history-ww2-occupation-supply"]
    box = claims.article_box(ids=ids)
    assert list(box.claims["id"]) == ids


def test_unknown_section_or_id_is_named():
    with pytest.raises(ValueError, match="unknown article section 'histroy'"):
        claims.article_box("histroy")
    with pytest.raises(ValueError, match="no claim with id c-nope"):
        claims.article_box(ids=["c-nope"])


def test_verdict_counts_add_up():
    table = claims.verdict_counts()
    assert table.to_numpy().sum() == len(data.read_table("claims"))
    assert list(table.columns) == list(CLAIM_VERDICTS)
    overall = claims.verdict_counts(by_section=False)
    assert overall["Claims"].sum() == len(data.read_table("claims"))


def test_dollar_amounts_are_not_read_as_mathematics():
    audit = data.read_table("claims")
    with_dollars = audit[audit["evidence"].str.contains("$", regex=False)]
    assert len(with_dollars) > 0, "the audit quotes sums in dollars"
    markdown = claims.article_box(ids=list(with_dollars["id"]))._repr_markdown_()
    assert "$" not in markdown.replace("\\$", "")
