"""Controlled vocabularies of the datasets, documented in ``data/README.md``."""

from __future__ import annotations

#: Event domains, in the order the book's legends list them.
DOMAINS: dict[str, str] = {
    "diplomacy": "treaties, visits, alignments and breaks between the two governments",
    "defense": "wars, occupations, arms transfers, military cooperation and exercises",
    "energy": "oil, gas, electricity and pipelines, and the two states as producers",
    "nuclear": "Iran's nuclear programme, Russia's part in it and the UN and IAEA decisions on it",
    "economy": "trade, loans, concessions, banking, payments and transport",
    "regional": "third places and parties: Caucasus, Central Asia, Afghanistan, Syria, the Gulf",
    "domestic": "an internal turning point in either state that reshaped the relationship",
}

#: Event significance: 3 marks the turning points the timeline labels.
SIGNIFICANCE: dict[int, str] = {
    1: "context",
    2: "important",
    3: "turning point",
}

#: Parties of the arms-transfer records.
ARMS_PARTIES = ("Soviet Union", "Russia", "Iran")
ARMS_CATEGORIES = (
    "aircraft",
    "helicopters",
    "air defence",
    "missiles",
    "drones",
    "armoured vehicles",
    "naval",
    "artillery",
    "ammunition",
    "other",
)
ARMS_STATUSES: dict[str, str] = {
    "delivered": "delivery confirmed by the supplier, the recipient or SIPRI",
    "cancelled": "ordered or agreed, then called off or suspended",
    "reported": "reported with evidence by governments or major outlets, not confirmed by both",
    "unconfirmed": "claimed, with no corroborating evidence",
}

TRADE_FLOWS: dict[str, str] = {
    "russia_to_iran": "Russian exports to Iran (Iran's imports from Russia)",
    "iran_to_russia": "Iranian exports to Russia (Russia's imports from Iran)",
    "total": "both directions together, where only the total is published",
}

#: Energy indicators and the one unit each is recorded in. ``oil_production`` is total oil
#: including natural gas liquids; ``crude_production`` is crude oil (with condensate, where the
#: source includes it): the two are not comparable.
ENERGY_INDICATORS: dict[str, str] = {
    "oil_reserves": "thousand million barrels",
    "gas_reserves": "trillion cubic metres",
    "oil_production": "thousand barrels per day",
    "crude_production": "thousand barrels per day",
    "gas_production": "billion cubic metres",
}

INSTITUTION_KINDS = ("membership", "bilateral", "multilateral")
INSTITUTION_STATUSES = (
    "in force",
    "signed, not in force",
    "observer",
    "terminated",
    "suspended",
)

UN_OUTCOMES = ("adopted", "not adopted")
UN_VOTES = ("yes", "no", "abstain")

CLAIM_VERDICTS: dict[str, str] = {
    "supported": "the record bears the claim out",
    "needs nuance": "true in part, or true only with a qualification the article leaves out",
    "outdated": "was true when it happened, no longer describes the relationship",
    "not supported": "the record contradicts the claim, or nothing supports it",
}

#: Kinds of place on the module's map (``places.csv``).
PLACE_KINDS = ("capital", "city", "port", "nuclear site", "military base", "corridor node")

#: The article's headed sections, in order, as ``slug: heading``.
ARTICLE_SECTIONS: dict[str, str] = {
    "history": "Historical Context",
    "key_moments": "Key Moments and Turning Points",
    "collaboration": "Current Collaboration",
    "energy_defense_regional": "Energy, Defense, and Regional Politics",
    "motivations": "Motivations Behind the Alliance",
    "motives_detail": "Anti-Western Sentiment, Economic Resilience, and Regional Stability",
    "challenges": "Challenges and Obstacles",
    "challenges_detail": "Sanctions, Regional Rivalries, and Differing Priorities",
    "future": "The Future of the Relationship",
    "future_scenarios": "Strengthening Cooperation, Potential Setbacks, and Evolving Dynamics",
    "conclusion": "Conclusion",
}
