"""data/README.md documents every file, column and vocabulary term the schemas enforce."""

from iran_russia import vocabularies as vocab
from iran_russia.paths import data_dir
from iran_russia.schemas import SCHEMAS

README = (data_dir() / "README.md").read_text(encoding="utf-8")


def test_every_file_and_column_is_documented():
    for name, schema in SCHEMAS.items():
        assert f"`{name}.csv`" in README, name
        for column in schema.columns:
            assert f"`{column}`" in README, f"{name}.{column}"


def test_every_vocabulary_term_is_documented():
    terms = [
        *vocab.DOMAINS,
        *vocab.ARMS_PARTIES,
        *vocab.ARMS_CATEGORIES,
        *vocab.ARMS_STATUSES,
        *vocab.TRADE_FLOWS,
        *vocab.ENERGY_INDICATORS,
        *set(vocab.ENERGY_INDICATORS.values()),
        *vocab.INSTITUTION_KINDS,
        *vocab.INSTITUTION_STATUSES,
        *vocab.UN_OUTCOMES,
        *vocab.UN_VOTES,
        *vocab.CLAIM_VERDICTS,
        *vocab.ARTICLE_SECTIONS,
    ]
    missing = [term for term in terms if f"`{term}`" not in README and f"| {term} |" not in README]
    assert missing == []
