"""Review projects: one SQLite file per project (no Qt here)."""

from __future__ import annotations

from quote_desk.store.migrations import SCHEMA_VERSION, ProjectVersionError
from quote_desk.store.project import (
    ACCEPTED_STATUSES,
    EDITABLE_FIELDS,
    STATUSES,
    Article,
    ImportResult,
    LogEntry,
    ProjectError,
    QuoteRow,
    ReviewProject,
    ReviewState,
    quote_key,
)

__all__ = [
    "ACCEPTED_STATUSES",
    "EDITABLE_FIELDS",
    "SCHEMA_VERSION",
    "STATUSES",
    "Article",
    "ImportResult",
    "LogEntry",
    "ProjectError",
    "ProjectVersionError",
    "QuoteRow",
    "ReviewProject",
    "ReviewState",
    "quote_key",
]
