"""Errors with messages meant for people. The CLI prints them as one line; the desk shows them in a dialog."""

from __future__ import annotations


class QuoteDeskError(Exception):
    exit_code = 2


class InputError(QuoteDeskError):
    """A file or text the user gave cannot be used (missing, unreadable, wrong encoding, empty)."""


class GoldFormatError(QuoteDeskError):
    """A gold annotation file does not follow the documented format."""
