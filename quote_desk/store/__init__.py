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
    ProjectBusyError,
    ProjectCorruptError,
    ProjectError,
    QuoteRow,
    ReviewProject,
    ReviewState,
    quote_key,
)
from quote_desk.store.safety import backups, latest_good_backup, restore_backup

__all__ = [
    "ACCEPTED_STATUSES",
    "EDITABLE_FIELDS",
    "SCHEMA_VERSION",
    "STATUSES",
    "Article",
    "ImportResult",
    "LogEntry",
    "ProjectBusyError",
    "ProjectCorruptError",
    "ProjectError",
    "ProjectVersionError",
    "QuoteRow",
    "ReviewProject",
    "ReviewState",
    "backups",
    "latest_good_backup",
    "quote_key",
    "restore_backup",
]
