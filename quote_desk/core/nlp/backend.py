"""The NlpBackend protocol and the records it returns.

The engine segments the document itself (paragraphs, sentences) and asks a backend to analyse those sentence
spans. Every offset is a Python str index into the ORIGINAL document text. A backend may leave any field None:
the engine treats the analysis as evidence (tie-breakers), never as a requirement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Word:
    """A syntactic word. Clitic parts of one surface token (و+قال) share the token's span."""

    start: int
    end: int
    text: str
    lemma: str | None = None
    upos: str | None = None
    feats: tuple[tuple[str, str], ...] = ()
    head: int | None = None  # index into Analysis.words, -1 for the root
    deprel: str | None = None
    token_start: int | None = None  # span of the surface token this word belongs to
    token_end: int | None = None

    def feat(self, name: str) -> str | None:
        for k, v in self.feats:
            if k == name:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC


@dataclass(frozen=True, slots=True)
class Analysis:
    """The backend's view of one sentence span."""

    start: int
    end: int
    words: tuple[Word, ...] = ()
    entities: tuple[Entity, ...] = field(default_factory=tuple)


@runtime_checkable
class NlpBackend(Protocol):
    name: str

    def analyse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Analysis]:
        """Analyse each (start, end) sentence span of `text`; return one Analysis per span, in order."""
        ...


class RulesBackend:
    """The default backend: no models. The rule engine does its own tokenisation, so this adds nothing."""

    name = "rules"

    def analyse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Analysis]:
        return [Analysis(start=s, end=e) for s, e in spans]
