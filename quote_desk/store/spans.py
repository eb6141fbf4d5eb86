"""Widen or narrow a quote span by one word at either end, on code-point offsets into the original text.

A word is a run of letters, marks, digits, tatweel and joiners (so tashkeel and ZWJ stay inside a word);
anything else (spaces, punctuation, quote marks) separates words and is never left dangling at a span's edge
when narrowing.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Side = Literal["start", "end"]
_JOINERS = frozenset("\u0640\u200c\u200d")


def is_word_char(ch: str) -> bool:
    return ch in _JOINERS or unicodedata.category(ch)[0] in "LMN"


def widen(text: str, start: int, end: int, side: Side) -> tuple[int, int]:
    """Take in the next word outside the span on `side` (and what separates it). Unchanged at the text's edge."""
    if side == "end":
        i = end
        while i < len(text) and not is_word_char(text[i]):
            if text[i] == "\n":
                return start, end
            i += 1
        j = i
        while j < len(text) and is_word_char(text[j]):
            j += 1
        return (start, j) if j > i else (start, end)
    i = start
    while i > 0 and not is_word_char(text[i - 1]):
        if text[i - 1] == "\n":
            return start, end
        i -= 1
    j = i
    while j > 0 and is_word_char(text[j - 1]):
        j -= 1
    return (j, end) if j < i else (start, end)


def narrow(text: str, start: int, end: int, side: Side) -> tuple[int, int]:
    """Drop the outermost word on `side` and the separators before the next word. Never empties the span."""
    words = [i for i in range(start, end) if is_word_char(text[i]) and (i == start or not is_word_char(text[i - 1]))]
    if len(words) < 2:
        return start, end
    if side == "start":
        return words[1], end
    # Cut after the end of the second-to-last word.
    j = words[-1]
    while j > start and not is_word_char(text[j - 1]):
        j -= 1
    return start, j
