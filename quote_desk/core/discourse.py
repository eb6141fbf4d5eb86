"""Entities across a document: who is speaking in each candidate.

- explicit mentions open or join an entity (كاتس joins يسرائيل كاتس; الخارجية السورية joins وزارة الخارجية
  السورية; a title used as a mention joins the person who carried it);
- anaphors (الوزارة، المتحدث، المصادر ذاتها) resolve to the most recent entity of that class;
- dropped subjects (وأضافت، وأضافوا) resolve to the most recent *speaker* whose agreement fits the verb:
  gender and number, remembering that organisations and non-human plurals agree in the feminine singular;
- anonymous sources only ever join an identical anonymous phrase, never a named entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quote_desk.core.document import Doc
from quote_desk.core.normalize import strip_article
from quote_desk.core.rules.speaker import classify


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

    def canonical(self) -> str | None:
        if not self.mentions:
            return self.aliases[0] if self.aliases else None
        if self.stype == "anonymous_source":
            return self.mentions[0]
        return max(self.mentions, key=lambda m: (len(m.split()), len(m)))


def mention_key(doc: Doc, a: int, b: int) -> tuple[str, ...]:
    lex = doc.lex
    out = []
    for k in range(a, b):
        n = doc.tokens[k].norm
        if n in lex.honorifics and k < b - 1:
            continue
        out.append(strip_article(n))
    return tuple(out)


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

    # -- creating and joining ---------------------------------------------------------------------------
    def is_anaphor(self, a: int, b: int) -> bool:
        lex = self.doc.lex
        norms = [self.doc.tokens[k].norm for k in range(a, b)]
        if not norms or len(norms) > 3:
            return False
        if any(n in lex.anaphora_markers for n in norms[1:]):
            return True
        if len(norms) == 1 and norms[0].startswith("ال"):
            info = lex.noun(norms[0])
            return info is not None and info.cls in ("org", "media", "anon", "person")
        return False

    def head_of(self, a: int, b: int) -> str:
        lex = self.doc.lex
        for k in range(a, b):
            n = self.doc.tokens[k].norm
            if n in lex.honorifics and k < b - 1:
                continue
            return strip_article(n)
        return ""

    def find_antecedent(self, head: str, gender: str | None) -> Entity | None:
        for eid in reversed(self._recency()):
            e = self.entities[eid]
            if gender and e.gender and gender != e.gender and e.stype == "person":
                continue
            hs = head_stem(head)
            if (
                e.head == head
                or head_stem(e.head) == hs
                or any(hs in map(head_stem, k) for k in e.keys)
                or any(hs in map(head_stem, k) for k in e.title_keys)
            ):
                return e
        return None

    def _recency(self) -> list[int]:
        seen: dict[int, None] = {}
        for eid in self.speaker_stack:
            seen.pop(eid, None)
            seen[eid] = None
        for e in self.entities:  # entities never quoted (vias) come before quoted ones in recency
            if e.eid not in seen:
                seen = {e.eid: None, **seen}
        return list(seen)

    def explicit(self, a: int, b: int, gender: str | None, title: str | None, title_key: tuple[str, ...] | None) -> Entity:
        doc = self.doc
        text = doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]
        key = mention_key(doc, a, b)
        stype = classify(doc, a, b)
        info = doc.lex.noun(doc.tokens[a].norm)
        number = "sg"
        g = gender
        if info is not None and stype in ("anonymous_source", "group", "organization", "media"):
            if info.number in ("pl", "du") and info.human:
                number = info.number
            elif info.number == "pl" and not info.human:
                g = "f"
        target = self._join(key, stype, g)
        if target is None:
            target = Entity(len(self.entities), stype, g, number, self.head_of(a, b))
            self.entities.append(target)
        elif target.gender is None:
            target.gender = g
        target.keys.append(key)
        target.mentions.append(text)
        target.aliases.append(text)
        if title:
            target.titles.append(title)
            target.aliases.append(title)
            if title_key:
                target.title_keys.append(title_key)
        return target

    def _join(self, key: tuple[str, ...], stype: str, gender: str | None) -> Entity | None:
        for eid in reversed(self._recency()):
            e = self.entities[eid]
            if stype == "anonymous_source" or e.stype == "anonymous_source":
                if stype == e.stype and key in e.keys:
                    return e
                continue
            if gender and e.gender and gender != e.gender and stype == "person" and e.stype == "person":
                continue
            for k in e.keys:
                if k == key or _contains(key, k) or _contains(k, key):
                    return e
                # surname: a single-token person mention equal to the last token of a full name
                if stype == "person" and e.stype == "person" and len(key) == 1 and k and k[-1] == key[0]:
                    return e
            if stype == "person" and key in e.title_keys:
                return e
        return None

    def anaphor(self, a: int, b: int, gender: str | None) -> Entity | None:
        head = self.head_of(a, b)
        return self.find_antecedent(head, gender)

    def add_alias(self, e: Entity, a: int, b: int) -> None:
        doc = self.doc
        e.aliases.append(doc.text[doc.tokens[a].start : doc.tokens[b - 1].end])

    # -- dropped subjects --------------------------------------------------------------------------------
    def resolve_dropped(self, gender: str | None, number: str | None) -> tuple[Entity | None, bool]:
        """(entity, agreed): the most recent speaker whose agreement fits; else the most recent speaker."""
        seen: list[int] = []
        for eid in reversed(self.speaker_stack):
            if eid in seen:
                continue
            seen.append(eid)
            e = self.entities[eid]
            if _agrees(e, gender, number):
                return e, True
        if self.speaker_stack:
            return self.entities[self.speaker_stack[-1]], False
        return None, False

    def spoke(self, e: Entity) -> None:
        self.speaker_stack.append(e.eid)


def _agrees(e: Entity, gender: str | None, number: str | None) -> bool:
    if number == "pl":
        return e.number in ("pl", "du")
    if number == "du":
        return e.number in ("du", "pl")
    if e.number != "sg":
        return False
    return gender is None or e.gender is None or gender == e.gender
