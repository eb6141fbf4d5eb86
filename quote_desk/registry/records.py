"""The registry's record: one speaker entity (a real person or body)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quote_desk.core.linking import LinkTarget

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "media", "group")
ORIGINS: tuple[str, ...] = ("seed", "user")
# Ids of entities editors create start with this; seed ids never do, so the two never collide.
USER_ID_PREFIX = "u-"


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # stable: review projects and exports keep it
    canonical: str  # Arabic canonical name: the fullest, most common form
    english: str | None
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()  # other names and spellings (hamza, ي/ى, ة/ه, transliteration variants)
    titles: tuple[str, ...] = ()  # usual titles or roles: evidence for linking, never identity
    country: str | None = None  # ISO 3166 alpha-2 code, or an organisation code such as EU, UN
    notes: str | None = None
    origin: str = "user"  # seed: shipped in resources/registry; user: created by an editor
    edited: bool = False  # a seed entity the editor renamed or changed: a newer seed leaves it alone
    merged_into: str | None = None  # set on an entity merged into another (its id keeps resolving)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "canonical": self.canonical,
            "english": self.english,
            "type": self.type,
            "aliases": list(self.aliases),
            "titles": list(self.titles),
            "country": self.country,
            "notes": self.notes,
        }

    def to_target(self) -> LinkTarget:
        return LinkTarget(
            id=self.id,
            canonical=self.canonical,
            english=self.english,
            type=self.type,
            names=self.aliases,
            titles=self.titles,
            country=self.country,
        )
