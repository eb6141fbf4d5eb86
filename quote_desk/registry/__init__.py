"""The speaker registry: the editable authority file of speakers, and the linker built on it.

    from quote_desk.registry import open_linker
    linker = open_linker()            # the user's registry (created and seeded on first use)
    linker.link("كالاس", speaker_type="person")

The registry file lives in the quote_desk user data folder (platformdirs), or in $QUOTE_DESK_HOME, or in the
folder given as `home` (the command line's --home).
"""

from __future__ import annotations

from pathlib import Path

from quote_desk.core.linking import LinkingConfig, RegistryLinker
from quote_desk.registry.errors import (
    EntityNotFoundError,
    RegistryCorruptError,
    RegistryError,
    RegistryImportError,
    RegistryLockedError,
)
from quote_desk.registry.paths import data_home, registry_path
from quote_desk.registry.records import ENTITY_TYPES, Entity
from quote_desk.registry.store import Registry, SeedReport

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "EntityNotFoundError",
    "Registry",
    "RegistryCorruptError",
    "RegistryError",
    "RegistryImportError",
    "RegistryLockedError",
    "SeedReport",
    "data_home",
    "linker_from_registry",
    "open_linker",
    "open_registry",
    "registry_path",
]


def open_registry(home: Path | str | None = None, *, seed: bool = True, timeout: float = 5.0) -> Registry:
    """Open the registry in `home` (default: $QUOTE_DESK_HOME or the user data folder), creating it and
    bringing in the shipped seed when it is new or the seed is newer. Never overwrites the editor's work."""
    reg = Registry.open(registry_path(home), timeout=timeout)
    if seed:
        from quote_desk.registry.seed import default_seed

        try:
            s = default_seed()
            reg.apply_seed(s.version, s.entities)
        except BaseException:
            reg.close()
            raise
    return reg


def linker_from_registry(registry: Registry, config: LinkingConfig | None = None) -> RegistryLinker:
    return RegistryLinker((e.to_target() for e in registry.entities()), config)


def open_linker(
    home: Path | None = None, config: LinkingConfig | None = None, *, timeout: float = 5.0
) -> RegistryLinker:
    """A SpeakerLinker over the user's registry (opened, created and seeded on first use, then closed).

    Linking only reads: when another program holds the registry's write lock just as a newer seed would be
    loaded, the linker is built from the registry as it is (the seed is loaded next time)."""
    try:
        reg = open_registry(home, timeout=timeout)
    except RegistryLockedError:
        reg = open_registry(home, seed=False, timeout=timeout)
    with reg:
        return linker_from_registry(reg, config)
