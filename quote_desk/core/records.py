"""Frozen records shared by every layer. Offsets are Python str indices (code points) into the ORIGINAL text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

Kind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organization", "anonymous_source", "media", "group", "unknown"]

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
SPEAKER_TYPES: tuple[str, ...] = ("person", "organization", "anonymous_source", "media", "group", "unknown")


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution: reported content + its speaker + its cue (see ARCHITECTURE.md)."""

    doc: str
    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_canonical: str | None
    speaker_id: str | None
    title: str | None
    speaker_type: str
    via: str | None
    confidence: float
    reason: str
    speaker_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def check(self, original: str) -> None:
        """Raise ValueError unless every span of this record points into `original` exactly."""
        if not (0 <= self.start <= self.end <= len(original)) or original[self.start : self.end] != self.text:
            raise ValueError(f"content span {self.start}:{self.end} does not match its text")
        if self.cue is not None:
            if self.cue_start is None or self.cue_end is None or original[self.cue_start : self.cue_end] != self.cue:
                raise ValueError(f"cue span {self.cue_start}:{self.cue_end} does not match {self.cue!r}")
        if self.speaker is not None:
            if (
                self.speaker_start is None
                or self.speaker_end is None
                or original[self.speaker_start : self.speaker_end] != self.speaker
            ):
                raise ValueError(f"speaker span {self.speaker_start}:{self.speaker_end} does not match")
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.speaker_type not in SPEAKER_TYPES:
            raise ValueError(f"unknown speaker_type {self.speaker_type!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError("confidence outside 0..1")


QUOTE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Quote))
