"""Speaker phrases: where a subject noun phrase ends, how a title is kept apart from a name, what kind of
speaker a phrase denotes. Works on tokens of a `Doc`; every result is a token range."""

from __future__ import annotations

from dataclasses import dataclass

from quote_desk.core.document import Doc
from quote_desk.core.lexicon import CueForm

OPEN_MARKS = "«“”\"‘’‹﴿"
# Tokens that never belong to a subject phrase and end it (coordinating/discourse words, negation).
NP_BREAKERS = frozenset({"قد", "لقد", "ثم", "لكن", "لكنه", "لكنها", "حيث", "بينما", "فيما", "الا", "لا", "لم", "لن", "ما"})
RELAY_BLOCKERS = frozenset({"الكشف", "الافصاح", "الاعلان", "كشف", "هويته", "اسمه"})
SAYING_PARTICIPLES = frozenset({"قائلا", "قائله", "قائلين", "قائلتين", "قائلين", "بالقول"})


@dataclass(frozen=True, slots=True)
class Stop:
    """Why a phrase ended, at token `at` (exclusive end of the phrase)."""

    at: int
    why: str  # comp | prep_comp | colon | mark | ba | an | comma | adjunct | masdar | saying | eos | long | paren


def _is_comp(doc: Doc, k: int) -> bool:
    return doc.tokens[k].norm in doc.lex.complementizers


def gap_kind(gap: str) -> str | None:
    """Classify punctuation between two tokens: colon, mark, comma, end, paren, or None (plain space)."""
    g = gap.strip(" \t\u200f\u200e\u200b\u0640")
    if not g:
        return None
    if ":" in g:
        return "colon"
    if any(c in OPEN_MARKS for c in g) or "((" in g:
        return "mark"
    if any(c in g for c in ".!?؟;؛"):
        return "end"
    if "،" in g or "," in g:
        return "comma"
    if "(" in g:
        return "paren"
    return None


def _after_lam(norm: str) -> str | None:
    """The noun in a ل-prefixed token: لوكالة → وكاله, للصحفيين → الصحفيين."""
    if norm.startswith("لل") and len(norm) > 3:
        return "ال" + norm[2:]
    if norm.startswith("ل") and len(norm) > 2:
        return norm[1:]
    return None


ADDRESSEES = frozenset({"الصحفيين", "الصحافيين", "الصحافه", "الصحفيون", "الاعلاميين", "المراسلين", "الحضور"})


def is_adjunct_start(doc: Doc, k: int, limit: int) -> bool:
    lex = doc.lex
    t = doc.tokens[k].norm
    kind = lex.adjuncts.get(t)
    if kind == "time":
        return True
    nxt = doc.tokens[k + 1].norm if k + 1 < limit else ""
    if kind == "prep" and nxt:
        n2 = nxt[2:] if nxt.startswith("ال") else nxt
        if lex.adjuncts.get(nxt) in ("comm", "time") or lex.adjuncts.get(n2) in ("comm", "time"):
            return True
    # في بيان / في تصريح written as one token with a proclitic: ببيان، بتصريح
    if t.startswith(("ب", "و")) and lex.adjuncts.get(t[1:]) == "comm":
        return True
    noun = _after_lam(t)
    if noun is not None:
        info = lex.noun(noun)
        if noun in ADDRESSEES or (info is not None and info.cls == "media") or lex.adjuncts.get(noun) == "comm":
            return True
    return False


def scan_phrase(doc: Doc, i: int, limit: int, cue: CueForm | None, max_len: int = 12) -> Stop:
    """Scan a noun phrase from token i; return where and why it stops."""
    lex = doc.lex
    j = i
    paren_depth = 0
    while True:
        if j >= limit:
            return Stop(j, "eos")
        if j > i:
            gk = gap_kind(doc.gap_before(j))
            gap = doc.gap_before(j)
            if paren_depth == 0 and gk == "paren" and ")" in doc.text[doc.tokens[j].end : doc.tokens[min(j + 4, limit - 1)].end]:
                paren_depth = 1  # a short parenthetical inside the phrase: (قسد)
            elif gk is not None and gk != "paren":
                if paren_depth and ")" in gap and gk == "comma":
                    paren_depth = 0
                    return Stop(j, "comma")
                if not paren_depth:
                    return Stop(j, gk if gk != "end" else "eos")
            if ")" in gap:
                paren_depth = 0
        t = doc.tokens[j].norm
        if _is_comp(doc, j):
            return Stop(j, "comp")
        if cue is not None and t in cue.preps and j + 1 < limit and _is_comp(doc, j + 1):
            return Stop(j, "prep_comp")
        if t in lex.masdar_forms:
            return Stop(j, "masdar")
        if t in SAYING_PARTICIPLES:
            return Stop(j, "saying")
        if (
            t == "عن"
            and j > i
            and (cue is None or cue.role not in ("express", "reveal"))
            and doc.tokens[j - 1].norm not in RELAY_BLOCKERS
        ):
            return Stop(j, "an")
        if (
            cue is not None
            and "ب" in cue.preps
            and t.startswith("ب")
            and not t.startswith(("باسم", "بلاده", "بدوره", "بدورها"))
            and len(t) > 3
        ):
            return Stop(j, "ba")
        if j > i and is_adjunct_start(doc, j, limit):
            return Stop(j, "adjunct")
        if j > i and t in NP_BREAKERS:
            return Stop(j, "eos")
        if j - i >= max_len:
            return Stop(j, "long")
        j += 1


def skip_adjunct(doc: Doc, k: int, limit: int) -> int:
    """From an adjunct start, the first token after it (the adjunct runs to punctuation or a complementizer)."""
    j = k + 1
    while j < limit:
        if gap_kind(doc.gap_before(j)) is not None:
            return j
        if _is_comp(doc, j) or doc.tokens[j].norm in SAYING_PARTICIPLES:
            return j
        j += 1
    return j


def starts_with_title(doc: Doc, a: int, b: int) -> bool:
    if a >= b:
        return False
    t = doc.tokens[a].norm
    return t in doc.lex.titles or (t.startswith("ال") and t[2:] in doc.lex.titles)


def is_name_like(doc: Doc, k: int) -> bool:
    """A token that can be part of a proper name: not definite, not a title, not a function word or a place."""
    t = doc.tokens[k].norm
    lex = doc.lex
    if t.startswith("ال") or t in lex.titles or t in lex.adjuncts or t in NP_BREAKERS:
        return False
    if t in lex.headline_topics or t in lex.complementizers or t.isdigit():
        return False
    if t in ("في", "من", "عن", "على", "الى", "مع", "و", "او", "باسم", "لدى", "بن", "ابن", "ابو", "بنت"):
        return t in ("بن", "ابن", "ابو", "بنت")
    info = lex.noun(t)
    return info is None


def split_title_name(doc: Doc, a: int, b: int) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """Within one phrase [a, b) that starts with a title: (title range, name range). The name is the trailing
    run of name-like tokens after at least one definite/title token; without one, the whole phrase is the
    mention and there is no separate title."""
    if not starts_with_title(doc, a, b) or b - a < 2:
        return None, (a, b)
    k = b
    while k - 1 > a and is_name_like(doc, k - 1):
        k -= 1
    if k < b and k > a and (b - k) <= 4:
        # "وزير الخارجية الأمريكي ماركو روبيو": the run must follow a definite word or a title/nisba
        prev = doc.tokens[k - 1].norm
        if prev.startswith("ال") or prev in doc.lex.titles or prev.endswith(("ي", "يه")):
            return (a, k), (k, b)
    return None, (a, b)


def classify(doc: Doc, a: int, b: int) -> str:
    """Guess the speaker type of a mention: person, organization, anonymous_source, media, group."""
    lex = doc.lex
    norms = [doc.tokens[k].norm for k in range(a, b)]
    if not norms:
        return "unknown"
    text = " ".join(norms)
    if any(x in text for x in ("عدم الكشف", "عدم ذكر", "عدم الافصاح", "رفض الكشف", "طلب عدم", "فضل عدم", "اشترط عدم")):
        return "anonymous_source"
    head = norms[0]
    if head in lex.honorifics and len(norms) > 1:
        head = norms[1]
    info = lex.noun(head)
    if info is not None:
        if info.cls == "anon":
            # "مصدر" / "مسؤول" with a name after them are not anonymous ("المسؤول الأممي مارتن غريفيث")
            if head.startswith("ال") and len(norms) > 1:
                return "person"
            return "anonymous_source"
        if info.cls == "media":
            if head in ("وسائل",):
                return "anonymous_source" if len(norms) <= 3 else "media"
            return "media"
        if info.cls == "org":
            return "organization"
        if info.cls == "group":
            return "group"
        if info.cls == "person":
            return "person"
    if starts_with_title(doc, a, b):
        return "person"
    return "person"
