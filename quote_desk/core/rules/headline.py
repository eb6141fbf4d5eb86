"""Headline attributions: "X: «…»" or "X: …" on a short line, where X is a speaker, not a place or a topic.

X is the last conjunct before the colon ("غارة على سيارة ومصدر أمني: …" → مصدر أمني), cut before an
adjunct ("أنس جابر بعد عودتها: …" → أنس جابر). A bare name with no quote marks after the colon is only a
speaker when the article's body names it as a speaker too (checked by the pipeline: `needs_confirmation`).
"""

from __future__ import annotations

from quote_desk.core.document import Doc
from quote_desk.core.rules.content import TRIM
from quote_desk.core.rules.frames import Candidate
from quote_desk.core.rules.marks import strip_span
from quote_desk.core.rules.speaker import PREPOSITIONS, classify, is_name_like, place_at, starts_with_title

SEPARATORS = ("..", "…", "|", "،", ",", " - ", " – ")


def _speaker_start(doc: Doc, a: int, b: int, colon: int) -> int:
    """First token of the last conjunct before the colon."""
    start = a
    for k in range(a + 1, b):
        gap = doc.gap_before(k)
        if any(sep in gap for sep in SEPARATORS):
            start = k
    for k in range(b - 1, start, -1):  # "… ومصدر أمني" / "… ومديرة المهرجان": a conjunct with و
        t = doc.tokens[k].norm
        if t.startswith("و") and len(t) > 3:
            rest = t[1:]
            if doc.lex.noun(rest) is not None or rest in doc.lex.titles or (rest.startswith("ال") and rest[2:] in doc.lex.titles):
                return k
    return start


def _first_person(doc: Doc, k: int, e: int) -> bool:
    """The words after the colon speak in the first person: "استهدفنا …", "لن نقبل …", "أطالب …"."""
    toks = [doc.tokens[x].norm for x in range(k, min(e, k + 3))]
    if not toks:
        return False
    if any(len(t) > 4 and t.endswith("نا") for t in toks[:2]):
        return True
    return len(toks) > 1 and toks[0] in ("لن", "لا", "لم", "سوف", "قد") and toks[1].startswith(("ن", "ا"))


def headline_frames(doc: Doc) -> list[Candidate]:
    lex = doc.lex
    out: list[Candidate] = []
    for pi, para in enumerate(doc.paras):
        if pi in doc.noise_paras:
            continue
        colon = doc.text.find(":", para.start, para.end)
        if colon < 0 or doc.text[para.end - 1] == ".":
            continue  # a headline has no final period; body sentences with "X:" are the cue frames' work
        a = doc.token_at_or_after(para.start)
        b = doc.token_at_or_after(colon)
        e = doc.token_at_or_after(para.end)
        if b <= a or e - a > 40:
            continue
        a0 = a
        a = _speaker_start(doc, a, b, colon)
        if a > a0 and doc.tokens[a].norm.startswith("و") and lex.place_end([doc.tokens[k].norm for k in range(a0, a)]) == a - a0:
            continue  # "مصر وصندوق النقد: مراجعة جديدة": two parties, a topic headline
        topic = False
        for k in range(a + 1, b):  # cut an adjunct: "أنس جابر بعد عودتها إلى الملاعب"
            t = doc.tokens[k].norm
            # … or the addressee: "بري للحكومة: «…»", "جعجع لـ«MTV»: «…»"
            if t in PREPOSITIONS or t in ("بعد", "قبل", "عقب") or t == "ل" or (t.startswith("لل") and len(t) > 4):
                # "أزمة المياه في إيران: …"، "الهجرة إلى أوروبا: …": a matter in a place is a topic
                topic = t in ("في", "الي") and k + 1 < b and bool(place_at(doc, k + 1, b)) and not starts_with_title(doc, a, k)
                b = k
                break
        if topic:
            continue
        if not 1 <= b - a <= 5:
            continue
        before = doc.text[doc.tokens[a].start : doc.tokens[b - 1].end]
        if any(c in before for c in ".«»\"“”"):
            continue
        norms = [doc.tokens[k].norm for k in range(a, b)]
        if any(lex.cue(n) is not None or n in lex.complementizers for n in norms):
            continue
        head = norms[0][2:] if norms[0].startswith("ال") else norms[0]
        if norms[0] in lex.headline_topics or head in lex.headline_topics or lex.place_end(norms) == len(norms):
            continue  # "سوريا: …", "خان يونس: …": a place or a rubric, not a speaker
        m = doc.mark_starting_at(colon, colon + 4)
        typ = classify(doc, a, b)
        info = lex.noun(norms[0]) or lex.noun(norms[0][1:])
        titled = starts_with_title(doc, a, b) or (info is not None and info.cls != "group")
        named = (
            b - a <= 3
            and is_name_like(doc, a)
            and all(is_name_like(doc, k) or doc.tokens[k].norm.startswith("ال") for k in range(a + 1, b))
        )  # "هالة النوري": a surname may carry the article
        surname = b - a == 1 and norms[0].startswith("ال") and lex.noun(norms[0]) is None  # "الشابي بعد الدربي: «…»"
        # "الحماية المدنية: «…»": a definite body name, kept only when the body quotes a speaker with these words;
        # without marks only a known body noun ("الأرصاد العمانية: المنخفض يتحول …")
        body_name = 2 <= b - a <= 3 and all(n.startswith("ال") for n in norms) and (
            (m is not None and m.end > m.start) or (info is not None and info.cls in ("org", "media"))
        )
        # "الحوثيون: استهدفنا سفينة …": a group speaks in the first person (a topic headline does not)
        group = b - a == 1 and norms[0].startswith("ال") and (
            (info is not None and info.cls == "group") or norms[0].endswith("ون")  # a sound plural: الحوثيون، المحتجون
        ) and (
            (m is not None and m.end > m.start) or _first_person(doc, doc.token_at_or_after(colon), e)
        )
        # "عائلات الأسرى: «…»"، "أهالي حي معصوم: «…»": people named by who they are, with their quoted words
        people = m is not None and m.end > m.start and 2 <= b - a <= 4 and info is not None and info.cls in ("group", "anon") \
            and not norms[0].startswith("ال")
        if not (titled or named or surname or body_name or group or people):
            continue
        confirm = False
        if m is not None and m.end > m.start:
            cs, ce, kind, conf = m.start, m.end, "direct", 0.8
            confirm = (surname or body_name or group) and not titled
        else:
            cs, ce = strip_span(doc.text, colon + 1, para.end, TRIM)
            kind, conf = "direct", 0.6
            confirm = not titled
        if ce - cs < 8:
            continue
        cand = Candidate((cs, ce), kind, (colon, colon + 1), doc.sent_of(para.start), "headline")
        if doc.tokens[a].norm.startswith("و") and a > doc.token_at_or_after(para.start):
            cand.lam = True  # the conjunction و is glued to the speaker ("ومصدر أمني"): drop one letter
        cand.speaker = (a, b)
        cand.reasons = ["headline", f"speaker:{typ}"]
        cand.base = conf
        cand.needs_confirmation = confirm
        cand.lemma = "group" if group else None  # a group is confirmed by any mention in the body, not only as a speaker
        out.append(cand)
    return out
