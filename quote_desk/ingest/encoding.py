"""Decoding article bytes: byte-order marks, strict UTF-8, then detection with charset-normalizer.

Every decoded text says which encoding was used and how it was chosen, so a wrong guess can be seen and
overridden (`encoding=` / `--encoding`). Binary files (PDF, images, archives, executables) are recognised and
refused with a message that names what they look like.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from quote_desk.errors import InputError

# Byte signatures of files people drop by mistake, with the name we give them in messages.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office file with the wrong name)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls); save it as .docx"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "a SQLite database (a review project?)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Arabic code pages. charset-normalizer can rank an obscure code page first on short texts;
# when one of these is among its candidates and gives mostly Arabic letters, we take it.
ARABIC_CODEPAGES: tuple[str, ...] = ("cp1256", "iso8859_6")
# How much of the start of a file charset-normalizer looks at (it samples inside it).
DETECT_SAMPLE = 256 * 1024


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name
    how: str  # "bom", "utf-8", "detected" or "given"
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """For messages: 'utf-8', 'windows-1256 (detected)', 'iso-8859-6 (given)'."""
        name = display_name(self.encoding)
        return name if self.how in ("bom", "utf-8") else f"{name} ({self.how})"


def display_name(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return {"cp1256": "windows-1256", "iso8859-6": "iso-8859-6", "utf-8-sig": "utf-8 (BOM)"}.get(name, name)


def check_encoding_name(encoding: str) -> str:
    """The codec name for a user-given encoding, or a clear InputError."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r} (for example utf-8, utf-16, windows-1256 or iso-8859-6)"
        ) from None


def binary_kind(data: bytes) -> str | None:
    """What a binary file looks like ('a PDF document', ...), or None when it may be text."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what
    return None


def _arabic_share(text: str) -> float:
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "ARABIC" in unicodedata.name(c, "")) / len(letters)


def _strict(data: bytes, encoding: str, name: str, how: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, how)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {display_name(encoding)} (byte {exc.start}); "
            "give the right encoding (for example --encoding windows-1256) or save the file as UTF-8"
        ) from None


def detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for `data`, preferring an Arabic code page; None = binary."""
    import charset_normalizer

    results = charset_normalizer.from_bytes(data[:DETECT_SAMPLE])
    best = results.best()
    if best is None:
        return None
    if best.encoding not in ARABIC_CODEPAGES:
        for cand in results:
            if cand.encoding in ARABIC_CODEPAGES and _arabic_share(str(cand)) >= 0.5:
                return cand.encoding
    return best.encoding


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a whole text file. `encoding` (a user override) wins over everything else."""
    if encoding:
        enc = check_encoding_name(encoding)
        if enc in ("utf-8", "utf-16", "utf-32") and data.startswith(tuple(b for b, _ in BOMS)):
            enc = {"utf-8": "utf-8-sig"}.get(enc, enc)
        return _strict(data, enc, name, "given")
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _strict(data, enc, name, "bom")
    what = binary_kind(data)
    if what:
        raise InputError(f"{name}: this is {what}, not a text article")
    if b"\x00" not in data:
        try:
            return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
        except UnicodeDecodeError:
            pass
    enc = detect(data)
    if enc is None or (b"\x00" in data and not enc.startswith(("utf_16", "utf_32"))):
        if b"\x00" in data and _mostly_text_with_nuls(data):
            try:
                return Decoded(data.decode("utf-8"), "utf-8", "utf-8")  # NUL is valid UTF-8; clean_text removes it
            except UnicodeDecodeError:  # a NUL byte inside a character
                n = data.count(b"\x00")
                return Decoded(data.replace(b"\x00", b"").decode("utf-8"), "utf-8", "utf-8",
                               (f"{n} NUL byte(s) removed",))  # fmt: skip
        raise InputError(
            f"{name}: looks like a binary file, not a text article (no text encoding fits it); "
            "if it is text, give its encoding (for example --encoding windows-1256)"
        )
    decoded = _strict(data, enc, name, "detected")
    if not plausible_text(decoded.text, wide=b"\x00" in data):
        raise InputError(
            f"{name}: looks like a binary file, not a text article (read as {display_name(enc)} it is not text); "
            "if it is text, give its encoding (for example --encoding windows-1256)"
        )
    return decoded


def plausible_text(text: str, *, wide: bool = False) -> bool:
    """A guessed decoding must look like text: few control or unassigned characters and, for UTF-16/32
    guessed without a BOM (`wide`), spaces between words."""
    sample = text[:100_000]
    if not sample:
        return False
    odd = sum(1 for c in sample if c not in "\t\n\r\f\v" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs"))
    if odd * 50 > len(sample):
        return False
    if wide:
        spaces = sum(1 for c in sample if c.isspace())
        return len(sample) >= 4 and spaces * 40 >= len(sample)
    return True


def _mostly_text_with_nuls(data: bytes) -> bool:
    """A UTF-8 text with a few stray NUL bytes (a damaged export): under 1 % NULs and valid without them."""
    nuls = data.count(b"\x00")
    if nuls * 100 > len(data):
        return False
    try:
        data.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def sniff_stream_encoding(head: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Encoding of a file read as a stream (JSONL, CSV) from its first bytes. Returns (codec, how)."""
    if encoding:
        enc = check_encoding_name(encoding)
        if enc == "utf-8" and head.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"
        return enc, "given"
    for bom, enc in BOMS:
        if head.startswith(bom):
            return enc, "bom"
    what = binary_kind(head)
    if what:
        raise InputError(f"{name}: this is {what}, not a table of articles")
    try:
        head.decode("utf-8")
        return "utf-8", "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8", "utf-8"  # the sample ends inside a character
    enc = detect(head)
    if (enc is None or (b"\x00" in head and not enc.startswith(("utf_16", "utf_32")))
            or not plausible_text(head.decode(enc, "ignore"), wide=b"\x00" in head)):  # fmt: skip
        raise InputError(f"{name}: looks like a binary file, not a table of articles")
    return enc, "detected"
