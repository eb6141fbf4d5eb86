"""Attribution frames around a cue: verb + subject + adjuncts + complement (VSO and SVO), relays (نقل X عن Y),
participial cues, verbal nouns (قوله), post-posed cues («…»، قال X) and non-verbal cues (بحسب X).

Each frame yields a `Candidate`: token/char ranges and the evidence found, not yet a resolved speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quote_desk.core.document import Doc
from quote_desk.core.lexicon import CueForm
from quote_desk.core.rules.content import PP_CONTENT_LEMMAS, TRIM, clause_end, complement_follows, content_kind
from quote_desk.core.rules.marks import MarkSpan, strip_span
from quote_desk.core.rules.speaker import (
    PREP_PRONOUNS,
    PREPOSITIONS,
    SAYING_PARTICIPLES,
    Stop,
    gap_kind,
    ANONYMITY_OBJECTS,
    ANONYMITY_VERBS,
    is_accusative,
    is_adjunct_start,
    scan_phrase,
    skip_adjunct,
    split_title_name,
    starts_with_title,
)

Range = tuple[int, int]  # character offsets


@dataclass
class Candidate:
    content: Range
    kind: str
    cue: Range | None
    sent: int
    how: str  # explicit | dropped | anaphora | relay | headline | participial | nonverbal | postposed
    speaker: Range | None = None  # token range of the mention
    title: Range | None = None  # token range
    via: Range | None = None  # token range
    gender: str | None = None
    number: str | None = None
    lemma: str | None = None
    reasons: list[str] = field(default_factory=list)
    base: float = 0.8
    optional: bool = False


# ------------------------------------------------------------------------------------------------------
def _tok_range_chars(doc: Doc, a: int, b: int) -> Range:
    s, e = doc.tokens[a].start, doc.tokens[b - 1].end
    # keep a closing parenthesis that belongs to the phrase: (قسد)
    if e < len(doc.text) and doc.text[e] == ")" and "(" in doc.text[s:e]:
        e += 1
    return s, e


def _direct_after(doc: Doc, pos: int, limit_pos: int) -> MarkSpan | None:
    m = doc.mark_starting_at(pos, limit_pos + 1)
    if m is not None and m.end > m.start:
        return m
    return None


def _complement(doc: Doc, stop: Stop, limit: int, sent_end: int, reasons: list[str]) -> tuple[Range, str] | None:
    """Content after a phrase that stopped at `stop` (complementizer, colon, mark, ب + noun, قوله …)."""
    toks = doc.tokens
    k = stop.at
    why = stop.why
    if why in ("masdar", "saying"):
        reasons.append("cue:" + why)
        after = toks[k].end
        g = gap_kind(doc.gap_after(k)) if k < len(toks) else None
        if g in ("colon", "mark"):
            why = g
            k += 1
            nxt_start = toks[k].start if k < len(toks) else sent_end
            m = _direct_after(doc, after, nxt_start)
            if m is not None:
                return (m.start, m.end), "direct"
            if g == "colon" and k < limit:
                return _colon_content(doc, k, sent_end)
            return None
        if k + 1 < limit and toks[k + 1].norm in doc.lex.complementizers:
            stop = Stop(k + 1, "comp")
            k, why = k + 1, "comp"
        else:
            return None
    if why == "prep_comp":
        k += 1
        why = "comp"
    if why == "comp":
        reasons.append("comp:" + toks[k].norm)
        if k + 1 >= len(toks) or toks[k + 1].start >= sent_end:
            return None
        m = _direct_after(doc, toks[k].end, toks[k + 1].start)
        start = toks[k + 1].start
        if m is not None and m.close_end >= sent_end - 1:
            return (m.start, m.end), "direct"
        if m is not None:
            start = m.open_start
        end = clause_end(doc, start, sent_end)
        s, e = strip_span(doc.text, start, end, " \t")
        if e <= s:
            return None
        return (s, e), content_kind(doc, s, e)
    if why in ("colon", "mark"):
        prev_end = toks[k - 1].end if k > 0 else 0
        nxt = toks[k].start if k < len(toks) else sent_end
        m = _direct_after(doc, prev_end, nxt)
        if m is not None:
            reasons.append("marks:" + m.mark)
            return (m.start, m.end), "direct"
        if why == "colon" and k < limit:
            reasons.append("colon")
            return _colon_content(doc, k, sent_end)
        return None
    if why == "ba":
        t = toks[k]
        reasons.append("comp:ب")
        start = t.start + 1
        end = clause_end(doc, start, sent_end)
        if end <= start:
            return None
        return (start, end), content_kind(doc, start, end)
    return None


def _colon_content(doc: Doc, k: int, sent_end: int) -> tuple[Range, str] | None:
    """Speech after a colon with no marks: to the end of the paragraph."""
    para = doc.paras[doc.tokens[k].para]
    s, e = strip_span(doc.text, doc.tokens[k].start, para.end, TRIM)
    if len(doc.text[s:e].split()) < 3:
        return None  # "كتبت: فلانة" is a byline, not speech
    return (s, e), "direct"


# ------------------------------------------------------------------------------------------------------
def verbal_frame(doc: Doc, ci: int, form: CueForm) -> Candidate | None:
    """A finite reporting verb at token ci."""
    toks = doc.tokens
    si = doc.sent_of(toks[ci].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    reasons = [f"cue:{form.lemma}:{form.pos}"]
    j = ci + 1
    # skip قد/لقد between a particle and the verb is irrelevant; after the verb skip nothing
    segments: list[tuple[int, int]] = []  # phrase token ranges separated by commas
    via: tuple[int, int] | None = None
    speaker_first: tuple[int, int] | None = None
    first_gap = gap_kind(doc.gap_after(ci)) if ci + 1 < limit else "eos"
    if first_gap in ("colon", "mark", "comma"):
        stop = Stop(j, first_gap)
    elif first_gap == "end":
        return None
    elif j < limit and (_opens_adjunct(doc, j, limit) or is_accusative(toks[j].text)):
        stop = Stop(j, "adjunct")
    elif j < limit and _object_np(doc, j, form):
        return _dropped_object_frame(doc, ci, form, si, reasons)
    else:
        stop = scan_phrase(doc, j, limit, form)
    steps = 0
    comp: tuple[Range, str] | None = None
    while steps < 8:
        steps += 1
        a, b = j, stop.at
        if b > a:
            segments.append((a, b))
        if stop.why == "an":
            # relay: what we have so far is the via (the outlet), the speaker follows عن
            if segments:
                via = (segments[0][0], segments[-1][1])
                segments = []
            reasons.append("relay")
            j = stop.at + 1
            stop = scan_phrase(doc, j, limit, form)
            continue
        if stop.why == "comma":
            j = stop.at
            if j < limit and doc.lex.cue(toks[j].norm) is not None:
                break  # a new cue after the comma starts its own frame
            if j < limit and is_adjunct_start(doc, j, limit):
                j = skip_adjunct(doc, j, limit)
                stop = Stop(j, gap_kind(doc.gap_before(j)) or "comp") if j < limit else Stop(j, "eos")
                if stop.why == "comp" and not (j < limit and toks[j].norm in doc.lex.complementizers):
                    stop = scan_phrase(doc, j, limit, form)
                if stop.why == "end":
                    stop = Stop(j, "eos")
                continue
            stop = scan_phrase(doc, j, limit, form)
            continue
        if stop.why in ("anon", "verb_pp"):
            k = stop.at
            found = None
            for k2 in range(k + 1, min(limit, k + 8)):
                if toks[k2].norm in doc.lex.complementizers:
                    found = k2
                    break
                if gap_kind(doc.gap_before(k2)) in ("end",):
                    break
                if stop.why == "verb_pp" and gap_kind(doc.gap_before(k2)) is not None:
                    break
            if stop.why == "anon" and found is None:
                j = skip_adjunct(doc, k, limit)
                gk = gap_kind(doc.gap_before(j)) if j < limit else "end"
                stop = Stop(j, gk) if gk in ("colon", "mark", "comma") else Stop(j, "eos")
                continue
            if found is None:
                return None
            stop = Stop(found, "comp")
            if stop.why == "comp":
                comp = _complement(doc, stop, limit, sent.end, reasons)
            break
        if stop.why == "pp":
            t = toks[stop.at]
            start = t.start + 1 if t.norm.startswith("ب") and t.norm not in form.preps else (
                toks[stop.at + 1].start if stop.at + 1 < limit else sent.end)
            end = clause_end(doc, start, sent.end)
            if end - start >= 4:
                comp = ((start, end), content_kind(doc, start, end))
                reasons.append("comp:pp")
            break
        if stop.why == "adjunct":
            if stop.at < limit and _opens_adjunct(doc, stop.at, limit) and stop.at == j and j == ci + 1:
                pass
            j = skip_adjunct(doc, stop.at, limit)
            if j >= limit:
                stop = Stop(j, "eos")
                continue
            gk = gap_kind(doc.gap_before(j))
            if gk in ("colon", "mark", "comma"):
                stop = Stop(j, gk)
                continue
            if gk == "end":
                stop = Stop(j, "eos")
                continue
            stop = scan_phrase(doc, j, limit, form)
            if stop.at == j and stop.why not in ("comp", "prep_comp", "colon", "mark", "masdar", "saying", "ba"):
                stop = Stop(j, "eos")
            continue
        if stop.why in ("comp", "prep_comp", "colon", "mark", "ba", "masdar", "saying"):
            comp = _complement(doc, stop, limit, sent.end, reasons)
        break
    if comp is None:
        # a quote mark that opens right after the cue-frame inside the sentence ("وقال X، في مقابلة، «…»")
        return None
    (cs, ce), kind = comp
    if cs < toks[ci].end:
        return None
    cand = Candidate((cs, ce), kind, (toks[ci].start, toks[ci].end), si, "explicit", lemma=form.lemma)
    cand.gender, cand.number = form.gender, form.number
    cand.reasons = reasons
    if via is not None:
        cand.via = via
        cand.how = "relay"
    _assign_speaker(doc, cand, segments)
    if cand.speaker is None and via is None:
        sv = _svo_subject(doc, ci, sent.start)
        if sv is not None:
            t_, n_ = split_title_name(doc, *sv)
            cand.speaker, cand.title = n_, t_
            cand.reasons.append("order:svo")
        elif form.pos == "imperf" and form.lemma in IMPERSONAL and form.gender == "m":
            return None  # يُذكر أن / يُتوقع أن: the journalist's impersonal remark
        else:
            cand.how = "dropped"
    elif cand.speaker is None and via is not None:
        # نقلت X (no عن-object with a phrase): the outlet itself speaks
        cand.speaker, cand.via = via, None
        cand.how = "explicit"
    if kind == "direct":
        cand.reasons.append("kind:direct")
    return cand


def _object_np(doc: Doc, j: int, form: CueForm) -> bool:
    """The noun after the verb is its object, not its subject: a genitive/accusative plural (الحلفاء الغربيين
    is read by its -ين ending) or, after verbs of calling and accusing, a country."""
    t = doc.tokens[j].norm
    if t.startswith("ال") and t.endswith("ين") and len(t) > 6 and doc.lex.noun(t) is None:
        return True
    return form.role in ("call", "accuse") and (t in doc.lex.headline_topics or t[2:] in doc.lex.headline_topics)


def _dropped_object_frame(doc: Doc, ci: int, form: CueForm, si: int, reasons: list[str]) -> Candidate | None:
    """ودعا الحلفاء الغربيين إلى …: the subject is dropped; skip the object and find the content."""
    toks = doc.tokens
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    stop = scan_phrase(doc, ci + 2, limit, form) if ci + 2 < limit else Stop(limit, "eos")
    comp = None
    if stop.why == "pp":
        t = toks[stop.at]
        start = t.start + 1 if t.norm.startswith("ب") and t.norm not in form.preps else (
            toks[stop.at + 1].start if stop.at + 1 < limit else sent.end)
        end = clause_end(doc, start, sent.end)
        if end - start >= 4:
            comp = ((start, end), content_kind(doc, start, end))
            reasons.append("comp:pp")
    elif stop.why in ("comp", "prep_comp", "colon", "mark", "ba"):
        comp = _complement(doc, stop, limit, sent.end, reasons)
    if comp is None:
        return None
    cand = Candidate(comp[0], comp[1], (toks[ci].start, toks[ci].end), si, "dropped", lemma=form.lemma)
    cand.gender, cand.number = form.gender, form.number
    cand.reasons = [*reasons, "object-after-verb"]
    cand.base = 0.75
    return cand


def _opens_adjunct(doc: Doc, j: int, limit: int) -> bool:
    """At the start of a phrase, a preposition (في مناسبات عديدة، خلال استقباله، عليها) opens an adjunct."""
    t = doc.tokens[j].norm
    if doc.tokens[j].text == "علي":
        return False
    return t in PREPOSITIONS or t in PREP_PRONOUNS or is_adjunct_start(doc, j, limit)


def _assign_speaker(doc: Doc, cand: Candidate, segments: list[tuple[int, int]]) -> None:
    """Decide mention and title among comma-separated segments: name، title، / title، name، / title name."""
    segs = [s for s in segments if s[1] > s[0] and not _anonymity_clause(doc, *s) and not is_accusative(doc.tokens[s[0]].text)]
    if not segs:
        return
    first = segs[0]
    appos = segs[1] if len(segs) > 1 and segs[1][1] - segs[1][0] <= 10 else None
    if appos is not None:
        first_title = starts_with_title(doc, *first) or _is_definite_phrase(doc, *first)
        appos_title = starts_with_title(doc, *appos) or _is_definite_phrase(doc, *appos)
        if first_title and not appos_title:
            cand.title, cand.speaker = first, appos
            cand.reasons.append("title:before")
            return
        if appos_title:
            cand.speaker, cand.title = first, appos
            cand.reasons.append("title:after")
            t, n = split_title_name(doc, *first)
            if t is not None:
                cand.speaker = n
            return
    t, n = split_title_name(doc, *first)
    if t is not None:
        cand.title, cand.speaker = t, n
        cand.reasons.append("title:inline")
    else:
        cand.speaker = first


def _anonymity_clause(doc: Doc, a: int, b: int) -> bool:
    return doc.tokens[a].norm in ANONYMITY_VERBS and b - a > 1 and doc.tokens[a + 1].norm in ANONYMITY_OBJECTS


def _is_definite_phrase(doc: Doc, a: int, b: int) -> bool:
    return doc.tokens[a].norm.startswith("ال") and doc.lex.noun(doc.tokens[a].norm) is None


IMPERSONAL = frozenset({"ذكر", "اشار", "توقع", "رجح", "قدر", "اعتبر", "لاحظ"})
SVO_SKIP = frozenset({"لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها", "و", "ف", "كما", "وكما", "قد", "وقد", "لقد", "ولقد", "بدوره", "بدورها", "فيما", "بينما", "حين", "اما", "واما"})
KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"})


def _svo_subject(doc: Doc, ci: int, sent_start: int) -> tuple[int, int] | None:
    """A subject before the verb in its clause: "الوزير قال إن", "وكان الوزير قد أكد أن"."""
    toks = doc.tokens
    a = ci
    while a - 1 >= 0 and toks[a - 1].start >= sent_start and gap_kind(doc.gap_before(a)) is None:
        a -= 1
    b = ci
    while b - 1 >= a and (toks[b - 1].norm in ("قد", "لقد") or toks[b - 1].norm in KANA):
        b -= 1
    for k in range(b - 1, a - 1, -1):
        if toks[k].norm in doc.lex.complementizers:  # غير أن الرئيس … / إلا أن مصادر …
            a = k + 1
            break
    while a < b and (toks[a].norm in SVO_SKIP or toks[a].norm in KANA):
        a += 1
    while b - 1 > a and toks[b - 1].norm in ("فقد", "ف"):
        b -= 1
    if a >= b or b - a > 8:
        return None
    first = toks[a].norm
    if first in ("في", "من", "علي", "الي", "مع", "خلال", "بعد", "قبل", "عند", "منذ", "وفي", "ومن", "لكن", "اذ") or first in doc.lex.adjuncts:
        return None
    if doc.lex.cue(first) is not None or first in PREP_PRONOUNS:
        return None
    return (a, b)


def participial_frame(doc: Doc, ci: int, form: CueForm) -> Candidate | None:
    toks = doc.tokens
    si = doc.sent_of(toks[ci].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    if toks[ci].start > sent.start and gap_kind(doc.gap_before(ci)) not in ("comma", "colon"):
        return None  # a circumstantial cue follows a comma: "…، مؤكداً أن"; elsewhere it is a noun or adjective
    allow_pp = form.lemma in PP_CONTENT_LEMMAS or form.role in ("call", "refuse", "accuse")
    if not complement_follows(doc, ci, limit, form.preps, allow_pp=allow_pp, role=form.role):
        return None
    reasons = [f"cue:{form.lemma}:part"]
    nxt = ci + 1
    gk = gap_kind(doc.gap_after(ci))
    optional = False
    if gk in ("colon", "mark"):
        comp = _complement(doc, Stop(nxt, gk), limit, sent.end, reasons)
    elif nxt < limit and toks[nxt].norm in doc.lex.complementizers:
        comp = _complement(doc, Stop(nxt, "comp"), limit, sent.end, reasons)
    elif nxt + 1 < limit and toks[nxt].norm in form.preps and toks[nxt + 1].norm in doc.lex.complementizers:
        comp = _complement(doc, Stop(nxt + 1, "comp"), limit, sent.end, reasons)
    elif form.role in ("call", "refuse", "accuse"):  # داعياً إلى وقف …، مطالبة بإجراء …، رافضاً الخوض في …
        t = toks[nxt]
        if form.role == "accuse":
            bx = next((x for x in range(nxt + 1, min(limit, nxt + 6)) if toks[x].norm.startswith("ب") and len(toks[x].norm) > 3), None)
            if bx is None:
                return None
            start = toks[bx].start + 1
        elif t.norm in form.preps and nxt + 1 < limit:
            start = toks[nxt + 1].start
        elif "ب" in form.preps and t.norm.startswith("ب") and len(t.norm) > 3:
            start = t.start + 1
        else:
            start = t.start
        end = clause_end(doc, start, sent.end)
        comp = ((start, end), content_kind(doc, start, end)) if end - start >= 4 else None
        reasons.append("comp:pp")
    else:  # مؤكدة على سيادة البلاد: a prepositional object, borderline content
        start = toks[nxt + 1].start
        end = clause_end(doc, start, sent.end)
        comp = ((start, end), "indirect") if end > start else None
        reasons.append("comp:pp")
        optional = True
    if comp is None:
        return None
    (cs, ce), kind = comp
    cand = Candidate((cs, ce), kind, (toks[ci].start, toks[ci].end), si, "participial", lemma=form.lemma)
    cand.gender, cand.number = form.gender, form.number
    cand.reasons = reasons
    cand.optional = optional
    return cand


def postposed_frame(doc: Doc, m: MarkSpan) -> Candidate | None:
    """«…»، قال المتحدث. / «…»، أضاف. — a cue right after a closed direct quote."""
    if not m.closed:
        return None
    k = doc.token_at_or_after(m.close_end)
    toks = doc.tokens
    if k >= len(toks) or toks[k].para != m.para:
        return None
    between = doc.text[m.close_end : toks[k].start]
    if any(c in between for c in ".!?؟:") or len(between.strip(" ،,\u200f")) > 0:
        return None
    form = doc.lex.cue(toks[k].norm)
    if form is None or form.pos not in ("perf", "imperf"):
        return None
    si = doc.sent_of(toks[k].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    stop = scan_phrase(doc, k + 1, limit, form)
    cand = Candidate((m.start, m.end), "direct", (toks[k].start, toks[k].end), doc.sent_of(m.start), "explicit", lemma=form.lemma)
    cand.gender, cand.number = form.gender, form.number
    cand.reasons = [f"cue:{form.lemma}:{form.pos}", "order:postposed", "kind:direct"]
    if stop.at > k + 1:
        seg = [(k + 1, stop.at)]
        if stop.why == "comma" and stop.at < limit and not is_adjunct_start(doc, stop.at, limit):
            st2 = scan_phrase(doc, stop.at, limit, form)
            if st2.why in ("eos", "comma", "adjunct") and st2.at - stop.at <= 8:
                seg.append((stop.at, st2.at))
        _assign_speaker(doc, cand, seg)
    else:
        cand.how = "dropped"
    return cand


def nonverbal_frames(doc: Doc, si: int) -> list[Candidate]:
    """بحسب X، …  /  …، بحسب X.  /  وفقاً لـX  /  نقلاً عن X  /  على لسان X."""
    lex = doc.lex
    toks = doc.tokens
    sent = doc.sents[si]
    rng = doc.sent_tokens(si)
    out: list[Candidate] = []
    for k in rng:
        t = toks[k].norm
        if t not in lex.nonverbal_first and t not in ("وفقا", "طبقا", "ووفقا", "استنادا"):
            continue
        match: tuple[str, ...] | None = None
        for seq in lex.nonverbal:
            if seq[0] == t and tuple(x.norm for x in toks[k : k + len(seq)]) == seq:
                if match is None or len(seq) > len(match):
                    match = seq
        kind = lex.nonverbal.get(match) if match else None
        n = len(match) if match else 1
        if match is None:
            # وفقا لوزارة / طبقا للبيان: the ل is attached to the noun
            if k + 1 < rng.stop and toks[k + 1].norm.startswith("ل"):
                kind, n = "source", 1
            else:
                continue
        if kind in ("verbal", "pronoun") or kind is None:
            continue
        sp_start = k + n
        if sp_start >= rng.stop:
            continue
        stop = scan_phrase(doc, sp_start, rng.stop, None, max_len=8)
        if stop.at <= sp_start:
            continue
        cue_range = (toks[k].start, toks[k + n - 1].end)
        # content: after the phrase (fronted: "وبحسب الوزارة، فإن …") or before the cue (post-posed)
        at_start = k == rng.start or gap_kind(doc.gap_before(k)) is None and k - rng.start <= 1
        if at_start and stop.why == "comma" and stop.at < rng.stop:
            c0 = stop.at
            if toks[c0].norm in lex.complementizers:
                c0 += 1
            if c0 >= rng.stop:
                continue
            start = toks[c0].start
            end = clause_end(doc, start, sent.end)
        elif not at_start and gap_kind(doc.gap_before(k)) == "comma":
            start, end = strip_span(doc.text, sent.start, toks[k - 1].end, TRIM)
        else:
            continue
        if end - start < 8:
            continue
        if doc.inside_mark(toks[k].start):
            continue
        cand = Candidate((start, end), content_kind(doc, start, end), cue_range, si, "nonverbal")
        cand.speaker = _strip_report_noun(doc, sp_start, stop.at)
        cand.reasons = ["cue:nonverbal:" + "_".join(match or (t,))]
        if kind == "relay":
            cand.reasons.append("relay")
        out.append(cand)
    return out


REPORT_NOUNS = frozenset(
    {"بيان", "تقرير", "تصريحات", "تصريح", "احصاءات", "احصائيات", "ارقام", "بيانات", "معطيات", "تقديرات", "ما", "نشره",
     "اعلان", "دراسه", "مسح", "تقارير", "وثيقه", "رساله", "احصائيه", "احصاءات", "حصيله", "نتائج", "ارقام"}
)
ISSUED = frozenset({"صادر", "صادره", "الصادر", "الصادره", "نشرته", "نشرتها", "اصدرته", "اصدرتها", "اعلنته", "اعلنتها", "اوردته", "اوردتها"})


def _strip_report_noun(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """The channel is not the speaker: بحسب بيان لوزارة الصحة / بيان صادر عن الوزارة / بيانات البنك المركزي."""
    toks = doc.tokens
    while b - a >= 2 and toks[a].norm in ("احدث", "اخر", "اخري", "اول", "ابرز"):
        a += 1
    if b - a < 2 or toks[a].norm not in REPORT_NOUNS:
        return (a, b)
    k = a + 1
    while k < b and (toks[k].norm in ISSUED or toks[k].norm.startswith("ال") and toks[k].norm[2:] in ("رسمي", "رسميه", "اخير", "اخيره", "اولي", "اوليه", "جديد", "جديده", "سنوي", "سنويه")):
        k += 1
    if k < b and toks[k].norm == "عن":
        k += 1
    return (k, b) if k < b else (a, b)


def cue_is_saying_participle(doc: Doc, k: int) -> bool:
    return doc.tokens[k].norm in SAYING_PARTICIPLES
