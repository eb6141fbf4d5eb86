"""Find direct-quote spans delimited by quote marks, paragraph by paragraph.

Pairing is by mark class (see resources/lexicons/quote_marks.tsv), so English-ordered “…” and Arabic-ordered
”…“ both pair. Unbalanced marks never swallow the article: an opening mark with no partner is closed at the end
of its paragraph, and flagged `closed=False` (the next paragraph often re-opens the same quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quote_desk.core.segment import Span
from quote_desk.resources import resource_path


@dataclass(frozen=True, slots=True)
class MarkSpan:
    open_start: int  # position of the opening mark
    start: int  # content start (after the mark)
    end: int  # content end (before the closing mark)
    close_end: int  # position after the closing mark (== end when unclosed)
    mark: str
    closed: bool
    para: int


@cache
def _mark_table() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """char -> (class, when) for single-char marks and opener text -> (class, when) for multi-char ones."""
    table: dict[str, tuple[str, str]] = {}
    for raw in resource_path("lexicons", "quote_marks.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        o, c, cls, when = raw.split("\t")
        table[o] = (cls, when)
        table[c] = (cls, when)
    openers_only = {"«": "»", "‹": "›", "((": "))", "(": ")", "﴿": "﴾"}
    return table, openers_only


@cache
def _mark_start() -> re.Pattern[str]:
    """Any character that can begin a mark: find_marks jumps from one to the next instead of walking every
    character in Python (it was the engine's second-largest cost)."""
    table, _ = _mark_table()
    firsts = sorted({k[0] for k in table} | {"(", ")"})
    return re.compile("[" + "".join(re.escape(c) for c in firsts) + "]")


def _prev_nonspace(text: str, i: int, floor: int) -> str:
    j = i - 1
    while j >= floor and text[j] in " \t\u200f\u200e":
        j -= 1
    return text[j] if j >= floor else ""


def find_marks(text: str, paras: list[Span]) -> list[MarkSpan]:
    table, directional = _mark_table()
    next_mark = _mark_start().search
    out: list[MarkSpan] = []
    # the first mark of a paragraph, when it is a closing guillemet with nothing open: a quote opened in the
    # paragraph before and closed here without being re-opened («… ¶ … ».)
    orphan_close: dict[int, tuple[int, str]] = {}
    unclosed_dir: dict[int, str] = {}  # paragraph -> closer expected by its unclosed directional opener
    for pi, para in enumerate(paras):
        i = para.start
        open_stack: list[tuple[str, int, int]] = []  # (class or closer, mark start, content start)
        seen_mark = False
        while i < para.end:
            m = next_mark(text, i, para.end)
            if m is None:
                break
            i = m.start()
            ch = text[i]
            two = text[i : i + 2]
            if two in ("((", "))"):
                tok = two
            elif ch in table:
                tok = ch
            else:
                i += 1
                continue
            cls, when = table[tok]
            # a closer of the currently open quote?
            if open_stack:
                top_cls, ostart, cstart = open_stack[-1]
                closes = (tok in directional.values() and directional.get(_opener_of(top_cls), "") == tok) or (
                    top_cls == cls and tok not in directional
                )
                if closes:
                    open_stack.pop()
                    if not open_stack:
                        out.append(MarkSpan(ostart, cstart, i, i + len(tok), text[ostart:cstart], True, pi))
                    i += len(tok)
                    continue
            is_opener = tok in directional or tok not in directional.values()
            if not is_opener:
                if not seen_mark and not open_stack:
                    orphan_close[pi] = (i, tok)
                seen_mark = True
                i += len(tok)
                continue
            seen_mark = True
            if when == "after_colon" and not open_stack and _prev_nonspace(text, i, para.start) != ":":
                i += len(tok)
                continue
            if cls == "single" and i > para.start and text[i - 1].isalpha():
                i += 1  # an apostrophe inside a Latin word
                continue
            open_stack.append((cls if tok not in directional else "dir:" + tok, i, i + len(tok)))
            i += len(tok)
        if open_stack:
            _cls, ostart, cstart = open_stack[0]
            if para.end > cstart:
                out.append(MarkSpan(ostart, cstart, para.end, para.end, text[ostart:cstart], False, pi))
                if _cls.startswith("dir:") and len(open_stack) == 1:
                    unclosed_dir[pi] = directional[_opener_of(_cls)]
    for k, m in enumerate(out):
        closer = unclosed_dir.get(m.para)
        nxt = orphan_close.get(m.para + 1)
        if closer is not None and not m.closed and nxt is not None and nxt[1] == closer:
            out[k] = MarkSpan(m.open_start, m.start, nxt[0], nxt[0] + len(closer), m.mark, True, m.para)
    return _join_reopened(out, paras, table)


def _join_reopened(spans: list[MarkSpan], paras: list[Span], table: dict[str, tuple[str, str]]) -> list[MarkSpan]:
    """A quote left open at a paragraph's end and re-opened with the same mark at the very start of the next one
    is one quote over both paragraphs (the typographic convention of long direct quotes)."""
    out: list[MarkSpan] = []
    for m in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.closed
            and m.para == prev.para + 1
            and m.open_start == paras[m.para].start
            and table.get(prev.mark.strip()[:1], ("",))[0] == table.get(m.mark.strip()[:1], ("?",))[0]
        ):
            out[-1] = MarkSpan(prev.open_start, prev.start, m.end, m.close_end, prev.mark, m.closed, prev.para)
            continue
        out.append(m)
    return out


def _opener_of(stack_cls: str) -> str:
    return stack_cls[4:] if stack_cls.startswith("dir:") else ""


def strip_span(text: str, start: int, end: int, chars: str = " \t\u200f\u200e.،,:؛;") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


_PAIRS = {"(": ")", "«": "»", "“": "”", "”": "“", '"': '"'}


def close_open_marks(text: str, s: int, e: int) -> int:
    """The end of a phrase [s, e) extended over closing brackets or quote marks it left open:
    وكالة «رويترز»، مكتب (أوتشا)، إدارة الكوارث («آفاد»)."""
    moved = True
    while moved and e < len(text):
        moved = False
        for o, c in _PAIRS.items():
            if e < len(text) and text[e] == c and (
                text.count(o, s, e) > text.count(c, s, e) if o != c else text.count(o, s, e) % 2 == 1
            ):
                e += 1
                moved = True
                break
    return e
