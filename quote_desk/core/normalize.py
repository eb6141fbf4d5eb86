"""Arabic normalisation for matching, with an offset map back to the original text.

Matching folds what Arabic spelling varies on: hamza/alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي),
ta marbuta (ة → ه), hamza seats (ؤ → و, ئ → ي), diacritics (tashkeel, dagger alef), tatweel, bidi and
zero-width format characters, Arabic-Indic and Persian digits (→ ASCII) and Persian letters (ک → ك, ی → ي).
The original text is never changed: `normalize_with_map` returns, for every output character, the index of the
original character it came from, so a match in normalised text maps back to exact original offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

DIACRITICS = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" + "".join(
    chr(c) for c in range(0x064B, 0x0660)
) + "\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
TATWEEL = "\u0640"
# Format characters that carry no letters: bidi marks/embeddings/isolates, ZWJ/ZWNJ/ZWSP, BOM, soft hyphen.
FORMAT_CHARS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits
_DROP = frozenset(DIACRITICS + TATWEEL + FORMAT_CHARS)
_TABLE = {ord(k): v for k, v in _FOLD.items()} | {ord(c): None for c in _DROP}


def fold_char(ch: str) -> str:
    """Fold one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    return _FOLD.get(ch, ch)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Normalised form for matching (not for display)."""
    return text.translate(_TABLE)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise and return (normalised, index map). `index_map[i]` is the original index of output char i.

    The map has one extra entry at the end (len(text)) so that an end offset maps too.
    """
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if not f:
            continue
        out.append(f)
        idx.extend([i] * len(f))
    idx.append(len(text))
    return "".join(out), idx


# The article, alone or after ب (بالوزارة); not after و/ف/ك, which would cut names (كالاس، والتر).
_ARTICLE = re.compile(r"^(?:ب)?ال(?=\S{2,})")
_WS = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Normalise a speaker name for matching: fold, collapse spaces, strip punctuation at the ends."""
    s = normalize(unicodedata.normalize("NFC", name))
    s = _WS.sub(" ", s).strip(" \t\n.,،:;؛\"'«»“”()[]-")
    return s


def strip_article(word: str) -> str:
    """Drop a leading definite article from one normalised word: الوزاره → وزاره, بالوزاره → وزاره, للوزاره →
    وزاره. Names that merely start with these letters keep them: كالاس, والتر."""
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    return _ARTICLE.sub("", word)


def folded(words: Iterable[str]) -> frozenset[str]:
    """A word set in folded form, so rules can be written with ordinary spelling (قائلاً، إحصائية)."""
    return frozenset(normalize(w) for w in words)
