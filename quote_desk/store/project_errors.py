"""Errors about review project files, with messages meant for editors."""

from __future__ import annotations

from pathlib import Path

from quote_desk.errors import QuoteDeskError


class ProjectError(QuoteDeskError):
    """The review project cannot be opened or written."""


class ProjectBusyError(ProjectError):
    """Another quote_desk has the project open for writing."""


class ProjectCorruptError(ProjectError):
    """The project file is damaged or truncated. `backup` is the latest good backup, if there is one."""

    def __init__(self, message: str, backup: Path | None = None) -> None:
        super().__init__(message)
        self.backup = backup
