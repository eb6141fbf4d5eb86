"""Headline attributions: "X: «…»" or "X: …" on a short line, where X is a speaker, not a place or a topic."""

from __future__ import annotations

from quote_desk.core.document import Doc
from quote_desk.core.rules.content import TRIM
from quote_desk.core.rules.frames import Candidate
from quote_desk.core.rules.marks import strip_span
from quote_desk.core.rules.speaker import classify, is_name_like, starts_with_title


def headline_frames(doc: Doc) -> list[Candidate]:
    lex = doc.lex
    out: list[Candidate] = []
    for pi, para in enumerate(doc.paras):
        if pi in doc.noise_paras:
            continue
        colon = doc.text.find(":", para.start, min(para.end, para.start + 60))
        if colon < 0:
            continue
        a = doc.token_at_or_after(para.start)
        b = doc.token_at_or_after(colon)
        e = doc.token_at_or_after(para.end)
        if not 1 <= b - a <= 5 or e - a > 40:
            continue
        before = doc.text[para.start : colon]
        if any(c in before for c in ".،,«»\"“”"):
            continue
        norms = [doc.tokens[k].norm for k in range(a, b)]
        if any(lex.cue(n) is not None or n in lex.complementizers for n in norms):
            continue
        head = norms[0][2:] if norms[0].startswith("ال") else norms[0]
        if norms[0] in lex.headline_topics or head in lex.headline_topics:
            continue
        if doc.text[para.end - 1] in ".":
            # a headline has no final period; body sentences with "X:" are handled by the cue frames
            continue
        m = doc.mark_starting_at(colon, colon + 4)
        typ = classify(doc, a, b)
        titled = starts_with_title(doc, a, b) or lex.noun(norms[0]) is not None
        named = all(is_name_like(doc, k) for k in range(a, b)) and b - a <= 3
        if not (titled or named):
            continue
        if m is not None and m.end > m.start:
            cs, ce, kind, conf = m.start, m.end, "direct", 0.8
        else:
            cs, ce = strip_span(doc.text, colon + 1, para.end, TRIM)
            kind, conf = "indirect", 0.6 if titled else 0.5
        if ce - cs < 8:
            continue
        cand = Candidate((cs, ce), kind, (colon, colon + 1), doc.sent_of(para.start), "headline")
        cand.speaker = (a, b)
        cand.reasons = ["headline", f"speaker:{typ}"]
        cand.base = conf
        out.append(cand)
    return out
