"""The shipped seed registry: size, shape, the forms the seed article's gold uses, no clashing names."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from quote_desk.core.linking import KeyMaker, LinkingLexicon
from quote_desk.registry.records import ENTITY_TYPES
from quote_desk.registry.seed import default_seed

SEED = default_seed()


def test_size_and_types() -> None:
    assert len(SEED.entities) >= 200
    kinds = Counter(e.type for e in SEED.entities)
    assert set(kinds) <= set(ENTITY_TYPES)
    assert kinds["person"] >= 80 and kinds["organization"] >= 60 and kinds["media"] >= 20


def test_ids_are_stable_slugs_and_unique() -> None:
    ids = [e.id for e in SEED.entities]
    assert len(ids) == len(set(ids))
    for i in ids:
        assert i == i.lower() and " " not in i and not i.startswith("u-"), i


def test_every_entity_has_an_english_name_and_a_known_country(lexicon: LinkingLexicon) -> None:
    codes = {c.code for c in lexicon.countries} | {"EU", "UN"}
    for e in SEED.entities:
        assert e.english, e.id
        assert e.country is None or e.country in codes, (e.id, e.country)


@pytest.mark.parametrize(
    ("id", "canonical", "english", "aliases"),
    [
        ("israel-katz", "يسرائيل كاتس", "Israel Katz", {"إسرائيل كاتس", "كاتس"}),
        ("kaja-kallas", "كايا كالاس", "Kaja Kallas", {"كالاس"}),
        ("sy-ministry-foreign-affairs", "وزارة الخارجية السورية", "Syrian Ministry of Foreign Affairs",
         {"الخارجية السورية"}),
        ("sy-ministry-interior", "وزارة الداخلية السورية", "Syrian Ministry of Interior", {"الداخلية السورية"}),
        ("european-union", "الاتحاد الأوروبي", "European Union", set()),
    ],
)
def test_gold_forms_of_the_seed_article(id: str, canonical: str, english: str, aliases: set[str]) -> None:
    e = {x.id: x for x in SEED.entities}[id]
    assert (e.canonical, e.english) == (canonical, english)
    assert aliases <= set(e.aliases)


def test_no_name_belongs_to_two_seed_entities(lexicon: LinkingLexicon) -> None:
    keys = KeyMaker(lexicon)
    owners: dict[str, set[str]] = defaultdict(set)
    for e in SEED.entities:
        for n in (e.canonical, *e.aliases):
            owners[keys.key(n)].add(e.id)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_spelling_variants_are_present() -> None:
    # the seed carries the variants editors meet: hamza, ya/alef maqsura, transliteration
    aliases = {a for e in SEED.entities for a in e.aliases}
    assert "اسماعيل هنية" in aliases  # hamza dropped
    assert "مصطفى مدبولى" in aliases  # ي written ى
    assert "جوزيف بوريل" in aliases  # transliteration
