"""The seed registry shipped in resources/registry/seed.json (entities that recur in Arabic news)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from quote_desk.registry.errors import RegistryError, RegistryImportError
from quote_desk.registry.exchange import SEED_FORMAT, read_json_text
from quote_desk.registry.records import Entity

SEED_FILE = "seed.json"


@dataclass(frozen=True, slots=True)
class Seed:
    version: int
    entities: tuple[Entity, ...]


def read_seed(path: Path) -> Seed:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"the seed registry {path} cannot be read ({exc.strerror or exc})") from exc
    try:
        version, entities = read_json_text(text, str(path), expect=SEED_FORMAT)
    except RegistryImportError as exc:
        raise RegistryError(f"the shipped seed registry is damaged: {exc}") from exc
    return Seed(version, tuple(replace(e, origin="seed") for e in entities))


@cache
def default_seed() -> Seed:
    from quote_desk.resources import resource_path

    return read_seed(resource_path("registry", SEED_FILE))
