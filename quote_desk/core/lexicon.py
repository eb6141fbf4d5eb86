"""Loads the lexicons under resources/lexicons and generates every inflection the engine matches.

Rules are data: the reporting verbs (cue_verbs.tsv) are stored as stems; this module expands them into
perfect, imperfect, participle and verbal-noun forms with gender/number features and with the proclitics
و and ف. Everything is stored in folded form (quote_desk.core.normalize), so hamza, ta marbuta, alef maqsura,
tanween and other diacritics never matter at match time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from quote_desk.core.normalize import normalize
from quote_desk.resources import resource_path

# `needs=comp` in cue_verbs.tsv: the verb reports speech only when a complementizer introduces its content
# (سجّل أن … is a statement, سجّل هدفاً is not); other `needs` values are a word that must follow.
NEEDS_COMPLEMENTIZER = "comp"


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a reporting verb (folded), with what the form tells about its subject."""

    lemma: str
    role: str  # say | continue | relay | opinion | deny | ask | accuse | reveal | express | write
    pos: str  # perf | imperf | part | masdar
    gender: str | None  # m | f | None (unknown)
    number: str | None  # sg | du | pl | None
    preps: frozenset[str]
    proclitic: str = ""
    needs: str | None = None  # a word that must follow for the form to count (مضى قائلاً)


@dataclass(frozen=True, slots=True)
class NounInfo:
    cls: str  # org | media | anon | person | group
    gender: str
    number: str
    human: bool


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, CueForm]
    complementizers: dict[str, tuple[str, str | None]]  # folded token -> (particle, pronoun suffix or None)
    pronouns: dict[str, tuple[str, str, str]]  # suffix -> (gender, number, person)
    nonverbal: dict[tuple[str, ...], str]  # folded token sequence -> kind
    nonverbal_first: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    nouns: dict[str, NounInfo]
    anaphora_markers: frozenset[str]
    adjuncts: dict[str, str]
    noise_prefixes: tuple[tuple[str, ...], ...]
    headline_topics: frozenset[str]
    masdar_forms: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)
    media_names: frozenset[str] = frozenset()  # first words of outlet names (رويترز، الأناضول …)
    name_titles: frozenset[str] = frozenset()  # title words that are also given names (أمين، رائد)
    role_adjectives: frozenset[str] = frozenset()  # الحكومي، الرسمي: describe a role, do not identify its holder
    event_nouns: frozenset[str] = frozenset()  # الجلسة، الاجتماع: objects of narrative verbs (without the article)
    nonverbal_index: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # first token -> sequences
    places: frozenset[tuple[str, ...]] = frozenset()  # folded token tuples, as written (resources/lexicons/places.txt)
    place_len: dict[str, int] = field(default_factory=dict)  # first folded token -> longest place starting with it
    given_names: dict[str, str] = field(default_factory=dict)  # folded given name -> m | f
    # outlet names spelled with letter names that are also complementizers ("سي إن إن"): folded token tuples
    letter_names: tuple[tuple[str, ...], ...] = ()

    def may_start_place(self, first: str) -> bool:
        """Whether a place name (possibly with a proclitic: بغزة، للعراق) can start with this folded word."""
        if first in self.place_len:
            return True
        if first.startswith(("بال", "لل", "وال", "فال", "كال")) and len(first) > 4:
            return ("ال" + first[3:] if not first.startswith("لل") else "ال" + first[2:]) in self.place_len
        return first.startswith(("ب", "ل", "و", "ف")) and len(first) > 3 and first[1:] in self.place_len

    def place_end(self, norms: Sequence[str]) -> int:
        """Length of the place name that opens `norms` (folded tokens), or 0. The first word may carry a
        preposition or the conjunction (بغزة، للعراق، والسودان); the whole word is tried first (وجدة is Oujda)."""
        if not norms:
            return 0
        first = norms[0]
        candidates = [first]
        if first.startswith(("بال", "لل", "وال", "فال", "كال")) and len(first) > 4:
            candidates.append("ال" + first[3:] if not first.startswith("لل") else "ال" + first[2:])
        elif first.startswith(("ب", "ل", "و", "ف")) and len(first) > 3:
            candidates.append(first[1:])
        for c in candidates:
            n = self.place_len.get(c, 0)
            for size in range(min(n, len(norms)), 0, -1):
                if (c, *norms[1:size]) in self.places:
                    return size
        return 0

    def cue(self, folded: str) -> CueForm | None:
        return self.cues.get(folded)

    def cue_with_object(self, folded: str) -> CueForm | None:
        """A finite cue that may carry an object pronoun: نقلته، ذكرتها (وفقاً لما نقلته الوكالة)."""
        form = self.cues.get(folded)
        if form is None:
            for suf in ("ها", "ه", "هم"):
                if folded.endswith(suf) and len(folded) - len(suf) >= 3:
                    form = self.cues.get(folded[: -len(suf)])
                    if form is not None:
                        break
        return form if form is not None and form.pos in ("perf", "imperf") else None

    def noun(self, folded: str) -> NounInfo | None:
        info = self.nouns.get(folded)
        if info is None and folded.startswith("ال"):
            info = self.nouns.get(folded[2:])
        if info is None and not folded.startswith("ال"):
            info = self.nouns.get("ال" + folded)
        return info


# Surface forms that are far more often something else (a preposition, a noun, a place) than a reporting
# verb; they never count as cues. Folded.
AMBIGUOUS_FORMS = frozenset(
    normalize(w)
    for w in (
        "بين وبين عبر وعبر عقب وعقب رد ورد ردا وردا قدر وقدر مصر مصرا مقر مبلغ مخبر مورد معبر مدع"
        " مجدد مجددا معيد خاتم كاتب كاتبا ناقل واعد واعدا داع مقدر ملاحظ ماض معلق مقسم مجيب راد كشف مقرا"
        " مصرين ذاكر ذاكرا علق وعلق قول القول تابع تابعا تابعة تابعين متابع متابعا متابعة ختم حث"
        " رافض متعهد مناشد يبلغ تبلغ ويبلغ وتبلغ"
    ).split()
)
DUAL_OK = frozenset(normalize(w) for w in "قال أضاف أكد أوضح أعلن شدد اعتبر أشار حذر أفاد ذكر لفت".split())
# "تابع" itself stays a cue through its proclitic forms (وتابع) and its inflected forms (تابعت); bare
# تابع/تابعا is mostly the adjective "affiliated to". Re-allowed below for the perfect with و/ف.
_READD_WITH_PROCLITIC = frozenset(normalize(w) for w in "تابع علق كشف ختم وصف حث".split())


def _read_rows(name: str) -> Iterable[list[str]]:
    path: Path = resource_path("lexicons", name)
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield [c.strip() for c in line.split("\t")]


def _parse_extra(extra: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in extra.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = [normalize(x.strip()) for x in v.split(",") if x.strip()]
    return out


def _verb_forms(lemma: str, imperf: str, part: str, extra: dict[str, list[str]]) -> list[tuple[str, str, str, str]]:
    """(form, pos, gender, number) for one verb, folded. Regular morphology plus listed irregular forms."""
    forms: list[tuple[str, str, str, str]] = []
    p = normalize(lemma)
    defective = p.endswith(("ي", "ا"))  # رأى/نفى (ى folds to ي) and دعا
    stem = p[:-1] if defective else p
    fem = extra.get("f", [stem + "ت"])[0]
    forms += [(p, "perf", "m", "sg"), (fem, "perf", "f", "sg")]
    for f in extra.get("mp", [stem + "وا"]):
        forms.append((f, "perf", "m", "pl"))
    if p in DUAL_OK:  # other masculine duals read as accusative nouns (نقلاً، رداً)
        for f in extra.get("d", [stem + ("يا" if p.endswith("ي") else "ا") if defective else p + "ا"]):
            forms.append((f, "perf", "m", "du"))
    forms.append((fem + "ا", "perf", "f", "du"))
    hollow = len(p) == 4 and p[0] == "ا" and p[2] == "ا"  # أضاف، أشار، أفاد: the long vowel drops (أضفن، أشرن)
    # defective verbs keep their weak letter before ن: روين، نفين، رأين، دعون (not رون، ران — a name, a verb)
    fp_default = p[0] + p[1] + p[3] + "ن" if hollow else stem + ("ين" if p.endswith("ي") else "ون") if defective else stem + "ن"
    forms += [(f, "perf", "f", "pl") for f in extra.get("fp", [fp_default])]
    if imperf and imperf != "-":
        s = normalize(imperf)
        if "imp" in extra:
            imp = extra["imp"]
            forms += [(imp[0], "imperf", "m", "sg"), (imp[1], "imperf", "f", "sg")]
            forms += [(f, "imperf", "m", "pl") for f in imp[2:]]
        else:
            forms += [
                ("ي" + s, "imperf", "m", "sg"),
                ("ت" + s, "imperf", "f", "sg"),
                ("ي" + s + "ون", "imperf", "m", "pl"),
                ("ي" + s + "ان", "imperf", "m", "du"),
                ("ت" + s + "ان", "imperf", "f", "du"),
            ]
    if part and part != "-":
        if "part" in extra:
            pl = extra["part"]
            genders = [("m", "sg"), ("f", "sg"), ("m", "pl")]
            forms += [(f, "part", g, n) for f, (g, n) in zip(pl, genders, strict=False)]
        else:
            s = normalize(part)
            forms += [
                (s, "part", "m", "sg"),
                (s + "ا", "part", "m", "sg"),
                (s + "ه", "part", "f", "sg"),  # ة folds to ه
                (s + "ين", "part", "m", "pl"),
                (s + "ون", "part", "m", "pl"),
                (s + "ان", "part", "m", "du"),
                (s + "تين", "part", "f", "du"),
                (s + "تان", "part", "f", "du"),
                (s + "ات", "part", "f", "pl"),
            ]
    return forms


def _load_cues(pronouns: dict[str, tuple[str, str, str]]) -> tuple[dict[str, CueForm], dict[str, tuple[str, str | None, str | None]]]:
    cues: dict[str, CueForm] = {}
    masdars: dict[str, tuple[str, str | None, str | None]] = {}
    for row in _read_rows("cue_verbs.tsv"):
        row += ["-"] * (7 - len(row))
        lemma, imperf, part, masdar, preps_s, role = row[:6]
        extra = _parse_extra(row[6]) if row[6] != "-" else {}
        preps = frozenset(normalize(x) for x in preps_s.split() if x != "-")
        needs = extra.get("needs", [None])[0]
        for form, pos, g, n in _verb_forms(lemma, imperf, part, extra):
            if not form:
                continue
            # a participle coordinated with an earlier one ("مؤكداً …، ومشيراً إلى أن") keeps its و; the bare
            # masculine participle (ومؤكد "and certain") is too often an adjective to take it
            proclitics = ("", "و") if pos == "part" and form.endswith(("ا", "ه", "ين", "تين")) else ("",) if pos == "part" else ("", "و", "ف")
            for pc in proclitics:
                key = pc + form
                if key in AMBIGUOUS_FORMS and not (pc and form in _READD_WITH_PROCLITIC):
                    continue
                if key in cues and pc == "" and cues[key].pos != pos:
                    # a surface form shared by two analyses keeps the first (the more common) one
                    continue
                cues.setdefault(key, CueForm(normalize(lemma), role, pos, g, n, preps, pc, needs))
        if masdar and masdar != "-":
            m = normalize(masdar)
            base = m[:-1] + "ت" if m.endswith("ه") and len(m) > 3 else m
            for suf, (g, n, _person) in pronouns.items():
                for pre in ("", "ب", "و", "وب", "ل"):
                    masdars[pre + base + suf] = (normalize(lemma), g, n)
            # "بالقول" introduces content with no pronoun (ختم حديثه بالقول)
            masdars["بال" + m] = (normalize(lemma), None, None)
    return cues, masdars


@cache
def load_lexicon() -> Lexicon:
    pronouns = {normalize(r[0]): (r[1], r[2], r[3]) for r in _read_rows("pronoun_suffixes.txt")}
    cues, masdars = _load_cues(pronouns)
    comps: dict[str, tuple[str, str | None]] = {}
    for row in _read_rows("complementizers.txt"):
        c = normalize(row[0])
        comps[c] = (c, None)
        for suf in pronouns:
            comps[c + suf] = (c, suf)
        if c == "ان":  # إنني / أنني and the rare "انّه" spellings fold the same
            comps["انني"] = (c, "ني")
    # fa-prefixed فإن introduces content after a fronted adjunct (وبحسب الوزارة، فإن ...)
    for c, v in list(comps.items()):
        if c.startswith("ان"):
            comps["ف" + c] = v
    nonverbal: dict[tuple[str, ...], str] = {}
    for row in _read_rows("nonverbal_cues.tsv"):
        toks = tuple(normalize(row[0]).split())
        kind = row[1]
        nonverbal[toks] = kind
        nonverbal[("و" + toks[0], *toks[1:])] = kind
        nonverbal[("ف" + toks[0], *toks[1:])] = kind  # "فعلى لسان أحد التجار، …"
    first = frozenset(k[0] for k in nonverbal)
    nouns = {}
    for row in _read_rows("nouns.tsv"):
        nouns[normalize(row[0])] = NounInfo(row[1], row[2], row[3], row[4] == "y")
    # the dual is regular: مصدر → مصدران/مصدرين, مسؤولة → مسؤولتان/مسؤولتين (listed forms win)
    for word, info in list(nouns.items()):
        if info.number != "sg" or not info.human or info.cls not in ("anon", "person"):
            continue
        stem = word[:-1] + "ت" if word.endswith("ه") else word
        for suffix in ("ان", "ين"):
            nouns.setdefault(stem + suffix, NounInfo(info.cls, info.gender, "du", True))
    places_l: set[tuple[str, ...]] = set()
    for row in _read_rows("places.txt"):
        for name in [row[0], *(row[1].split("|") if len(row) > 1 and row[1] else [])]:
            toks = tuple(normalize(name).split())
            if toks:
                places_l.add(toks)
    places = frozenset(places_l)
    place_len: dict[str, int] = {}
    for toks in places:
        place_len[toks[0]] = max(place_len.get(toks[0], 0), len(toks))
    adjuncts = {normalize(r[0]): r[1] for r in _read_rows("adjuncts.tsv")}
    noise = tuple(tuple(normalize(r[0]).split()) for r in _read_rows("noise.txt"))
    return Lexicon(
        cues=cues,
        complementizers=comps,
        pronouns=pronouns,
        nonverbal=nonverbal,
        nonverbal_index={f: tuple(q for q in nonverbal if q[0] == f) for f in {q[0] for q in nonverbal}},
        nonverbal_first=first,
        titles=frozenset(normalize(r[0]) for r in _read_rows("titles.txt")),
        # "صاحب" is an honorific only before السمو/الجلالة/المعالي (صاحب السمو), never in "صاحب الهدف"
        honorifics=frozenset(normalize(r[0]) for r in _read_rows("honorifics.txt")),
        nouns=nouns,
        anaphora_markers=frozenset(normalize(r[0]) for r in _read_rows("anaphora.txt")),
        adjuncts=adjuncts,
        noise_prefixes=noise,
        headline_topics=frozenset(normalize(r[0]) for r in _read_rows("headline_topics.txt")),
        masdar_forms=masdars,
        media_names=frozenset(normalize(r[0]).split()[0] for r in _read_rows("media_names.txt")),
        name_titles=frozenset(normalize(r[0]) for r in _read_rows("titles.txt") if len(r) > 1 and r[1] == "name"),
        role_adjectives=frozenset(normalize(r[0]) for r in _read_rows("role_adjectives.txt")),
        event_nouns=frozenset(normalize(r[0]) for r in _read_rows("event_nouns.txt")),
        places=places,
        place_len=place_len,
        given_names={normalize(r[0]): r[1] for r in _read_rows("given_names.tsv") if len(r) > 1 and r[1] in ("m", "f")},
        letter_names=tuple(
            ws for r in _read_rows("media_names.txt") if len(ws := tuple(normalize(r[0]).split())) > 1 and set(ws) & set(comps)
        ),
    )
