"""The article text the engine and the editor see: one newline convention, no NUL characters.

Everything else is kept exactly (bidi controls, joiners, tatweel, diacritics, digits of any script, emoji):
offsets are code points into this text, and a quote's text is always text[start:end].
"""

from __future__ import annotations


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """CRLF and lone CR become LF; NUL characters are removed. Returns (text, notes about what changed)."""
    notes: list[str] = []
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        notes.append(f"{nuls} NUL character(s) removed")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):  # a BOM left inside the text (e.g. a JSON string or a pasted file)
        text = text[1:]
    return text, tuple(notes)


def first_line_title(text: str, limit: int = 120) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return None
