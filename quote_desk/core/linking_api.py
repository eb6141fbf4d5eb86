"""The contract between the engine and a speaker registry (implemented outside the engine's rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

Level = Literal["linked", "suggest", "none"]


@dataclass(frozen=True, slots=True)
class LinkResult:
    entity_id: str
    canonical: str  # registry Arabic canonical name
    english: str | None
    speaker_type: str | None
    score: float  # 0..100
    level: Level
    reason: str


@runtime_checkable
class SpeakerLinker(Protocol):
    def link(
        self,
        mention: str,
        *,
        aliases: Sequence[str] = (),
        title: str | None = None,
        speaker_type: str | None = None,
    ) -> LinkResult | None:
        """Link one document-level speaker (its fullest mention plus its other mentions) to the registry."""
        ...
