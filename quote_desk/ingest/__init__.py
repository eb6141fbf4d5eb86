"""Reading articles from files and folders. Each problem is reported per file; the rest of a batch goes on."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quote_desk.errors import InputError

TEXT_SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class Article:
    doc: str  # document id: the file stem
    text: str
    path: Path | None = None
    encoding: str = "utf-8"


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM. Returns (text, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        enc, data = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    else:
        enc = "utf-8"
    if b"\x00" in data and enc == "utf-8":
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-16" if enc == "utf-16" else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {exc.start}); save it as UTF-8 or UTF-16, "
            "for example from a text editor's 'Save as' dialog"
        ) from None
    return text, enc


def read_article(path: Path) -> Article:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    text, enc = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return Article(doc=path.stem, text=text, path=path, encoding=enc)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files as given; folders expanded to their .txt files (sorted, recursive)."""
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                yield InputError(f"{p}: the folder has no .txt articles")
            yield from found
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield InputError(f"{p}: no such file or folder")


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_article(item)
        except InputError as exc:
            yield exc
