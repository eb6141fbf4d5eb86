"""The analysed document every rule reads: text, paragraphs, sentences, tokens, quote-mark spans."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from quote_desk.core.lexicon import Lexicon
from quote_desk.core.rules.marks import MarkSpan, find_marks
from quote_desk.core.segment import Span, Token, paragraphs, sentences, tokenize

BYLINE_WORDS = frozenset({"مراسل", "مراسله", "مراسلنا", "مراسلتنا", "موفد", "موفده", "موفدنا", "كتب", "كتبت", "بقلم", "اعداد", "متابعه"})


@dataclass
class Doc:
    text: str
    lex: Lexicon
    paras: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    marks: list[MarkSpan] = field(default_factory=list)
    sents: list[Span] = field(default_factory=list)
    noise_paras: set[int] = field(default_factory=set)
    _tok_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _mark_starts: list[int] = field(default_factory=list)
    cache: dict[str, object] = field(default_factory=dict)  # per-document indexes built lazily by the rules

    @classmethod
    def build(cls, text: str, lex: Lexicon) -> Doc:
        d = cls(text, lex)
        d.paras = paragraphs(text)
        d.tokens = tokenize(text, d.paras)
        d.marks = find_marks(text, d.paras)
        by_para: dict[int, list[Span]] = {}
        for m in d.marks:
            by_para.setdefault(m.para, []).append(Span(m.open_start, m.close_end))
        for pi, p in enumerate(d.paras):
            d.sents.extend(sentences(text, p, by_para.get(pi, [])))
        d._mark_starts = [m.open_start for m in d.marks]
        d._tok_starts = [t.start for t in d.tokens]
        d._sent_starts = [s.start for s in d.sents]
        d.noise_paras = {i for i, p in enumerate(d.paras) if d._is_noise(p)}
        return d

    # --- lookups -------------------------------------------------------------------------------------
    def token_at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self._tok_starts, pos)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def sent_tokens(self, si: int) -> range:
        s = self.sents[si]
        a = self.token_at_or_after(s.start)
        b = self.token_at_or_after(s.end)
        return range(a, b)

    def gap_before(self, i: int) -> str:
        """Text between token i-1 and token i (limited to token i's paragraph)."""
        t = self.tokens[i]
        if i == 0 or self.tokens[i - 1].para != t.para:
            return self.text[self.paras[t.para].start : t.start]
        return self.text[self.tokens[i - 1].end : t.start]

    def gap_after(self, i: int) -> str:
        t = self.tokens[i]
        if i + 1 >= len(self.tokens) or self.tokens[i + 1].para != t.para:
            return self.text[t.end : self.paras[t.para].end]
        return self.text[t.end : self.tokens[i + 1].start]

    def mark_starting_at(self, pos: int, upto: int) -> MarkSpan | None:
        """A quote-mark span whose opening mark lies in [pos, upto)."""
        i = bisect.bisect_left(self._mark_starts, pos)
        if i < len(self.marks) and self.marks[i].open_start < upto:
            return self.marks[i]
        return None

    def inside_mark(self, pos: int) -> MarkSpan | None:
        i = bisect.bisect_right(self._mark_starts, pos) - 1
        # marks are mostly disjoint; look back a little for an enclosing (nested or long) span
        for j in range(i, max(-1, i - 4), -1):
            m = self.marks[j]
            if m.start <= pos < m.end:
                return m
        return None

    def _is_noise(self, para: Span) -> bool:
        a, b = self.token_at_or_after(para.start), self.token_at_or_after(para.end)
        toks = [t.norm for t in self.tokens[a:b]]
        if not toks:
            return True
        if len(toks) <= 10 and any(
            toks[x] in BYLINE_WORDS and ":" in self.text[self.tokens[a + x].end : self.tokens[a + x + 1].start]
            for x in range(len(toks) - 1)
        ):
            return True  # "الدار البيضاء - مراسلة: حنان الوزاني": a byline after a dateline
        line = self.text[para.start : para.end]
        if len(toks) <= 12 and line.count("|") >= 1 and ":" not in line and not any(self.lex.cue(t) for t in toks):
            return True  # "محليات | تعليم"، "الرئيسية | أخبار | اقتصاد": a menu or a breadcrumb
        for prefix in self.lex.noise_prefixes:
            if tuple(toks[: len(prefix)]) == prefix and len(toks) <= 20:
                # a byline word (كتب، بقلم) is noise only on a short line or before a colon
                if len(prefix) == 1 and prefix[0] in ("كتب", "تحرير", "المصدر") and len(toks) > 6:
                    continue
                return True
        return False
