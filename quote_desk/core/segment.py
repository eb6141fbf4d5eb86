"""Paragraphs, sentences and tokens with character offsets into the original text.

Tokens are runs of letters/digits (diacritics, tatweel and joiners stay inside the word); everything between
tokens is punctuation/space, kept as `gap` text so rules can see commas, colons and quote marks. Each token
carries its folded form for lexicon lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quote_desk.core.normalize import normalize

_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]+")
_SENT_END = re.compile(r"[.!?؟…]+")
_PARA = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the document's token list
    start: int
    end: int
    text: str
    norm: str  # folded form
    para: int  # paragraph index


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def tokenize(text: str, paragraphs: list[Span]) -> list[Token]:
    tokens: list[Token] = []
    p = 0
    for m in _WORD.finditer(text):
        while p + 1 < len(paragraphs) and m.start() >= paragraphs[p].end:
            p += 1
        tokens.append(Token(len(tokens), m.start(), m.end(), m.group(), normalize(m.group()), p))
    return tokens


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines, without surrounding white space."""
    out: list[Span] = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


def sentences(text: str, para: Span, protected: list[Span]) -> list[Span]:
    """Split one paragraph into sentences at . ! ? ؟ followed by space, never inside a protected span
    (direct quotes) and never after a one-letter abbreviation such as د."""
    out: list[Span] = []
    start = para.start
    for m in _SENT_END.finditer(text, para.start, para.end):
        end = m.end()
        if end < para.end and not text[end].isspace():
            continue
        if any(p.start < m.start() < p.end for p in protected):
            continue
        # one-letter abbreviation (د. م. أ.) before the dot
        j = m.start()
        k = j
        while k > para.start and not text[k - 1].isspace():
            k -= 1
        if j - k == 1 and m.group() == ".":
            continue
        if end > start:
            out.append(Span(start, end))
        start = end
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        out.append(Span(start, para.end))
    return out
