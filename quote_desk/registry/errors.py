"""Errors of the speaker registry, worded for the person at the keyboard."""

from __future__ import annotations

from quote_desk.errors import QuoteDeskError


class RegistryError(QuoteDeskError):
    """The registry cannot do what was asked (bad value, unknown entity, unusable folder)."""


class RegistryLockedError(RegistryError):
    """Another program holds the registry file's lock for longer than we wait."""


class RegistryCorruptError(RegistryError):
    """The registry file is not a readable quote_desk registry. It is never modified or deleted by us."""


class EntityNotFoundError(RegistryError):
    """No entity has this id."""


class RegistryImportError(RegistryError):
    """A CSV/JSON file to import does not follow the registry format; nothing was imported."""
