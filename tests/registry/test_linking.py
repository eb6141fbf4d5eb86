"""RegistryLinker: the seed article's speakers, partial names, organisations, titles, anonymous sources."""

from __future__ import annotations

import pytest

from quote_desk.core.linking import LinkingConfig, LinkTarget, RegistryLinker
from quote_desk.core.linking_api import SpeakerLinker
from quote_desk.registry.seed import default_seed


@pytest.fixture(scope="module")
def seed_linker(config: LinkingConfig) -> RegistryLinker:
    return RegistryLinker((e.to_target() for e in default_seed().entities), config)


def small(config: LinkingConfig, *targets: LinkTarget) -> RegistryLinker:
    return RegistryLinker(targets, config)


def person(id: str, name: str, *names: str, titles: tuple[str, ...] = (), country: str | None = None) -> LinkTarget:
    return LinkTarget(id, name, id.replace("-", " ").title(), "person", names, titles, country)


def org(id: str, name: str, *names: str, country: str | None = None, type: str = "organization") -> LinkTarget:
    return LinkTarget(id, name, id, type, names, (), country)


def test_is_a_speaker_linker(seed_linker: RegistryLinker) -> None:
    assert isinstance(seed_linker, SpeakerLinker)


# The speakers of the seed article as the engine passes them: fullest mention, other mentions, title, type.
SEED_ARTICLE = [
    ("يسرائيل كاتس", ("كاتس", "إسرائيل كاتس", "وزير الدفاع الإسرائيلي"), "وزير الدفاع الإسرائيلي", "person",
     "يسرائيل كاتس", "Israel Katz"),
    ("كايا كالاس", ("كالاس", "Kaja Kallas"), "مسئولة السياسة الخارجية في الاتحاد الأوروبي", "person",
     "كايا كالاس", "Kaja Kallas"),
    ("وزارة الخارجية السورية", ("الخارجية السورية", "الوزارة"), None, "organization",
     "وزارة الخارجية السورية", "Syrian Ministry of Foreign Affairs"),
    ("وزارة الداخلية السورية", ("الداخلية السورية", "الوزارة"), None, "organization",
     "وزارة الداخلية السورية", "Syrian Ministry of Interior"),
    ("الاتحاد الأوروبي", (), None, "organization", "الاتحاد الأوروبي", "European Union"),
]


@pytest.mark.parametrize(("mention", "aliases", "title", "kind", "canonical", "english"), SEED_ARTICLE)
def test_seed_article_speakers_link(
    seed_linker: RegistryLinker, mention: str, aliases: tuple[str, ...], title: str | None, kind: str,
    canonical: str, english: str,
) -> None:
    r = seed_linker.link(mention, aliases=aliases, title=title, speaker_type=kind)
    assert r is not None and r.level == "linked"
    assert (r.canonical, r.english) == (canonical, english)


@pytest.mark.parametrize("mention", ["كاتس", "إسرائيل كاتس", "Israel Katz", "يسرائيل كاتز"])
def test_every_spelling_of_katz_gets_one_id(seed_linker: RegistryLinker, mention: str) -> None:
    r = seed_linker.link(mention, speaker_type="person")
    assert r is not None and r.level == "linked" and r.entity_id == "israel-katz"


@pytest.mark.parametrize(
    ("mention", "kind"),
    [("مصادر أمنية", "anonymous_source"), ("مصادر سورية", "anonymous_source"), ("كايا كالاس", "anonymous_source")],
)
def test_anonymous_sources_never_link(seed_linker: RegistryLinker, mention: str, kind: str) -> None:
    assert seed_linker.link(mention, speaker_type=kind) is None
    assert seed_linker.candidates(mention, speaker_type=kind) == []


@pytest.mark.parametrize("title", ["وزير الخارجية", "وزير الدفاع الإسرائيلي", "الرئيس السوري", "المتحدث باسم الكرملين"])
@pytest.mark.parametrize("kind", ["person", None])
def test_a_title_alone_never_links_to_a_person(seed_linker: RegistryLinker, title: str, kind: str | None) -> None:
    r = seed_linker.link(title, speaker_type=kind)
    assert r is None or r.speaker_type != "person"


def test_title_before_a_name_is_dropped(seed_linker: RegistryLinker) -> None:
    r = seed_linker.link("المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي", speaker_type="person")
    assert r is not None and r.entity_id == "avichay-adraee" and r.level == "linked"


def test_partial_name_links_when_unambiguous(config: LinkingConfig) -> None:
    linker = small(config, person("kaja-kallas", "كايا كالاس"), person("other", "سمير الخطيب"))
    r = linker.link("كالاس", speaker_type="person")
    assert r is not None and r.entity_id == "kaja-kallas" and r.level == "linked" and "surname" in r.reason


def test_partial_name_only_suggests_when_ambiguous(config: LinkingConfig) -> None:
    a = person("a-katz", "يسرائيل كاتس", titles=("وزير الدفاع الإسرائيلي",), country="IL")
    b = person("b-katz", "دانيال كاتس", titles=("أستاذ التاريخ",), country="US")
    linker = small(config, a, b)
    r = linker.link("كاتس", speaker_type="person")
    assert r is not None and r.level == "suggest"
    # the title given with the mention is evidence that picks one of them
    r2 = linker.link("كاتس", title="وزير الدفاع الإسرائيلي", speaker_type="person")
    assert r2 is not None and r2.entity_id == "a-katz"
    assert r2.score > r.score


def test_a_title_is_evidence_only_never_identity(config: LinkingConfig) -> None:
    linker = small(config, person("a", "يسرائيل كاتس", titles=("وزير الدفاع الإسرائيلي",)))
    assert linker.link("وزير الدفاع الإسرائيلي", speaker_type="person") is None
    assert linker.link("سمير", title="وزير الدفاع الإسرائيلي", speaker_type="person") is None


def test_same_name_for_two_entities_is_not_linked(config: LinkingConfig) -> None:
    linker = small(config, person("a", "محمد مصطفى"), person("b", "محمد مصطفى"))
    r = linker.link("محمد مصطفى", speaker_type="person")
    assert r is not None and r.level == "suggest" and "ambiguous" in r.reason


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("الخارجية السورية", "sy-ministry-foreign-affairs"),
        ("وزارة خارجية سوريا", "sy-ministry-foreign-affairs"),
        ("الداخلية السورية", "sy-ministry-interior"),
        ("الخارجية الأميركية", "us-ministry-foreign-affairs"),
        ("رويترز", "reuters"),
        ("حماس", "hamas"),
        ("قسد", "sdf"),
        ("جيش الاحتلال", "israeli-army"),
    ],
)
def test_organisations_link_through_short_forms(seed_linker: RegistryLinker, mention: str, expected: str) -> None:
    r = seed_linker.link(mention, speaker_type="organization")
    assert r is not None and r.level == "linked" and r.entity_id == expected


def test_short_form_is_derived_not_only_listed(config: LinkingConfig) -> None:
    # the entity lists no short form: it comes from the head noun and the nationality adjective
    linker = small(config, org("jo-moi", "وزارة الداخلية الأردنية", country="JO"))
    for mention in ("الداخلية الأردنية", "وزارة داخلية الأردن"):
        r = linker.link(mention, speaker_type="organization")
        assert r is not None and r.entity_id == "jo-moi" and r.level == "linked"


def test_nationality_must_agree_for_organisations(config: LinkingConfig) -> None:
    linker = small(config, org("ru-army", "الجيش الروسي", "القوات الروسية", country="RU"))
    assert linker.link("القوات السورية", speaker_type="organization") is None


def test_fuzzy_spelling_variants(seed_linker: RegistryLinker) -> None:
    for mention, expected in [("ناتنياهو", "benjamin-netanyahu"), ("غوتيرش", "antonio-guterres")]:
        r = seed_linker.link(mention, speaker_type="person")
        assert r is not None and r.entity_id == expected and r.level == "linked", (mention, r)


def test_types_must_be_compatible(config: LinkingConfig) -> None:
    linker = small(config, org("hamas", "حركة حماس", "حماس", type="group"), person("p", "سمير حماس"))
    r = linker.link("حماس", speaker_type="organization")
    assert r is not None and r.entity_id == "hamas"
    r2 = linker.link("حماس", speaker_type="person")
    assert r2 is None or r2.entity_id == "p"


def test_unknown_speaker_stays_unlinked(seed_linker: RegistryLinker) -> None:
    assert seed_linker.link("زيد عبيدات", speaker_type="person") is None


def test_aliases_help_but_count_less(config: LinkingConfig) -> None:
    linker = small(config, person("kk", "كايا كالاس"))
    r = linker.link("مسؤولة أوروبية", aliases=("كايا كالاس",), speaker_type="person")
    assert r is not None and r.entity_id == "kk" and "alias" in r.reason
    assert r.score == 100.0 - config.alias_discount


def test_results_are_cached_and_stable(seed_linker: RegistryLinker) -> None:
    a = seed_linker.link("كالاس", speaker_type="person")
    b = seed_linker.link("كالاس", speaker_type="person")
    assert a is b


def test_candidates_are_ranked_and_only_one_is_linked(seed_linker: RegistryLinker) -> None:
    found = seed_linker.candidates("وزارة الخارجية", limit=5)
    assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)
    assert sum(r.level == "linked" for r in found) <= 1


def test_a_different_family_name_is_not_even_suggested(config: LinkingConfig) -> None:
    linker = small(config, person("hn", "حسن نصر الله"), person("ma", "محمود عباس"))
    assert linker.link("حسن عبد الله", speaker_type="person") is None
    assert linker.link("محمد بازة", speaker_type="person") is None
    # while a misspelt family name still matches
    r = linker.link("حسن نصرالله", speaker_type="person")
    assert r is not None and r.entity_id == "hn" and r.level == "linked"


@pytest.mark.parametrize(
    ("typed", "first"),
    [("كال", "kaja-kallas"), ("Kal", "kaja-kallas"), ("غوتير", "antonio-guterres"), ("رويتر", "reuters")],
)
def test_search_ranks_word_prefixes_first(seed_linker: RegistryLinker, typed: str, first: str) -> None:
    hits = seed_linker.search(typed, limit=5)
    assert hits and hits[0].entity_id == first


def test_search_lists_every_match_of_a_generic_word(seed_linker: RegistryLinker) -> None:
    ids = {h.entity_id for h in seed_linker.search("الخارجية", limit=30)}
    assert {"sy-ministry-foreign-affairs", "eg-ministry-foreign-affairs", "us-ministry-foreign-affairs"} <= ids
    narrowed = [h.entity_id for h in seed_linker.search("وزارة الخارجية الس", limit=2)]
    assert "sy-ministry-foreign-affairs" in narrowed
    assert all(h.speaker_type == "person" for h in seed_linker.search("كال", speaker_type="person"))


def test_organisations_need_their_distinctive_words(config: LinkingConfig) -> None:
    linker = small(
        config,
        org("eg-moi", "وزارة الداخلية المصرية", country="EG"),
        org("dz-mofa", "وزارة الخارجية الجزائرية", country="DZ"),
    )
    assert linker.link("وزارة المالية", speaker_type="organization") is None
    r = linker.link("وزارة الشؤون الخارجية الجزائرية", speaker_type="organization")
    assert r is not None and r.entity_id == "dz-mofa"


def test_no_single_suggestion_among_many_equal_candidates(config: LinkingConfig) -> None:
    linker = small(
        config, *(org(f"{c}-mofa", f"وزارة الخارجية {adj}") for c, adj in
                  [("sy", "السورية"), ("eg", "المصرية"), ("jo", "الأردنية"), ("lb", "اللبنانية")])
    )
    assert linker.link("وزارة الخارجية", speaker_type="organization") is None
    assert len(linker.candidates("وزارة الخارجية", speaker_type="organization")) == 4  # the picker lists them


def test_a_shared_given_name_is_not_a_family_name(config: LinkingConfig) -> None:
    linker = small(config, person("ac", "أنطونيو كوستا"))
    assert linker.link("أنطونيو تاياني", speaker_type="person") is None
