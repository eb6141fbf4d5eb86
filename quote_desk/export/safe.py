"""Neutralise spreadsheet formulas in CSV cells (CSV/formula injection, CWE-1236)."""

from __future__ import annotations

import unicodedata

# A cell whose first visible character is one of these is taken as a formula by spreadsheet programs.
FORMULA_TRIGGERS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Control characters that trigger even as the very first character.
CONTROL_TRIGGERS = frozenset("\t\r\n\0")


def needs_neutralising(cell: str) -> bool:
    """True when the first character that is not a format (Cf: RLM, bidi isolates, ZWJ …) or space character
    is a formula trigger, or when a tab/CR/LF/NUL comes before any visible character."""
    for ch in cell:
        if ch in CONTROL_TRIGGERS:
            return True
        if ch == " " or unicodedata.category(ch) in ("Cf", "Zs"):
            continue
        return ch in FORMULA_TRIGGERS
    return False


def csv_safe(cell: str) -> str:
    """Prefix a single quote when the cell would be read as a formula; other cells are returned unchanged."""
    return "'" + cell if needs_neutralising(cell) else cell
