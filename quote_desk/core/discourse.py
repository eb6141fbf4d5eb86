"""Entities across a document: who is speaking in each candidate.

- explicit mentions open or join an entity (كاتس joins يسرائيل كاتس; الخارجية السورية joins وزارة الخارجية
  السورية; a title used as a mention joins the person who carried it);
- anaphors (الوزارة، المتحدث، المصادر ذاتها) resolve to the most recent entity of that class;
- dropped subjects (وأضافت، وأضافوا) resolve to the most recent *speaker* whose agreement fits the verb:
  gender and number, remembering that organisations and non-human plurals agree in the feminine singular;
- anonymous sources only ever join an identical anonymous phrase, never a named entity.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import islice

from quote_desk.core.document import Doc
from quote_desk.core.normalize import folded, normalize, strip_article
from quote_desk.core.rules.marks import close_open_marks
from quote_desk.core.rules.speaker import (
    NAME_STARTERS,
    QUANTIFIERS,
    after_honorifics,
    classify,
    has_article,
    honorific_pronoun,
    is_accusative,
    is_name_like,
    looks_imperfect,
    name_end,
    nominative,
    place_at,
    possessive_noun,
    scan_phrase,
    split_name_title,
    split_title_name,
    starts_with_title,
)

# Nouns that name a person by what they are in feature reporting; as a lone anaphor they point to the person the
# story just named (gender of the noun).
PEOPLE_NOUNS = {strip_article(normalize(w)): g for w, g in (
    ("الرجل", "m"), ("المرأة", "f"), ("الشابة", "f"), ("الفتاة", "f"), ("الفتى", "m"), ("الطفل", "m"),
    ("الطفلة", "f"), ("العجوز", None), ("الأرملة", "f"), ("السيدة", "f"), ("الشاب", "m"), ("الجدة", "f"),
    *((a, "m") for a in ("العشريني", "الثلاثيني", "الأربعيني", "الخمسيني", "الستيني", "السبعيني", "الثمانيني")),
    *((a + "ة", "f") for a in ("العشريني", "الثلاثيني", "الأربعيني", "الخمسيني", "الستيني", "السبعيني", "الثمانيني")),
)}


@dataclass
class Entity:
    eid: int
    stype: str
    gender: str | None
    number: str
    head: str
    keys: list[tuple[str, ...]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # non-anaphoric surface forms
    aliases: list[str] = field(default_factory=list)  # every surface form, anaphors and titles included
    titles: list[str] = field(default_factory=list)
    title_keys: list[tuple[str, ...]] = field(default_factory=list)
    via: str | None = None
    last_pos: int = -1  # character position of the latest mention or quote
    surnames: set[tuple[str, ...]] = field(default_factory=set)  # one-word keys written with the article (العمر)
    _canon: tuple[int, str] | None = field(default=None, repr=False, compare=False)

    def canonical(self) -> str | None:
        if not self.mentions:
            return self.aliases[0] if self.aliases else None
        if self.stype == "anonymous_source":
            return self.mentions[0]
        # Remembered until a mention is added: a long document names one speaker thousands of times, and
        # this is asked for every quote (the max over distinct forms is the max over all of them).
        if self._canon is None or self._canon[0] != len(self.mentions):
            # the fullest form, preferring a bare name over one that still carries a title ("رئيس الوزراء X")
            best = max(dict.fromkeys(self.mentions), key=lambda m: (not _titled(m), len(m.split()), len(m)))
            self._canon = (len(self.mentions), best)
        return self._canon[1]


def _family_name(doc: Doc, k: int) -> bool:
    """A family name written with the article after a given name (المومني، الدوري): definite, not a known noun,
    title or place."""
    t = doc.tokens[k].norm
    return has_article(doc, k) and doc.lex.noun(t) is None and t[2:] not in doc.lex.titles and t not in doc.lex.titles \
        and not place_at(doc, k, k + 1) and t not in doc.lex.role_adjectives


def _role_gender(doc: Doc, key: tuple[str, ...] | None) -> str | None:
    """The gender a title or a given name shows: وزيرة → f, مدير → m, سلمى → f. None when nothing says."""
    if not key:
        return None
    head = key[0]
    if head in doc.lex.given_names:
        return doc.lex.given_names[head]
    info = doc.lex.noun(head) or doc.lex.noun("ال" + head)
    if info is not None and info.cls == "person" and info.gender in ("m", "f"):
        return info.gender
    if head in doc.lex.titles or ("ال" + head) in doc.lex.titles:
        return "f" if head.endswith("ه") else "m"
    return None


def mention_key(doc: Doc, a: int, b: int) -> tuple[str, ...]:
    lex = doc.lex
    out = []
    for k in range(a, b):
        n = nominative(doc.tokens[k].text, doc.tokens[k].norm)
        if n in lex.honorifics and k < b - 1:
            continue
        out.append(strip_article(n))
    return tuple(out)


def _titled(mention: str) -> bool:
    from quote_desk.core.lexicon import load_lexicon
    from quote_desk.core.normalize import normalize

    first = normalize(mention.split()[0]) if mention.split() else ""
    titles = load_lexicon().titles
    return first in titles or (first.startswith("ال") and first[2:] in titles)


def head_stem(word: str) -> str:
    """Fold number on a head noun so المسؤولان finds مسؤولين and المصادر finds مصادر."""
    for suf in ("ون", "ين", "ان", "ات", "تان", "تين"):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word.removesuffix("ه") if len(word) > 3 else word


def _contains(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    if not small or len(small) > len(big):
        return False
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


class Discourse:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self.speaker_stack: list[int] = []  # entity ids of resolved quotes, in order
        self._spoken: set[int] = set()  # the same ids as a set (asked for every headline)
        self.cursor = 0  # character position of the cue being resolved
        self._used: dict[int, None] = {}

    # -- creating and joining ---------------------------------------------------------------------------
    def is_anaphor(self, a: int, b: int) -> bool:
        lex = self.doc.lex
        norms = [self.doc.tokens[k].norm for k in range(a, b)]
        if not norms or len(norms) > 3:
            return False
        if len(norms) == 1 and honorific_pronoun(norms[0]) is not None:
            return True  # سموه، معاليها، فخامته: an honorific with a pronoun points back to a named dignitary
        if norms in (["الاخير"], ["الاخيره"]):
            return True  # "ورد الأخير بأن …": the one named last
        if len(norms) == 1 and norms[0].startswith("ال") and self._report_noun(norms[0][2:]):
            return True  # "وأضاف البيان أن …": the statement speaks for whoever issued it
        if any(n in lex.anaphora_markers for n in norms[1:]):
            return True
        if len(norms) == 1 and has_article(self.doc, a) and len(norms[0]) >= 5 and self._names_head(head_stem(norms[0][2:])):
            return True  # "قالت مبادرة «أرض السلام» … وأوضحت المبادرة": the head noun of a body named before
        if norms[0].startswith("ال"):
            info = lex.noun(norms[0])
            if info is None or info.cls not in ("org", "media", "anon", "person"):
                return False
            if len(norms) == 1:
                return True
            # a definite role with a nisba adjective: "المسؤولة الأوروبية", "الوزير الفرنسي"
            return len(norms) == 2 and norms[1].startswith("ال") and norms[1].endswith(("ي", "يه")) and info.cls == "person"
        return False

    def _names_head(self, hs: str) -> bool:
        """A recent non-person entity was named with this head noun in construct ("مستشفى الشفاء" for المستشفى)."""
        return any(e.stype != "anonymous_source" and e.mentions and e.head and e.head not in self.doc.lex.given_names
                   and head_stem(e.head) == hs for e in self.entities[-30:])  # fmt: skip

    @staticmethod
    def _report_noun(word: str) -> bool:
        from quote_desk.core.rules.frames import REPORT_NOUNS

        return word in REPORT_NOUNS and word not in ("ما", "نشره")

    def head_of(self, a: int, b: int) -> str:
        lex = self.doc.lex
        for k in range(a, b):
            n = self.doc.tokens[k].norm
            if n in lex.honorifics and k < b - 1:
                continue
            return strip_article(n)
        return ""

    def find_antecedent(self, head: str, gender: str | None, qualifier: str | None = None) -> Entity | None:
        """Most recent entity named by this head noun; an entity that merely carries it in a title
        (المتحدثة باسم المفوضية for "المفوضية") is only a fallback. A qualified anaphor ("الوزير الإيراني") only
        finds an entity whose name or title carries the qualifier too."""
        hs = head_stem(head)
        fallback = None
        info_h = self.doc.lex.noun("ال" + head) or self.doc.lex.noun(head)
        for eid in reversed(self._recency()):
            e = self.entities[eid]
            if gender and e.gender and gender != e.gender and e.stype == "person":
                continue
            if e.stype == "anonymous_source" and info_h is not None and info_h.cls in ("org", "media", "group"):
                continue  # "المفوضية" is the body, never "مصدر في المفوضية" that spoke about it
            if qualifier and not any(qualifier in map(head_stem, k) for k in e.keys + e.title_keys):
                continue
            if e.head == head or head_stem(e.head) == hs or any(hs in map(head_stem, k) for k in e.keys):
                return e
            if fallback is None and any(hs in map(head_stem, k) for k in e.title_keys):
                fallback = e
        if fallback is None and qualifier:
            return None  # "الوزير الإيراني" with no Iranian yet: a new entity, not the last minister
        if fallback is None and strip_article(head) in self.GENERIC_BODIES:
            # "وأكدت الشركة" after "الخطوط الجوية الكويتية": a generic body noun finds the last body named by its
            # proper name (not one whose own head is another body noun: الوزارة is not "the company")
            for eid in reversed(self._recency()[-6:]):
                e = self.entities[eid]
                body_like = e.stype == "organization" or (
                    e.stype == "person" and not e.title_keys and e.mentions and normalize(e.mentions[0]).startswith("ال")
                    and len(e.mentions[0].split()) >= 2
                    and e.head not in self.doc.lex.given_names and e.head not in self.doc.lex.titles
                )  # "الخطوط الجوية الكويتية": a body whose head noun the lexicon does not know
                if body_like and e.number == "sg" and e.mentions and self.doc.lex.noun("ال" + strip_article(e.head)) is None:
                    return e
        if fallback is None:
            info = self.doc.lex.noun("ال" + head) or self.doc.lex.noun(head)
            if info is not None and info.cls == "person":
                # "المسؤولة الأوروبية", "الوزير": a role description points to the last person of that gender
                for eid in reversed(self._recency()):
                    e = self.entities[eid]
                    if e.stype == "person" and (gender is None or e.gender in (None, gender)) and e.mentions:
                        return e if self._role_fits(e, head) else None
        return fallback

    GENERIC_BODIES = folded({"شركه", "مؤسسه", "منظمه", "هيئه", "جهه", "مجموعه"})
    GENERIC_ROLES = folded({"مسؤول", "مسؤولة", "متحدث", "متحدثة", "ناطق", "ناطقة"})

    def _role_fits(self, e: Entity, head: str) -> bool:
        """May the role noun `head` ("المسؤول", "اللاعبة") describe the person `e`? A generic role fits anyone; a
        specific one does not fit a person described by another role ("المدرب" is not "المحلل" or the club's
        chief executive)."""
        if strip_article(head) in self.GENERIC_ROLES:
            return True
        hs = head_stem(head)
        lex = self.doc.lex
        roles = [w for w in [k[0] for k in e.title_keys if k] + [e.head] if w in lex.titles or lex.noun("ال" + w) is not None]
        return not roles or any(head_stem(r) == hs for r in roles)  # "التونسية" is a nisba, not a role

    RECENCY_WINDOW = 80  # entities looked back at; keeps long documents linear

    def _recency(self) -> list[int]:
        """Entity ids, least to most recently used (named or quoted), the last RECENCY_WINDOW of them."""
        # from the end of the (insertion-ordered) dict: O(window), not O(all entities of a long document)
        return list(islice(reversed(self._used), self.RECENCY_WINDOW))[::-1]

    def _touch(self, eid: int) -> None:
        self._used.pop(eid, None)
        self._used[eid] = None
        e = self.entities[eid]
        e.last_pos = max(e.last_pos, self.cursor)

    def explicit(
        self, a: int, b: int, gender: str | None, title: str | None, title_key: tuple[str, ...] | None, lam: bool = False
    ) -> Entity:
        doc = self.doc
        s0 = doc.tokens[a].start
        prefix = ""
        if lam:  # وفقاً لوزارة الصحة: drop the preposition glued to the name
            s0 += 1
            while doc.text[s0] == "\u0640":
                s0 += 1
            if doc.tokens[a].norm.startswith("لل"):  # للمنظمة = ل + المنظمة: the name keeps its article
                prefix = "ا"
        e0 = doc.tokens[b - 1].end
        while e0 < len(doc.text) and doc.text[e0] == "+":  # أوبك+
            e0 += 1
        e0 = close_open_marks(doc.text, s0, e0)  # a closing bracket or mark left outside: (قنا), («آفاد»), "فيفا"
        text = prefix + doc.text[s0:e0]
        # "غير أن مصدراً أمنياً أكد": an accusative subject keeps its written form, as the text names the source
        key = mention_key(doc, a, b)
        if lam and key:
            key = (strip_article(key[0][1:]) or key[0], *key[1:])
        stype = classify(doc, a, b, lam)
        info = doc.lex.noun(key[0] if lam and key else nominative(doc.tokens[a].text, doc.tokens[a].norm))
        number = "sg"
        g = gender
        if info is not None and stype in ("anonymous_source", "group", "organization", "media"):
            if info.number in ("pl", "du") and info.human:
                number = info.number
            elif info.number == "pl" and not info.human:
                g = "f"
        elif doc.tokens[a].norm in QUANTIFIERS and doc.tokens[a].norm not in ("احد", "احدي") and b - a > 1:
            number = "pl"  # "عدد من المتضررين", "بعض السكان": a quantified plural (وأضافوا)
        elif (
            info is None
            and doc.tokens[a].norm.endswith(("ون", "يون"))
            and not doc.tokens[a].norm.startswith("ال")
            and len(doc.tokens[a].norm) > 4
            and doc.tokens[a].norm not in doc.lex.given_names
        ):
            number = "pl"  # "عاملون في القطاع الصحي", "متعاملون": a sound masculine plural (وأضافوا)
        if g is None and stype == "person":
            g = _role_gender(doc, title_key) or _role_gender(doc, key)  # "مدير المحطة كاروان أحمد": a man
        definite = b - a == 1 and doc.tokens[a].norm.startswith("ال")
        target = self._join(key, stype, g, definite=definite)
        if target is None:
            target = Entity(len(self.entities), stype, g, number, self.head_of(a, b))
            self.entities.append(target)
        elif target.gender is None:
            target.gender = g
        self._touch(target.eid)
        if key not in target.keys:
            target.keys.append(key)
            if definite and stype == "person":
                target.surnames.add(key)
        target.mentions.append(text)
        target.aliases.append(text)
        if title:
            target.titles.append(title)
            target.aliases.append(title)
            if title_key and title_key not in target.title_keys:
                target.title_keys.append(title_key)
        return target

    def _join(self, key: tuple[str, ...], stype: str, gender: str | None, definite: bool = False) -> Entity | None:
        for eid in reversed(self._recency()):
            e = self.entities[eid]
            if stype == "anonymous_source" or e.stype == "anonymous_source":
                if stype == e.stype and key in e.keys:
                    return e
                continue
            if gender and e.gender and gender != e.gender and stype == "person" and e.stype == "person":
                continue
            for k in e.keys:
                if k == key:
                    return e
                small = key if len(key) < len(k) else k
                if len(small) == 1 and self._role_word(small[0]):
                    continue  # a bare role ("الوزير") never absorbs a qualified one ("الوزير الإيراني"), or back
                if len(small) == 1 and stype == "person" and e.stype == "person" and (
                    (small is key and definite) or (small is k and k in e.surnames)
                ):
                    # a one-word name with the article is a family name: "العمر" is خالد العمر, never "عمر الشيخ"
                    big = k if small is key else key
                    if big[-1] == small[0]:
                        return e
                    continue
                if _contains(key, k) or _contains(k, key):
                    big = k if len(k) > len(key) else key
                    if self._role_word(big[0]) and not self._role_word(small[0]):
                        continue  # "الناطق باسم مديرية الأمن" is not "مديرية الأمن": a role holder, not the body
                    return e
            if stype == "person" and key in e.title_keys:
                return e
        return None

    def _role_word(self, word: str) -> bool:
        lex = self.doc.lex
        info = lex.noun("ال" + word) or lex.noun(word)
        return word in lex.titles or ("ال" + word) in lex.titles or (info is not None and info.cls == "person")

    def anaphor(self, a: int, b: int, gender: str | None) -> Entity | None:
        from quote_desk.core.rules.frames import REPORT_NOUNS

        head = self.head_of(a, b)
        norms = [self.doc.tokens[k].norm for k in range(a, b)]
        hp = honorific_pronoun(norms[0]) if len(norms) == 1 else None
        if hp is not None:
            return self._honorific_antecedent(hp[0], hp[1] or gender, a)
        if norms in (["الاخير"], ["الاخيره"]):
            return self._latter("f" if norms[0].endswith("ه") else "m", a)
        if len(norms) == 1 and head in PEOPLE_NOUNS:
            near = self._nearest_named_person(a, gender or PEOPLE_NOUNS[head])
            if near is not None:
                return near  # "الحاج عبده يسمع السؤال. يجيب الرجل: …": the person the story just named
        same_marker = b < len(self.doc.tokens) and self.doc.tokens[b].norm in self.doc.lex.anaphora_markers  # المعطيات ذاتها
        if head in REPORT_NOUNS and len(norms) == 1 and not same_marker and not self._mentioned_before(head, a):
            return None  # "وأشار التقرير إلى …" with no report named before: the report itself, nobody's words
        if head in REPORT_NOUNS and len(norms) == 1:
            issuer = self._issuer_before(a)
            if issuer is not None:
                return issuer  # "أصدرت الجمعية بلاغاً … وجاء في البلاغ": the body that issued it
            # "وأضاف البيان": the statement just quoted speaks for whoever issued it — the last speaker
            for eid in reversed(self.speaker_stack[-12:]):
                e = self.entities[eid]
                if e.stype != "anonymous_source" and e.mentions:
                    return e
        if head in REPORT_NOUNS and (len(norms) == 1 or (len(norms) == 2 and norms[1] in self.doc.lex.anaphora_markers)):
            # "المعطيات ذاتها", "البيان نفسه": the same statement or figures, issued by the last body that spoke
            for eid in reversed(self._recency()):
                e = self.entities[eid]
                if e.stype in ("organization", "media") and e.mentions:
                    return e
        qualifier = None
        if len(norms) == 2 and norms[1] not in self.doc.lex.anaphora_markers and norms[1] not in self.doc.lex.role_adjectives:
            qualifier = head_stem(strip_article(norms[1]))  # "الوزير الإيراني": the nisba must match
        found = self.find_antecedent(head, gender, qualifier)
        narrative = self._narrative_antecedent(head, qualifier, a)
        if narrative is not None and (found is None or narrative[0] > found.last_pos or not self._carries(found, head)):
            _, (na, nb), title = narrative
            return self._named_at(na, nb, gender, title)
        return found

    def _mentioned_before(self, noun: str, before: int) -> bool:
        """The report noun (بيان، تقرير …) was written before token `before`, in any form: في بيان، بياناً، البيان،
        ببيان، لبيانها."""
        for k in range(before - 1, max(-1, before - 3000), -1):  # the report is named in the same story
            n = self.doc.tokens[k].norm
            for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"):
                w = strip_article(n[len(p):]) if n.startswith(p) else ""
                if w.startswith(noun) and len(w) - len(noun) <= 2:  # بياناً، بيانها، البيان
                    return True
        return False

    ISSUE_VERBS = folded({"أصدر", "أصدرت", "وأصدر", "وأصدرت", "نشر", "نشرت", "ونشر", "ونشرت", "وزع", "وزعت", "ووزع", "ووزعت"})

    def _issuer_before(self, before: int) -> Entity | None:
        """"أصدرت جمعية حماية المستهلك بلاغاً …": the subject of the last issuing verb whose object is a report
        noun, within the last 120 words."""
        from quote_desk.core.rules.frames import REPORT_NOUNS

        doc = self.doc
        for k in range(before - 1, max(-1, before - 120), -1):
            if doc.tokens[k].norm not in self.ISSUE_VERBS:
                continue
            for x in range(k + 2, min(before, k + 9)):
                n = doc.tokens[x].norm
                base = n[:-1] if n.endswith("ا") else n  # بياناً → بيان
                if base in REPORT_NOUNS or strip_article(n) in REPORT_NOUNS:
                    a, b = k + 1, x
                    while b > a and doc.lex.adjuncts.get(doc.tokens[b - 1].norm) == "time":
                        b -= 1  # "أصدرت الجمعية أمس بلاغاً"
                    if b > a:
                        return self.explicit(a, b, "f" if doc.tokens[k].norm.endswith("ت") else "m", None, None)
                    break
            return None
        return None

    def _named_at(self, a: int, b: int, gender: str | None, title: tuple[int, int] | None) -> Entity:
        """The entity of a name written earlier in a sentence without speech, as if mentioned there."""
        doc = self.doc
        ttext = None if title is None else doc.text[doc.tokens[title[0]].start : doc.tokens[title[1] - 1].end]
        saved = self.cursor
        self.cursor = doc.tokens[a].start
        ent = self.explicit(a, b, gender, ttext, mention_key(doc, *title) if title else None)
        self.cursor = saved
        return ent

    def role_antecedent(self, a: int, b: int, gender: str | None) -> Entity | None:
        """A title with no name ("وزير المالية الأردني"، "الأمين العام لمنظمة …") names the holder written earlier
        with a name ("التقى وزير المالية الأردني فادي العزام …"): the nearest such title + name whose head and
        first modifier match. None when nothing fits (the title then stands alone)."""
        doc = self.doc
        if b - a > 7 or not starts_with_title(doc, a, b) or is_name_like(doc, a) or split_title_name(doc, a, b)[0] is not None:
            return None
        if classify(doc, a, b) != "person":
            return None
        qualifier = None
        if a + 1 < b:
            t = doc.tokens[a + 1].norm
            if t not in doc.lex.role_adjectives and not t.startswith("ل"):
                qualifier = head_stem(strip_article(t))  # وزير المالية: the genitive must match (not وزير الدفاع)
        found = self._narrative_antecedent(self.head_of(a, b), qualifier, a)
        after = self._name_before_title(a, b)
        if after is not None and (found is None or after[0] > found[0]):
            _, (na, nb), title = after
            return self._named_at(na, nb, gender, title)
        if found is None:
            return None
        _, (na, nb), title = found
        return self._named_at(na, nb, gender, title)

    def _latter(self, gender: str, before: int) -> Entity | None:
        """"الأخير / الأخيرة": the entity of that gender mentioned last before the anaphor, whether it spoke or was
        only named (a given name in a narrative sentence)."""
        pos = self.doc.tokens[before].start
        si = self.doc.sent_of(pos)
        lo = self.doc.sents[max(0, si - 1)].start  # the latter of two just named: this sentence or the one before
        best = None
        for e in self.entities:
            if e.mentions and e.gender in (gender, None) and e.number == "sg" and lo <= e.last_pos < pos \
                    and (best is None or e.last_pos > best.last_pos):
                best = e
        named = self._nearest_named_person(before, gender)
        if named is not None and (best is None or named.last_pos >= best.last_pos):
            return named
        return best

    def _nearest_named_person(self, before: int, gender: str | None) -> Entity | None:
        """The nearest given name or kunya (أم محمود، أبو نادر) of this gender in the last few sentences, as an
        entity: "ريم، تسع سنوات، ترفع يدها … تقول الطفلة" → ريم. None when a speaker of that gender is nearer."""
        doc = self.doc
        toks = doc.tokens
        lo = max(0, before - 60)
        for k in range(before - 1, lo - 1, -1):
            t = toks[k].norm
            if doc.inside_mark(toks[k].start) is not None:
                continue
            g = None
            if t in ("ام", "ابو") and k + 1 < before and is_name_like(self.doc, k + 1) and doc.gap_before(k + 1) == " ":
                g = "f" if t == "ام" else "m"
                start = k
            elif t in doc.lex.given_names and (k == 0 or toks[k - 1].norm not in ("ام", "ابو", "بن", "بنت", "عبد")) \
                    and not (t == "علي" and toks[k].text != "علي"):
                g = doc.lex.given_names[t]
                start = k
            if g is None or (gender is not None and g != gender):
                continue
            end = start + (2 if t in ("ام", "ابو") else 1)
            while t not in ("ام", "ابو") and end < before and end - start < 3 and doc.gap_before(end) == " " and (
                is_name_like(doc, end) or _family_name(doc, end)
            ) and not looks_imperfect(doc, end) and not possessive_noun(toks[end].text) \
                    and doc.inside_mark(toks[end].start) is None:
                end += 1
                if _family_name(doc, end - 1):
                    break  # "خالد المومني": a family name with the article ends the name
            for eid in reversed(self.speaker_stack[-6:]):
                e = self.entities[eid]
                if e.last_pos > toks[start].start and e.stype == "person" and agrees(e, gender, "sg"):
                    return None  # a speaker of that gender spoke after the name: the usual rules decide
            return self._named_at(start, end, g, None)
        return None

    def _name_before_title(self, a: int, b: int) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
        """"استقبل الشيخ محمد بن زايد آل نهيان رئيس الدولة …. وأكد رئيس الدولة …": the same title written
        earlier right after a name (agency style). Returns (position, name range, title range)."""
        doc = self.doc
        toks = doc.tokens
        a = after_honorifics(doc, a, b)
        want = [toks[k].norm for k in range(a, b)]
        n = len(want)
        if n < 2:
            return None
        for k in range(a - 1, max(0, a - self.NARRATIVE_WINDOW), -1):
            if [toks[x].norm for x in range(k, min(k + n, len(toks)))] != want or doc.gap_before(k) != " ":
                continue
            j = k
            while j - 1 >= 0 and k - j < 6 and doc.gap_before(j) == " " and (
                is_name_like(doc, j - 1) or toks[j - 1].norm in NAME_STARTERS or toks[j - 1].norm == "ال"
            ) and toks[j - 1].norm not in doc.lex.honorifics:
                j -= 1
            if k - j >= 2 and doc.inside_mark(toks[j].start) is None:
                return toks[k].start, (j, k), (k, k + n)
        return None

    @staticmethod
    def _carries(e: Entity, head: str) -> bool:
        """The entity is named or titled with this head noun (not just the last person of that gender)."""
        hs = head_stem(head)
        return head_stem(e.head) == hs or any(hs in map(head_stem, k) for k in e.keys + e.title_keys)

    def _honorific_antecedent(self, base: str, gender: str | None, before: int) -> Entity | None:
        """"وقال سموه", "وأكدت معاليها": the nearest earlier name that carried this honorific (صاحب السمو الشيخ X،
        معالي X), else the last person of that gender who spoke or was named."""
        doc = self.doc
        for k in range(before - 1, max(-1, before - self.NARRATIVE_WINDOW), -1):
            t = doc.tokens[k].norm
            if strip_article(t) != base or doc.inside_mark(doc.tokens[k].start) is not None:
                continue
            j = after_honorifics(doc, k + 1, len(doc.tokens))
            if j >= len(doc.tokens) - 1:
                continue
            titled = starts_with_title(doc, j, j + 1)
            end = j + 1  # the phrase after the honorifics, up to punctuation
            while end < len(doc.tokens) and end - j < (16 if titled else 8) and not doc.gap_before(end).strip():
                end += 1
            if titled:
                # "معالي وزيرة المالية … المهندسة نورة سليمان الفصام": the name after the title (the phrase may
                # run on into an object: try shorter ends)
                title_r = None
                for b2 in range(end, j + 1, -1):
                    title_r, name = split_title_name(doc, j, b2)
                    if title_r is not None:
                        break
                if title_r is None:
                    continue
            else:
                name, _title = split_name_title(doc, j, end)
            na, nb = name
            if not all(
                is_name_like(doc, x) or doc.tokens[x].norm in NAME_STARTERS or has_article(doc, x)
                for x in range(na, min(nb, na + 3))
            ) or any(doc.tokens[x].norm.endswith(("ته", "تها")) or (doc.tokens[x].norm.startswith(("ب", "ل")) and doc.tokens[x].norm not in NAME_STARTERS) for x in range(na, min(nb, na + 2))):
                continue  # "سعادة وزير الدولة عن سعادته بتوقيع …": no name there
            return self._named_at(na, name_end(doc, na, nb), gender, None)
        for eid in reversed(self._recency()):
            e = self.entities[eid]
            if e.stype == "person" and e.mentions and (gender is None or e.gender in (None, gender)):
                return e
        return None

    NARRATIVE_WINDOW = 160  # tokens looked back at for a named antecedent in a sentence without speech

    def _narrative_antecedent(self, head: str, qualifier: str | None, before: int) -> tuple[int, tuple[int, int], tuple[int, int] | None] | None:
        """The nearest earlier "title + name" whose title head is the anaphor's head, in any sentence:
        "والتقى وزير المالية أحمد كجوك أعضاء البعثة. وقال الوزير …" → أحمد كجوك. Returns (position, name range,
        title range). Only role heads (persons) are looked up this way; a bare body noun is too vague."""
        doc = self.doc
        info = doc.lex.noun("ال" + head) or doc.lex.noun(head)
        if info is None or info.cls != "person":
            return None
        hs = head_stem(head)
        for k in range(before - 1, max(-1, before - self.NARRATIVE_WINDOW), -1):
            t = doc.tokens[k].norm
            bare = t[1:] if t.startswith(("و", "ف")) and len(t) > 4 else t
            word = strip_article(bare)
            if head_stem(word) != hs or doc.inside_mark(doc.tokens[k].start) is not None:
                continue
            if word.endswith("ه") != head.endswith("ه"):
                continue  # وزير ≠ وزيرة: the feminine ending is gender, not a suffix to fold
            stop = scan_phrase(doc, k, len(doc.tokens), None, max_len=10)
            title = None
            for b in range(min(stop.at, k + 9), k + 1, -1):  # the phrase may run on into an object
                title, name = split_title_name(doc, k, b)
                if title is not None:
                    break
            if title is None:
                continue
            # a narrative sentence goes on after the name (an object, a place): keep the name's own words only
            name = (name[0], name_end(doc, *name))
            n0 = doc.tokens[name[0]].norm
            if looks_imperfect(doc, name[0]) or (n0.startswith(("ي", "ت")) and n0.endswith(("ان", "ون")) and len(n0) >= 5
                                                   and n0 not in doc.lex.given_names):
                continue  # "رئيس الدولة ورئيس إندونيسيا يبحثان …": a verb after the titles, no name
            if qualifier and not any(head_stem(strip_article(doc.tokens[x].norm)) == qualifier for x in range(*title)):
                continue
            return doc.tokens[k].start, name, title
        return None

    def add_alias(self, e: Entity, a: int, b: int) -> None:
        doc = self.doc
        e.aliases.append(doc.text[doc.tokens[a].start : doc.tokens[b - 1].end])

    # -- dropped subjects --------------------------------------------------------------------------------
    def resolve_dropped(self, gender: str | None, number: str | None) -> tuple[Entity | None, bool]:
        """(entity, agreed): the most recent speaker whose agreement fits; else the most recent speaker."""
        seen: list[int] = []
        for eid in reversed(self.speaker_stack[-self.RECENCY_WINDOW :]):
            if eid in seen:
                continue
            seen.append(eid)
        for eid in seen:
            e = self.entities[eid]
            if agrees(e, gender, number):
                return e, True
        if number in ("pl", "du"):
            e = self._plural_mention()
            if e is not None:
                return e, True
        if self.speaker_stack:
            return self.entities[self.speaker_stack[-1]], False
        return None, False

    def _plural_mention(self) -> Entity | None:
        """A plural verb with no plural speaker before it: the last human plural noun mentioned (الأهالي،
        السكان، المحتجون) in the text so far, which becomes a speaker."""
        doc = self.doc
        upto = self.cursor
        for k in range(doc.token_at_or_after(upto) - 1, max(-1, doc.token_at_or_after(upto) - 120), -1):
            info = doc.lex.noun(doc.tokens[k].norm)
            if info is not None and info.human and info.number in ("pl", "du"):
                return self.explicit(k, k + 1, "m", None, None)
        return None

    def spoke(self, e: Entity) -> None:
        self.speaker_stack.append(e.eid)
        self._spoken.add(e.eid)
        self._touch(e.eid)

    def complete_names(self) -> None:
        """A person quoted only by surname ("الشابي") takes the fullest form the document writes anywhere:
        "منير الشابي" in a sentence without speech."""
        doc = self.doc
        index: dict[str, list[int]] = {}
        for t in doc.tokens:
            index.setdefault(t.norm, []).append(t.i)
        for e in self.entities:
            if e.stype != "person" or not e.mentions or len(e.canonical().split()) != 1:
                continue
            last = e.keys[0][-1] if e.keys and e.keys[0] else ""
            for k in self._near(index.get("ال" + last, []), e) + self._near(index.get(last, []), e):
                prev = doc.tokens[k - 1] if k > 0 else None
                if (
                    prev is not None
                    and prev.para == doc.tokens[k].para
                    and is_name_like(doc, k - 1)
                    and doc.lex.cue(prev.norm) is None
                    and not prev.norm.startswith(("و", "ف", "ب", "ل"))
                    and doc.gap_before(k).strip() == ""
                    and (prev.norm in doc.lex.given_names or prev.norm in ("بن", "ابن", "بنت", "ابو", "ام", "ال"))
                ):
                    s0 = k - 1
                    # "سعد بن شريدة الكعبي": the chain of given name, بن and father's name
                    while s0 - 2 >= 0 and doc.tokens[s0 - 1].norm in ("بن", "ابن", "بنت") and is_name_like(doc, s0 - 2) and doc.gap_before(s0).strip() == "" and doc.gap_before(s0 - 1).strip() == "":
                        s0 -= 2
                    full = doc.text[doc.tokens[s0].start : doc.tokens[k].end]
                    e.mentions.append(full)
                    e.aliases.append(full)
                    break
            else:
                if last in doc.lex.given_names:
                    self._complete_forward(e, last, index)

    NEAR_TOKENS = 6000  # a name is completed from its own story, not from anywhere in a very long document

    def _near(self, positions: list[int], e: Entity) -> list[int]:
        """The token positions (sorted) within NEAR_TOKENS of the entity's last mention."""
        if not positions:
            return positions
        at = self.doc.token_at_or_after(max(e.last_pos, 0))
        lo = bisect.bisect_left(positions, at - self.NEAR_TOKENS)
        hi = bisect.bisect_right(positions, at + self.NEAR_TOKENS)
        return positions[lo:hi]

    def _complete_forward(self, e: Entity, given: str, index: dict[str, list[int]]) -> None:
        """A given name quoted alone ("زينب") takes the full name written after it elsewhere ("زينب حسن عمر")."""
        doc = self.doc
        for k in self._near(index.get(given, []), e):
            end = k + 1
            while (
                end < len(doc.tokens)
                and end - k < 3
                and doc.gap_before(end).strip() == ""
                and is_name_like(doc, end)
                and not is_accusative(doc.tokens[end].text)
                and doc.lex.cue(doc.tokens[end].norm) is None
                and not looks_imperfect(doc, end)  # "حمدان يفرغ حمولته": a verb ends the name
                and not possessive_noun(doc.tokens[end].text)  # "حسين مشحوفه": his boat, not his family name
            ):
                end += 1
            if end > k + 1:
                full = doc.text[doc.tokens[k].start : doc.tokens[end - 1].end]
                e.mentions.append(full)
                e.aliases.append(full)
                return

    def best_match_for_headline(self, e: Entity) -> Entity | None:
        """A headline speaker ("مدرب الرجاء: …") is usually named in the body ("كريم الزياني، مدرب الرجاء"):
        the body entity whose name or title shares the most words with the headline mention."""
        lex = self.doc.lex
        # title heads (مدرب، وزير) and function words do not identify anyone: only distinctive words count
        if len(e.mentions) > 1:
            return None  # the body already named this speaker in full ("الجواهري: …" / "عبد اللطيف الجواهري")
        words = {w for k in e.keys for w in k if len(w) > 2 and w not in lex.titles and w not in lex.adjuncts
                 and "ال" + w not in lex.titles and w not in NAME_STARTERS}  # عبد، أبو: not distinctive  # fmt: skip
        best, best_n = None, 0
        # a bare name ("أرامكو: …", "غوتيريش: …") is found among names; a role ("مدرب الرجاء: …") among titles too
        bare_name = bool(e.keys and e.keys[0]) and not self._role_word(e.keys[0][0]) and not e.titles
        spoken = self._spoken
        for other in self.entities[max(0, e.eid - 40) : e.eid + 40]:
            if other is e or (other.stype == "anonymous_source") != (e.stype == "anonymous_source") or (bare_name and other.eid not in spoken):
                # anonymous sources are found only among anonymous sources ("مصادر: …" → "أربعة مصادر في …"), and never
                # joined to a named person
                continue
            keys = other.keys if bare_name else other.keys + other.title_keys
            pool = {w.removeprefix("ل") if w.startswith("ل") and len(w) > 3 else w for k in keys for w in k}
            pool |= {w for k in keys for w in k}
            n = len(words & pool)
            if n > best_n:
                best, best_n = other, n
        if best is None and not words and e.keys and e.keys[0]:
            # a role alone ("والوزيرة: «…»"): the first body entity that carries that title
            head = head_stem(e.keys[0][0])
            for other in self.entities[e.eid + 1 : e.eid + 40]:
                if other.stype != "anonymous_source" and any(head in map(head_stem, k) for k in other.title_keys):
                    return other
        return best if best_n >= 1 else None


def agrees(e: Entity, gender: str | None, number: str | None) -> bool:
    if number == "pl":
        return e.number in ("pl", "du")
    if number == "du":
        return e.number in ("du", "pl")
    if e.number != "sg":
        return False
    return gender is None or e.gender is None or gender == e.gender
