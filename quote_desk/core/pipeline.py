"""The extraction pipeline: text → Doc → candidates (rules) → discourse resolution → linking → Quote records."""

from __future__ import annotations

import bisect
import unicodedata
from functools import cache

from quote_desk.core.config import EngineConfig
from quote_desk.core.discourse import Discourse, Entity, agrees, mention_key
from quote_desk.core.document import Doc
from quote_desk.core.lexicon import NEEDS_COMPLEMENTIZER, CueForm, Lexicon, load_lexicon
from quote_desk.core.linking_api import SpeakerLinker
from quote_desk.core.nlp.backend import Analysis, NlpBackend, RulesBackend
from quote_desk.core.normalize import normalize, strip_article
from quote_desk.core.records import Quote
from quote_desk.core.rules.frames import (
    ACC_GOVERNORS,
    REPORT_VERBS,
    Candidate,
    naming_clause,
    nonverbal_frames,
    participial_frame,
    postposed_frame,
    report_frame,
    saying_frame,
    verbal_frame,
)
from quote_desk.core.rules.headline import headline_frames
from quote_desk.core.rules.marks import close_open_marks
from quote_desk.core.rules.speaker import (
    ANONYMITY_OBJECTS,
    ANONYMITY_VERBS,
    NEGATIONS,
    SAYING_AGREEMENT,
    after_honorifics,
    first_after_name,
    has_article,
    is_accusative,
)

# Base confidence per way the speaker was found, before evidence adjustments (calibrated on the dev split).
BASE_CONFIDENCE = {
    "explicit": 0.9,
    "relay": 0.88,
    "anaphora": 0.85,
    "dropped": 0.85,
    "participial": 0.86,
    "postposed": 0.85,
    "nonverbal": 0.72,
    "headline": 0.75,
    "continuation": 0.7,
}
COMP_ONLY_FORMS = {
    "بين": CueForm("بين", "say", "perf", "m", "sg", frozenset()),
    "وبين": CueForm("بين", "say", "perf", "m", "sg", frozenset(), "و"),
    # كشف is also the noun "disclosure, list" (كشف حساب): a cue when a complementizer follows its subject
    "كشف": CueForm("كشف", "reveal", "perf", "m", "sg", frozenset({"عن"})),
    "وكشف": CueForm("كشف", "reveal", "perf", "m", "sg", frozenset({"عن"}), "و"),
    # bare ردّ is also "returned" (ورد "was mentioned" stays out): a cue when a colon or a complementizer follows
    "رد": CueForm("رد", "say", "perf", "m", "sg", frozenset({"علي"})),
}
def _headline_para(d: Doc) -> int | None:
    """The index of the article's headline: its first paragraph that is not noise, when that is a short line (at
    most 24 words) with no final period and more text follows. None when the text opens with a body paragraph."""
    for pi, para in enumerate(d.paras):
        if pi in d.noise_paras:
            continue
        line = d.text[para.start : para.end].strip()
        first = d.tokens[d.token_at_or_after(para.start)].norm if line else ""
        # a body sentence opens with و/ف or a colon introduces speech ("وقال الناطق: «…"): not a headline
        if pi + 1 < len(d.paras) and line and line[-1] not in ".!؟?:»\"”" and len(line.split()) <= 24 \
                and ":" not in line and not first.startswith(("و", "ف")):
            return pi
        return None
    return None


def _voweled_passive(raw: str) -> bool:
    """An imperfect written with a damma on its prefix (يُتوقع، تُذكر، يُعتقد): the passive voice."""
    w = raw.lstrip("وف")
    return len(w) > 2 and w[0] in "يت" and w[1] == "\u064f"


COUNTING_WORDS = frozenset({"الف", "آلاف", "الاف", "مئه", "مئات", "عشرات", "مليون", "ملايين", "ثلاث", "ثلاثه", "اربع", "اربعه",
                            "خمس", "خمسه", "ست", "سته", "سبع", "سبعه", "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عده"})
PRONOUN_SUBJECTS = frozenset({"هو", "هي", "وهو", "وهي", "فهو", "فهي", "هم", "وهم", "فهم"})


def _introduced(c: Candidate, text: str) -> bool:
    """Content introduced by a complementizer or a colon (not a bare object, a preposition, or a term in quote
    marks right after the verb: "تشترط «ضمانات مكتوبة»")."""
    if any(r.startswith("comp:") and r not in ("comp:pp", "comp:object") for r in c.reasons):
        return True
    return c.cue is not None and ":" in text[c.cue[1] : c.content[0]]


# When two candidates claim the same content, the stronger kind of evidence wins.
PRIORITY = {"explicit": 0, "relay": 0, "anaphora": 0, "dropped": 1, "postposed": 1, "participial": 2,
            "headline": 3, "nonverbal": 4, "continuation": 5}


class Extractor:
    def __init__(
        self,
        config: EngineConfig | None = None,
        backend: NlpBackend | None = None,
        linker: SpeakerLinker | None = None,
        lexicon: Lexicon | None = None,
        calibration: dict[str, float] | None = None,
    ) -> None:
        self.config = config or EngineConfig()
        self.calibration = load_calibration() if calibration is None else calibration
        self.backend: NlpBackend = backend or RulesBackend()
        self.linker = linker
        self.lex = lexicon or load_lexicon()

    # ---------------------------------------------------------------------------------------------------
    def extract(self, text: str, doc: str = "doc") -> list[Quote]:
        if not text or not text.strip():
            return []
        d = Doc.build(text, self.lex)
        analyses: list[Analysis] = []
        if not isinstance(self.backend, RulesBackend):
            analyses = self.backend.analyse(text, [(s.start, s.end) for s in d.sents])
        cands = self._candidates(d)
        if analyses:
            from quote_desk.core.nlp.evidence import apply_analyses

            apply_analyses(d, cands, analyses, self.config)
        cands = _dedupe(_drop_nested_frames(_drop_channel_nonverbal(_drop_nested_nonverbal(_drop_lisan_in_frames(
            _drop_nested_ala_hadd(cands))))))
        return self._resolve(d, cands, doc)

    # ---------------------------------------------------------------------------------------------------
    def _candidates(self, d: Doc) -> list[Candidate]:
        out: list[Candidate] = []
        title_para = _headline_para(d)
        for tok in d.tokens:
            if tok.para in d.noise_paras or tok.para == title_para:
                continue  # (a headline's "X يطالب بـ…" announces the story; only "X: «…»" attributes there)
            form = self.lex.cue(tok.norm)
            comp_only = False
            if form is None and tok.norm in ("ورد", "فرد") and "\u0651" in tok.text:
                form = CueForm("رد", "say", "perf", "m", "sg", frozenset({"علي"}), tok.norm[0])  # وردّ with its shadda
                comp_only = True
            if form is None and tok.norm in ("يخف", "تخف", "يخفوا") and tok.i > 0 and d.tokens[tok.i - 1].norm in ("لم", "ولم"):
                # "ولم يخفِ حمودي أن …" (did not hide that): a statement when a complementizer follows
                g = "f" if tok.norm.startswith("ت") else "m"
                form = CueForm("اخفي", "say", "imperf", g, "pl" if tok.norm.endswith("وا") else "sg", frozenset())
                comp_only = True
            if form is None and tok.norm.startswith("ل") and len(tok.norm) > 4:
                f2 = self.lex.cue(tok.norm[1:])
                if f2 is not None and f2.pos == "imperf" and not f2.proclitic:
                    form = f2  # "وعاد الوزير ليؤكد أن …": a purpose clause shares the main verb's subject
                    comp_only = True
            if form is None and tok.norm in COMP_ONLY_FORMS and (
                tok.norm not in ("بين",) or "\u0651" in tok.text or tok.i == 0
                or d.sent_of(tok.start) != d.sent_of(d.tokens[tok.i - 1].start) or d.gap_before(tok.i).strip(" ")
            ):
                # بيّن ("explained") is spelt like بين ("between"): a cue only when a complementizer follows its
                # subject, and only where a verb can stand — opening a clause, not after a noun ("العمال بين الأشجار")
                form = COMP_ONLY_FORMS[tok.norm]
                comp_only = True
            if form is None and tok.norm in REPORT_VERBS and d.inside_mark(tok.start) is None:
                c = report_frame(d, tok.i)  # "وجاء في بيان الوزارة أن …"
                if c is not None:
                    out.append(c)
                continue
            if form is None:
                if tok.norm in SAYING_AGREEMENT and d.inside_mark(tok.start) is None:
                    c = saying_frame(d, tok.i)
                    if c is not None:
                        out.append(c)
                continue
            prev = d.tokens[tok.i - 1].norm if tok.i > 0 else ""
            nxt = d.tokens[tok.i + 1].norm if tok.i + 1 < len(d.tokens) else ""
            if prev in ("بن", "ابن", "بنت", "ابو", "ام", "عبد") and d.gap_before(tok.i).strip() == "":
                continue  # "فيصل بن طالب": a name, not the verb طالب
            if naming_clause(d, tok.i):
                continue  # "…، ويُدعى آدم إسحق، …": the name a person goes by, not ادّعى
            if form.pos == "imperf" and _voweled_passive(tok.text):
                continue  # "يُتوقع أن …"، "يُقال إن …": a passive with its damma names no speaker
            if form.pos == "perf" and (prev in COUNTING_WORDS or prev.isdigit()) and d.gap_before(tok.i) == " ":
                continue  # "تسعة آلاف طالب"، "300 طالب": a counted noun, not the verb طالب
            if form.pos == "perf" and prev in PRONOUN_SUBJECTS and d.gap_before(tok.i) == " ":
                continue  # "عمرو، وهو طالب بمدرسة …": after a pronoun the word is the predicate noun, not the verb طالب
            glued = tok.i > 0 and not d.text[d.tokens[tok.i - 1].end : tok.start].strip()
            if (glued and (prev in ANONYMITY_OBJECTS or prev in ANONYMITY_VERBS)) or (tok.norm in ANONYMITY_VERBS and nxt in ANONYMITY_OBJECTS):
                continue  # "رفض ذكر اسمه", "عدم الكشف": the anonymity formula, not a statement
            if form.pos == "imperf" and tok.i > 0 and is_accusative(d.tokens[tok.i - 1].text) and not d.text[d.tokens[tok.i - 1].end : tok.start].strip():
                continue  # "تبنى المجلس قراراً يطالب …": a clause describing a document, not a statement
            if form.pos == "imperf" and not form.proclitic and _describes_object(d, tok.i):
                continue  # "وردد المحتجون هتافات تطالب بـ…": a clause describing an indefinite object
            if form.needs == NEEDS_COMPLEMENTIZER:
                comp_only = True  # سجّل، زاد، اشترط: a statement only with أن/إن (سجّلت المملكة 412 إصابة is not one)
            elif form.needs and not (tok.i + 1 < len(d.tokens) and d.tokens[tok.i + 1].norm.startswith(form.needs[:5])):
                continue
            if d.inside_mark(tok.start) is not None:
                continue  # a cue inside quoted words is the quoted person's, not an attribution
            if form.pos in ("perf", "imperf") and prev in ("في", "وفي", "علي", "الي", "عن", "مع") and d.gap_before(tok.i).strip() == "":
                continue  # "وفي رأي الباحثة …": after a preposition the word is a noun, not the verb رأى
            if self._after_verbal_source(d, tok.i):
                continue  # "وحسب ما أفاد به مصدر قضائي، فإن …": the non-verbal frame owns this verb
            if form.pos in ("perf", "imperf"):
                c = verbal_frame(d, tok.i, form)
                if c is not None and prev in NEGATIONS and "comp:pp" in c.reasons:
                    c = None  # "ولم تعلق الرئاسة على الأحكام": a statement that was not made
                if comp_only and c is not None and (
                    not _introduced(c, d.text)
                    or (c.speaker is not None and c.speaker[1] - c.speaker[0] > 4 and form.lemma == "بين")
                ):
                    c = None  # بين with a long phrase before أن is the preposition "between"
            elif form.pos == "part":
                c = participial_frame(d, tok.i, form)
                if comp_only and c is not None and not _introduced(c, d.text):
                    c = None
                if c is None and tok.norm in SAYING_AGREEMENT:
                    c = saying_frame(d, tok.i)  # "وزاد المسؤول قائلاً: …": no comma before قائلاً
                if c is not None and c.optional and not self.config.keep_pp_content:
                    c = None
            else:
                c = None
            if c is not None:
                out.append(c)
        claimed = sorted(c.content for c in out)
        claimed_starts = [s for s, _ in claimed]
        for m in d.marks:
            i = bisect.bisect_right(claimed_starts, m.end)
            if m.para in d.noise_paras or m.para == title_para or any(
                s <= m.start < e or m.start <= s < m.end for s, e in claimed[max(0, i - 6) : i]
            ):
                continue
            c = postposed_frame(d, m)
            if c is not None:
                out.append(c)
        for si in range(len(d.sents)):
            if d.tokens and d.sents[si].start < len(d.text):
                k = d.token_at_or_after(d.sents[si].start)
                if k < len(d.tokens) and d.tokens[k].para in d.noise_paras:
                    continue
            out.extend(nonverbal_frames(d, si))
        out.extend(_confirmed_headlines(d, headline_frames(d), out))
        out.extend(_continuations(d, out))
        out.sort(key=lambda c: (c.cue[0] if c.cue else c.content[0]))
        return out

    def _coordinated(self, d: Doc, c: Candidate) -> bool:
        """The cue is a verb coordinated with و inside the sentence ("…، وتشير إلى أن …"), not its first word."""
        if c.cue is None:
            return False
        k = d.token_at_or_after(c.cue[0])
        form = self.lex.cue(d.tokens[k].norm)
        return form is not None and form.proclitic == "و" and d.tokens[k].start > d.sents[c.sent].start

    def _after_verbal_source(self, d: Doc, i: int) -> bool:
        """The cue at token i completes a non-verbal source phrase (حسب ما، وفق ما، حسبما + verb + subject)."""
        for n in (1, 2, 3):
            if i < n:
                break
            seq = tuple(d.tokens[i - n + x].norm for x in range(n))
            if self.lex.nonverbal.get(seq) == "verbal" and seq[0] not in ("كما", "وكما", "مثلما", "ومثلما"):
                return True
        return False

    # ---------------------------------------------------------------------------------------------------
    def _resolve(self, d: Doc, cands: list[Candidate], doc_id: str) -> list[Quote]:
        disc = Discourse(d)
        text = d.text
        resolved: list[tuple[Candidate, Entity | None, float, list[str]]] = []
        prev_in_sent: dict[int, Entity] = {}
        last_sent_of: dict[int, int] = {}
        for c in cands:
            disc.cursor = c.cue[0] if c.cue else c.content[0]
            reasons = list(c.reasons)
            conf = BASE_CONFIDENCE.get(c.how, 0.7)
            ent: Entity | None = None
            title_text = _text(d, c.title)
            title_key = mention_key(d, *c.title) if c.title else None
            if c.speaker is not None:
                a, b = c.speaker
                a, b = _trim_mention(d, a, b)
                c.speaker = (a, b) if b > a else None
            if c.how == "continuation":
                ent = prev_in_sent.get(-1)
                reasons.append("speaker:continuation")
            elif c.speaker is not None:
                a, b = c.speaker
                if disc.is_anaphor(a, b):
                    ent = disc.anaphor(a, b, c.gender)
                    if ent is not None:
                        disc.add_alias(ent, a, b)
                        c.how = "anaphora" if c.how in ("explicit", "dropped") else c.how
                        reasons.append("speaker:anaphor")
                    else:
                        ent = disc.explicit(a, b, c.gender, title_text, title_key)
                        reasons.append("speaker:anaphor-unresolved")
                        conf -= 0.15
                else:
                    ent = None if title_text is not None or c.lam else disc.role_antecedent(a, b, c.gender)
                    if ent is not None:
                        disc.add_alias(ent, a, b)  # "وقال وزير المالية الأردني …" → the holder named before
                        reasons.append("speaker:role")
                    else:
                        ent = disc.explicit(a, b, c.gender, title_text, title_key, lam=c.lam)
                        reasons.append("speaker:explicit")
                if c.via is not None:
                    ent.via = _text(d, c.via)
                    va, vb = _trim_mention(d, *c.via)
                    if vb > va and not disc.is_anaphor(va, vb):
                        outlet = disc.explicit(va, vb, "f", None, None)  # named, so "الوكالة" can find it
                        disc.entities[outlet.eid].stype = "media" if outlet.stype == "person" else outlet.stype
                elif c.how == "anaphora" and ent.via:
                    pass
                else:
                    ent.via = None if c.how not in ("anaphora",) else ent.via
            else:
                if c.sent in prev_in_sent and (c.how == "participial" or (
                    c.how == "dropped" and self._coordinated(d, c) and agrees(prev_in_sent[c.sent], c.gender, c.number)
                )):
                    # "…، مؤكداً أن …" / "وفي رأي X، فإن …، وتشير إلى أن …": the same sentence goes on with its speaker
                    ent = prev_in_sent[c.sent]
                    reasons.append("speaker:same-sentence")
                elif c.main_subject is not None and c.how in ("participial", "dropped") and _subject_agrees(d, c):
                    ma, mb = _trim_mention(d, *c.main_subject)
                    ent = disc.anaphor(ma, mb, c.gender) if disc.is_anaphor(ma, mb) else None
                    if ent is None:
                        ent = disc.explicit(ma, mb, c.gender, None, None)
                    reasons.append("speaker:sentence-subject")
                    conf -= 0.1
                    if c.how == "dropped":
                        c.how = "explicit"  # the subject is in the sentence, fronted before the cue
                elif c.prev_subject is not None and not any(
                    q[0].sent == c.sent - 1 for q in resolved[-3:]
                ) and not (c.prev_only_if_alone and self._recent_agreeing_speaker(disc, c, last_sent_of)):
                    ma, mb = _trim_mention(d, *c.prev_subject)
                    ent = disc.anaphor(ma, mb, c.gender) if disc.is_anaphor(ma, mb) else None
                    if ent is None:
                        ent = disc.explicit(ma, mb, c.gender, None, None)
                    reasons.append("speaker:previous-subject")
                else:
                    ent, agreed = disc.resolve_dropped(c.gender, c.number)
                    if (ent is None or not agreed) and c.fallback_subject is not None:
                        ma, mb = _trim_mention(d, *c.fallback_subject)
                        ent = disc.anaphor(ma, mb, c.gender) if disc.is_anaphor(ma, mb) else None
                        if ent is None:
                            ent = disc.explicit(ma, mb, c.gender, None, None)
                        agreed = True
                        reasons.append("speaker:recent-subject")
                        conf -= 0.1
                    if c.how == "participial":
                        conf -= 0.15
                    if ent is None:
                        reasons.append("speaker:none")
                        conf = 0.3
                    elif agreed:
                        reasons.append("speaker:agreement")
                        dist = c.sent - last_sent_of.get(ent.eid, c.sent)
                        if dist > self.config.near_sentences:
                            conf -= 0.15
                    else:
                        reasons.append("speaker:nearest-disagreeing")
                        conf -= 0.35
            # evidence adjustments
            n_words = len(text[c.content[0] : c.content[1]].split())
            if n_words < 3:
                conf -= 0.2
            elif n_words > 90:
                conf -= 0.1
            if c.optional:
                conf = min(conf, 0.45)
            if c.speaker is not None and c.speaker[1] - c.speaker[0] > 6:
                conf -= 0.1
            if ent is not None:
                disc.spoke(ent)  # a headline speaker too: the body's first dropped subject may refer to it
                prev_in_sent[c.sent] = ent
                prev_in_sent[-1] = ent
                last_sent_of[ent.eid] = c.sent
            resolved.append((c, ent, max(0.05, min(0.99, conf)), reasons))

        disc.complete_names()
        # headline speakers join the body entity they name or describe
        for i, (c, ent, conf, reasons) in enumerate(resolved):
            if c.how == "headline" and ent is not None and ent.stype not in ("organization", "media"):
                # a body that speaks in a headline ("الكرملين: …") stays itself; a person or role joins the body text
                better = disc.best_match_for_headline(ent)
                if better is not None:
                    resolved[i] = (c, better, conf, [*reasons, "speaker:headline-body"])
        links = self._link(disc)
        quotes: list[Quote] = []
        for c, ent, conf, reasons in resolved:
            cs, ce = c.content
            while cs < ce and text[cs].isspace():  # "” لا يوجد … “": spaces inside the marks are not content
                cs += 1
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            if not _has_word(text, cs, ce):
                continue  # marks paired across a gap (": ") or «» quote no words (found by the fuzzer)
            sp = sp_s = sp_e = None
            if c.speaker is not None:
                sp_s, sp_e = d.tokens[c.speaker[0]].start, d.tokens[c.speaker[1] - 1].end
                sp_e = close_open_marks(text, sp_s, sp_e)
                while sp_e < len(text) and text[sp_e] == "+":  # أوبك+
                    sp_e += 1
                if c.lam:
                    sp_s += 1
                    while sp_s < sp_e and text[sp_s] == "\u0640":
                        sp_s += 1
                sp = text[sp_s:sp_e]
                if c.lam and d.tokens[c.speaker[0]].norm.startswith("لل"):
                    # "للمنظمة …": the name without its ل is not a span of the text; the canonical name has it
                    sp = sp_s = sp_e = None
            canonical = ent.canonical() if ent else None
            sid = sen = None
            stype = ent.stype if ent else "unknown"
            if ent is not None and ent.eid in links:
                lk = links[ent.eid]
                sid, sen = lk.entity_id, lk.english
                # the registry's name, unless the article writes a fuller form of it ("ماجد بن محمد الأنصاري" for
                # the registry's "ماجد الأنصاري"): the id still ties it to the registry entity
                canonical = canonical if canonical and _fuller(canonical, lk.canonical) else lk.canonical
                reasons.append(f"link:{lk.entity_id}")
            via = _text(d, c.via) if c.via else (ent.via if ent and c.how in ("dropped", "anaphora", "participial", "continuation") else None)
            cue = cue_s = cue_e = None
            if c.cue is not None:
                cue_s, cue_e = c.cue
                cue = text[cue_s:cue_e]
            reasons.insert(0, f"how:{c.how}")
            conf = self._calibrated(conf, "+".join(reasons))
            quotes.append(
                Quote(
                    doc=doc_id,
                    start=cs,
                    end=ce,
                    text=text[cs:ce],
                    kind=c.kind,
                    cue=cue,
                    cue_start=cue_s,
                    cue_end=cue_e,
                    speaker=sp,
                    speaker_start=sp_s,
                    speaker_end=sp_e,
                    speaker_canonical=canonical,
                    speaker_id=sid,
                    title=_text(d, c.title),
                    speaker_type=stype,
                    via=via,
                    confidence=round(conf, 3),
                    reason="+".join(reasons),
                    speaker_en=sen,
                )
            )
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    @staticmethod
    def _recent_agreeing_speaker(disc: Discourse, c: Candidate, last_sent_of: dict[int, int]) -> bool:
        """أضاف/تابع continue the last speaker that agrees with them, if it spoke within the last two sentences;
        otherwise the subject of the sentence just before (a narrative sentence) is who goes on."""
        for eid in reversed(disc.speaker_stack[-12:]):
            e = disc.entities[eid]
            if agrees(e, c.gender, c.number):
                return c.sent - last_sent_of.get(eid, -99) <= 2
        return False

    def _calibrated(self, raw: float, reason: str) -> float:
        """Replace the rule's prior with the measured precision of its group, keeping the rule's penalties."""
        if not self.calibration:
            return raw
        key = calibration_key(reason)
        table = self.calibration.get(key, self.calibration.get(key.split("/")[0]))
        if table is None:
            return raw
        prior = BASE_CONFIDENCE.get(key.split("/")[0], 0.7)
        penalty = min(0.0, raw - prior)  # short content, long mention, optional PP … keep lowering it
        return round(max(0.05, min(0.99, table + penalty)), 3)

    def _link(self, disc: Discourse) -> dict[int, object]:
        if self.linker is None:
            return {}
        out: dict[int, object] = {}
        for e in disc.entities:
            if e.stype == "anonymous_source":
                continue
            canonical = e.canonical()
            if not canonical:
                continue
            aliases = tuple(dict.fromkeys(a for a in e.aliases if a != canonical))
            res = self.linker.link(canonical, aliases=aliases, title=e.titles[0] if e.titles else None, speaker_type=e.stype)
            if res is not None and res.level == "linked":
                out[e.eid] = res
        return out


# -------------------------------------------------------------------------------------------------------
def _subject_agrees(d: Doc, c: Candidate) -> bool:
    """The sentence's subject can be the cue's subject: "وقد نصح طبيب الأطفال …، لكنها قالت إن …" — a masculine
    subject does not speak with a feminine verb (and a verb never stands as a subject)."""
    from quote_desk.core.rules.frames import np_agreement

    assert c.main_subject is not None
    a, b = c.main_subject
    if d.lex.cue(d.tokens[a].norm) is not None:
        return False
    if c.how != "dropped" or d.tokens[after_honorifics(d, a, b)].norm in d.lex.given_names:
        return True  # participles agree loosely (coordinated subjects); a given name's gender is not evidence enough
    g, _n = np_agreement(d, a, b)
    return c.gender is None or g is None or g == c.gender


def _describes_object(d: Doc, i: int) -> bool:
    """An imperfect verb right after an indefinite noun phrase that is itself inside a clause (after a verb, a
    subject or a preposition) describes that noun: "في تبني مشروع قرار يطالب بـ…" — unlike an indefinite subject
    that opens its clause ("مصادر عسكرية تقول إن …", "غير أن مصادر تقول …")."""
    toks = d.tokens
    k = i - 1
    if i + 1 < len(toks) and (toks[i + 1].norm in d.lex.complementizers or d.gap_after(i).strip()):
        return False  # "… في بنك استثمار إقليمي ترى أن …": a verb with its own complementizer reports speech
    if d.gap_before(i) != " " or has_article(d, k) or toks[k].norm in d.lex.given_names or toks[k].norm in d.lex.titles:
        return False
    def nominal(x: int) -> bool:  # a noun or an adjective by its form or the lexicon
        raw = toks[x].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        t = toks[x].norm
        return not has_article(d, x) and (
            t.endswith("ات") or raw.endswith("ة") or (t.endswith("ي") and len(t) > 3) or d.lex.noun(t) is not None
        )

    if not nominal(k):
        return False
    s = k
    while s - 1 >= 0 and d.gap_before(s) == " " and nominal(s - 1) and k - s < 4:
        s -= 1
    if s == 0 or d.gap_before(s) != " " or d.sent_of(toks[s - 1].start) != d.sent_of(toks[k].start):
        return False  # the phrase opens its sentence or clause: it is the verb's subject
    before = toks[s - 1].norm
    if before in d.lex.complementizers or before in ACC_GOVERNORS or before in ("و", "لكن", "ولكن", "بينما", "فيما", "اذ", "حيث"):
        return False
    return True


def _fuller(doc_form: str, registry_form: str) -> bool:
    """True when the document's form holds every word of the registry's form, in order, and more."""
    a = [strip_article(w) for w in normalize(doc_form).split()]
    b = [strip_article(w) for w in normalize(registry_form).split()]
    if len(a) <= len(b):
        return False
    it = iter(a)
    return all(w in it for w in b)


def _text(d: Doc, r: tuple[int, int] | None) -> str | None:
    if r is None:
        return None
    a, b = r
    if b <= a:
        return None
    s = d.tokens[a].start
    e = close_open_marks(d.text, s, d.tokens[b - 1].end)
    return d.text[s:e]




def _trim_mention(d: Doc, a: int, b: int) -> tuple[int, int]:
    """Drop leading discourse words and a ل-prefix channel noun from a mention."""
    while a < b and d.tokens[a].norm in ("بدوره", "بدورها", "كذلك", "ايضا", "من", "جهته", "جهتها", "ل", "لـ"):
        a += 1
    while a < b - 1 and len(d.tokens[a].text) == 1 and d.text[d.tokens[a].end : d.tokens[a].end + 1] == ".":
        a += 1  # "م. فاطمة جوهر حياة", "د. سالم": an abbreviated honorific
    a = after_honorifics(d, a, b)
    while b > a and d.tokens[b - 1].norm in ("ايضا", "كذلك", "بدوره", "بدورها", "نفسه", "نفسها", "ذاته", "ذاتها") and b - a > 1 and not (
        # "أطباء في المستشفى نفسه": the emphasis belongs to the noun of the prepositional phrase
        d.tokens[b - 1].norm in d.lex.anaphora_markers and b - a >= 3 and d.tokens[b - 2].norm.startswith("ال")
        and any(d.tokens[x].norm in ("في", "من", "لدي", "داخل") for x in range(a + 1, b - 2))
    ) and not (
        d.tokens[b - 1].norm in d.lex.anaphora_markers and b - a <= 3  # "المصادر الليبية نفسها" points back
        # "البرلمانية ذاتها" is a role that points back; "ضو البيت نفسه" is a name with emphasis
        and (d.lex.noun(d.tokens[a].norm) is not None or d.tokens[a].norm[2:] in d.lex.titles
             or (d.tokens[a].norm.startswith("ال") and d.tokens[a].norm.endswith(("ي", "يه"))))
    ):
        b -= 1
    return a, b


def _continuations(d: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A paragraph that re-opens a quote left open at the end of the previous paragraph."""
    out: list[Candidate] = []
    # Looked up, not scanned: a long document has many candidates and many re-opened quotes.
    contents = {c.content for c in cands}
    spans = sorted(c.content for c in cands)
    starts = [a for a, _ in spans]
    reach: list[int] = []  # reach[j]: the furthest content end among spans[: j + 1]
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for i, m in enumerate(d.marks):
        if i == 0:
            continue
        prev = d.marks[i - 1]
        if prev.closed or prev.para != m.para - 1 or m.open_start != d.paras[m.para].start:
            continue
        if (prev.start, prev.end) not in contents:
            continue
        j = bisect.bisect_right(starts, m.start)  # a candidate's content holds m.start
        if j and reach[j - 1] > m.start:
            continue
        c = Candidate((m.start, m.end), "direct", None, d.sent_of(m.start), "continuation")
        c.reasons = ["multi-paragraph"]
        out.append(c)
        contents.add(c.content)
    return out


def _confirmed_headlines(d: Doc, heads: list[Candidate], body: list[Candidate]) -> list[Candidate]:
    """Keep a bare-name headline ("غوتيريش: …") only when a body quote's speaker or title shares its last word."""
    words: set[str] = set()
    for c in body:
        for r in (c.speaker, c.main_subject, c.prev_subject):
            if r is not None:
                # a place after a preposition ("الحكومة الانتقالية في مالي") does not confirm "مالي: …"
                words.update(strip_article(d.tokens[k].norm) for k in range(*r)
                             if not (k > r[0] and d.tokens[k - 1].norm in ("في", "ب", "من")))
        if c.title is not None:
            # a body named in a title ("رئيس أرامكو") is an actor of the story; a place after a preposition
            # ("مدير الدفاع المدني في دهوك") is not
            for k in range(*c.title):
                if k > c.title[0] and d.tokens[k - 1].norm in ("في", "ب", "من"):
                    continue
                words.add(strip_article(d.tokens[k].norm))
    # a body named with a preposition glued on ("للأرصاد") confirms "الأرصاد: …" too
    words |= {strip_article(w[2:] if w.startswith("لل") else w[1:]) for w in list(words) if w.startswith("ل") and len(w) > 3}
    mentioned: set[str] | None = None
    kept = []
    for h in heads:
        if h.needs_confirmation and h.speaker is not None:
            last = strip_article(d.tokens[h.speaker[1] - 1].norm)
            if h.kind == "direct" and h.speaker[1] - h.speaker[0] == 1 and first_after_name(d, d.tokens[h.speaker[0]].norm) < len(d.tokens) \
                    and h.lemma != "group" and d.mark_starting_at(h.cue[1], h.cue[1] + 4) is not None:
                kept.append(h)  # "البديوي: «…»": the family name of a full name the body writes ("جاسم محمد البديوي")
                continue
            if h.lemma == "group":  # "الحوثيون: …" confirmed by "جماعة الحوثي" anywhere in the body
                if mentioned is None:
                    mentioned = {_stem(strip_article(t.norm)) for t in d.tokens if t.para not in d.noise_paras and t.start > h.content[1]}
                if _stem(last) not in mentioned:
                    continue
            elif last not in words:
                continue
        kept.append(h)
    return kept


def _stem(w: str) -> str:
    """A noun without its plural or nisba ending: الحوثيون/الحوثيين/الحوثي → حوث."""
    for suf in ("يون", "يين", "ون", "ين", "ي"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _drop_nested_ala_hadd(cands: list[Candidate]) -> list[Candidate]:
    """"… وإنها أعادت كتابة الفصل «أكثر من عشرين مرة»، على حد قولها": when the words before على حد قولها are
    already inside another quote's content, the phrase only confirms that quote; it is no quote of its own."""
    others = sorted(c.content for c in cands if "cue:nonverbal:على_حد" not in c.reasons)
    starts = [a for a, _ in others]

    def inside(r: tuple[int, int]) -> bool:
        i = bisect.bisect_right(starts, r[0]) - 1
        # contents rarely nest deeply: the few that start just before this one are enough to look at
        return any(others[j][1] + 2 >= r[1] for j in range(max(0, i - 4), i + 1))

    return [c for c in cands if "cue:nonverbal:على_حد" not in c.reasons or not inside(c.content)]


def _drop_lisan_in_frames(cands: list[Candidate]) -> list[Candidate]:
    """"وعلى لسان المتحدث X، أكد الجيش أن …": the verb's frame speaks through X; the على لسان phrase is not a
    quote of its own."""
    owners: dict[int, list[Candidate]] = {}
    for c in cands:
        if "speaker:ala-lisan" in c.reasons and c.cue is not None:
            owners.setdefault(c.sent, []).append(c)
    if not owners:
        return cands
    return [
        c for c in cands
        if not (c.how == "nonverbal" and c.cue is not None and any(
            c.cue[0] < o.cue[0] and c.content[0] < o.content[0] for o in owners.get(c.sent, ())  # type: ignore[index]
        ))
    ]


def _drop_channel_nonverbal(cands: list[Candidate]) -> list[Candidate]:
    """"أكد الوزير … استمرار الدعم، وفقاً لما أوردته الوكالة": a non-verbal cue after a sentence that already
    has its own speaker names the channel of that quote; it is not a second quote of the whole sentence."""
    verbal = [c for c in cands if c.how != "nonverbal" and c.cue is not None]
    by_sent: dict[int, list[Candidate]] = {}
    for c in verbal:
        by_sent.setdefault(c.sent, []).append(c)
    out = []
    for c in cands:
        if c.how == "nonverbal" and c.cue is not None:
            if any(
                v.cue[0] < c.cue[0] and v.content[0] < c.content[1] and c.content[0] <= v.cue[0] for v in by_sent.get(c.sent, ())
            ):
                continue  # its content would hold another frame's cue: the sentence already has a speaker
        out.append(c)
    return out


def _drop_nested_frames(cands: list[Candidate]) -> list[Candidate]:
    """"وقال إن الجامعة تابعت الملف «…»": a cue inside another quote's indirect content is reported, not a new
    attribution by the narrator (participial cues, which split a clause, are kept)."""
    outer = sorted((c.content, c.cue) for c in cands if c.cue is not None and c.kind != "direct" and c.how not in ("nonverbal", "headline"))
    starts = [o[0][0] for o in outer]
    out = []
    for c in cands:
        if c.cue is not None and c.how in ("explicit", "dropped", "anaphora", "relay"):
            i = bisect.bisect_right(starts, c.cue[0]) - 1
            nested = any(
                outer[j][0][0] < c.cue[0] and c.content[1] <= outer[j][0][1] and outer[j][1] != c.cue
                for j in range(max(0, i - 3), i + 1)
            )
            if nested:
                continue
        out.append(c)
    return out


def _drop_nested_nonverbal(cands: list[Candidate]) -> list[Candidate]:
    """A non-verbal cue between a verb and its content (قال X، بحسب بيان، إن …) belongs to that frame."""
    frames = sorted((c.cue[0], c.content[0]) for c in cands if c.how != "nonverbal" and c.cue is not None)
    starts = [a for a, _ in frames]

    def nested(pos: int) -> bool:
        i = bisect.bisect_left(starts, pos) - 1
        # frames are short (cue → content start): a few look-backs are enough
        return any(frames[j][0] < pos < frames[j][1] for j in range(max(0, i - 3), i + 1))

    return [c for c in cands if c.how != "nonverbal" or not nested(c.cue[0])]


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """When two candidates claim the same content (IoU > 0.6), keep the one with the stronger evidence.
    Candidates are bucketed by a coarse position grid so that long documents stay linear."""
    kept: list[Candidate] = []
    grid: dict[int, list[Candidate]] = {}
    cell = 2048
    for c in sorted(cands, key=lambda c: (PRIORITY.get(c.how, 9), c.content[0])):
        s, e = c.content
        clash = False
        for g in range(s // cell - 1, e // cell + 2):
            for k in grid.get(g, ()):
                ks, ke = k.content
                inter = max(0, min(e, ke) - max(s, ks))
                union = max(e, ke) - min(s, ks)
                if union and inter / union > 0.6:
                    clash = True
                    break
            if clash:
                break
        if not clash:
            kept.append(c)
            for g in range(s // cell, e // cell + 1):
                grid.setdefault(g, []).append(c)
    kept.sort(key=lambda c: (c.cue[0] if c.cue else c.content[0]))
    return kept


def calibration_key(reason: str) -> str:
    """how/resolution, e.g. "dropped/agreement", from a Quote.reason."""
    how, res = "explicit", "explicit"
    for part in reason.split("+"):
        if part.startswith("how:"):
            how = part[4:]
        elif part.startswith("speaker:") and part[8:] not in ("person", "organization"):
            res = part[8:]
    return f"{how}/{res}"


@cache
def load_calibration() -> dict[str, float]:
    from quote_desk.resources import resource_path

    path = resource_path("lexicons", "calibration.tsv")
    if not path.exists():
        return {}
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, conf, *_ = line.split("\t")
            table[key] = float(conf)
    return table


@cache
def default_extractor() -> Extractor:
    return Extractor()


def _has_word(text: str, start: int, end: int) -> bool:
    """At least one letter, digit or combining mark in text[start:end]."""
    return any(unicodedata.category(ch)[0] in "LNM" for ch in text[start:end])
