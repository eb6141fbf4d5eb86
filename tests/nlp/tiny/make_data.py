"""A tiny hand-annotated Arabic treebank of reported speech, written for quote_desk's stanza tests.

Usage: python make_data.py OUT_DIR

Every sentence is built from hand-annotated pieces (cue verbs, speakers, titles, organisations, cities and
content clauses), each carrying UD annotation: clitics split as multi-word tokens (و+قال, ب+اسم, ل+الصحفيين,
قول+ه, موعد+ها), UPOS, lemmas, features (Gender/Number/Person/Aspect on verbs), heads and deprels, plus NER
BIO tags on surface tokens. Sampling is deterministic (seed 1234).

Writes into OUT_DIR:
  ar_tiny.{train,dev,test}.conllu    CoNLL-U with MWT lines and SpaceAfter=No
  ar_tiny.{train,dev,test}.bio       token<TAB>BIO-tag, blank line between sentences (stanza NER input)
  ar_tiny.vectors.txt                random 16-dim word2vec text vectors for train+dev forms
  ar_tiny.test.gold.json             the held-apart split as short articles with gold quotes (char offsets)
  heldout/<doc>.txt, <doc>.gold.json the same articles in quote_desk's gold format (for `quote-desk evaluate`)

Some names, clauses and a city appear only in the test split, so the test split is really held apart.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

SEED = 1234
N_TRAIN, N_DEV, N_TEST = 84, 12, 18
VECTOR_DIM = 16

# ---------------------------------------------------------------------------------------------------------
# annotation records


@dataclass
class W:
    """One syntactic word. `key` names it inside a sentence; `head` is the key of its head (None = root)."""

    form: str
    upos: str
    deprel: str
    head: str | None
    key: str = ""
    lemma: str = ""
    feats: str = "_"


@dataclass
class Tok:
    """One surface token: a single word, or a multi-word token (clitics) with its surface form."""

    words: list[W]
    ner: str = "O"
    surface: str = ""

    @property
    def text(self) -> str:
        return self.surface or self.words[0].form


@dataclass
class Sentence:
    tokens: list[Tok]
    # gold quote, as token index ranges [first, last] (inclusive); None when absent
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    title: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    kind: str = "indirect"
    speaker_type: str = "person"
    gender: str = "Masc"
    extra: dict = field(default_factory=dict)


def word(form, upos, deprel, head, key="", lemma="", feats="_"):
    return W(form, upos, deprel, head, key or form, lemma or form, feats)


def tok(*words: W, ner: str = "O", surface: str = "") -> Tok:
    return Tok(list(words), ner, surface)


def perf(g: str, n: str = "Sing") -> str:
    return f"Aspect=Perf|Gender={g}|Number={n}|Person=3|Voice=Act"


def imp(g: str, n: str = "Sing") -> str:
    return f"Aspect=Imp|Gender={g}|Mood=Ind|Number={n}|Person=3|Voice=Act"


def nf(g: str, n: str = "Sing", d: str = "Def") -> str:
    return f"Definite={d}|Gender={g}|Number={n}"


M, F = "Masc", "Fem"
CONJ_WA = ("و", "CCONJ", "cc")

# ---------------------------------------------------------------------------------------------------------
# hand-annotated pieces

# cue verbs: lemma -> (masculine form, feminine form)
CUES = {
    "قال": ("قال", "قالت"),
    "أضاف": ("أضاف", "أضافت"),
    "أكد": ("أكد", "أكدت"),
    "تابع": ("تابع", "تابعت"),
    "أشار": ("أشار", "أشارت"),
    "أوضح": ("أوضح", "أوضحت"),
    "نقل": ("نقل", "نقلت"),
    "أعلن": ("أعلن", "أعلنت"),
}

PERSONS_TRAIN = [
    ("سامر", "حداد", M), ("ليلى", "منصور", F), ("خالد", "يوسف", M), ("رنا", "عيسى", F),
    ("عمر", "سليمان", M), ("هدى", "ناصر", F), ("فادي", "نجم", M), ("سلمى", "حسن", F),
    ("نبيل", "كرم", M), ("منى", "سعيد", F), ("طارق", "زيد", M), ("دينا", "فؤاد", F),
]
PERSONS_TEST = [("ياسر", "عون", M), ("ريم", "شاكر", F)]

TITLES = [("الوزير", "الوزيرة", "وزير"), ("السفير", "السفيرة", "سفير"), ("المدير", "المديرة", "مدير"),
          ("النائب", "النائبة", "نائب"), ("الرئيس", "الرئيسة", "رئيس")]

# organisations: (head noun, its gender, second noun)
ORGS = [("وزارة", F, "الصحة"), ("وزارة", F, "المالية"), ("وزارة", F, "الخارجية"), ("وزارة", F, "الداخلية"),
        ("هيئة", F, "البيئة"), ("نقابة", F, "المعلمين"), ("شركة", F, "الكهرباء"), ("بلدية", F, "المدينة")]

CITIES_TRAIN = ["بيروت", "عمان", "بغداد", "القاهرة", "دمشق", "تونس", "الرباط", "الدوحة", "الخرطوم", "صنعاء"]
CITIES_TEST = ["طرابلس"]
PAPERS = ["النهار", "الشروق", "الصباح", "الأيام", "الوطن"]


def clause(name: str) -> list[Tok]:
    """A content clause. Its head word has key 'H' and head None (the caller attaches it)."""
    c = {
        "support": [
            tok(word("الحكومة", "NOUN", "nsubj", "H", feats=nf(F), lemma="حكومة")),
            tok(word("تدعم", "VERB", "root", None, "H", "دعم", imp(F))),
            tok(word("الاقتصاد", "NOUN", "obj", "H", feats=nf(M), lemma="اقتصاد")),
            tok(word("الوطني", "ADJ", "amod", "الاقتصاد", feats=nf(M), lemma="وطني")),
        ],
        "stable": [
            tok(word("الوضع", "NOUN", "nsubj", "H", feats=nf(M), lemma="وضع")),
            tok(word("الأمني", "ADJ", "amod", "الوضع", feats=nf(M), lemma="أمني")),
            tok(word("مستقر", "ADJ", "root", None, "H", "مستقر", nf(M, d="Ind"))),
        ],
        "talks": [
            tok(word("المفاوضات", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="مفاوضة")),
            tok(word("ستستأنف", "VERB", "root", None, "H", "استأنف", imp(F))),
            tok(word("الأسبوع", "NOUN", "obl", "H", feats=nf(M), lemma="أسبوع")),
            tok(word("المقبل", "ADJ", "amod", "الأسبوع", feats=nf(M), lemma="مقبل")),
        ],
        "prices": [
            tok(word("الأسعار", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="سعر")),
            tok(word("ارتفعت", "VERB", "root", None, "H", "ارتفع", perf(F))),
            tok(word("ب", "ADP", "case", "شكل"), word("شكل", "NOUN", "obl", "H", feats=nf(M, d="Ind")),
                surface="بشكل"),
            tok(word("كبير", "ADJ", "amod", "شكل", feats=nf(M, d="Ind"))),
        ],
        "hospitals": [
            tok(word("المستشفيات", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="مستشفى")),
            tok(word("تعمل", "VERB", "root", None, "H", "عمل", imp(F))),
            tok(word("ب", "ADP", "case", "كامل"), word("كامل", "NOUN", "obl", "H", feats=nf(M, d="Ind")),
                surface="بكامل"),
            tok(word("طاقة", "NOUN", "nmod", "كامل", feats=nf(F)),
                word("ها", "PRON", "nmod:poss", "طاقة", "ها1", "هي", "Gender=Fem|Number=Sing|Person=3"),
                surface="طاقتها"),
        ],
        "elections": [
            tok(word("الانتخابات", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="انتخاب")),
            tok(word("ستجرى", "VERB", "root", None, "H", "جرى", imp(F))),
            tok(word("في", "ADP", "case", "موعد")),
            tok(word("موعد", "NOUN", "obl", "H", feats=nf(M)),
                word("ها", "PRON", "nmod:poss", "موعد", "ها1", "هي", "Gender=Fem|Number=Sing|Person=3"),
                surface="موعدها"),
        ],
        "schools": [
            tok(word("المدارس", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="مدرسة")),
            tok(word("ستفتح", "VERB", "root", None, "H", "فتح", imp(F))),
            tok(word("أبواب", "NOUN", "obj", "H", feats=nf(M, "Plur"), lemma="باب"),
                word("ها", "PRON", "nmod:poss", "أبواب", "ها1", "هي", "Gender=Fem|Number=Sing|Person=3"),
                surface="أبوابها"),
            tok(word("غدا", "ADV", "advmod", "H", lemma="غدا")),
        ],
        "roads": [
            tok(word("الطرق", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="طريق")),
            tok(word("مغلقة", "ADJ", "root", None, "H", "مغلق", nf(F, d="Ind"))),
            tok(word("ب", "ADP", "case", "سبب"), word("سبب", "NOUN", "obl", "H", feats=nf(M)), surface="بسبب"),
            tok(word("الأمطار", "NOUN", "nmod", "سبب", feats=nf(F, "Plur"), lemma="مطر")),
        ],
        "committee": [
            tok(word("اللجنة", "NOUN", "nsubj", "H", feats=nf(F), lemma="لجنة")),
            tok(word("أنهت", "VERB", "root", None, "H", "أنهى", perf(F))),
            tok(word("عمل", "NOUN", "obj", "H", feats=nf(M)),
                word("ها", "PRON", "nmod:poss", "عمل", "ها1", "هي", "Gender=Fem|Number=Sing|Person=3"),
                surface="عملها"),
        ],
        "aid": [
            tok(word("المساعدات", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="مساعدة")),
            tok(word("وصلت", "VERB", "root", None, "H", "وصل", perf(F))),
            tok(word("إلى", "ADP", "case", "المدينة")),
            tok(word("المدينة", "NOUN", "obl", "H", feats=nf(F), lemma="مدينة")),
        ],
        "needs": [
            tok(word("البلاد", "NOUN", "nsubj", "H", feats=nf(F), lemma="بلاد")),
            tok(word("تحتاج", "VERB", "root", None, "H", "احتاج", imp(F))),
            tok(word("إلى", "ADP", "case", "دعم")),
            tok(word("دعم", "NOUN", "obl", "H", feats=nf(M, d="Ind"))),
            tok(word("دولي", "ADJ", "amod", "دعم", feats=nf(M, d="Ind"))),
        ],
        "deal": [
            tok(word("الاتفاق", "NOUN", "nsubj", "H", feats=nf(M), lemma="اتفاق")),
            tok(word("يشمل", "VERB", "root", None, "H", "شمل", imp(M))),
            tok(word("كل", "DET", "det", "الأطراف")),
            tok(word("الأطراف", "NOUN", "obj", "H", feats=nf(M, "Plur"), lemma="طرف")),
        ],
        "workers": [
            tok(word("العمال", "NOUN", "nsubj", "H", feats=nf(M, "Plur"), lemma="عامل")),
            tok(word("سيعودون", "VERB", "root", None, "H", "عاد", imp(M, "Plur"))),
            tok(word("إلى", "ADP", "case", "عمل")),
            tok(word("عمل", "NOUN", "obl", "H", feats=nf(M)),
                word("هم", "PRON", "nmod:poss", "عمل", "هم1", "هم", "Gender=Masc|Number=Plur|Person=3"),
                surface="عملهم"),
        ],
        "team": [
            tok(word("الفريق", "NOUN", "nsubj", "H", feats=nf(M), lemma="فريق")),
            tok(word("حقق", "VERB", "root", None, "H", "حقق", perf(M))),
            tok(word("فوزا", "NOUN", "obj", "H", feats=nf(M, d="Ind"), lemma="فوز")),
            tok(word("مهما", "ADJ", "amod", "فوزا", feats=nf(M, d="Ind"), lemma="مهم")),
        ],
        # held-apart clauses (test split only)
        "water": [
            tok(word("المياه", "NOUN", "nsubj", "H", feats=nf(F, "Plur"), lemma="ماء")),
            tok(word("عادت", "VERB", "root", None, "H", "عاد", perf(F))),
            tok(word("إلى", "ADP", "case", "الأحياء")),
            tok(word("الأحياء", "NOUN", "obl", "H", feats=nf(M, "Plur"), lemma="حي")),
        ],
        "budget": [
            tok(word("الميزانية", "NOUN", "nsubj", "H", feats=nf(F), lemma="ميزانية")),
            tok(word("تكفي", "VERB", "root", None, "H", "كفى", imp(F))),
            tok(word("حتى", "ADP", "case", "نهاية")),
            tok(word("نهاية", "NOUN", "obl", "H", feats=nf(F))),
            tok(word("العام", "NOUN", "nmod", "نهاية", feats=nf(M), lemma="عام")),
        ],
    }[name]
    # copy, so that one sentence's relabelling never touches another's
    return [Tok([W(**vars(x)) for x in t.words], t.ner, t.surface) for t in c]


CLAUSES_TRAIN = ["support", "stable", "talks", "prices", "hospitals", "elections", "schools", "roads",
                 "committee", "aid", "needs", "deal", "workers", "team"]
CLAUSES_TEST = ["water", "budget"]

# ---------------------------------------------------------------------------------------------------------
# sentence templates (each returns a Sentence with its gold quote)


def _cue_verb(lemma: str, g: str, key: str = "V", wa: bool = True, deprel: str = "root", head=None) -> Tok:
    form = CUES[lemma][0 if g == M else 1]
    v = word(form, "VERB", deprel, head, key, lemma, perf(g))
    if not wa:
        return tok(v)
    return tok(word("و", "CCONJ", "cc", key, "و" + key), v, surface="و" + form)


def _person(p, head: str, deprel: str) -> list[Tok]:
    first, last, _g = p
    return [tok(word(first, "PROPN", deprel, head, "P1"), ner="B-PER"),
            tok(word(last, "PROPN", "flat", "P1", "P2"), ner="I-PER")]


def _title(t, g: str, head: str, deprel: str) -> Tok:
    form = t[0] if g == M else t[1]
    return tok(word(form, "NOUN", deprel, head, "T", t[2], nf(g)))


def _org(o, head: str, deprel: str, key: str = "O") -> list[Tok]:
    n1, g, n2 = o
    return [tok(word(n1, "NOUN", deprel, head, key, feats=nf(g, d="Cons")), ner="B-ORG"),
            tok(word(n2, "NOUN", "nmod", key, key + "2", feats=nf(F)), ner="I-ORG")]


def _city(c: str, head: str, with_bi: bool) -> list[Tok]:
    if with_bi:
        return [tok(word("ب", "ADP", "case", "C", "بC"), word(c, "PROPN", "obl", head, "C"), ner="B-LOC",
                    surface="ب" + c)]
    return [tok(word("في", "ADP", "case", "C", "فيC")), tok(word(c, "PROPN", "obl", head, "C"), ner="B-LOC")]


def _content(name: str, head: str) -> list[Tok]:
    toks = clause(name)
    for t in toks:
        for w_ in t.words:
            w_.key = "c." + w_.key
            if w_.head is None:
                w_.head, w_.deprel = head, "ccomp"
            else:
                w_.head = "c." + w_.head
    return toks


_PUNCT_IDS = itertools.count()


def punct(form: str, head: str) -> Tok:
    return tok(word(form, "PUNCT", "punct", head, f"PUNCT{next(_PUNCT_IDS)}"))


def comp(form: str, lemma: str = "") -> Tok:
    return tok(word(form, "SCONJ", "mark", "c.H", "COMP" + form, lemma or form))


def t_said_title_name(p, ti, cl):
    """وقال الوزير سامر حداد إن الحكومة تدعم الاقتصاد الوطني."""
    g = p[2]
    toks = [_cue_verb("قال", g), _title(ti, g, "V", "nsubj"), *_person(p, "T", "appos"), comp("إن"),
            *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), title=(1, 1), speaker=(2, 3), content=(5, n - 2), gender=g)


def t_added_name(p, cl, lemma="أضاف"):
    """وأضافت ليلى منصور أن ..."""
    g = p[2]
    toks = [_cue_verb(lemma, g), *_person(p, "V", "nsubj"), comp("أن"), *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=(1, 2), content=(4, n - 2), gender=g)


def t_spokesman_org(o, cl, g):
    """وأكد المتحدث باسم وزارة الصحة أن ..."""
    spk = "المتحدث" if g == M else "المتحدثة"
    toks = [_cue_verb("أكد", g), tok(word(spk, "NOUN", "nsubj", "V", "S", "متحدث", nf(g))),
            tok(word("ب", "ADP", "case", "اسم", "ب1"), word("اسم", "NOUN", "nmod", "S"), surface="باسم"),
            *_org(o, "اسم", "nmod"), comp("أن"), *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=(1, 4), content=(6, n - 2), gender=g, speaker_type="unknown")


def t_direct_after(p, cl, city):
    """«الوضع الأمني مستقر»، قال سامر حداد للصحفيين في بيروت."""
    g = p[2]
    toks = [punct("«", "V"), *_content(cl, "V"), punct("»", "V"), punct("،", "V"),
            _cue_verb("قال", g, wa=False), *_person(p, "V", "nsubj"),
            tok(word("ل", "ADP", "case", "J", "ل1"), word("الصحفيين", "NOUN", "obl", "V", "J", "صحفي", nf(M, "Plur")),
                surface="للصحفيين"),
            *_city(city, "V", with_bi=False), punct(".", "V")]
    nc = len(clause(cl))
    return Sentence(toks, cue=(nc + 3, nc + 3), speaker=(nc + 4, nc + 5), content=(1, nc), kind="direct", gender=g)


def t_paper_via(paper, ti, p, cl):
    """ونقلت صحيفة النهار عن السفير خالد يوسف قوله إن ..."""
    g = p[2]
    pron = ("ه", "هو", "Gender=Masc|Number=Sing|Person=3") if g == M else ("ها", "هي", "Gender=Fem|Number=Sing|Person=3")
    toks = [_cue_verb("نقل", F), tok(word("صحيفة", "NOUN", "nsubj", "V", "N", feats=nf(F, d="Cons"))),
            tok(word(paper, "PROPN", "nmod", "N", "NP"), ner="B-ORG"),
            tok(word("عن", "ADP", "case", "T", "عن1")), _title(ti, g, "V", "obl"), *_person(p, "T", "appos"),
            tok(word("قول", "NOUN", "obj", "V", "Q"), word(pron[0], "PRON", "nmod:poss", "Q", "QP", pron[1], pron[2]),
                surface="قول" + pron[0]),
            comp("إن"), *_content(cl, "Q"), punct(".", "V")]
    n = len(toks)
    s = Sentence(toks, cue=(0, 0), title=(4, 4), speaker=(5, 6), content=(9, n - 2), via=(1, 2), gender=g)
    return s


def t_continued_direct(p, cl):
    """وتابعت رنا عيسى قائلة: «...»."""
    g = p[2]
    part = ("قائلا", "Gender=Masc|Number=Sing|VerbForm=Part") if g == M else ("قائلة", "Gender=Fem|Number=Sing|VerbForm=Part")
    toks = [_cue_verb("تابع", g), *_person(p, "V", "nsubj"),
            tok(word(part[0], "ADJ", "advcl", "V", "A", "قائل", part[1])), punct(":", "A"), punct("«", "A"),
            *_content(cl, "A"), punct("»", "A"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=(1, 2), content=(6, n - 3), kind="direct", gender=g)


def t_org_statement(o, cl):
    """وأعلنت وزارة المالية في بيان أن ..."""
    toks = [_cue_verb("أعلن", o[1]), *_org(o, "V", "nsubj"), tok(word("في", "ADP", "case", "B", "فيB")),
            tok(word("بيان", "NOUN", "obl", "V", "B", feats=nf(M, d="Ind"))), comp("أن"), *_content(cl, "V"),
            punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=(1, 2), content=(6, n - 2), gender=o[1], speaker_type="organization")


def t_pointed(ti, p, cl):
    """وأشار النائب عمر سليمان إلى أن ..."""
    g = p[2]
    toks = [_cue_verb("أشار", g), _title(ti, g, "V", "nsubj"), *_person(p, "T", "appos"),
            tok(word("إلى", "ADP", "case", "c.H", "إلى1")), comp("أن"), *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), title=(1, 1), speaker=(2, 3), content=(6, n - 2), gender=g)


def t_sources(city, cl):
    """وقالت مصادر أمنية في بغداد إن ..."""
    toks = [_cue_verb("قال", F), tok(word("مصادر", "NOUN", "nsubj", "V", "S", "مصدر", nf(M, "Plur", "Ind"))),
            tok(word("أمنية", "ADJ", "amod", "S", "S2", "أمني", nf(F, d="Ind"))), *_city(city, "V", with_bi=False),
            comp("إن"), *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=(1, 2), content=(6, n - 2), gender=F, speaker_type="anonymous_source")


def t_explained_city(p, city, cl):
    """وأوضح فادي نجم بالقاهرة أن ..."""
    g = p[2]
    toks = [_cue_verb("أوضح", g), *_person(p, "V", "nsubj"), *_city(city, "V", with_bi=True), comp("أن"),
            *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=(1, 2), content=(5, n - 2), gender=g)


def t_dropped(g, cl, lemma="أضاف"):
    """وأضافت أن ... (dropped subject: the speaker is the previous sentence's)."""
    toks = [_cue_verb(lemma, g), comp("أن"), *_content(cl, "V"), punct(".", "V")]
    n = len(toks)
    return Sentence(toks, cue=(0, 0), speaker=None, content=(2, n - 2), gender=g)


# ---------------------------------------------------------------------------------------------------------
# rendering


NO_SPACE_BEFORE = {".", "،", ":", "»"}
NO_SPACE_AFTER = {"«"}


def render(s: Sentence) -> tuple[str, list[tuple[int, int]]]:
    """Surface text of a sentence and each token's (start, end)."""
    parts, spans, pos = [], [], 0
    for i, t in enumerate(s.tokens):
        if i > 0 and t.text not in NO_SPACE_BEFORE and s.tokens[i - 1].text not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(t.text)))
        parts.append(t.text)
        pos += len(t.text)
    return "".join(parts), spans


def space_after(s: Sentence, i: int) -> bool:
    if i + 1 >= len(s.tokens):
        return True
    return not (s.tokens[i + 1].text in NO_SPACE_BEFORE or s.tokens[i].text in NO_SPACE_AFTER)


def to_conllu(s: Sentence, sent_id: str) -> str:
    text, _ = render(s)
    words = [w_ for t in s.tokens for w_ in t.words]
    index = {}
    for i, w_ in enumerate(words, 1):
        if w_.key in index:
            raise ValueError(f"{sent_id}: duplicate word key {w_.key!r}")
        index[w_.key] = i
    lines = [f"# sent_id = {sent_id}", f"# text = {text}"]
    n = 0
    roots = 0
    for ti, t in enumerate(s.tokens):
        misc = "_" if space_after(s, ti) else "SpaceAfter=No"
        if len(t.words) > 1:
            lines.append(f"{n + 1}-{n + len(t.words)}\t{t.surface}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
        for w_ in t.words:
            n += 1
            if w_.head is None:
                head = 0
                roots += 1
            else:
                if w_.head not in index:
                    raise ValueError(f"{sent_id}: head {w_.head!r} of {w_.form} not found")
                head = index[w_.head]
            wmisc = misc if len(t.words) == 1 else "_"
            lines.append(f"{n}\t{w_.form}\t{w_.lemma}\t{w_.upos}\t_\t{w_.feats}\t{head}\t{w_.deprel}\t_\t{wmisc}")
    if roots != 1:
        raise ValueError(f"{sent_id}: {roots} roots")
    return "\n".join(lines) + "\n\n"


def to_bio(s: Sentence) -> str:
    return "\n".join(f"{t.text}\t{t.ner}" for t in s.tokens) + "\n\n"


# ---------------------------------------------------------------------------------------------------------
# sampling


def sample(rng: random.Random, persons, clauses, cities, n: int) -> list[Sentence]:
    out: list[Sentence] = []
    kinds = ["title", "added", "spokes", "direct", "paper", "cont", "org", "pointed", "sources", "explained"]
    turn = 0
    while len(out) < n:
        k = kinds[turn % len(kinds)]
        # each template is used with a man and a woman speaker in turn, so agreement is learnt both ways
        gender = M if (turn // len(kinds)) % 2 == 0 else F
        turn += 1
        p = rng.choice([x for x in persons if x[2] == gender])
        cl = rng.choice(clauses)
        if k == "title":
            s = t_said_title_name(p, rng.choice(TITLES), cl)
        elif k == "added":
            s = t_added_name(p, cl, rng.choice(["أضاف", "أكد", "أوضح"]))
        elif k == "spokes":
            s = t_spokesman_org(rng.choice(ORGS), cl, rng.choice([M, F]))
        elif k == "direct":
            s = t_direct_after(p, cl, rng.choice(cities))
        elif k == "paper":
            s = t_paper_via(rng.choice(PAPERS), rng.choice(TITLES), p, cl)
        elif k == "cont":
            s = t_continued_direct(p, cl)
        elif k == "org":
            s = t_org_statement(rng.choice(ORGS), cl)
        elif k == "pointed":
            s = t_pointed(rng.choice(TITLES), p, cl)
        elif k == "sources":
            s = t_sources(rng.choice(cities), cl)
        else:
            s = t_explained_city(p, rng.choice(cities), cl)
        out.append(s)
        # a dropped-subject follow-up agreeing with the speaker, every other sentence
        if len(out) < n and len(out) % 2 == 0:
            ds = t_dropped(s.gender, rng.choice(clauses), rng.choice(["أضاف", "أكد", "أوضح"]))
            out.append(ds)
    return out


def gold_articles(sentences: list[Sentence], per_doc: int = 6) -> list[dict]:
    """Group held-apart sentences into short articles with gold quotes (char offsets into the article text)."""
    docs = []
    for d in range(0, len(sentences), per_doc):
        chunk = sentences[d:d + per_doc]
        text_parts, quotes, pos = [], [], 0
        prev_speaker = None
        for s in chunk:
            stext, spans = render(s)
            base = pos

            def span(r, spans=spans, base=base, stext=stext):
                if r is None:
                    return None
                a, b = spans[r[0]][0], spans[r[1]][1]
                return {"start": base + a, "end": base + b, "text": stext[a:b]}

            sp = span(s.speaker)
            quotes.append({
                "cue": span(s.cue), "speaker_mention": sp, "title": span(s.title), "via": span(s.via),
                "content": span(s.content), "kind": s.kind, "speaker_type": s.speaker_type,
                "speaker": (sp or prev_speaker or {}).get("text"), "gender": s.gender,
            })
            if sp is not None:
                prev_speaker = sp
            text_parts.append(stext)
            pos += len(stext) + 1  # one space between sentences of a paragraph
        text = " ".join(text_parts)
        for q in quotes:
            for f in ("cue", "speaker_mention", "title", "via", "content"):
                if q[f] is not None and text[q[f]["start"]:q[f]["end"]] != q[f]["text"]:
                    raise AssertionError("gold offsets do not match the article text")
        docs.append({"doc": f"tiny_test_{d // per_doc:02d}", "text": text, "quotes": quotes})
    return docs


def project_gold(d: dict) -> dict:
    """One article's gold in the format of quote_desk's evaluator (the seed's *.gold.json)."""
    quotes = []
    for q in d["quotes"]:
        cue, sp = q["cue"], q["speaker_mention"]
        quotes.append({
            "cue": cue["text"], "cue_start": cue["start"], "cue_end": cue["end"],
            "speaker_mention": sp["text"] if sp else None, "speaker": q["speaker"], "aliases": [],
            "title": q["title"]["text"] if q["title"] else None, "speaker_type": q["speaker_type"],
            "via": q["via"]["text"] if q["via"] else None, "kind": q["kind"],
            "content_start": q["content"]["start"], "content_end": q["content"]["end"], "optional": False,
        })
    return {"doc": d["doc"], "quotes": quotes}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    splits = {
        "train": sample(rng, PERSONS_TRAIN, CLAUSES_TRAIN, CITIES_TRAIN, N_TRAIN),
        "dev": sample(rng, PERSONS_TRAIN, CLAUSES_TRAIN, CITIES_TRAIN, N_DEV),
        "test": sample(rng, PERSONS_TRAIN[:4] + PERSONS_TEST, CLAUSES_TRAIN[:4] + CLAUSES_TEST,
                       CITIES_TRAIN[:3] + CITIES_TEST, N_TEST),
    }
    forms: dict[str, None] = {}
    for name, sents in splits.items():
        conllu = "".join(to_conllu(s, f"{name}-{i + 1:03d}") for i, s in enumerate(sents))
        (out / f"ar_tiny.{name}.conllu").write_text(conllu, encoding="utf-8")
        (out / f"ar_tiny.{name}.bio").write_text("".join(to_bio(s) for s in sents), encoding="utf-8")
        if name != "test":
            for s in sents:
                for t in s.tokens:
                    forms[t.text] = None
                    for w_ in t.words:
                        forms[w_.form] = None
    vrng = random.Random(SEED + 1)
    lines = [f"{len(forms)} {VECTOR_DIM}"]
    for f in forms:
        lines.append(f + " " + " ".join(f"{vrng.uniform(-1, 1):.4f}" for _ in range(VECTOR_DIM)))
    (out / "ar_tiny.vectors.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = gold_articles(splits["test"])
    (out / "ar_tiny.test.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    # the same held-apart articles in the project's gold format (one .txt + .gold.json per article)
    held = out / "heldout"
    held.mkdir(exist_ok=True)
    for d in gold:
        (held / f"{d['doc']}.txt").write_text(d["text"], encoding="utf-8")
        (held / f"{d['doc']}.gold.json").write_text(json.dumps(project_gold(d), ensure_ascii=False, indent=1),
                                                    encoding="utf-8")
    print(f"wrote {out}: " + ", ".join(f"{k}={len(v)}" for k, v in splits.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
