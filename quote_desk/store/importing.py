"""Reading articles to import: files, folders and pasted text, with clear messages for what cannot be used."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quote_desk.errors import InputError

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt",)


@dataclass(frozen=True, slots=True)
class ArticleSource:
    doc: str
    text: str
    title: str | None
    source: str | None


def first_line_title(text: str, limit: int = 120) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return None


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders expanded to their *.txt files (sorted). Missing paths raise InputError."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def read_article(path: str | Path) -> ArticleSource:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and import again") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{p}: the file is empty")
    return ArticleSource(p.stem, text, first_line_title(text), str(p))




def pasted_article(text: str) -> ArticleSource:
    """An article pasted from the clipboard; its id is derived from the text, so pasting twice is harmless."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the clipboard holds no text to import")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return ArticleSource(f"pasted-{digest}", text, first_line_title(text), "clipboard")
