"""Attribution frames around a cue: verb + subject + adjuncts + complement (VSO and SVO), relays (نقل X عن Y),
participial cues, verbal nouns (قوله), post-posed cues («…»، قال X) and non-verbal cues (بحسب X).

Each frame yields a `Candidate`: token/char ranges and the evidence found, not yet a resolved speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from quote_desk.core.document import Doc
from quote_desk.core.lexicon import NEEDS_COMPLEMENTIZER, CueForm
from quote_desk.core.normalize import folded, strip_article
from quote_desk.core.rules.content import (
    ATTENTION_OBJECTS,
    PP_CONTENT_LEMMAS,
    TRIM,
    adjunct_before_content,
    call_prep_at,
    clause_end,
    complement_follows,
    content_kind,
)
from quote_desk.core.rules.marks import MarkSpan, strip_span
from quote_desk.core.rules.speaker import (
    ANONYMITY_OBJECTS,
    ANONYMITY_VERBS,
    IDAFA_NOUNS,
    NAME_STARTERS,
    NEGATIONS,
    NP_BREAKERS,
    PREP_PRONOUNS,
    PREPOSITIONS,
    QUANTIFIERS,
    RELAY_LEMMAS,
    SAYING_AGREEMENT,
    SAYING_PARTICIPLES,
    Stop,
    _indefinite_accusative_head,
    first_after_name,
    gap_kind,
    has_article,
    is_accusative,
    is_adjunct_start,
    is_name_like,
    is_relay_prep,
    looks_imperfect,
    looks_verb_with_object,
    name_mark,
    opens_ba_phrase,
    place_at,
    possessive_noun,
    scan_phrase,
    skip_adjunct,
    split_name_title,
    split_title_name,
    starts_with_title,
    temporal_clause,
    trim_construct_object,
    trim_object,
    trim_org_object,
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
    lam: bool = False  # the mention's first token carries the preposition ل (وفقاً لوزارة الصحة)
    main_subject: Range | None = None  # participial cues: the main clause's subject (token range), if found
    needs_confirmation: bool = False  # headline with a bare name: kept only if the body names it as a speaker
    prev_subject: Range | None = None  # dropped subject: the subject of the previous (non-quote) sentence
    prev_only_if_alone: bool = False  # use prev_subject only when no earlier speaker exists
    fallback_subject: Range | None = None  # dropped subject with no agreeing speaker: a recent narrator's subject
    relay_pronoun: bool = False  # "نقل X عنه قوله": the speaker is the pronoun's antecedent


# ------------------------------------------------------------------------------------------------------
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
        # "قوله اليوم الاثنين: «…»": time words may stand between the verbal noun and the quote
        while k + 1 < limit and doc.lex.adjuncts.get(toks[k + 1].norm) == "time" and gap_kind(doc.gap_after(k)) is None:
            k += 1
        if k + 1 < limit and gap_kind(doc.gap_after(k)) is None and (
            toks[k + 1].norm in PREPOSITIONS or is_adjunct_start(doc, k + 1, limit)
        ):
            # "قوله في مؤتمره الأسبوعي إن …": an adjunct between the verbal noun and the content
            for x in range(k + 2, min(limit, k + 10)):
                if toks[x].norm in doc.lex.complementizers or gap_kind(doc.gap_before(x)) in ("colon", "mark"):
                    k = x - 1
                    break
                if gap_kind(doc.gap_before(x)) is not None:
                    break
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
        if k > 0 and toks[k - 1].norm in ("غير", "الا", "وغير"):
            return None  # "…، غير أن الرئيس أكد …": "however", a new clause, not this verb's content
        reasons.append("comp:" + toks[k].norm)
        if k + 1 >= len(toks) or toks[k + 1].start >= sent_end:
            return None
        m = _direct_after(doc, toks[k].end, toks[k + 1].start)
        start = toks[k + 1].start
        if m is not None and m.close_end >= sent_end - 1:
            # قال إن "…": a complementizer before wholly quoted words — an indirect frame holding quoted wording
            return (m.start, m.end), "mixed"
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


OBJECT_CONTENT_LEMMAS = folded({"أعلن", "نفى", "أكد", "كشف"})
# Verbs whose prepositional object is what they say: حذّر من تفشي الكوليرا (a warning), like دعا إلى
PP_VERBS = folded({"حذر"})


@cache
def _object_masdars() -> frozenset[str]:
    from quote_desk.resources import resource_path

    rows = resource_path("lexicons", "object_masdars.txt").read_text(encoding="utf-8").splitlines()
    return folded(r.strip() for r in rows if r.strip() and not r.startswith("#"))


def is_verbal_noun(doc: Doc, k: int) -> bool:
    """A verbal noun of a reported event (مقتل، تسجيل، السيطرة …; resources/lexicons/object_masdars.txt). Only
    listed ones: "أعلنت الحكومة تعطيل الدوام" announces an act, and annotators do not read it as speech."""
    t = doc.tokens[k].norm
    return (t[2:] if t.startswith("ال") else t) in _object_masdars()


def _object_content(
    doc: Doc, segments: list[tuple[int, int]], limit: int, sent_end: int, reasons: list[str]
) -> tuple[tuple[Range, str] | None, list[tuple[int, int]]]:
    toks = doc.tokens
    for si_, (a, b) in enumerate(segments):
        for x in range(a + (1 if si_ == 0 else 0), b):
            prev = toks[x - 1].norm if x > a else ""
            construct = bool(prev) and not prev.startswith("ال") and (prev in IDAFA_NOUNS or doc.lex.noun(prev) is not None)
            if is_verbal_noun(doc, x) and prev not in NAME_STARTERS and not construct:
                start = toks[x].start
                end = clause_end(doc, start, sent_end)
                if len(doc.text[start:end].split()) < 3:
                    return None, segments
                reasons.append("comp:object")
                kept = segments[:si_] + ([(a, x)] if x > a else [])
                return ((start, end), content_kind(doc, start, end)), kept
    return None, segments


def _pp_content(
    doc: Doc, k: int, limit: int, sent_end: int, form: CueForm, reasons: list[str]
) -> tuple[Range, str] | None:
    """Content after the preposition at k (دعا إلى …، طالب بـ…، أعرب عن …): to the clause end."""
    toks = doc.tokens
    t = toks[k]
    if t.norm == "ب":  # "بـ«استهداف …»": the preposition stands alone before a quote mark
        start = toks[k + 1].start if k + 1 < limit else sent_end
    elif t.norm in doc.lex.complementizers and k + 1 < limit:
        start = toks[k + 1].start  # "اتهم … بأنه …": the clause after بأنه
    elif t.norm.startswith("ب") and t.norm not in form.preps:
        start = t.start + 1
    else:
        start = toks[k + 1].start if k + 1 < limit else sent_end
    end = clause_end(doc, start, sent_end)
    if end - start < 4:
        return None
    reasons.append("comp:pp")
    m = doc.mark_starting_at(t.end, start + 1) if t.norm == "ب" else None
    if m is not None and m.closed and m.start == start:
        if not doc.text[m.close_end : end].strip(" .،,؛"):
            return (m.start, m.end), "direct"  # اتهم … بـ"تحويل البحر إلى ساحة ابتزاز": the whole object is quoted
        start = m.open_start  # the quoted words open the content: keep their opening mark with them
    return (start, end), content_kind(doc, start, end)


def _colon_content(doc: Doc, k: int, sent_end: int) -> tuple[Range, str] | None:
    """Speech after a colon with no marks: to the end of the paragraph."""
    para = doc.paras[doc.tokens[k].para]
    end = para.end
    limit = doc.token_at_or_after(para.end)
    for j in range(k + 1, limit - 1):
        # "وكتب أحد المشجعين: أخيراً صفقة …، بينما تساءل آخرون عن …": the writer's next clause with its own cue
        if gap_kind(doc.gap_before(j)) == "comma" and doc.tokens[j].norm in ("بينما", "فيما", "في حين") \
                and doc.lex.cue(doc.tokens[j + 1].norm) is not None:
            end = doc.tokens[j - 1].end
            break
        # "…: لا يمكن أن نطلب … الخروج. وأضاف أن …": a sentence that opens with a reporting verb is the writer's again
        if gap_kind(doc.gap_before(j)) == "end" and (form := doc.lex.cue(doc.tokens[j].norm)) is not None \
                and form.pos in ("perf", "imperf") and doc.tokens[j].norm.startswith(("و", "ف")) and doc.inside_mark(doc.tokens[j].start) is None:
            end = doc.tokens[j - 1].end
            break
    s, e = strip_span(doc.text, doc.tokens[k].start, end, TRIM)
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
    # "وكان الرئيس X قد طالب واشنطن بـ…": the subject stands between كان and قد, and what follows the verb is
    # its object; the noun phrase after the verb never speaks then
    kana_subject = _kana_subject(doc, ci, sent.start)
    relay_pronoun: tuple[str | None, str] | None = None
    segments: list[tuple[int, int]] = []  # phrase token ranges separated by commas
    via: tuple[int, int] | None = None
    first_gap = gap_kind(doc.gap_after(ci)) if ci + 1 < limit else "eos"
    if first_gap == "mark" and name_mark(doc, toks[ci].end, limit) is not None and form.lemma in INFORM_LEMMAS:
        # "غير أن دبلوماسياً … أبلغ «الأفق العربي» بأن …": a quoted outlet after أبلغ is the one told
        nm = name_mark(doc, toks[ci].end, limit)
        assert nm is not None
        return _dropped_object_frame(doc, ci, form, si, reasons, after=doc.token_at_or_after(nm + 1))
    if first_gap == "mark" and name_mark(doc, toks[ci].end, limit) is not None:
        # "تتهم «هيومن رايتس ووتش» السلطات …": a quoted name opens the subject
        stop = scan_phrase(doc, j, limit, form, name_until=name_mark(doc, toks[ci].end, limit))
    elif first_gap in ("colon", "mark", "comma"):
        stop = Stop(j, first_gap)
    elif first_gap == "end":
        return None
    elif j + 1 < limit and toks[j].norm in ("فيه", "فيها", "فيهما") and gap_kind(doc.gap_after(j)) is None:
        j += 1  # "…بياناً طالبت فيه لجنة الحكام بـ…": past فيه, the object and the content
        stop = scan_phrase(doc, j, limit, form)
    elif j < limit and is_relay_prep(form, toks[j].norm) and (form.role == "relay" or form.lemma in RELAY_LEMMAS):
        stop = Stop(j, "an")  # a relay verb after its subject: "وسائل إعلام نقلت عن …"
    elif j + 1 < limit and toks[j].norm in PREP_PRONOUNS and gap_kind(doc.gap_after(j)) is None and not (
        toks[j + 1].norm in doc.lex.complementizers or _opens_adjunct(doc, j + 1, limit)
    ) and (form.role != "relay" or not toks[j].norm.startswith("عن")):
        j += 1  # "التي قال عنها أمين المحافظة إن …": a pronoun object, then the subject
        stop = scan_phrase(doc, j, limit, form)
    elif j < limit and toks[j].norm in ("وهو", "وهي", "وهم", "وهما") and (
        x := next((x for x in range(j + 1, min(limit, j + 14)) if gap_kind(doc.gap_before(x)) is not None), None)
    ) is not None and gap_kind(doc.gap_before(x)) in ("colon", "mark"):
        stop = Stop(x, gap_kind(doc.gap_before(x)) or "colon")  # "ويضيف وهو يشير إلى الكومة: «…»": a circumstantial clause
    elif j < limit and (_opens_adjunct(doc, j, limit) or is_accusative(toks[j].text)):
        stop = Stop(j, "adjunct")
    elif j < limit and _object_np(doc, j, form):
        return _dropped_object_frame(doc, ci, form, si, reasons)
    else:
        stop = scan_phrase(doc, j, limit, form, max_len=16)  # agency titles run long
    steps = 0
    comp: tuple[Range, str] | None = None
    object_after_adjunct = False  # "ودعت الخارجية، في بيان، المجتمع الدولي إلى …": past the adjunct comes the object
    while steps < 8:
        steps += 1
        a, b = j, stop.at
        if b > a:
            if not (object_after_adjunct and segments):
                segments.append((a, b))
            object_after_adjunct = False
        if stop.why == "an_pron":
            # "ونقل المكتب الإعلامي لبري عنه قوله إن …": the outlet relays someone named before (the pronoun)
            if segments:
                via = (segments[0][0], segments[-1][1])
                segments = []
            reasons.append("relay")
            pron_gender = {"عنه": "m", "عنها": "f"}.get(toks[stop.at].norm)
            relay_pronoun = (pron_gender, "pl" if toks[stop.at].norm in ("عنهم", "عنهما") else "sg")
            j = stop.at + 1
            stop = scan_phrase(doc, j, limit, form)
            continue
        if stop.why == "an":
            # relay: what we have so far is the via (the outlet), the speaker follows عن
            if not segments and stop.at == ci + 1 and via is None:
                via = _svo_subject(doc, ci, sent.start)  # "وسائل إعلام إيرانية نقلت عن X قوله …"
            if segments and toks[segments[-1][0]].norm in ("نقلا", "ونقلا") and segments[-1][1] - segments[-1][0] == 1:
                segments = segments[:-1]  # "ذكرت الوكالة، نقلاً عن …": نقلاً belongs to the relay, not to the outlet
            if segments:
                via = (segments[0][0], segments[-1][1])
                segments = []
            reasons.append("relay")
            j = stop.at + 1
            stop = scan_phrase(doc, j, limit, form)
            continue
        if stop.why == "comma":
            j = stop.at
            if j < limit and _anonymity_clause(doc, j, min(limit, j + 2)):
                j = skip_adjunct(doc, j, limit)  # "…، رفض ذكر اسمه، أن …"
                gk = gap_kind(doc.gap_before(j)) if j < limit else "end"
                stop = Stop(j, gk) if gk in ("colon", "mark", "comma") else Stop(j, "eos")
                continue
            if j < limit and toks[j].norm in RELATIVES:
                # "…، الذي يسكن الحي منذ 1987، أن …": a relative clause describes the speaker; skip it
                j2 = j + 1
                while j2 < limit and gap_kind(doc.gap_before(j2)) not in ("comma", "colon", "mark", "end"):
                    j2 += 1
                if j2 < limit and gap_kind(doc.gap_before(j2)) == "comma":
                    if any(toks[x].norm in NAMING_WORDS for x in range(j + 1, min(j2, j + 5))):
                        segments.append((j, j2))  # "وروى أحدهم، وهو تاجر يدعى عمر سيسي، …": the clause names him
                    j = j2
                    stop = scan_phrase(doc, j, limit, form) if not _opens_adjunct(doc, j, limit) else Stop(j, "adjunct")
                    continue
                if j2 < limit and ":" in doc.gap_before(j2):
                    # "وتابع القائد، الذي سجل خمسة أهداف: «…»": the colon after the relative clause is the verb's
                    stop = Stop(j2, gap_kind(doc.gap_before(j2)) or "colon")
                    continue
            if j < limit and doc.lex.cue(toks[j].norm) is not None and not naming_clause(doc, j):
                break  # a new cue after the comma starts its own frame
            if j < limit and segments and toks[j].norm == "عن" and (form.lemma == "اعلن" or form.role in ("reveal", "express")) and not (
                j + 1 < limit and toks[j + 1].norm in doc.lex.complementizers
            ):
                comp = _pp_content(doc, j, limit, sent.end, form, reasons)  # "أعلن X، رئيس Y، عن توقيع …"
                break
            if j < limit and segments and toks[j].norm in form.preps and (form.role == "call" or form.lemma in PP_VERBS) and not (
                j + 1 < limit and toks[j + 1].norm in doc.lex.complementizers
            ):
                comp = _pp_content(doc, j, limit, sent.end, form, reasons)  # "ودعا X، في تصريح، إلى مراجعة …"
                break
            if j < limit and (is_adjunct_start(doc, j, limit) or (
                segments and toks[j].norm in SEGMENT_PREPS and not (j + 1 < limit and toks[j + 1].norm == "حين")  # في حين: a new clause
            )):
                # after a comma, a phrase that opens with a preposition is never a name or a title:
                # "وأوضح المسؤول، في عرض قدمه خلال لقاء …، أن …"
                j = skip_adjunct(doc, j, limit, stop_at=form.preps if (form.role == "call" or form.lemma in PP_VERBS) else frozenset())
                if j < limit and segments and toks[j].norm in form.preps and (form.role == "call" or form.lemma in PP_VERBS) and gap_kind(doc.gap_before(j)) is None:
                    comp = _pp_content(doc, j, limit, sent.end, form, reasons)
                    break
                object_after_adjunct = form.role in ("call", "accuse")
                stop = Stop(j, gap_kind(doc.gap_before(j)) or "comp") if j < limit else Stop(j, "eos")
                if stop.why == "comp" and not (j < limit and toks[j].norm in doc.lex.complementizers):
                    stop = scan_phrase(doc, j, limit, form)
                if stop.why == "end":
                    stop = Stop(j, "eos")
                continue
            stop = scan_phrase(doc, j, limit, form, max_len=18)  # an apposition may be a long title
            continue
        if stop.why == "anon":
            j = skip_adjunct(doc, stop.at, limit)
            gk = gap_kind(doc.gap_before(j)) if j < limit else "end"
            if j < limit and gk is None and toks[j].norm in doc.lex.complementizers:
                stop = Stop(j, "comp")
            else:
                stop = Stop(j, gk) if gk in ("colon", "mark", "comma") else Stop(j, "eos")
            continue
        if stop.why == "object":  # "وطالبت النقابة الوزير بالاعتذار": past the object, the preposition opens the content
            px = next((x for x in range(stop.at + 1, min(limit, stop.at + 8))
                       if gap_kind(doc.gap_before(x)) is None and (toks[x].norm in form.preps or opens_ba_phrase(doc, x, limit))), None)  # fmt: skip
            if px is not None:
                comp = _pp_content(doc, px, limit, sent.end, form, reasons)
            break
        if stop.why == "verb_pp":  # أعرب عن قلقه من …: the content is what is expressed
            stop = Stop(stop.at, "pp")
        if stop.why == "pp":
            comp = _pp_content(doc, stop.at, limit, sent.end, form, reasons)
            break
        if stop.why == "adjunct":
            pp_verb = form.role in ("call", "accuse", "express") or form.lemma in PP_CONTENT_LEMMAS or form.lemma in PP_VERBS
            relay_verb = form.role == "relay" or form.lemma in RELAY_LEMMAS
            ba_verb = "ب" in form.preps and not pp_verb and bool(segments)
            j = skip_adjunct(doc, stop.at, limit, stop_at=form.preps if pp_verb else RELAY_AN if relay_verb else frozenset(),
                             stop_ba=ba_verb)  # fmt: skip
            if ba_verb and j < limit and toks[j].norm.startswith("ب") and not _is_comp_tok(doc, j):
                stop = Stop(j, "ba")  # "أفادت الجامعة في بيان بنفاد جميع التذاكر"
                continue
            if relay_verb and j < limit and is_relay_prep(form, toks[j].norm) and segments:
                stop = Stop(j, "an")  # "ونقلت صحيفة «X» في عددها الصادر اليوم عن مصدر …": the relay after the adjunct
                continue
            if pp_verb and j < limit and toks[j].norm in form.preps and segments and not (
                j + 1 < limit and toks[j + 1].norm in doc.lex.complementizers
            ):
                comp = _pp_content(doc, j, limit, sent.end, form, reasons)
                break
            if form.role in ("call", "accuse") and segments:
                # "واتهم الجيش في بيان قوات الدعم بـ«…»": past the adjunct, an object, then the preposition
                px = next(
                    (x for x in range(j, min(limit, j + 8))
                     if toks[x].norm in form.preps or opens_ba_phrase(doc, x, limit)),
                    None,
                )
                if px is not None:
                    comp = _pp_content(doc, px, limit, sent.end, form, reasons)
                    break
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
    if comp is None and form.role == "accuse":
        # "فقد اتهمت أطرافاً لم تسمها بمحاولة …": the accusation after an object and its short relative clause
        for x in range(ci + 2, min(limit, ci + 9)):
            if gap_kind(doc.gap_before(x)) is not None:
                break
            if toks[x].norm != "ب" and opens_ba_phrase(doc, x, limit):
                comp = _pp_content(doc, x, limit, sent.end, form, reasons)
                segments = [sg for sg in segments if sg[1] <= x]
                break
    if comp is None and form.lemma in OBJECT_CONTENT_LEMMAS and segments:
        # "أعلنت الوزارة، صباح اليوم، تسجيل أربع وفيات" / "ونفى الشبلي وجود أي نية …": a verbal-noun object
        comp, segments = _object_content(doc, segments, limit, sent.end, reasons)
    if comp is None:
        return None
    (cs, ce), kind = comp
    if cs < toks[ci].end:
        return None
    if form.lemma in THREAT_LEMMAS and kind == "indirect" and len(doc.text[cs:ce].split()) < 2:
        return None  # "وواشنطن تتوعد بالرد": a bare threat names an act, it reports no words
    cand = Candidate((cs, ce), kind, (toks[ci].start, toks[ci].end), si, "explicit", lemma=form.lemma)
    cand.gender, cand.number = form.gender, form.number
    cand.reasons = reasons
    if via is not None and toks[via[0]].norm in REPORT_NOUNS:
        via = None  # "وقال بيان صادر عن الرئاسة": the statement is the channel, not a relaying outlet
    if via is not None:
        cand.via = via
        cand.how = "relay"
        cand.gender = None  # نقلت الوكالة عن الوالي: the verb agrees with the outlet, not with the speaker
    _assign_speaker(doc, cand, segments)
    if cand.speaker is not None and kana_subject is None and via is None and relay_pronoun is None \
            and _accusative_plural_object(doc, *cand.speaker) and cand.speaker[0] == ci + 1:
        # "ودعا الحلفاء الغربيين إلى …": the case ending shows an object; the verb's subject is dropped
        cand.speaker, cand.title = None, None
        cand.how = "dropped"
        cand.main_subject = sentence_subject(doc, si, ci)
        if cand.main_subject is None and si > 0:
            cand.prev_subject = previous_sentence_subject(doc, si, form.gender, form.number)
            cand.fallback_subject = recent_subject(doc, si, form.gender)
            if form.role == "continue":
                cand.prev_only_if_alone = not _opens_with_amma(doc, si - 1)
    if cand.speaker is not None and toks[cand.speaker[0]].norm in ("مع", "في", "من", "الي", "عن", "ب", "ل") \
            and toks[cand.speaker[0]].text != "علي" and kana_subject is None and via is None and relay_pronoun is None:
        return None  # "أقرت الدول …، مع الإبقاء على …": a phrase opening with a preposition names nobody
    through = _ala_lisan_speaker(doc, sent.start, ci, cs)
    if through is not None and via is None:
        # "وقالت المنظمة، على لسان مديرتها العامة X، إن …" / "وعلى لسان المتحدث X، أكد الجيش أن …": the body
        # speaks through the person named after على لسان, who is the speaker
        cand.speaker, cand.title = through.speaker, through.title
        cand.how = "explicit"
        cand.reasons.append("speaker:ala-lisan")
    if relay_pronoun is not None and cand.speaker is None:
        # the relayed speaker is the pronoun's antecedent: resolved like a dropped subject, by its agreement
        cand.gender, cand.number = relay_pronoun
        cand.how = "relay"
        cand.relay_pronoun = True
        # the pronoun points back to who the text was just about ("استقبل الرئيس X الوفد. ونقل مكتبه عنه …")
        cand.prev_subject = previous_sentence_subject(doc, si, cand.gender, cand.number)
    if ci + 1 < limit and toks[ci + 1].norm in ("فيه", "فيها", "فيهما") and toks[ci].start > sent.start and (
        form.role in ("call", "accuse") or not segments
    ):
        # "أصدرت الإدارة بياناً طالبت فيه لجنة الحكام بـ…": the statement's issuer speaks; what follows is the object
        cand.speaker, cand.title = None, None
        segments = []
        cand.reasons.append("order:fihi")
    if cand.speaker is not None and toks[cand.speaker[0]].norm in REPORT_NOUNS:
        cand.speaker = _strip_report_noun(doc, *cand.speaker)  # "وقال بيان صادر عن الرئاسة" → الرئاسة
    if cand.speaker is not None and form.lemma in INFORM_LEMMAS | {"افاد"} and doc.inside_mark(toks[cand.speaker[0]].start) is None:
        sa, sb = cand.speaker
        head = doc.lex.noun(toks[sa].norm)
        for x in range(sa + 1, sb if head is None or head.cls not in ("media", "org") else sa + 1):
            if doc.inside_mark(toks[x].start) is not None:
                cand.speaker = (sa, x)  # "وأبلغت مصادر مطلعة «الشرق الأوسط» أن …": the quoted outlet is the one told
                break
    if cand.speaker is not None and (form.role in ("call", "accuse") or form.lemma == "وصف"):
        sa, sb = cand.speaker
        cand.speaker = (sa, min(trim_object(doc, sa, sb), trim_org_object(doc, sa, sb), _after_surname(doc, sa, sb)))
    elif cand.speaker is not None:
        sa, sb = cand.speaker
        cand.speaker = (sa, min(trim_construct_object(doc, sa, sb), trim_org_object(doc, sa, sb), _after_surname(doc, sa, sb)))
    if kana_subject is not None and kana_subject[0] is not None and via is None:
        t_, n_ = split_title_name(doc, *kana_subject[0])
        whole = kana_subject[1]
        if t_ is None and whole[0] < kana_subject[0][0] and starts_with_title(doc, whole[0], kana_subject[0][0]):
            t_ = (whole[0], kana_subject[0][0])  # "كان وزير الري حسان يوسف قد …": the title before the name
        cand.speaker, cand.title = n_, t_
        _descriptor_to_title(doc, cand)
        cand.reasons.append("order:kana")
    if cand.speaker is None and via is None:
        # "… لكنه ذكّر بأن …": the pronoun of لكنّ is the subject; the words before it belong to another clause
        pronoun_subject = ci > 0 and toks[ci - 1].norm in ("لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم")
        sv = None if pronoun_subject else (
            _svo_subject(doc, ci, sent.start) or _amma_subject(doc, ci, si) or _clause_appositions(doc, ci, sent.start)
        )
        if sv is not None:
            t_, n_ = split_title_name(doc, *sv)
            cand.speaker, cand.title = n_, t_
            _descriptor_to_title(doc, cand)
            cand.reasons.append("order:svo")
        elif form.pos == "imperf" and form.lemma in IMPERSONAL and form.gender == "m":
            return None  # يُذكر أن / يُتوقع أن: the journalist's impersonal remark
        else:
            cand.how = "dropped"
            # "ثم تصمت طويلاً قبل أن تضيف: …": a cue in a temporal clause shares the main verb's (dropped) subject
            cand.main_subject = None if temporal_clause(doc, ci - 2) else sentence_subject(doc, si, ci)
            if cand.main_subject is None and si > 0:
                cand.prev_subject = previous_sentence_subject(doc, si, form.gender, form.number)
                cand.fallback_subject = recent_subject(doc, si, form.gender)
                if form.role == "continue":
                    # أضاف/تابع continue the last speaker when there is one — unless the sentence before opened a
                    # new topic with أما ("أما جيرانه فقد اشتكوا … وأضافوا")
                    cand.prev_only_if_alone = not _opens_with_amma(doc, si - 1)
    elif cand.speaker is None and via is not None and not cand.relay_pronoun:
        # نقلت X (no عن-object with a phrase): the outlet itself speaks
        cand.speaker, cand.via = via, None
        cand.how = "explicit"
    if kind == "direct":
        cand.reasons.append("kind:direct")
    return cand


def _noun_gender(doc: Doc, k: int) -> str | None:
    """Grammatical gender of a common noun at k (None for names and unknown words)."""
    t = doc.tokens[k].norm
    info = doc.lex.noun(t)
    if info is not None:
        return info.gender
    raw = doc.tokens[k].text
    if t.startswith("ال") and raw.endswith("ة"):
        return "f"
    return None


def _object_np(doc: Doc, j: int, form: CueForm) -> bool:
    """The noun after the verb is its object, not its subject: a genitive/accusative plural (الحلفاء الغربيين
    is read by its -ين ending), a quantified plural (بعض المشاركين), a noun whose gender the verb does not
    agree with (a verb agrees in gender with a following subject: "ودعا القوى المشاركة" cannot have القوى as
    subject), or, after verbs of calling and accusing, a country."""
    t = doc.tokens[j].norm
    if t in ("بعض", "كل", "جميع", "كافه") and j + 1 < len(doc.tokens) and doc.tokens[j + 1].norm.endswith("ين"):
        return True
    g = _noun_gender(doc, j)
    info = doc.lex.noun(t)
    human_plural = info is not None and info.human and info.number == "pl"
    titled_name = (t in doc.lex.titles or t[2:] in doc.lex.titles) and j + 1 < len(doc.tokens) and is_name_like(doc, j + 1)
    if g is not None and form.gender is not None and g != form.gender and not human_plural and form.role in ("call", "accuse", "refuse") and not titled_name:
        return True
    if form.pos == "perf" and form.number == "pl" and form.role in ("call", "accuse") and info is not None and info.number == "sg":
        return True  # "ودعوا الوزارة إلى …": a plural verb has its subject in itself; a singular noun after it is the object
    if t.startswith("ال") and t.endswith("ين") and len(t) > 6 and doc.lex.noun(t) is None:
        return True
    return form.role in ("call", "accuse") and (
        t in doc.lex.headline_topics or t[2:] in doc.lex.headline_topics or doc.lex.place_end([t]) == 1
    )


def _dropped_object_frame(doc: Doc, ci: int, form: CueForm, si: int, reasons: list[str], after: int | None = None) -> Candidate | None:
    """ودعا الحلفاء الغربيين إلى …: the subject is not after the verb; skip the object (one word, or up to
    `after`) and find the content. A subject before the verb ("غير أن مصدراً … أبلغ الصحفيين بأن") speaks."""
    toks = doc.tokens
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    start = ci + 2 if after is None else after
    stop = (Stop(start, gap_kind(doc.gap_before(start)) or "comp") if start < limit and (
        toks[start].norm in doc.lex.complementizers or gap_kind(doc.gap_before(start)) in ("colon", "mark"))
        else Stop(start, "pp") if start + 1 < limit and form.role == "call" and toks[start].norm in form.preps  # "ودعوا الوزارة إلى …"
        else scan_phrase(doc, start, limit, form) if start < limit else Stop(limit, "eos"))  # fmt: skip
    if stop.why == "comp" and toks[stop.at].norm not in doc.lex.complementizers:
        stop = scan_phrase(doc, start, limit, form)
    comp = None
    if stop.why == "pp":
        comp = _pp_content(doc, stop.at, limit, sent.end, form, reasons)
    elif stop.why in ("comp", "prep_comp", "colon", "mark", "ba"):
        comp = _complement(doc, stop, limit, sent.end, reasons)
    if comp is None:
        return None
    cand = Candidate(comp[0], comp[1], (toks[ci].start, toks[ci].end), si, "dropped", lemma=form.lemma)
    cand.gender, cand.number = form.gender, form.number
    cand.reasons = [*reasons, "object-after-verb"]
    cand.base = 0.75
    sv = _svo_subject(doc, ci, sent.start) if form.lemma in INFORM_LEMMAS else None
    if sv is not None:
        cand.how, cand.speaker = "explicit", sv
        cand.reasons.append("order:svo")
    return cand


INFORM_LEMMAS = folded({"ابلغ", "اخبر"})
THREAT_LEMMAS = folded({"هدد", "توعد"})


def _opens_adjunct(doc: Doc, j: int, limit: int) -> bool:
    """At the start of a phrase, a preposition (في مناسبات عديدة، خلال استقباله، عليها) or an addressee with
    ل (قال للباحثين، لوكالة …) opens an adjunct."""
    t = doc.tokens[j].norm
    if doc.tokens[j].text in ("علي", "إمام"):  # the name Ali; an imam (the prepositions are على، أمام)
        return False
    if t.startswith("لل") or (t.startswith("ل") and (doc.lex.noun(t[1:]) is not None or t[1:] in doc.lex.titles)):
        return True
    return t in PREPOSITIONS or t in PREP_PRONOUNS or is_adjunct_start(doc, j, limit)


def _assign_speaker(doc: Doc, cand: Candidate, segments: list[tuple[int, int]]) -> None:
    """Decide mention and title among comma-separated segments: name، title، / title، name، / title name; then a
    name that runs on into its own title with no comma ("السفير كريم عادل المتحدث الرسمي …") ends there."""
    _assign_speaker_segments(doc, cand, segments)
    if cand.speaker is not None and cand.speaker[1] - cand.speaker[0] >= 4:
        a, b = cand.speaker
        h = next((x for x in range(a + 1, b - 1) if doc.tokens[x].norm in doc.lex.honorifics and has_article(doc, x)), None)
        if h is not None and find_name(doc, h + 1, b) == (h + 1, b) and 1 <= b - h - 1 <= 4:
            # "أستاذة علوم البحار الدكتورة ريم الحربي": a description, an honorific, then the name
            cand.speaker = (h + 1, b)
            if cand.title is None:
                cand.title = (a, h)
            cand.reasons.append("title:honorific")
            return
    if cand.speaker is not None and cand.speaker[1] - cand.speaker[0] >= 4 and is_name_like(doc, cand.speaker[0]):
        n2, t2 = split_name_title(doc, *cand.speaker)
        if t2 is not None and n2[1] - n2[0] >= 2 and find_name(doc, *n2) == n2:
            cand.speaker = n2
            if cand.title is None:
                cand.title = t2


NAMING_WORDS = folded({"يدعى", "ويدعى", "تدعى", "وتدعى", "اسمه", "واسمه", "اسمها", "واسمها", "يدعي", "ويدعي", "تدعي", "وتدعي"})


def naming_clause(doc: Doc, k: int) -> bool:
    """"…، ويُدعى آدم إسحق، …"، "…، وتدعى حليمة، …": between commas, the name a described person goes by (not
    "ويدّعي المتهم أن …", he claims)."""
    toks = doc.tokens
    if toks[k].norm not in NAMING_WORDS or k + 1 >= len(toks) or gap_kind(doc.gap_before(k)) != "comma":
        return False
    x = k + 1
    if has_article(doc, x):
        return False
    while x < len(toks) and x - k <= 4 and gap_kind(doc.gap_before(x)) is None:
        x += 1
    return x < len(toks) and x - k <= 4 and gap_kind(doc.gap_before(x)) == "comma"


def _assign_speaker_segments(doc: Doc, cand: Candidate, segments: list[tuple[int, int]]) -> None:
    for a, b in segments[1:3]:
        x = next((x for x in range(a, min(b, a + 4)) if doc.tokens[x].norm in NAMING_WORDS), None)
        if x is not None and (x > a or naming_clause(doc, a)) and x + 1 < b and find_name(doc, x + 1, b) is not None:
            # "وقال أحد السكان، ويُدعى آدم إسحق، إن …"، "وروى أحدهم، وهو تاجر يدعى عمر سيسي، …": the name it goes by
            cand.speaker = find_name(doc, x + 1, b)
            cand.reasons.append("name:called")
            return
    segs = [
        s
        for s in segments
        if s[1] > s[0]
        and not _anonymity_clause(doc, *s)
        and not is_accusative(doc.tokens[s[0]].text)
        and doc.tokens[s[0]].norm not in RELATIVES
        and doc.tokens[s[0]].norm not in ("جميع", "كل", "كافه", "بعض")  # "جميع الأطراف": an object
        # "مسؤول أمريكي، تحدث شريطة عدم الكشف عن هويته،": a clause about the source, not an apposition
        and doc.tokens[s[0]].norm not in ("تحدث", "تحدثت", "تحدثوا", "تحدثا", "متحدثا", "متحدثه", "متحدثين")
    ]
    if not segs:
        return
    if (
        len(segs) >= 3
        and (starts_with_title(doc, *segs[0]) or (_is_definite_phrase(doc, *segs[0]) and find_name(doc, *segs[0]) is None))
        and starts_with_title(doc, *segs[1])
        and find_name(doc, *segs[2]) == segs[2]
        and 2 <= segs[2][1] - segs[2][0] <= 4
        and not starts_with_title(doc, *segs[2])
        # the second title carries no name of its own (places inside titles are fine: "عامل عمالة مراكش")
        and (split_title_name(doc, *segs[1])[0] is None or place_at(doc, split_title_name(doc, *segs[1])[1][0], segs[1][1]))
    ):
        # "أكد وزير الدولة، وزير المحروقات والمناجم، محمد عرقاب، …": two titles, then the name
        cand.title, cand.speaker = (segs[0][0], segs[1][1]), segs[2]
        cand.reasons.append("title:before")
        return
    first = segs[0]
    appos = segs[1] if len(segs) > 1 and segs[1][1] - segs[1][0] <= 10 else None
    if appos is not None and doc.tokens[first[0]].norm in doc.lex.honorifics and all(
        has_article(doc, x) for x in range(first[0], first[1])
    ) and find_name(doc, *appos) == appos and is_name_like(doc, appos[0]) and appos[1] - appos[0] <= 4:
        # "المستشار الألماني، يوهانس فيبر،": a word that is also an honorific heads a title; the name follows
        cand.title, cand.speaker = first, appos
        cand.reasons.append("title:before")
        return
    if appos is not None and first[1] - first[0] == 1 and not starts_with_title(doc, *first) and doc.lex.noun(doc.tokens[first[0]].norm) is None:
        t_app, n_app = split_title_name(doc, *appos)
        inner = n_app if t_app is not None else find_name(doc, *appos)
        if inner is not None and inner[0] == appos[0] and _is_definite_phrase(doc, *appos):
            inner = None
        if inner is None and _is_definite_phrase(doc, *appos):
            k = appos[0]
            while k < appos[1] and doc.tokens[k].norm.startswith("ال"):
                k += 1
            inner = find_name(doc, k, appos[1]) if k < appos[1] else None
        raw0 = doc.tokens[first[0]].text
        if inner is not None and raw0.endswith(("ه", "ها", "هم")) and not raw0.endswith("ة"):
            # "ويروي جارها، المتقاعد عبد القادر حمداني، أن …": a relation word, then who it is
            cand.title, cand.speaker = first, inner
            cand.reasons.append("title:before")
            return
    if appos is not None and find_name(doc, *first) is None and not starts_with_title(doc, *first) and doc.lex.noun(doc.tokens[first[0]].norm) is None:
        # "أما صاحب الهدف الثاني، اللاعب نادر قاسم، فقال": a description, then a descriptor and a full name
        t_app, n_app = split_title_name(doc, *appos)
        k = n_app[0] if t_app is not None else appos[0]
        while t_app is None and k < appos[1] and has_article(doc, k):
            k += 1
        if appos[0] < k and appos[1] - k >= 2 and find_name(doc, k, appos[1]) == (k, appos[1]):
            cand.title, cand.speaker = first, (k, appos[1])
            cand.reasons.append("title:before")
            return
    if (
        appos is not None
        and 2 <= first[1] - first[0] <= 3
        and not has_article(doc, first[0])
        and has_article(doc, first[0] + 1)
        and doc.tokens[first[0]].norm not in doc.lex.given_names
        and doc.lex.noun(doc.tokens[first[0]].norm) is None
        and find_name(doc, *first) is None
        and 2 <= appos[1] - appos[0] <= 4
        and not has_article(doc, appos[0])
        and find_name(doc, *appos) == appos
    ):
        # "مختار القرية، أبو خالد الحريري،"، "إمام المسجد، يوسف عابد،": a role in construct, then who holds it
        cand.title, cand.speaker = first, appos
        cand.reasons.append("title:before")
        return
    if appos is not None and _given_name_phrase(doc, *first) and starts_with_title(doc, *appos) and not _given_name_phrase(doc, *appos):
        # "أمين الناصر، رئيس أرامكو وكبير إدارييها التنفيذيين،": a name that starts with a title word, then the title
        cand.speaker, cand.title = first, appos
        cand.reasons.append("title:after")
        return
    if appos is not None and (starts_with_title(doc, *first) or _is_definite_phrase(doc, *first)):
        inner = find_name(doc, *appos)

        def descriptive(x: int) -> bool:  # التونسي، المدرب، الدكتور — not a name with the article (الحافظ)
            t = doc.tokens[x].norm
            return t.endswith(("ي", "يه")) or t in doc.lex.titles or t[2:] in doc.lex.titles or doc.lex.noun(t) is not None or t in doc.lex.honorifics

        if (
            inner is not None
            and inner[0] > appos[0]
            and find_name(doc, *first) is None
            # "الناقدة سلمى بوراوي": a descriptor before a full name; "الحافظ بخيت" is a name with the article
            and (inner[1] - inner[0] >= 2 or all(descriptive(x) for x in range(appos[0], inner[0])))
        ):
            # "مدرب الوداد، التونسي نبيل الكوكي،": the name sits inside the apposition after a descriptor
            cand.title, cand.speaker = first, inner
            cand.reasons.append("title:before")
            return
    if appos is not None:
        first_title = starts_with_title(doc, *first) or _is_definite_phrase(doc, *first)
        appos_title = starts_with_title(doc, *appos) or (_is_definite_phrase(doc, *appos) and not _ends_with_name(doc, *appos))
        if first_title and appos_title is False and _is_definite_phrase(doc, *appos):
            cand.title, cand.speaker = first, appos  # "والي الولاية، الحافظ بخيت،": a name with the article
            cand.reasons.append("title:before")
            return
        inner_first = find_name(doc, *first)
        if first_title and not appos_title and inner_first is not None and inner_first[0] > first[0] and find_name(doc, *appos) is None:
            # "المواطنة ريم العتيبي، صاحبة مشروع نُزُل ريفي، …": the name is in the first phrase
            cand.speaker, cand.title = inner_first, appos
            cand.reasons.append("title:after")
            return
        if first_title and not appos_title:
            n_f = find_name(doc, *first)
            if n_f is not None and n_f[0] > first[0] and doc.tokens[n_f[0]].norm in doc.lex.given_names \
                    and not starts_with_title(doc, *first):
                # "الحاجة فاطمة، جارة أم سعيد،": a name with a courtesy word, then a description of her
                cand.speaker, cand.title = first, appos
                cand.reasons.append("title:after")
                return
            if n_f is not None and n_f[0] > first[0] and n_f[1] == first[1] and n_f[1] - n_f[0] >= 2 and doc.mark_starting_at(
                doc.tokens[appos[0]].start, doc.tokens[appos[1] - 1].end
            ) is not None:
                # "الممثلة سناء بن موسى، بطلة فيلم «رماد الأطلس»،": a titled full name, then a description of her
                cand.speaker, cand.title = n_f, (first[0], n_f[0])
                cand.reasons.append("title:inline")
                return
            cand.title, cand.speaker = first, appos
            cand.reasons.append("title:before")
            return
        if appos_title and starts_with_title(doc, *first) and _given_name_phrase(doc, *appos):
            # "رئيس أرامكو وكبير إدارييها التنفيذيين، أمين الناصر،": a title word that is also a given name
            cand.title, cand.speaker = first, appos
            cand.reasons.append("title:before")
            return
        if appos_title and first_title:
            n_first = split_title_name(doc, *first)[0]
            t_app, n_app = split_title_name(doc, *appos)
            if n_first is None and t_app is not None:
                # "مقرر اللجنة المالية، النائب فواز الزعبي،": both titled, the name is in the apposition
                cand.title, cand.speaker = first, n_app
                cand.reasons.append("title:before")
                return
        if appos_title:
            cand.speaker, cand.title = first, appos
            cand.reasons.append("title:after")
            t, n = split_title_name(doc, *first)
            if t is not None:
                cand.speaker = n
            else:
                k = first[0]
                while k < first[1] - 1 and doc.tokens[k].norm.startswith("ال") and doc.tokens[k].norm.endswith(("ي", "يه")):
                    k += 1
                if k > first[0] and find_name(doc, k, first[1]) == (k, first[1]):
                    cand.speaker = (k, first[1])
            return
    t, n = split_title_name(doc, *first)
    if t is not None and doc.tokens[n[0]].norm.startswith("ل") and doc.tokens[n[0]].norm not in doc.lex.given_names:
        # "الأمين العام لحلف شمال الأطلسي (ناتو) مارك روته": the ل-phrase belongs to the title; the name ends it
        end_name = _name_at_end(doc, *first)
        if end_name is not None:
            t, n = (first[0], end_name[0]), end_name
    if t is not None:
        n2, t2 = split_name_title(doc, *n)
        if t2 is not None and n2[1] - n2[0] >= 2 and find_name(doc, *n2) == n2:
            n = n2  # "السفير عمرو صلاح الدين المتحدث الرسمي باسم الوزارة": the name ends where its title starts
        cand.title, cand.speaker = t, n
        cand.reasons.append("title:inline")
    else:
        n, t = split_name_title(doc, *first)
        cand.speaker, cand.title = n, t
        if t is not None:
            cand.reasons.append("title:after")
    _descriptor_to_title(doc, cand)


def _given_name_phrase(doc: Doc, a: int, b: int) -> bool:
    """"أمين الناصر", "رائد الصالح": 2-3 words opening with a title word that is also a given name, and no other
    title or role word after it."""
    if not 2 <= b - a <= 3 or doc.tokens[a].norm not in doc.lex.name_titles:
        return False
    rest = [doc.tokens[k].norm for k in range(a + 1, b)]
    return not any(
        t in doc.lex.titles or t[2:] in doc.lex.titles or doc.lex.noun(t) is not None or t in PREPOSITIONS for t in rest
    )


def _descriptor_to_title(doc: Doc, cand: Candidate) -> None:
    """"الإيطالي سيموني إنزاغي": a nationality/nisba adjective before a name is a descriptor, not the name."""
    if cand.speaker is None or cand.title is not None:
        return
    a, b = cand.speaker
    if b - a >= 4 and starts_with_title(doc, a, b):
        end_name = _name_at_end(doc, a, b)
        if end_name is not None:
            cand.title, cand.speaker = (a, end_name[0]), end_name
            return
    k = a
    # definite descriptors and possessed nouns before a name: "الإيطالي X", "الصياد X", "زميله الحارس X"
    def descriptor(x: int) -> bool:
        raw = doc.tokens[x].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        t = doc.tokens[x].norm
        nisba = t.startswith("ال") and raw.endswith(("ي", "ية"))
        possessed = raw.endswith(("ه", "ها")) and not raw.endswith("ة") and doc.lex.noun(t) is None
        info = doc.lex.noun(t)
        if info is not None and info.cls in ("anon", "org", "media", "group"):
            return False  # "مسؤول أمني سوري" is an unnamed source, "الاتحادية الجزائرية …" a body: no title before a name
        return nisba or possessed or (t.startswith("ال") and t[2:] in doc.lex.titles) or t in doc.lex.titles

    while k < b - 2 and descriptor(k):
        k += 1
    if k > a and find_name(doc, k, b) == (k, b) and (b - k >= 2 or doc.tokens[k - 1].norm.endswith(("ي", "يه"))):
        cand.title, cand.speaker = (a, k), (k, b)
        return
    # one definite common noun before a full name: "الصياد علي بن مسلم المهري" (الحاج/الحاجة belong to the name)
    if b - a >= 3 and doc.tokens[a].norm.startswith("ال") and doc.tokens[a].norm not in doc.lex.honorifics \
            and doc.tokens[a].norm not in ("الحاج", "الحاجه"):
        info_a = doc.lex.noun(doc.tokens[a].norm)
        if find_name(doc, a + 1, b) == (a + 1, b) and (info_a is None or (info_a.cls == "person" and info_a.human)):
            cand.title, cand.speaker = (a, a + 1), (a + 1, b)
            return
        # a definite noun and its nisba adjectives, then a full name: "المرشدة السياحية مروة السباعي"
        k = a + 1
        while k < b - 2 and (_nisba(doc.tokens[k].norm) or doc.tokens[k].norm in DESCRIPTIVE_ADJECTIVES):
            k += 1
        if k > a + 1 and b - k >= 2 and find_name(doc, k, b) == (k, b) and not has_article(doc, k) \
                and (doc.lex.noun(doc.tokens[a].norm) is None or doc.lex.noun(doc.tokens[a].norm).cls not in ("org", "media", "group")):
            cand.title, cand.speaker = (a, k), (k, b)


# Definite adjectives that describe a person before the name: "النحات العراقي الشاب رامي الخوري"
DESCRIPTIVE_ADJECTIVES = folded({"الشاب", "الشابة", "المخضرم", "المخضرمة", "الشهير", "الشهيرة", "المعروف", "المعروفة",
                                 "السابق", "السابقة", "المتقاعد", "المتقاعدة", "الراحل", "الراحلة", "المعتزل", "المعتزلة"})
RELAY_AN = folded({"عن"})
SEGMENT_PREPS = folded({"في", "خلال", "امام", "عبر", "لدى", "اثناء", "عقب", "اثر", "بمناسبه", "وسط", "ضمن"})
RELATIVES = folded({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي", "وهو", "وهي", "وهم", "والذي", "والتي", "حيث", "مما"})


def _anonymity_clause(doc: Doc, a: int, b: int) -> bool:
    if doc.tokens[a].norm in ANONYMITY_VERBS and b - a > 1 and doc.tokens[a + 1].norm in ANONYMITY_OBJECTS:
        return True
    # "تحدث شريطة عدم الكشف عن هويته"، "متحدثاً بشرط عدم …": a speaking verb, then the condition of anonymity
    return b - a > 2 and doc.tokens[a + 1].norm in ANONYMITY_VERBS | {"بشرط", "شرط"} and doc.tokens[a + 2].norm in ANONYMITY_OBJECTS


def _ends_with_name(doc: Doc, a: int, b: int) -> bool:
    """A phrase of 2-4 words whose last word is name-like and that holds no title word: "الحافظ بخيت"."""
    from quote_desk.core.rules.speaker import is_name_like

    if not 2 <= b - a <= 4 or any(doc.tokens[k].norm in doc.lex.titles for k in range(a, b)):
        return False
    return is_name_like(doc, b - 1) and doc.lex.noun(doc.tokens[a].norm) is None


def find_name(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The proper-name part of a phrase: the whole phrase when it starts with a name-like word, else the name
    after a title or descriptor (split_title_name), else None."""
    from quote_desk.core.rules.speaker import is_name_like

    if a >= b:
        return None
    if is_name_like(doc, a) and doc.tokens[a].norm not in doc.lex.honorifics:
        return (a, b)
    k = a
    while k < b and (has_article(doc, k) or doc.tokens[k].norm in doc.lex.titles or doc.tokens[k].norm in doc.lex.honorifics):
        k += 1
    if a < k < b and doc.tokens[k].norm in ("ولد", "بنت") and has_article(doc, k - 1):
        return (k - 1, b)  # "السالك ولد سيدي محمود": a given name with the article, then ولد/بنت and the father's name
    if a < k < b and is_name_like(doc, k):
        return (k, b)
    return None


def _verb_before_subject(doc: Doc, k: int, limit: int) -> bool:
    """Token k is a verb that opens its sentence before its subject: an unknown word (not a name, noun or title)
    followed by a given name, a kunya (أم/أبو) or an honorific — "تجلس أم سعيد"، "جاءت آمنة"، "يصلح أبو محمد"."""
    if k + 1 >= limit:
        return False
    lex = doc.lex
    t, nxt = doc.tokens[k].norm, doc.tokens[k + 1].norm
    if t in lex.given_names or t.startswith("ال") or lex.noun(t) is not None or t in lex.titles or t in lex.honorifics:
        return False
    return nxt in lex.given_names or nxt in ("ام", "ابو", "ابي") or nxt in lex.honorifics or (
        (nxt in lex.titles or nxt[2:] in lex.titles) and not t.startswith("و")  # "بدا مدرب المنتخب X هادئاً"
    )


def _is_definite_phrase(doc: Doc, a: int, b: int) -> bool:
    t = doc.tokens[a].norm
    # "الدكتور رشيد أوبلا" is a name with an honorific, not a title phrase
    return t.startswith("ال") and doc.lex.noun(t) is None and t not in doc.lex.honorifics


IMPERSONAL = folded({"ذكر", "اشار", "توقع", "رجح", "قدر", "اعتبر", "لاحظ"})
SVO_SKIP = folded({"ثم", "لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها", "و", "ف", "كما", "وكما", "قد", "وقد", "لقد", "ولقد", "بدوره", "بدورها", "فيما", "بينما", "حين", "اما", "واما"})
KANA = folded({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"})


def _accusative_plural_object(doc: Doc, a: int, b: int) -> bool:
    """"الحلفاء الغربيين"، "المسؤولين العراقيين": a definite phrase whose sound plural is in the -ين (accusative or
    genitive) form right after the verb is its object; a subject there would be -ون (الغربيون). An indefinite head
    followed by a genitive ("وزير شؤون اللاجئين") is not read this way."""
    toks = doc.tokens
    if not has_article(doc, a):
        return False
    for x in range(a, min(b, a + 2)):
        t = toks[x].norm
        if has_article(doc, x) and t.endswith("يين") and len(t) >= 7 and t not in doc.lex.given_names:
            return True
    return False


def _ala_lisan_speaker(doc: Doc, sent_start: int, ci: int, content_start: int) -> Candidate | None:
    """The person after "على لسان" in a verb's frame — between the sentence start and the content — as a probe
    candidate carrying speaker and title; None when there is no such phrase."""
    toks = doc.tokens
    k = doc.token_at_or_after(sent_start)
    while k + 2 < len(toks) and toks[k + 1].start < content_start:
        if toks[k].norm in ("علي", "وعلي") and toks[k].text != "علي" and toks[k + 1].norm == "لسان" and k + 1 != ci:
            limit = doc.token_at_or_after(content_start)
            segs: list[tuple[int, int]] = []
            j = k + 2
            while j < limit and len(segs) < 3:
                stop = scan_phrase(doc, j, limit, None, max_len=10)
                if stop.at > j:
                    segs.append((j, stop.at))
                if stop.why != "comma" or stop.at <= j or (stop.at < limit and stop.at >= ci > j):
                    break
                j = stop.at
                if j == ci:
                    break
            segs = [sg for sg in segs if sg[1] <= ci or sg[0] > ci]
            segs = [sg for sg in segs if not (sg[0] <= ci < sg[1])]
            if not segs:
                return None
            probe = Candidate((0, 0), "indirect", None, 0, "explicit")
            _assign_speaker(doc, probe, segs[:2])
            return probe if probe.speaker is not None else None
        k += 1
    return None


def _name_at_end(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """A long title that ends in a full name: "المقررة الخاصة للأمم المتحدة المعنية بالأراضي الفلسطينية فرانشيسكا
    ألبانيزي", "المحللة في مجموعة «ساكسو بنك» هنادي الشامسي" → the name (two to four words, a surname with the
    article allowed last), with honorifics before it left to the title."""
    from quote_desk.core.rules.speaker import is_name_like

    toks = doc.tokens

    def plain(x: int) -> bool:  # not inside marks or brackets, and no bracket or mark between it and the next word
        return doc.inside_mark(toks[x].start) is None and not any(c in doc.gap_after(x) for c in "()«»\"“”")

    j = b
    last = toks[b - 1].norm
    if has_article(doc, b - 1) and (last in doc.lex.honorifics or last in doc.lex.titles or last[2:] in doc.lex.titles
                                    or doc.lex.noun(last) is not None or place_at(doc, b - 1, b)):
        return None
    if has_article(doc, b - 1) and b - 2 > a and is_name_like(doc, b - 2) and plain(b - 2):
        j = b - 1  # the family name with the article: "… أمل بنت سعيد الزهراني"
    while j - 1 > a and b - (j - 1) <= 4 and plain(j - 1) and (
        is_name_like(doc, j - 1) or toks[j - 1].norm in ("بن", "بنت", "ابن", "عبد", "ابو", "ال")
    ) and toks[j - 1].norm not in doc.lex.honorifics:
        j -= 1
    if b - j < 2 or j - a < 2 or not is_name_like(doc, j) or toks[j - 1].norm in NAME_STARTERS:
        return None
    if not any(toks[x].norm in doc.lex.given_names for x in range(j, b)) and has_article(doc, b - 1):
        return None  # "… منطوق الحكم": without a known given name, a definite last word is no family name
    if toks[j].norm in doc.lex.given_names or (toks[j - 1].norm in doc.lex.honorifics) or not is_name_like(doc, j - 1) \
            or any(c in doc.gap_before(j) for c in ")»\"”"):
        return (j, b)
    return None


def _trailing_name(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The proper name that ends a phrase: "… إلى جانب المدرب الظهير سلطان الدوسري" → سلطان الدوسري."""
    from quote_desk.core.rules.speaker import is_name_like

    j = b - 1
    if j < a:
        return None
    start = None
    if is_name_like(doc, j):
        start = j
    elif doc.tokens[j].norm.startswith("ال") and j - 1 >= a and is_name_like(doc, j - 1):
        start = j - 1
    if start is None:
        return None
    while start - 1 >= a and b - (start - 1) <= 4 and (
        is_name_like(doc, start - 1)
        or (doc.tokens[start].norm.startswith("ال") and doc.tokens[start - 1].norm in ("عبد", "ابو", "ابي", "بن", "ال"))
        or (start - 2 >= a and doc.tokens[start - 1].norm.startswith("ال") and doc.tokens[start - 2].norm in ("عبد", "ابو", "ابي"))
    ):
        start -= 1
    return (start, b)


def _svo_subject_range(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    toks = doc.tokens
    while a < b and (toks[a].norm in SVO_SKIP or toks[a].norm in KANA):
        a += 1
    if a >= b or b - a > 8 or toks[a].norm in PREPOSITIONS or doc.lex.cue(toks[a].norm) is not None:
        return None
    return (a, b)


def _kana_subject(doc: Doc, ci: int, sent_start: int) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """The subject of "كان X قد <cue>" (the pluperfect of news copy), when the cue follows قد right after it:
    (the subject as found, the whole phrase between كان and قد)."""
    toks = doc.tokens
    if ci >= 2 and toks[ci - 1].norm in ("قد", "لقد") and gap_kind(doc.gap_before(ci - 1)) == "comma":
        return _kana_appositions(doc, ci, sent_start)
    if ci < 2 or toks[ci - 1].norm not in ("قد", "لقد") or gap_kind(doc.gap_before(ci - 1)) is not None:
        return None
    a = ci - 1
    while a - 1 >= 0 and toks[a - 1].start >= sent_start and _joined(doc, a):
        a -= 1
    while a < ci - 1 and toks[a].norm in SVO_SKIP:
        a += 1
    if toks[a].norm not in KANA or a + 1 >= ci - 1:
        return None
    return _svo_subject(doc, ci, sent_start, max_len=12), (a + 1, ci - 1)  # كان … قد frames a long subject


def _kana_appositions(doc: Doc, ci: int, sent_start: int) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """"وكان المتهم الرئيسي، الرئيس السابق للمجلس، عبد الكريم بن الشيخ، قد نفى …": كان, then comma-separated
    appositions, then قد and the cue; the appositions are read like a verb's subject phrases."""
    toks = doc.tokens
    k = doc.token_at_or_after(sent_start)
    while k < ci and toks[k].norm in SVO_SKIP:
        k += 1
    if k >= ci - 2 or toks[k].norm not in KANA:
        return None
    return _appositions_before(doc, k + 1, ci)


def _appositions_before(doc: Doc, j: int, ci: int) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """Comma-separated appositions from token j up to the cue at ci (name، title، or title، name،), read as the
    verb's subject: (the speaker, the whole phrase from the title or the name to the end of the speaker)."""
    toks = doc.tokens
    k = j - 1
    segs: list[tuple[int, int]] = []
    for x in range(k + 2, ci + 1):
        gk = gap_kind(doc.gap_before(x))
        if gk == "comma":
            segs.append((j, x))
            j = x
        elif gk is not None:
            return None
        if doc.lex.cue(toks[x].norm) is not None and x < ci - 1:
            return None
    if not 2 <= len(segs) <= 3 or any(b - a > 8 for a, b in segs):
        return None
    probe = Candidate((0, 0), "indirect", None, doc.sent_of(toks[ci].start), "explicit")
    _assign_speaker(doc, probe, segs)
    if probe.speaker is None:
        return None
    return probe.speaker, (probe.title[0] if probe.title else probe.speaker[0], probe.speaker[1])


def _clause_appositions(doc: Doc, ci: int, sent_start: int) -> tuple[int, int] | None:
    """"غير أن المحامية سيسيل روكز، وكيلة عدد من العائلات، رأت أن …" / "الوزير X، رئيس الوفد، قال إن …": a subject
    with its apposition before the verb, at the start of its clause (the sentence, or after غير أن / إلا أن)."""
    toks = doc.tokens
    form = doc.lex.cue(toks[ci].norm)
    if ci < 3 or gap_kind(doc.gap_before(ci)) != "comma" or (form is not None and form.proclitic):
        return None  # "…، وقال إن": a coordinated verb continues the sentence's subject, it has no subject of its own
    k = doc.token_at_or_after(sent_start)
    for x in range(ci - 1, k - 1, -1):
        if toks[x].norm in doc.lex.complementizers and x > k and toks[x - 1].norm in ("غير", "الا", "وغير", "لكن", "ولكن"):
            k = x + 1
            break
    while k < ci and toks[k].norm in SVO_SKIP:
        k += 1
    if k >= ci - 2 or toks[k].norm in PREPOSITIONS or toks[k].norm in ADVERBIAL_OPENERS or doc.lex.cue(toks[k].norm) is not None:
        return None
    if _conj_verb(doc, k):
        return None
    found = _appositions_before(doc, k, ci)
    if found is None or found[0] is None:
        return None
    first = toks[k].norm
    if not (starts_with_title(doc, k, k + 1) or first.startswith("ال") or first in doc.lex.honorifics or first in doc.lex.given_names
            or first in QUANTIFIERS or first in ("واحده", "واحد")):
        return None  # the clause must open with the subject (a title, a definite noun, a name, واحدة من …), not a verb
    return found[0]


def _is_comp_tok(doc: Doc, k: int) -> bool:
    return doc.tokens[k].norm in doc.lex.complementizers


# Particles whose noun is accusative (إنّ وأخواتها): the subject that follows them is written مصدراً، شهوداً
ACC_GOVERNORS = folded({"أن", "ان", "إن", "لكن", "ولكن", "لأن", "كأن"})


def _joined(doc: Doc, a: int) -> bool:
    """Token a continues the phrase before it: no punctuation between, or only the opening mark of a short quoted
    name inside the phrase ("وكان نواب عن كتلة «حقوق» قد أكدوا")."""
    gk = gap_kind(doc.gap_before(a))
    return gk is None or (gk == "mark" and name_mark(doc, doc.tokens[a - 1].end, len(doc.tokens)) is not None)


def _svo_subject(doc: Doc, ci: int, sent_start: int, max_len: int = 8) -> tuple[int, int] | None:
    """A subject before the verb in its clause: "الوزير قال إن", "وكان الوزير قد أكد أن"."""
    toks = doc.tokens
    a = ci
    while a - 1 >= 0 and toks[a - 1].start >= sent_start and _joined(doc, a):
        a -= 1
    end = ci
    if a == ci and a > 0 and gap_kind(doc.gap_before(a)) == "comma":
        # "غير أن موظفاً في القسم، فضّل عدم ذكر اسمه، قال …": a clause about the source between commas; the subject
        # stands before it
        s = a - 1
        while s - 1 >= 0 and toks[s - 1].start >= sent_start and _joined(doc, s):
            s -= 1
        if toks[s].start >= sent_start and s > 0 and gap_kind(doc.gap_before(s)) == "comma" and _source_clause(doc, s, a):
            end, a = s, s - 1
            while a - 1 >= 0 and toks[a - 1].start >= sent_start and _joined(doc, a):
                a -= 1
    if a < ci and toks[a].norm in RELATIVES and a > 0 and gap_kind(doc.gap_before(a)) == "comma":
        # "اللاعب سلطان، الذي سجل الهدف، قال …" / "…، الذي …، قد قال": the subject stands before the relative clause
        a2 = a - 1
        while a2 - 1 >= 0 and toks[a2 - 1].start >= sent_start and gap_kind(doc.gap_before(a2)) is None:
            a2 -= 1
        if toks[a2].start >= sent_start:
            return _trailing_name(doc, a2, a) or _svo_subject_range(doc, a2, a)
    elif a < ci and gap_kind(doc.gap_before(a)) == "comma" and a > 0:
        pass
    b = end
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
    if b - a >= 3 and looks_imperfect(doc, a) and is_name_like(doc, a + 1):
        a += 1  # "يمسح أبو سامر العجين عن يديه ويقول": a verb, its subject, then the object; the subject speaks
    if a >= b or b - a > max_len:
        return None
    first = toks[a].norm
    if first in ("في", "من", "علي", "الي", "مع", "خلال", "بعد", "قبل", "عند", "منذ", "وفي", "ومن", "لكن", "اذ") or first in doc.lex.adjuncts:
        return None
    if doc.lex.cue(first) is not None or first in PREP_PRONOUNS or _conj_verb(doc, a):
        return None
    if (is_accusative(toks[a].text) or (_indefinite_accusative_head(doc, a) and a + 1 < b and is_accusative(toks[a + 1].text))) \
            and a > 0 and toks[a - 1].norm in ACC_GOVERNORS:
        # "غير أن مصدراً أمنياً أكد …", "لكن شهوداً قالوا …": the subject of أن/لكنّ is accusative
        b2 = a + 1
        while b2 < b and is_accusative(toks[b2].text):
            b2 += 1
        if b2 + 1 < b and toks[b2].norm == "من" and (toks[a].norm.removesuffix("ا") in QUANTIFIERS or _indefinite_accusative_head(doc, a)):
            return (a, b)  # "غير أن عدداً من النواب قالوا …": the quantifier and what it counts
        if b2 + 1 < b and toks[b2].norm in ("في", "من", "لدي", "داخل", "ب") and not toks[b2 + 1].norm.startswith("ل"):
            # "غير أن موظفاً في قسم النظافة، …، قال": the source keeps where it works, up to a clause about it
            e = next((x for x in range(b2 + 1, b) if toks[x].norm in ANONYMITY_VERBS or doc.lex.cue(toks[x].norm) is not None
                      or toks[x].norm in RELATIVES), b)  # fmt: skip
            return (a, e)
        return (a, b2)  # "… رفيعاً طلب عدم الكشف عن اسمه": the accusative words, not the anonymity clause
    return _subject_ok(doc, a, b, before_verb=True)


def _source_clause(doc: Doc, a: int, b: int) -> bool:
    """A clause between commas that tells how the source spoke: "فضّل عدم ذكر اسمه"، "تحدثوا إلى «الأفق» شرط عدم
    ذكر أسمائهم"، "طلب عدم الكشف عن هويته"."""
    if _anonymity_clause(doc, a, b):
        return True
    return doc.tokens[a].norm in ("تحدث", "تحدثت", "تحدثوا", "تحدثا", "تحدثن", "تحدثتا") and any(
        doc.tokens[x].norm in ANONYMITY_OBJECTS and doc.tokens[x - 1].norm in ANONYMITY_VERBS | {"بشرط", "شرط", "شريطه"}
        for x in range(a + 1, b)
    )


def _masdar_shape(t: str) -> bool:
    """The shape of a derived verbal noun: تفعيل (توقيت، تأجيل)، إفعال (إغلاق)، افتعال (اعتماد)، استفعال (استئناف)."""
    n = len(t)
    return (n == 5 and t[0] == "ت" and t[3] == "ي") or (n == 5 and t[0] == "ا" and t[3] == "ا") \
        or (n == 6 and t[0] == "ا" and t[2] == "ت" and t[4] == "ا") or (n == 7 and t.startswith("است") and t[5] == "ا")


def _conj_verb(doc: Doc, k: int) -> bool:
    """A clause-initial word made of و + a non-noun ("وتزامن", "ورفع") is a verb with its conjunction."""
    raw = doc.tokens[k].norm
    if doc.lex.noun(raw) is not None or raw in doc.lex.titles or raw in doc.lex.given_names or raw in ("واحد", "واحده"):
        return False  # وزير، وسائل، وليد، واحدة: nouns and names that begin with و
    return raw.startswith("و") and len(raw) > 3 and doc.lex.noun(raw[1:]) is None and raw[1:] not in doc.lex.titles


def _amma_subject(doc: Doc, ci: int, si: int) -> tuple[int, int] | None:
    """"أما صاحب الهدف، المهاجم أيوب بن عيسى، فقال …": the topic after أما is the subject of the ف-clause."""
    toks = doc.tokens
    rng = doc.sent_tokens(si)
    k = rng.start
    while k < ci and toks[k].norm not in ("اما", "واما"):
        k += 1
    if k >= ci or not (toks[ci].norm.startswith("ف") or (ci > 0 and toks[ci - 1].norm in ("فقد", "فلقد"))):
        return None  # "أما X فقال …" / "أما X فقد أعلن …"
    segs = []
    j = k + 1
    end = ci - 1 if toks[ci - 1].norm in ("فقد", "فلقد") else ci
    while j < end:
        stop = scan_phrase(doc, j, end, None, max_len=8)
        if stop.at > j:
            segs.append((j, stop.at))
        if stop.at <= j:
            break
        j = stop.at
    if not segs:
        return None
    probe = Candidate((0, 0), "indirect", None, si, "explicit")
    _assign_speaker(doc, probe, segs[:2])
    return probe.speaker


def participial_frame(doc: Doc, ci: int, form: CueForm) -> Candidate | None:
    toks = doc.tokens
    si = doc.sent_of(toks[ci].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    if toks[ci].start > sent.start and gap_kind(doc.gap_before(ci)) not in ("comma", "colon") and not (
        # wire copy often drops the comma: "… مطلع الشهر داعياً الفئات إلى …"; the masculine accusative
        # (مؤكداً، مشدداً، داعيا) is a circumstantial participle by its form, unlike مؤكدة or مشيرين
        (toks[ci].norm.endswith("ا") or toks[ci].text.endswith(("ةً", "ةً"))) and len(toks[ci].norm) >= 5 and ci > 0
        and doc.gap_before(ci).strip(" »”\"") == "" and doc.gap_before(ci).endswith(" ")
        and doc.inside_mark(toks[ci].start) is None and doc.tokens[ci - 1].norm not in PREPOSITIONS
    ):
        return None  # a circumstantial cue follows a comma: "…، مؤكداً أن"; elsewhere it is a noun or adjective
    allow_pp = form.lemma in PP_CONTENT_LEMMAS or form.role in ("call", "refuse", "accuse", "express")
    if not complement_follows(doc, ci, limit, form.preps, allow_pp=allow_pp, role=form.role):
        return None
    reasons = [f"cue:{form.lemma}:part"]
    nxt = ci + 1
    gk = gap_kind(doc.gap_after(ci))
    optional = False
    adj = adjunct_before_content(doc, ci, limit)
    if adj is not None:
        nxt, gk = adj
        if gk == "comp":
            gk = None
    if adj is not None and gk in ("colon", "mark"):
        comp = _complement(doc, Stop(nxt, gk), limit, sent.end, reasons)
    elif gk in ("colon", "mark"):
        comp = _complement(doc, Stop(nxt, gk), limit, sent.end, reasons)
    elif nxt < limit and toks[nxt].norm in doc.lex.complementizers:
        comp = _complement(doc, Stop(nxt, "comp"), limit, sent.end, reasons)
    elif nxt + 1 < limit and toks[nxt + 1].norm in doc.lex.complementizers and gap_kind(doc.gap_after(nxt)) is None:
        comp = _complement(doc, Stop(nxt + 1, "comp"), limit, sent.end, reasons)  # "موضحة سعادتها أن …"
    elif nxt < limit and toks[nxt].norm in doc.lex.masdar_forms:
        comp = _complement(doc, Stop(nxt, "masdar"), limit, sent.end, reasons)
    elif nxt + 1 < limit and toks[nxt].norm in form.preps and toks[nxt + 1].norm in doc.lex.complementizers:
        comp = _complement(doc, Stop(nxt + 1, "comp"), limit, sent.end, reasons)
    elif nxt + 2 < limit and toks[nxt].norm in ATTENTION_OBJECTS and toks[nxt + 2].norm in doc.lex.complementizers:
        comp = _complement(doc, Stop(nxt + 2, "comp"), limit, sent.end, reasons)  # "لافتاً الانتباه إلى أن …"
    elif form.role in ("call", "refuse", "accuse", "express"):  # داعياً إلى وقف …، مطالبة بإجراء …، معرباً عن أمله
        t = toks[nxt]
        comp_direct: Range | None = None
        if form.role == "accuse":
            bx = next((x for x in range(nxt + 1, min(limit, nxt + 6))
                       if opens_ba_phrase(doc, x, limit)), None)
            if bx is None:
                return None
            if toks[bx].norm == "ب":  # متهماً الحكومة بـ"وضع شروط …": the preposition alone before a mark
                m = doc.mark_starting_at(toks[bx].end, toks[bx + 1].start + 1)
                if m is not None and m.closed and m.start == toks[bx + 1].start:
                    end = clause_end(doc, m.start, sent.end)
                    if not doc.text[m.close_end : end].strip(" .،,؛"):
                        comp_direct = (m.start, m.end)
                start = m.open_start if m is not None and m.start == toks[bx + 1].start else toks[bx + 1].start
            elif toks[bx].norm in doc.lex.complementizers and bx + 1 < limit:
                start = toks[bx + 1].start  # "متهماً الجيش بأنه شن …": the clause after بأنه
            else:
                start = toks[bx].start + 1
        elif form.role == "call":
            px = call_prep_at(doc, ci, limit, form.preps)
            if px is None:
                return None
            start = toks[px + 1].start if toks[px].norm in form.preps or toks[px].norm in ("بان", "ان") else toks[px].start + 1
        elif t.norm in form.preps and nxt + 1 < limit:
            start = toks[nxt + 1].start
        else:
            start = t.start
        end = clause_end(doc, start, sent.end)
        comp = ((start, end), content_kind(doc, start, end)) if end - start >= 4 else None
        if comp_direct is not None:
            comp = (comp_direct, "direct")
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
    cand.main_subject = main_clause_subject(doc, si, ci)
    return cand


ADVERBIAL_OPENERS = folded({"تحت", "وتحت", "فوق", "وفوق", "وراء", "خارج", "وخارج", "داخل", "وداخل", "امام", "وامام", "قرب", "وقرب", "وسط", "ووسط", "في", "وفي", "من", "ومن", "على", "وعلى", "بدوره", "بدورها", "بدورهم", "خلال", "وخلال", "بعد", "وبعد", "الى", "والى", "اما", "واما", "مع", "ومع", "عن", "وعن", "عند", "وعند", "حول", "وحول", "ردا", "وردا", "لدى", "ولدى", "عقب", "وعقب", "اثر", "واثر", "بشأن", "وبشأن", "قبل", "وقبل", "قبيل", "وقبيل", "منذ", "ومنذ", "بين", "وبين", "الي جانب", "وإلى"})
NOT_SUBJECTS = folded({"وهي", "وهو", "وهم", "ذلك", "هذا", "هذه", "تلك", "هؤلاء", "سؤال", "ردا", "بعد", "قبل", "اليوم", "امس", "اذ", "كما", "زال", "زالت", "يزال", "تزال", "ما", "لا", "لم", "قد", "هي", "هو", "هم", "هن", "نحن", "انا", "انت", "هكذا"})


def _subject_ok(doc: Doc, a: int, b: int, before_verb: bool = False) -> tuple[int, int] | None:
    """Trim what follows a subject (an object, a ب/ل phrase, a demonstrative) and check it can speak.
    `before_verb`: the phrase stands before its verb (SVO), so it holds no object of that verb."""
    toks = doc.tokens
    if a >= b:
        return None
    t0 = toks[a].norm
    bare = t0[1:] if t0.startswith(("و", "ف")) and len(t0) > 2 else t0
    if t0 in NOT_SUBJECTS or bare in NOT_SUBJECTS or t0 in PREPOSITIONS or t0 in PREP_PRONOUNS or is_accusative(toks[a].text):
        return None  # "ولم يقل …", "هجوماً روسياً …": negation, pronouns and accusatives are not subjects
    if doc.lex.cue(toks[a].norm) is not None or toks[a].norm in ADVERBIAL_OPENERS or toks[a].norm in doc.lex.nonverbal_first:
        return None  # "وفق ما نقلت قناة …": a source phrase, not a subject
    for x in range(a + 2, b):
        if is_accusative(toks[x].text):
            b = x  # "استقبلت الوزيرة كوثر كريكو وفداً …": the object ends the subject before any title split
            break
    if starts_with_title(doc, a, b):
        t, n = split_title_name(doc, a, b)
        if t is not None:  # "الخبير في السياسات المائية محمد بازة": the name after the title
            ne = next((x for x in range(n[0] + 1, n[1]) if toks[x].norm in PREPOSITIONS), n[1])
            return (n[0], trim_object(doc, n[0], ne))  # "تقف الأستاذة نجوى عند الباب": the name, not the adjunct
    for x in range(a + 1, b):
        t = toks[x].norm
        if (
            t in NOT_SUBJECTS
            or t in KANA
            or doc.lex.cue(t) is not None
            or (
                t.startswith("ب")
                and len(t) > 4
                and t != "باسم"
                # بلعيد، بوعلام، بن سالم: a Maghrebi surname after a given name is part of the name
                and not (t.startswith(("بو", "بل", "بن")) and find_name(doc, x - 1, x) is not None)
                # "أركادي بيلوف،": a name's last word before the comma that closes the apposition
                and not (x == b - 1 and not t.startswith("بال") and find_name(doc, x - 1, x) is not None
                         and (b >= len(toks) or gap_kind(doc.gap_before(b)) == "comma"))
            )
            or (
                t in PREPOSITIONS
                and find_name(doc, a, x) is not None
                and toks[x - 1].norm not in QUANTIFIERS
                # "عاملين في منظمات الإغاثة"، "برلمانيون من المعارضة": an indefinite plural keeps its PP
                and not (x == a + 1 and toks[a].norm.endswith(("ون", "ين")) and len(toks[a].norm) >= 5
                         and toks[a].norm not in doc.lex.given_names and not has_article(doc, a))
                and not (toks[x].text == "علي" or toks[x - 1].norm in NAME_STARTERS)  # "أبو علي العسكري": the name علي
            )
            # "ظهر اللاعب في مقطع مصور …": after a bare title, في + an indefinite noun is an adjunct
            or (
                t in ("في", "من", "عبر", "خلال")
                # "طعنت هيئة الدفاع في سلامة الاعتراف": after a title or a body, في + an indefinite noun is an object
                and (starts_with_title(doc, a, x) or toks[a].norm in IDAFA_NOUNS)
                and find_name(doc, a, x) is None
                and x + 1 < b
                and not (has_article(doc, x + 1) or place_at(doc, x + 1, b) or toks[x + 1].norm in IDAFA_NOUNS)
            )
        ):
            b = x  # after a name, a preposition starts the verb's complement; "مصادر مقربة من …" keeps its PP
            break
        if (
            not before_verb
            and t.startswith("ال")
            and t.endswith("ين")
            and len(t) > 6
            and doc.lex.noun(t) is None
            and t0 not in QUANTIFIERS
            and not toks[x - 1].norm.endswith("ين")  # "للصحفيين التونسيين": an adjective agreeing with a plural
        ):
            b = x  # a definite -ين plural after the subject is an object: "… العراقيين" (not in "عدد من أقارب المتهمين")
            break
        if is_accusative(toks[x].text) or t in ELATIVES:
            b = x  # "نالت جابر تصفيقاً", "بدا المستشار X أكثر حذراً": never part of the subject
            break
        if not before_verb and x - a >= 2 and has_article(doc, x - 1) and _nisba(toks[x - 1].norm) and not has_article(doc, x) \
                and t not in doc.lex.given_names and (doc.lex.noun(t) is not None or _masdar_shape(t)) \
                and t not in PREPOSITIONS and t not in doc.lex.titles and t not in NAME_STARTERS:
            b = x  # "انتقد نواب في لجنة التربية النيابية توقيت الامتحانات": after the adjective, the object
            break
        if possessive_noun(toks[x].text) and not t.endswith("لله") and find_name(doc, a, x) is not None \
                and not has_article(doc, x - 1) and toks[x - 1].norm not in NAME_STARTERS \
                and (t.endswith(("ها", "هم")) or (x + 1 < b and toks[x + 1].norm in PREPOSITIONS)):
            b = x  # "ولم يخفِ أراوجو استياءه من …": a possessed noun after the name is the verb's object
            break
        if x - a >= 2 and possessive_noun(toks[x].text) and t.endswith(("هم", "ها", "ه")) and _masdar_shape(
            t[:-2] if t.endswith(("هم", "ها")) else t[:-1]
        ) and not has_article(doc, x):
            b = x  # "وأبدى سكان في المخيم ارتياحهم لـ…": a possessed verbal noun after the subject is the object
            break
        if looks_imperfect(doc, x) and find_name(doc, a, x) is not None and x + 1 < b and (
            has_article(doc, x + 1) or possessive_noun(toks[x + 1].text) or toks[x + 1].norm in PREPOSITIONS
        ):
            b = x  # "الريس سعد يفرغ حمولته": a verb and its object after the subject
            break
        if x == a + 2 and toks[a].norm in ("ام", "ابو") and t not in NAME_STARTERS and not (has_article(doc, x) and t.endswith("ي")):
            b = x  # "تشعل أم سعيد المدفأة": a kunya is a whole name ("أبو علي العسكري" keeps its nisba)
            break
    n_r, t_r = split_name_title(doc, a, b)
    if t_r is not None and find_name(doc, *n_r) == n_r:
        b = n_r[1]  # "رنا الشريف كبيرة الاقتصاديين في بنك … ترى": the name, then its title
    if find_name(doc, a, b) is not None:
        b = trim_object(doc, a, b)  # an object after a name; a title phrase alone has none
    b = trim_org_object(doc, a, b)
    if b - a >= 3 and _nisba(toks[b - 2].norm) and has_article(doc, b - 1) and not _nisba(toks[b - 1].norm) and (
        (doc.lex.noun(t0) or doc.lex.noun(t0[1:] if t0.startswith("و") else t0)) is not None or t0 in IDAFA_NOUNS
    ):
        b -= 1  # "انتقدت كتلة حزب جبهة العمل الإسلامي النيابية القرار": after the body's last adjective, its object
    if (
        find_name(doc, a, b) is None
        and not starts_with_title(doc, a, b)
        and doc.lex.noun(toks[a].norm) is None
        and t0 not in QUANTIFIERS
        and t0 not in IDAFA_NOUNS  # "أما برنامج الأغذية العالمي فقد أعلن": a body named by its head noun
        and not _known_surname(doc, a, b)
    ):
        return None
    return (a, b)


def _after_surname(doc: Doc, a: int, b: int) -> int:
    """"ودعت فونتين السلطات إلى …": a one-word surname known from an earlier full name, then a definite word that
    is no nisba of it: the word opens the verb's object. Returns the new end."""

    if b - a < 2 or not has_article(doc, a + 1) or _nisba(doc.tokens[a + 1].norm) or doc.gap_before(a + 1) != " ":
        return b
    t = doc.tokens[a].norm
    if doc.lex.noun(t) is not None or t in doc.lex.titles or t in IDAFA_NOUNS or t in NAME_STARTERS or t in doc.lex.honorifics \
            or doc.tokens[a + 1].norm in doc.lex.honorifics or doc.tokens[a + 1].norm in doc.lex.titles \
            or doc.tokens[a + 1].norm in ("الله", "الرحمن", "الدين"):
        return b  # "القوى المشاركة": a common noun and its adjective; "عبد الستار"، "العبد الله": one name
    return a + 1 if first_after_name(doc, t) < a else b


def _known_surname(doc: Doc, a: int, b: int) -> bool:
    """"ورد الدبيبة في كلمة …": one word with the article that ended a full name earlier in the document
    (عبد الحميد الدبيبة) is that person's surname."""

    if b - a != 1 or not has_article(doc, a):
        return False
    return first_after_name(doc, doc.tokens[a].norm) < a


SUBORDINATORS = folded({"عندما", "وعندما", "حين", "وحين", "حينما", "وحينما", "لما", "ولما", "كلما", "وكلما", "اذا", "واذا", "لو", "ولو"})
ELATIVES = folded({"أكثر", "أقل", "أشد", "أفضل", "أسوأ", "أبعد", "أقرب", "أكبر", "أصغر"})


def _nisba(t: str) -> bool:
    """A definite nisba adjective (الإسلامي، النيابية، الأوروبيون)."""
    return t.startswith("ال") and t.endswith(("ي", "يه", "يون", "يين", "يات"))


ASKED_WITH_OBJECT = re.compile(r"^[وف]?(سال|سالت|سالوا|استوقف|استوقفت)(ه|ها|هم|هما)$")


def sentence_subject(doc: Doc, si: int, ci: int) -> tuple[int, int] | None:
    """For a cue with no subject of its own in the middle of a sentence, the sentence's subject:
    "لكن النائبة سلوى، عضو اللجنة، تقدمت بطلب، قالت فيه إن …" → النائبة سلوى."""
    toks = doc.tokens
    rng = doc.sent_tokens(si)
    k = rng.start
    while k < ci and (toks[k].norm in SVO_SKIP or toks[k].norm in KANA):
        k += 1
    if k >= ci - 1 or doc.inside_mark(toks[k].start) is not None:
        return None  # the cue opens its sentence (a true dropped subject), or the sentence opens with a quote
    first = toks[k].norm
    if first in ("عند", "وعند", "لدي", "ولدي") and k + 2 < ci and toks[k + 1].norm in ("سوال", "سواله", "سوالها", "مواجهه"):
        st = scan_phrase(doc, k + 2, ci, None, max_len=6)
        if st.at > k + 2:
            return _subject_ok(doc, k + 2, st.at)  # "وعند سؤال الوزيرة عن الموعد، قالت إن …": the one asked
    if first in SUBORDINATORS:
        return None  # "وعندما سُئل عن …، قال إنه …": the subject is dropped in both clauses
    if ASKED_WITH_OBJECT.match(first):
        return None  # "وسألها أحد الصحفيين …، فأجابت …": the one asked answers, not the one asking
    if first in NEGATIONS or (first.startswith("و") and first[1:] in NEGATIONS):
        return main_clause_subject(doc, si, ci)  # "ولم يعلّق الرئيس X على …، لكنه قال إن …"
    if _conj_verb(doc, k):
        return main_clause_subject(doc, si, ci)
    if first in PREPOSITIONS or first in ADVERBIAL_OPENERS or doc.lex.cue(first) is not None:
        return main_clause_subject(doc, si, ci) if first not in PREPOSITIONS or first in ADVERBIAL_OPENERS else None
    if not (first.startswith("ال") or starts_with_title(doc, k, k + 1) or find_name(doc, k, k + 1)):
        return main_clause_subject(doc, si, ci)
    if not first.startswith("ال") and not starts_with_title(doc, k, k + 1) and k + 1 < ci and (
        toks[k + 1].norm.startswith("ال") or starts_with_title(doc, k + 1, k + 2)
        # "دانت وزارة الخارجية …": an unknown word before a body noun in construct
        or (first not in doc.lex.given_names and doc.lex.noun(first) is None and first not in IDAFA_NOUNS
            and (toks[k + 1].norm in IDAFA_NOUNS or (doc.lex.noun(toks[k + 1].norm) is not None and doc.lex.noun(toks[k + 1].norm).cls == "org")))
    ):
        # "بدوره، حمّل الناطق باسم الرئاسة …": an unknown word before a title or a definite noun is the verb
        return main_clause_subject(doc, si, ci)
    segs = []
    j = k
    while j < ci and len(segs) < 2:
        stop = scan_phrase(doc, j, ci, None, max_len=8)
        if stop.at > j:
            segs.append((j, stop.at))
        if stop.why != "comma" or stop.at <= j:
            break
        j = stop.at
    if not segs:
        return None
    probe = Candidate((0, 0), "indirect", None, si, "explicit")
    _assign_speaker(doc, probe, segs)
    if probe.speaker is None:
        return None
    return _subject_ok(doc, *probe.speaker)


def recent_subject(doc: Doc, si: int, gender: str | None, back: int = 3) -> tuple[int, int] | None:
    """The nearest of the last `back` sentences whose narrator's subject agrees in gender with the cue."""
    for prev in range(si, max(0, si - back), -1):
        found = previous_sentence_subject(doc, prev, gender)
        if found is not None:
            return found
    return None


def np_agreement(doc: Doc, a: int, b: int) -> tuple[str | None, str]:
    """(gender or None, number) of a noun phrase used as a subject: from a known head noun, a title word
    (وزيرة), a quantifier (عدد من …: plural), a possessed plural (جيرانه) or a given name."""
    lex = doc.lex
    k = a
    while k < b - 1 and (doc.tokens[k].norm in lex.honorifics):
        if doc.tokens[k].norm in ("السيده", "الدكتوره", "الاستاذه", "المهندسه", "الشيخه", "الحاجه", "الاميره"):
            return "f", "sg"
        k += 1
    t = doc.tokens[k].norm
    if t in QUANTIFIERS and t not in ("احد", "احدي") and b - k > 1:
        return None, "pl"
    info = lex.noun(t)
    if info is None and t.endswith(("ه", "ها", "هم")) and not doc.tokens[k].text.endswith("ة"):
        base = t[:-2] if t.endswith(("ها", "هم")) else t[:-1]
        info = lex.noun(base)  # جيرانه، أقاربها: a possessed noun
    if info is not None:
        if info.human and info.number in ("pl", "du"):
            return info.gender, info.number
        if info.number == "pl":
            return "f", "sg"
        return info.gender, "sg"
    g = lex.given_names.get(t)
    if g is None and (t in lex.titles or t[2:] in lex.titles):
        g = "f" if doc.tokens[k].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة") else "m"
    return g, "sg"


def _np_agrees(doc: Doc, r: tuple[int, int], gender: str | None, number: str | None) -> bool:
    g, n = np_agreement(doc, *r)
    if number in ("pl", "du") and n == "sg":
        return False
    if number in (None, "sg") and n != "sg":
        return False
    return gender is None or g is None or g == gender


def _speaker_like(doc: Doc, a: int, b: int) -> bool:
    """A phrase that can be somebody who speaks: a name, a title, or a noun of a speaking class."""
    t = doc.tokens[a].norm
    info = doc.lex.noun(t)
    if info is None and t.endswith(("ه", "ها", "هم")) and not doc.tokens[a].text.endswith("ة"):
        info = doc.lex.noun(t[:-2] if t.endswith(("ها", "هم")) else t[:-1])
    if info is not None:
        return info.cls in ("person", "org", "group", "anon", "media") or info.human
    return t in QUANTIFIERS or starts_with_title(doc, a, b) or find_name(doc, a, b) is not None or t in doc.lex.honorifics


def topic_subject(doc: Doc, si: int) -> tuple[int, int] | None:
    """The subject a narrative sentence opens with: "أما جيرانه فقد اشتكوا …", "السيدة فاطمة بوعلام، أم لأربعة
    أطفال، كانت تقف …", "تعود أم أحمد إلى صاجها" is VSO and is handled by main_clause_subject."""
    toks = doc.tokens
    rng = doc.sent_tokens(si)
    k = after_dateline(doc, si)
    if k >= rng.stop or doc.inside_mark(toks[k].start) is not None:
        return None
    amma = toks[k].norm in ("اما", "واما")
    if amma:
        k += 1
    elif toks[k].norm in SVO_SKIP:
        k += 1
    if k >= rng.stop:
        return None
    first = toks[k].norm
    bare = first[1:] if first.startswith(("و", "ف")) and len(first) > 2 else first
    if first in PREPOSITIONS or first in ADVERBIAL_OPENERS or doc.lex.cue(first) is not None or _conj_verb(doc, k):
        return None
    if first in NOT_SUBJECTS or bare in NOT_SUBJECTS or first in NP_BREAKERS or bare in NP_BREAKERS:
        return None  # "ولم يصدر …", "لكن هذه هي …": negation, pronouns and demonstratives open no subject
    if not amma and k + 2 < rng.stop and toks[k + 1].norm == "في" and toks[k + 2].norm in AGE_WORDS and _people_noun(doc, k):
        # "فتاة في العشرين تشتري …"، "الرجل في السبعين، ويعمل …": a person introduced by age
        return (k, k + 1) if has_article(doc, k) else (k, k + 3)
    appos_name = _described_then_named(doc, k, rng.stop)
    if not amma and appos_name is not None:
        return appos_name  # "زوجته، أم أحمد، تغسل الملابس"، "المرأة التي تنتظر، أم هشام، معلمة متقاعدة"
    if not amma and _verb_before_subject(doc, k, rng.stop):
        return None  # "تجلس أم سعيد على عتبة كرفانها": a verb-first sentence; its subject is the main clause's
    if not amma and (looks_verb_with_object(doc, k) or (looks_imperfect(doc, k) and k + 1 < rng.stop and (
        toks[k + 1].norm in PREPOSITIONS or toks[k + 1].norm in doc.lex.adjuncts or has_article(doc, k + 1)
        or toks[k + 1].norm in ("قرب", "بجانب", "جانب", "خلف", "داخل", "خارج", "فوق", "تحت", "بالقرب", "وسط")
    ))):
        return None  # "تبيعه للتجار منذ سنوات"، "تجلس قرب الموقد": a verb opens a sentence whose subject is dropped
    info = doc.lex.noun(first)
    if not amma and first.startswith("ال") and info is not None and (info.human or info.cls == "person") and k + 1 < rng.stop \
            and (toks[k + 1].norm in KANA or looks_imperfect(doc, k + 1)) and gap_kind(doc.gap_before(k + 1)) is None:
        return (k, k + 1)  # "الرجل كان نجاراً في بصرى": a definite person noun, then its verb
    if not amma and not (
        first in doc.lex.honorifics or find_name(doc, k, k + 1) is not None or starts_with_title(doc, k, k + 1)
        or (first.startswith("ال") and k + 1 < rng.stop and toks[k + 1].norm in doc.lex.given_names)  # الحاجة فاطمة
    ):
        return None  # without أما, only a name or a title opens a subject-first sentence
    segs: list[tuple[int, int]] = []
    j = k
    while j < rng.stop and len(segs) < 3:
        stop = scan_phrase(doc, j, rng.stop, None, max_len=10)
        if stop.at > j:
            segs.append((j, stop.at))
        if stop.why not in ("comma", "anon") or stop.at <= j:
            break
        j = stop.at if stop.why == "comma" else skip_adjunct(doc, stop.at, rng.stop)
        if amma and j < rng.stop and toks[j].norm.startswith("ف"):
            break  # "أما X، فقد اتهمت …": the ف-clause is the predicate, not an apposition
    if not segs:
        return None
    probe = Candidate((0, 0), "indirect", None, si, "explicit")
    _assign_speaker(doc, probe, segs[:2])
    if probe.speaker is None or not _speaker_like(doc, *probe.speaker):
        return None
    a, b = probe.speaker
    if not amma and b - a > 5:
        return None
    for x in range(a + 1, b - 1):
        if looks_imperfect(doc, x) and (has_article(doc, x + 1) or possessive_noun(toks[x + 1].text)):
            return (a, x)  # "الريس حمدان يفرغ حمولته": the topic ends before its verb
    return probe.speaker


AGE_WORDS = folded({"العشرين", "الثلاثين", "الاربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين",
                    "العشرينيات", "الثلاثينيات", "الاربعينيات", "الخمسينيات", "الستينيات", "السبعينيات", "الثمانينيات",
                    "الخامسه", "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره", "الحاديه", "الثانيه", "الثالثه", "الرابعه"})


def _people_noun(doc: Doc, k: int) -> bool:
    """A noun for a person (رجل، امرأة، فتاة، شاب، طفلة …; definite or not)."""
    t = doc.tokens[k].norm
    info = doc.lex.noun(t) or doc.lex.noun("ال" + t)
    return (info is not None and info.cls == "person" and info.human) or strip_article(t) in ("شاب", "رجل", "امراه", "فتاه", "فتي", "سيده")


KIN = folded({"زوج", "زوجت", "ام", "اب", "ابن", "ابنت", "بنت", "شقيق", "شقيقت", "اخ", "اخت", "جار", "جارت", "جد", "جدت",
              "عم", "عمت", "خال", "خالت", "والد", "والدت", "صديق", "صديقت", "زميل", "زميلت", "رفيق", "رفيقت"})


def _described_then_named(doc: Doc, k: int, limit: int) -> tuple[int, int] | None:
    """A sentence that opens with a description of a person, then their name between commas: "زوجته، أم أحمد،
    تغسل …"، "الأم، رقية، أقل كلاماً"، "المرأة التي تنتظر، أم هشام، معلمة". Returns the name's range."""
    toks = doc.tokens
    t = toks[k].norm
    base = strip_article(t)
    person = base in KIN or any(base.endswith(suf) and base[: -len(suf)] in KIN for suf in ("ه", "ها", "هم", "ي")) or (
        doc.lex.noun(t) is not None and (doc.lex.noun(t).human or doc.lex.noun(t).cls == "person")
    )
    if not person:
        return None
    j = k + 1
    while j < limit and j - k < 6 and gap_kind(doc.gap_before(j)) is None:
        j += 1  # "المرأة التي تنتظر": a short relative clause may follow the description
    if j >= limit or gap_kind(doc.gap_before(j)) != "comma":
        return None
    e = j + 1
    while e < limit and e - j < 3 and gap_kind(doc.gap_before(e)) is None:
        e += 1
    if e >= limit or gap_kind(doc.gap_before(e)) != "comma":
        return None
    n0 = toks[j].norm
    if n0 in doc.lex.given_names or (n0 in ("ام", "ابو") and e - j == 2):
        return (j, e)
    return None


def previous_sentence_subject(doc: Doc, si: int, gender: str | None, number: str | None = None,
                              depth: int = 0) -> tuple[int, int] | None:
    """"وزار الرئيس فادي سالم المستشفى. وقال إن …": a sentence that names its subject after its own verb is what
    the next dropped-subject statement is about, when the verbs agree in gender; so is the topic a sentence
    opens with ("أما جيرانه فقد اشتكوا … وأضافوا", "السيدة فاطمة، …، كانت تقف في الصف الأول. قالت لنا").
    A narrative sentence whose own subject is dropped ("تبيعه للتجار منذ سنوات.") continues the one before it."""
    found = _previous_sentence_subject(doc, si, gender, number)
    if found is None or found == _DROPPED:
        if found == _DROPPED and depth < 2 and si >= 2 and _para_of_sent(doc, si - 2) == _para_of_sent(doc, si - 1):
            return previous_sentence_subject(doc, si - 1, gender, number, depth + 1)  # within the paragraph
        return None
    return found


def _opens_with_amma(doc: Doc, si: int) -> bool:
    rng = doc.sent_tokens(si)
    if not len(rng):
        return False
    k = after_dateline(doc, si)
    return k < rng.stop and doc.tokens[k].norm in ("اما", "واما")


def _para_of_sent(doc: Doc, si: int) -> int:
    rng = doc.sent_tokens(si)
    return doc.tokens[rng.start].para if len(rng) else -1


_DROPPED = (-1, -1)


def _previous_sentence_subject(doc: Doc, si: int, gender: str | None, number: str | None) -> tuple[int, int] | None:
    prev = si - 1
    if prev < 0:
        return None
    rng0 = doc.sent_tokens(prev)
    if len(rng0) and doc.tokens[rng0.start].para in doc.noise_paras:
        return None  # a masthead, a byline or an "اقرأ أيضاً" line has no subject anyone continues
    topic = topic_subject(doc, prev)
    if topic is not None:
        return topic if _np_agrees(doc, topic, gender, number) else None
    rng = doc.sent_tokens(prev)
    verb = _main_verb_index(doc, prev, rng.stop)
    if verb is None or rng.stop - verb < 3:
        return None
    first = doc.tokens[verb].norm
    if doc.lex.cue(first) is not None and any(
        doc.tokens[x].norm in doc.lex.complementizers or gap_kind(doc.gap_before(x)) in ("colon", "mark")
        for x in range(verb + 1, rng.stop)
    ):
        return None  # a quote sentence: its speaker is on the speaker stack already
    # ("أكدت الدول الثلاث دعمها للجهود. وطالبت …": a cue verb with a plain object reports nothing; its subject is
    # the topic the next sentence continues)
    stem = first[1:] if first.startswith(("و", "ف")) and len(first) > 3 else first
    # perfect 3fs ends in ت (قالت); imperfect 3fs/3ms start with ت/ي (تصل، يصل); a perfect verb that itself
    # begins with ت (تحدث) leaves the gender open
    vgender = "f" if stem.endswith("ت") else "m" if stem.startswith("ي") or not stem.startswith("ت") else None
    if gender is not None and vgender is not None and vgender != gender:
        return None
    found = main_clause_subject(doc, prev, rng.stop)
    if found is None and (looks_verb_with_object(doc, verb) or looks_imperfect(doc, verb)):
        return _DROPPED  # "تبيعه للتجار منذ ثلاثين عاماً": the verb's subject is dropped; the sentence before has it
    if found is not None and number is not None and not _np_agrees(doc, found, gender, number):
        return None
    return found


def after_dateline(doc: Doc, si: int) -> int:
    """The first token of a sentence after a dateline ("بيدوا (الصومال) (أ ف ب) - …", "الجزائر - …")."""
    memo = doc.cache.setdefault("after_dateline", {})
    got = memo.get(si)  # type: ignore[union-attr]
    if got is None:
        got = memo[si] = _after_dateline(doc, si)  # type: ignore[index]
    return got  # type: ignore[return-value]


def _after_dateline(doc: Doc, si: int) -> int:
    rng = doc.sent_tokens(si)
    k = rng.start
    for x in range(rng.start + 1, min(rng.stop, rng.start + 9)):
        gap = doc.gap_before(x)
        if any(d in gap for d in (" - ", " – ", " — ", "- ", "– ")):
            k = x
    return k


def _main_verb_index(doc: Doc, si: int, before: int) -> int | None:
    """The first word after fronted adverbials ("في المقابل،" "وفي المؤتمر الصحفي …،"): the main verb in VSO."""
    toks = doc.tokens
    k = after_dateline(doc, si)
    while k < before and (toks[k].norm in ADVERBIAL_OPENERS or (k > after_dateline(doc, si) and toks[k].norm in ("حيث", "الذي", "التي"))):
        # "قبل أقل من 24 ساعة على القمة، بدا …"; "وفي جزيرة لامبيدوزا، حيث تصل القوارب …، التقت …"
        j = k + 1
        while j < before and gap_kind(doc.gap_before(j)) is None:
            j += 1
        for x in range(k + 2, j - 1):
            # "وإلى جانبه وقفت ريما الزاهد، …": a verb inside the fronted phrase, right before a given name or a title
            t, nxt = toks[x].norm, toks[x + 1].norm
            if nxt in doc.lex.given_names and not (nxt in PREPOSITIONS and toks[x + 1].text != "علي") \
                    and toks[x - 1].norm not in PREPOSITIONS and not t.startswith("ال") \
                    and doc.lex.noun(t) is None and t not in doc.lex.titles and t not in PREPOSITIONS and t not in IDAFA_NOUNS \
                    and t not in doc.lex.given_names and not possessive_noun(toks[x].text):
                return x
        if j >= before or gap_kind(doc.gap_before(j)) != "comma":
            return None
        k = j
    if k + 1 < before and toks[k].norm in NEGATIONS:
        k += 1  # "ولم يصدر …": the verb follows the negation
    if k + 1 < before and toks[k].norm in ("قد", "وقد", "لقد", "ولقد", "فقد"):
        k += 1  # "وقد نصح الطبيب …": the verb follows قد
    return k if k < before else None


def main_clause_subject(doc: Doc, si: int, before: int) -> tuple[int, int] | None:
    """The subject of a sentence's main verb (VSO): a circumstantial participle refers to it.
    "أبدى مدرب الوداد، التونسي نبيل الكوكي، رضاه عن أداء لاعبيه، مؤكداً أن …" → نبيل الكوكي."""
    toks = doc.tokens
    start = doc.sent_tokens(si).start
    if start < before and toks[start].norm in ("اما", "واما"):
        return topic_subject(doc, si)  # "أما عائلات الموقوفين، فقد طالبت …، مؤكدة أن …"
    verb = _main_verb_index(doc, si, before)
    if verb is None or doc.inside_mark(toks[verb].start) is not None:
        return None  # a sentence that opens with quoted words has no narrator's subject there
    if verb + 1 >= before:
        return None
    limit = before
    vform = doc.lex.cue(toks[verb].norm)  # "وحمّلت الوزارة حكومة الاحتلال …": a call or accusation verb's object
    stop = scan_phrase(doc, verb + 1, limit, vform if vform is not None and vform.role in ("call", "accuse") else None, max_len=8)
    segs = [(verb + 1, stop.at)] if stop.at > verb + 1 else []
    while stop.why == "comma" and stop.at < limit and len(segs) < 3:
        j = stop.at
        if toks[j].norm in CLAUSE_OPENERS:
            break  # "…، إذ أكد أن …": a new clause, not an apposition of the subject
        stop = scan_phrase(doc, j, limit, None, max_len=8)
        if stop.at > j:
            segs.append((j, stop.at))
    if not segs:
        return None
    probe = Candidate((0, 0), "indirect", None, si, "explicit")
    _assign_speaker(doc, probe, segs[:2])
    if probe.speaker is None:
        return None
    return _subject_ok(doc, *probe.speaker) or _apposed_name(doc, probe)


def _apposed_name(doc: Doc, probe: Candidate) -> tuple[int, int] | None:
    """"زعيم المعارضة، رون ألموغ،": a short phrase between commas after a title is a name by its place, even when
    the lexicon knows none of its words."""
    if probe.title is None or probe.speaker is None or "title:before" not in probe.reasons:
        return None
    a, b = probe.speaker
    if not 2 <= b - a <= 4 or has_article(doc, a) or any(is_accusative(doc.tokens[x].text) for x in range(a, b)):
        return None
    if gap_kind(doc.gap_before(a)) != "comma" or (b < len(doc.tokens) and gap_kind(doc.gap_before(b)) != "comma"):
        return None
    return (a, b)


# Words that open a new clause after a comma (never an apposition): إذ، حيث، لكن، بينما …
CLAUSE_OPENERS = folded({"إذ", "اذ", "حيث", "لكن", "لكنه", "لكنها", "ولكن", "بينما", "فيما", "ثم", "كما", "مما", "حين", "عندما"})


def postposed_frame(doc: Doc, m: MarkSpan) -> Candidate | None:
    """«…»، قال المتحدث. / «…»، أضاف. — a cue right after a closed direct quote."""
    if not m.closed:
        return None
    first = doc.token_at_or_after(m.start)
    if first >= len(doc.tokens) or doc.tokens[first].start >= m.end:
        return None  # «» or «  » quotes no words (found by the fuzzer: it gave an empty quote)
    sent = doc.sents[doc.sent_of(m.open_start)]
    lead = doc.text[sent.start : m.open_start].strip(" \t\u200f\u200e-–—")
    if lead not in ("", "و") and not lead.endswith(":"):
        return None  # «…» inside a sentence ("في تصريح لـ«القدس العربي»، قال …") is a name, not a fronted quote
    k = doc.token_at_or_after(m.close_end)
    toks = doc.tokens
    if k >= len(toks) or toks[k].para != m.para:
        return None
    between = doc.text[m.close_end : toks[k].start]
    if any(c in between for c in ".!?؟:") or len(between.strip(" ،,\u200f")) > 0:
        return None
    if "،" not in between and "," not in between and len(doc.text[m.start : m.end].split()) < 3:
        return None  # "«التربية» تعلن …"، "«أبو سامر» يعيد …": a quoted name is the verb's subject, not its words
    if toks[k].norm in ("هكذا", "بهذه") and k + 1 < len(toks):
        k += 1 + (toks[k].norm == "بهذه" and k + 2 < len(toks) and toks[k + 1].norm in ("الكلمات", "العبارات", "العباره"))
    if toks[k].norm in ("جاء", "وجاء") and k + 3 < len(toks) and toks[k + 1].norm == "ذلك":
        return _came_on_tongue(doc, m, k)
    form = doc.lex.cue(toks[k].norm)
    if form is None or form.pos not in ("perf", "imperf"):
        return None
    si = doc.sent_of(toks[k].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    if k + 1 < limit and (
        _opens_adjunct(doc, k + 1, limit) or toks[k + 1].norm in NOT_SUBJECTS or toks[k + 1].norm in NP_BREAKERS
    ):
        stop = Stop(k + 1, "eos")  # "«…»، تقول قبل أن …": no subject after the cue
    else:
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
        cand.fallback_subject = recent_subject(doc, doc.sent_of(toks[k].start), form.gender)
    return cand


def _came_on_tongue(doc: Doc, m: MarkSpan, k: int) -> Candidate | None:
    """«…»، جاء ذلك على لسان X / «…»، جاء ذلك في كلمة لـX / في بيان للوزارة: the quoted words were X's."""
    toks = doc.tokens
    si = doc.sent_of(toks[k].start)
    limit = doc.token_at_or_after(doc.sents[si].end)
    j = k + 2
    if j + 1 < limit and toks[j].norm == "علي" and toks[j + 1].norm == "لسان":
        a = j + 2
        lam = False
    elif j + 2 < limit and toks[j].norm in ("في", "خلال") and strip_article(toks[j + 1].norm) in DOCUMENT_NOUNS | SPEECH_EVENTS \
            and toks[j + 2].norm.startswith("ل") and len(toks[j + 2].norm) > 2:
        a, lam = j + 2, True  # "جاء ذلك في كلمة لوزير الخارجية …"
    else:
        return None
    if a >= limit:
        return None
    segs: list[tuple[int, int]] = []
    x = a
    while x < limit and len(segs) < 2:
        st = scan_phrase(doc, x, limit, None, max_len=12)
        e = next((y for y in range(x + 1, st.at) if toks[y].norm in PREPOSITIONS or is_adjunct_start(doc, y, limit)), st.at)
        if e > x:
            segs.append((x, e))
        if e < st.at or st.why != "comma":
            break
        x = st.at
    if not segs:
        return None
    cand = Candidate((m.start, m.end), "direct", (toks[k].start, toks[k + 1].end), doc.sent_of(m.start), "explicit")
    cand.reasons = ["cue:report:لسان", "order:postposed", "kind:direct"]
    _assign_speaker(doc, cand, segs)
    cand.lam = lam and cand.speaker is not None and cand.speaker[0] == a
    return cand


SPEECH_EVENTS = folded({"تصريح", "تصريحات", "مؤتمر", "حديث", "مقابله", "لقاء", "كلمه", "خطاب"})


ATTACHED_LAM_CUES = folded({"وفقا", "ووفقا", "فوفقا", "طبقا", "وطبقا", "استنادا"})


FA_INNA = folded({"فإن", "فإنه", "فإنها", "فإنهم", "فقد"})


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
        for seq in lex.nonverbal_index.get(t, ()):
            got = tuple(x.norm for x in toks[k : k + len(seq)])
            exact = got == seq
            # على حد قوله/قولها/تعبيرهم: the last word carries a pronoun
            with_pronoun = lex.nonverbal[seq] == "pronoun" and len(got) == len(seq) and got[:-1] == seq[:-1] and got[-1].startswith(seq[-1])
            if seq[0] == t and (exact or with_pronoun):
                if match is None or len(seq) > len(match):
                    match = seq
        kind = lex.nonverbal.get(match) if match else None
        n = len(match) if match else 1
        if match is None:
            # وفقا لوزارة / طبقا للبيان: the ل is attached to the noun (only after these words, not after في)
            if t in ATTACHED_LAM_CUES and k + 1 < rng.stop and toks[k + 1].norm.startswith("ل"):
                kind, n = "source", 1
            else:
                continue
        if kind == "pronoun":
            c = _ala_hadd(doc, si, k, n)
            if c is not None:
                out.append(c)
            continue
        if kind is None:
            continue
        sp_start = k + n
        verb_cue = None
        if kind == "verbal":
            # "…، كما قال الوزير." / "وفق ما أفادت به الوزارة": a cue verb, then its subject
            vf = lex.cue_with_object(toks[sp_start].norm) if sp_start < rng.stop else None
            if vf is None or vf.pos not in ("perf", "imperf"):
                continue
            verb_cue = vf
            n += 1
            sp_start += 1
            while sp_start < rng.stop and toks[sp_start].norm in ("به", "بها", "عنه", "عنها", "فيه"):
                sp_start += 1
                n += 1
            while sp_start < rng.stop and lex.adjuncts.get(toks[sp_start].norm) == "time":
                sp_start += 1  # "حسب ما أورده اليوم الجمعة بيان لرئاسة الجمهورية"
        if sp_start >= rng.stop:
            continue
        stop = scan_phrase(doc, sp_start, rng.stop, None, max_len=8)
        issued = False
        if stop.why == "an" and stop.at + 1 < rng.stop:  # بحسب إحصائية صادرة عن مكتب الصحة → مكتب الصحة
            issued = toks[sp_start].norm in REPORT_NOUNS or (toks[sp_start].norm[1:] in REPORT_NOUNS and toks[sp_start].norm.startswith("ل"))
            sp_start = stop.at + 1
            stop = scan_phrase(doc, sp_start, rng.stop, None, max_len=8)
        if stop.at <= sp_start:
            continue
        sp_end = stop.at
        if toks[sp_start].norm in REPORT_NOUNS and sp_end < rng.stop and toks[sp_end].norm in ISSUED:
            # "بحسب إفصاح نشرته الشركة" / "بحسب بيان صادر عن الأمانة العامة": the issuer is the source
            s2 = sp_end + 2 if sp_end + 1 < rng.stop and toks[sp_end + 1].norm == "عن" else sp_end + 1
            st2 = scan_phrase(doc, s2, rng.stop, None, max_len=6)
            if st2.at > s2:
                sp_start, sp_end = s2, st2.at
                stop = st2
        cue_range = (toks[k].start, toks[k + n - 1].end)
        # content: after the phrase (fronted: "وبحسب الوزارة، فإن …") or before the cue (post-posed)
        at_start = k == rng.start or (gap_kind(doc.gap_before(k)) is None and k - rng.start <= 1)
        if at_start and stop.why != "comma":
            # "وبحسب شهود تحدثوا لـ«…» عبر الهاتف، فقد …": the fronted phrase runs to its comma
            x = stop.at
            while x < min(rng.stop, stop.at + 15) and gap_kind(doc.gap_before(x)) not in ("comma", "end") \
                    and toks[x].norm not in FA_INNA:
                x += 1
            if x < rng.stop and (gap_kind(doc.gap_before(x)) == "comma" or toks[x].norm in FA_INNA):
                stop = Stop(x, "comma")  # wire copy may drop the comma: "ووفقا لإحصائية صادرة عن X فإن …"
        if at_start and stop.why == "comma" and stop.at < rng.stop:
            c0 = stop.at
            if toks[c0].norm in lex.complementizers or toks[c0].norm in ("فقد", "ف") or toks[c0].norm in FA_INNA:
                c0 += 1
            if c0 >= rng.stop:
                continue
            start = toks[c0].start
            end = clause_end(doc, start, sent.end)
        elif not at_start and gap_kind(doc.gap_before(k)) == "comma":
            first = lex.cue(toks[rng.start].norm)
            if first is not None and first.pos in ("perf", "imperf") and first.needs != NEEDS_COMPLEMENTIZER:
                continue  # "وأكد الوزير، بحسب البيان، …": the source phrase sits inside a verb's frame
            start, end = strip_span(doc.text, sent.start, toks[k - 1].end, TRIM)
        else:
            continue
        if end - start < 8:
            continue
        if doc.inside_mark(toks[k].start):
            continue
        src = _report_source(doc, sp_start, rng.stop) if verb_cue is None else None
        if src is not None:
            sp_start, sp_end, issued = src[0], src[1], True  # "وبحسب استطلاع أجراه معهد إيفوب" → معهد إيفوب
        if verb_cue is None and not issued and not _source_like(doc, sp_start, sp_end):
            continue  # "بحسب الترتيب العام"، "وفقاً للنظام الداخلي": not a source of speech
        cand = Candidate((start, end), content_kind(doc, start, end), cue_range, si, "nonverbal")
        cand.speaker = _strip_report_noun(doc, sp_start, sp_end)
        t_, n_ = split_title_name(doc, *cand.speaker)
        if t_ is not None:  # "على لسان القيادي في الحركة باسم نعيم": the title apart from the name
            cand.title, cand.speaker = t_, n_
        if verb_cue is not None:
            cand.gender = verb_cue.gender
        first = toks[cand.speaker[0]]
        if first.norm.startswith("ل") and first.norm[1:] and ((cand.speaker[0] == k + 1 and t in ATTACHED_LAM_CUES) or first.norm.startswith("لل") or first.norm[1:].startswith("ال") or doc.lex.noun(first.norm[1:]) is not None or first.text[1:2] == "\u0640" or first.norm[1:] in REPORT_NOUNS):
            cand.lam = True  # وفقاً لـمصادر / لوزارة: the ل is the preposition, not the name
            if first.norm[1:] in REPORT_NOUNS and cand.speaker[1] - cand.speaker[0] >= 2:
                cand.speaker = _strip_report_noun(doc, cand.speaker[0] + 1, cand.speaker[1]) if toks[cand.speaker[0] + 1].norm not in ("عن",) else cand.speaker
                cand.lam = False
                if cand.speaker[1] - cand.speaker[0] >= 2 and toks[cand.speaker[1] - 1].norm in REPORT_ADJECTIVES:
                    cand.speaker = (cand.speaker[0], cand.speaker[1] - 1)  # "لتقرير ديوان المحاسبة الأخير": the report's adjective
        cand.reasons = ["cue:nonverbal:" + "_".join(match or (t,))]
        if kind == "relay":
            cand.reasons.append("relay")
        out.append(cand)
    return out


def _source_like(doc: Doc, a: int, b: int) -> bool:
    """Can the phrase after بحسب/وفقاً لـ be a source of speech: a body, an outlet, a source, a person, a title, a
    proper name — or a report noun (بيان، أرقام) of one of those."""
    lex = doc.lex
    toks = doc.tokens
    if a >= b:
        return False

    def one(k: int, names: bool = True) -> bool:
        t = toks[k].norm
        for w in (t, t[1:] if t.startswith(("ل", "و")) else t, "ال" + t[2:] if t.startswith("لل") else t):
            if lex.noun(w) is not None or w in lex.titles or (w.startswith("ال") and w[2:] in lex.titles):
                return True
        return names and not t.startswith(("ال", "لل")) and find_name(doc, k, k + 1) is not None and toks[k].norm not in REPORT_NOUNS

    if one(a):
        return True
    t0 = toks[a].norm
    head = t0[1:] if t0.startswith("ل") else t0
    if head.startswith("ال") and head[2:] in REPORT_NOUNS and b - a >= 2 and toks[a + 1].norm in lex.anaphora_markers:
        return True  # "وحسب المعطيات ذاتها": the same figures, from the source already named
    if head in REPORT_NOUNS or ("ال" + head) in REPORT_NOUNS:
        # بيان نشرته الوزارة / بيانات البنك المركزي; "حصيلة أولية" (an adjective) has no source
        return any(one(k, names=False) for k in range(a + 1, min(len(toks), a + 5)))
    return False


def _ala_hadd(doc: Doc, si: int, k: int, n: int) -> Candidate | None:
    """"…، على حد قوله/قولها/تعبيرهم": the words before it are the speaker's (the pronoun gives gender and number);
    quoted words right before it are a direct quote, else the clause before it."""
    toks = doc.tokens
    sent = doc.sents[si]
    if k == 0 or gap_kind(doc.gap_before(k)) != "comma" or k + n - 1 >= len(toks):
        return None
    last = toks[k + n - 1].norm
    gender, number = None, None
    for suf, (g, num, _p) in sorted(doc.lex.pronouns.items(), key=lambda x: -len(x[0])):
        if last.endswith(suf):
            gender, number = g, num
            break
    prev = k - 1
    after = doc.mark_starting_at(toks[k + n - 1].end, toks[k + n - 1].end + 4)
    if after is not None and after.closed and "،" in doc.text[toks[k + n - 1].end : after.open_start] \
            and after.end - after.start >= 6:
        # "فالقراء هناك، على حد قولها، «أذكى مما نتخيل»": the attribution sits before the quoted predicate
        cand = Candidate((after.start, after.end), "direct", (toks[k].start, toks[k + n - 1].end), si, "nonverbal")
        cand.reasons = ["cue:nonverbal:على_حد", "speaker:pronoun"]
        for suf, (g, num, _p) in sorted(doc.lex.pronouns.items(), key=lambda x: -len(x[0])):
            if toks[k + n - 1].norm.endswith(suf):
                cand.gender, cand.number = g, num
                break
        return cand
    m = doc.inside_mark(toks[prev].start)
    if m is not None and m.closed:
        ls = max(sent.start, doc.text.rfind("،", sent.start, m.open_start) + 1)
        lead = [t for t in toks[doc.token_at_or_after(ls) : doc.token_at_or_after(m.open_start)]]
        if lead and not (len(lead) == 1 and lead[0].norm == "و") and not any(
            t.norm in doc.lex.complementizers
            or any(doc.lex.cue(t.norm[: len(t.norm) - len(suf)]) is not None
                   and not doc.lex.cue(t.norm[: len(t.norm) - len(suf)]).needs for suf in ("", "ه", "ها", "هم"))  # وصفها
            for t in lead
        ):
            m = None  # "المنتخب جاء إلى عمّان "من دون حسابات"، على حد تعبيره": the whole clause, with quoted words
    if m is not None and m.closed:
        content, kind = (m.start, m.end), "direct"
    else:
        a = prev
        while a - 1 >= 0 and toks[a - 1].start >= sent.start and gap_kind(doc.gap_before(a)) not in ("comma", "end", "colon"):
            a -= 1
        if toks[a].norm in ("وقد", "و", "فقد"):
            a += 1
        if a > prev:
            return None
        content = (toks[a].start, toks[prev].end)
        while content[1] < toks[k].start and doc.text[content[1]] in "»”“\"’)":
            content = (content[0], content[1] + 1)
        kind = content_kind(doc, *content)
    if content[1] - content[0] < 6:
        return None
    cand = Candidate(content, kind, (toks[k].start, toks[k + n - 1].end), si, "nonverbal")
    cand.gender, cand.number = gender, number
    cand.reasons = ["cue:nonverbal:على_حد", "speaker:pronoun"]
    return cand


REPORT_NOUNS = folded(
    {"بيان", "تقرير", "تصريحات", "تصريح", "احصاءات", "احصائيات", "ارقام", "بيانات", "معطيات", "تقديرات", "ما", "نشره",
     "اعلان", "دراسه", "مسح", "تقارير", "وثيقه", "رساله", "إحصائية", "حصيله", "نتائج", "إفصاح", "أرقام", "نشرة", "بلاغ"}
)
ISSUED = folded({"صادر", "صادره", "الصادر", "الصادره", "نشرته", "نشرتها", "اصدرته", "اصدرتها", "اعلنته", "اعلنتها", "اوردته", "اوردتها"})


ISSUED_BY_PRONOUN = re.compile(r"^(اصدر|نشر|اعلن|اجر|اجري|اجرا|جمع|اعد|وزع|اطلق|اورد|ذكر|بث|نقل)(ت|ته|تها|ه|ها|تهم)$")


def _report_source(doc: Doc, a: int, limit: int) -> tuple[int, int] | None:
    """The body behind a report noun after بحسب/وفقاً لـ: "بيانات التتبع التي جمعتها شركة «كبلر»"، "استطلاع أجراه
    معهد إيفوب"، "نشرة إنذارية أصدرتها المديرية"، "تقرير حديث لشركة «بي دبليو سي»"، "أرقام الوزارة". None when the
    phrase does not open with a report noun or names no body."""
    toks = doc.tokens
    head = toks[a].norm
    head = head[1:] if head.startswith("ل") and head[1:] in REPORT_NOUNS | {"استطلاع"} else head
    if head not in REPORT_NOUNS and head not in ("استطلاع", "استطلاعات"):
        return None
    lim = a + 1
    while lim < limit and lim - a < 14 and gap_kind(doc.gap_before(lim)) in (None, "mark") and toks[lim].norm not in FA_INNA:
        lim += 1  # to the comma (a short quoted name such as «كبلر» stays inside)

    def phrase(s: int) -> tuple[int, int] | None:
        if s >= lim:
            return None
        e = scan_phrase(doc, s, limit, None, max_len=8).at  # the sentence as limit: a quoted name may end the phrase
        if e - s >= 2 and toks[e - 1].norm in REPORT_ADJECTIVES:
            e -= 1  # "تقرير ديوان المحاسبة الأخير": the adjective describes the report, not the body
        return (s, e) if e > s else None

    for x in range(a + 1, lim):
        t = toks[x].norm
        if t in ("التي", "الذي", "اللتين", "اللذين") and x + 2 < lim:
            return phrase(x + 2)  # the relative clause's verb, then its subject
        if ISSUED_BY_PRONOUN.match(t):
            return phrase(x + 1)
        if t in ISSUED:
            return phrase(x + 2 if x + 1 < lim and toks[x + 1].norm == "عن" else x + 1)
        info = doc.lex.noun(t[1:]) if t.startswith("ل") and not t.startswith("لل") else doc.lex.noun("ال" + t[2:]) if t.startswith("لل") else None
        if (info is not None and info.cls in ("org", "media", "anon")) or (t.startswith("ل") and t[1:] in IDAFA_NOUNS):
            return phrase(x)  # "تقرير حديث لشركة …": the body in the ل-genitive
        if x == a + 1:
            info = doc.lex.noun(t)
            if (info is not None and info.cls in ("org", "media", "group", "anon")) or t in IDAFA_NOUNS or t[2:] in IDAFA_NOUNS:
                return phrase(x)  # "أرقام الوزارة"، "معطيات مكتب الأمم المتحدة": the genitive is the body
    return None


def _strip_report_noun(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """The channel is not the speaker: بحسب بيان لوزارة الصحة / بيان صادر عن الوزارة / بيانات البنك المركزي."""
    toks = doc.tokens
    while b - a >= 2 and toks[a].norm in ("احدث", "اخر", "اخري", "اول", "ابرز"):
        a += 1
    if b - a < 2 or toks[a].norm not in REPORT_NOUNS:
        return (a, b)
    k = a + 1
    while k < b and (toks[k].norm in ISSUED or (toks[k].norm.startswith("ال") and toks[k].norm[2:] in ("رسمي", "رسميه", "اخير", "اخيره", "اولي", "اوليه", "جديد", "جديده", "سنوي", "سنويه"))):
        k += 1
    if k < b and toks[k].norm == "عن":
        k += 1
    elif k < b and not toks[k].norm.startswith(("ال", "ل")) and toks[k].norm not in IDAFA_NOUNS and doc.lex.noun(toks[k].norm) is None:
        return (a, b)  # "تقديرات رسمية": an adjective follows, the report noun is the source itself
    return (k, b) if k < b else (a, b)


def saying_frame(doc: Doc, k: int) -> Candidate | None:
    """"وزاد المسؤول الحكومي قائلاً: «…»" / "ورد المتحدث على ذلك بالقول إن …": قائلاً and بالقول make a statement
    of any verb; the speaker is that verb's subject. (After a reporting verb its own frame already holds the
    content; the duplicate is merged.)"""
    toks = doc.tokens
    agr = SAYING_AGREEMENT.get(toks[k].norm)
    if agr is None:
        return None
    si = doc.sent_of(toks[k].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    nxt = k + 1
    gk = gap_kind(doc.gap_after(k)) if nxt < limit else None
    reasons = ["cue:قال:saying"]
    if gk in ("colon", "mark"):
        comp = _complement(doc, Stop(nxt, gk), limit, sent.end, reasons)
    elif gk is None and nxt < limit and toks[nxt].norm in doc.lex.complementizers:
        comp = _complement(doc, Stop(nxt, "comp"), limit, sent.end, reasons)
    else:
        return None
    if comp is None:
        return None
    (cs, ce), kind = comp
    cand = Candidate((cs, ce), kind, (toks[k].start, toks[k].end), si, "participial", lemma="قال")
    cand.gender, cand.number = agr
    cand.reasons = reasons
    cand.main_subject = main_clause_subject(doc, si, k)
    return cand


def cue_is_saying_participle(doc: Doc, k: int) -> bool:
    return doc.tokens[k].norm in SAYING_PARTICIPLES


# "وجاء في بيان الوزارة أن …": a statement's text is reported through جاء/ورد في + the document
REPORT_ADJECTIVES = folded({"الاخير", "الاخيره", "الجديد", "الجديده", "السنوي", "السنويه", "الشهري", "الشهريه", "الاسبوعي",
                             "الاسبوعيه", "الفصلي", "الفصليه", "الدوري", "الدوريه", "الرسمي", "الرسميه", "الاولي", "الاوليه"})
DOCUMENT_ADJECTIVES = folded({"المشترك", "مشترك", "الختامي", "ختامي", "الرسمي", "رسمي", "الاخير", "الجديد", "جديد", "السنوي",
                               "سنوي", "المكتوب", "مكتوب", "المقتضب", "مقتضب", "الصحفي", "صحفي", "المطول", "مطول"})
REPORT_VERBS = folded({"جاء", "وجاء", "ورد", "وورد", "جاءت", "وجاءت"})
DOCUMENT_NOUNS = folded({"بيان", "تقرير", "رساله", "بلاغ", "وثيقه", "مذكره", "نص", "حكم", "قرار", "تغريده", "منشور",
                         "تدوينه", "كلمه", "خطاب", "نشره", "نشريه", "دراسه", "اعلان", "تعميم"})


def report_frame(doc: Doc, k: int) -> Candidate | None:
    """"وجاء في بيان وزارة الخارجية أن …" (the body speaks), "وجاء في البيان الذي نشرته المفوضية أن …" (the
    relative clause's subject), "وجاء في البيان أن …" (the statement's issuer, as an anaphor), "وجاء على لسان
    المتهم في التحقيقات أنه …" (the one on whose tongue the words came)."""
    from quote_desk.core.normalize import strip_article

    toks = doc.tokens
    si = doc.sent_of(toks[k].start)
    sent = doc.sents[si]
    limit = doc.token_at_or_after(sent.end)
    if k + 3 >= limit or gap_kind(doc.gap_after(k)) is not None:
        return None
    c = next((x for x in range(k + 3, min(limit, k + 18))
              if toks[x].norm in doc.lex.complementizers and not temporal_clause(doc, x - 1)), None)  # fmt: skip
    colon = next((x for x in range(k + 3, min(limit, k + 18)) if ":" in doc.gap_before(x)), None)
    how_in = "comp"
    if colon is not None and (c is None or colon < c):
        c, how_in = colon, gap_kind(doc.gap_before(colon)) or "colon"  # "وجاء في البلاغ: «…»"
    if c is None or any(gap_kind(doc.gap_before(x)) in ("colon", "end") or (
        gap_kind(doc.gap_before(x)) == "mark" and name_mark(doc, toks[x - 1].end, limit) is None
        and name_mark(doc, toks[x - 2].end, limit) is None
    ) for x in range(k + 1, c)):
        return None  # (a short quoted name such as لقناة "العراقية" may stand in the frame)
    nxt = toks[k + 1].norm
    b: int | None = None
    if nxt == "علي" and toks[k + 2].norm == "لسان":
        a = k + 3
    elif nxt == "في" and strip_article(toks[k + 2].norm) in DOCUMENT_NOUNS:
        noun = k + 2
        x = noun + 1
        while x < c - 1 and toks[x].norm in DOCUMENT_ADJECTIVES:
            x += 1
        if x + 1 < c and toks[x].norm in ISSUED and toks[x + 1].norm == "عن":
            a = x + 2  # "البيان (المشترك) الصادر عن وزارة الداخلية" / "بيان صادر عن الرئاسة": the issuer speaks
        elif not toks[noun].norm.startswith("ال"):
            a = noun + 1  # بيان الوزارة: the genitive is the author
        elif noun + 2 < c and toks[noun + 1].norm in ("الذي", "التي"):
            a = noun + 3  # البيان الذي نشرته المفوضية: the relative clause's subject
        else:
            a, b = noun, noun + 1  # البيان: whoever issued it
    else:
        return None
    title: tuple[int, int] | None = None
    if b is None and nxt == "علي":
        # "وجاء على لسان المتحدث باسم الوزارة، عادل الكعبي، في تصريح …، أن …": title and name between commas
        segs: list[tuple[int, int]] = []
        j = a
        while j < c and len(segs) < 3:
            if segs and (is_adjunct_start(doc, j, c) or toks[j].norm in PREPOSITIONS):
                break
            st = scan_phrase(doc, j, c, None, max_len=12)
            e = next((x for x in range(j + 1, st.at) if toks[x].norm in PREPOSITIONS or is_adjunct_start(doc, x, c)), st.at)
            if e > j:
                segs.append((j, e))  # "على لسان المتهم في التحقيقات": the circumstance is no part of the speaker
            if e < st.at:
                break
            if st.why != "comma" or st.at <= j:
                break
            j = st.at
        probe = Candidate((0, 0), "indirect", None, doc.sent_of(toks[k].start), "explicit")
        if segs:
            _assign_speaker(doc, probe, segs[:2])
        if probe.speaker is not None:
            (a, b), title = probe.speaker, probe.title
    if b is None:
        b = next((x for x in range(a + 1, c)
                  if toks[x].norm in PREPOSITIONS or gap_kind(doc.gap_before(x)) == "comma" or is_adjunct_start(doc, x, c)), c)  # fmt: skip
    if b <= a:
        return None
    reasons = ["cue:report:" + strip_article(toks[k + 2].norm if nxt == "في" else "لسان")]
    comp = _complement(doc, Stop(c, how_in), limit, sent.end, reasons)
    if comp is None:
        return None
    (cs, ce), kind = comp
    cand = Candidate((cs, ce), kind, (toks[k].start, toks[k].end), si, "explicit")
    cand.speaker, cand.title = (a, b), title
    cand.reasons = reasons
    return cand
