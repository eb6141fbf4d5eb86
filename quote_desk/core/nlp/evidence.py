"""Backend analyses as evidence for the rule candidates (used only when a backend other than rules-only runs).

Three independent kinds of evidence, each switched by EngineConfig so it can be measured on and off:

- features (use_backend_features): the cue word's Gender/Number from the backend fill in what the cue lexicon
  left open (gender None) and are recorded as agreement or conflict in the reasons; the lexicon's reading wins
  on conflict, because the tagger is the less reliable of the two on a known cue verb.
- entities (use_backend_entities): a PER/ORG entity that starts inside the speaker mention sharpens its end:
  extended when the rules stopped inside the name, trimmed when the rules ran past a person's name into words
  that are neither the title nor another entity; a place (LOC) after the mention's first word ends it
  (مصادر أمنية في بغداد). The mention never grows into the content or past the sentence.
- syntax (use_backend_syntax): for a dropped-subject candidate, an nsubj of the cue word that lies between the
  cue and the content becomes the speaker mention (a tie-breaker for subjects the rules did not recognise).

Every change adds a reason tag (nlp:...), so an editor and the evaluation can see what the backend did.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quote_desk.core.config import EngineConfig
from quote_desk.core.nlp.backend import Analysis, Word

if TYPE_CHECKING:  # import cycles: the engine imports this module lazily
    from quote_desk.core.document import Doc
    from quote_desk.core.rules.frames import Candidate

GENDER = {"Masc": "m", "Fem": "f"}
NUMBER = {"Sing": "sg", "Dual": "du", "Plur": "pl"}
CUE_UPOS = ("VERB", "ADJ", "NOUN", "AUX")  # verbs, circumstantial participles (ADJ in UD Arabic), verbal nouns
SPEAKER_LABELS = ("PER", "ORG")


def apply_analyses(d: Doc, cands: list[Candidate], analyses: Sequence[Analysis], config: EngineConfig) -> None:
    spans = sorted((a for a in analyses if a.words), key=lambda a: a.start)
    starts = [a.start for a in spans]
    for c in cands:
        if c.cue is None:
            continue
        k = bisect.bisect_right(starts, c.cue[0]) - 1
        if k < 0 or not (spans[k].start <= c.cue[0] < spans[k].end):
            continue
        an = spans[k]
        cue_i = _cue_word(an, c.cue[0], c.cue[1])
        if cue_i is None:
            continue
        if config.use_backend_features:
            _features(c, an.words[cue_i])
        if config.use_backend_entities and c.speaker is not None:
            _entity_boundary(d, c, an)
        if config.use_backend_syntax and c.speaker is None and c.how == "dropped":
            _nsubj_speaker(d, c, an, cue_i)


def _cue_word(an: Analysis, s: int, e: int) -> int | None:
    """The content word of the cue token (قال in و+قال), preferring a verb or participle."""
    hits = [i for i, w in enumerate(an.words) if w.start < e and s < w.end]
    if not hits:
        return None
    for i in hits:
        if an.words[i].upos in CUE_UPOS:
            return i
    return hits[-1]


def _features(c: Candidate, w: Word) -> None:
    g = GENDER.get(w.feat("Gender") or "")
    n = NUMBER.get(w.feat("Number") or "")
    if g is not None:
        if c.gender is None:
            c.gender = g
            c.reasons.append("nlp:gender")
        elif c.gender != g:
            c.reasons.append("nlp:gender-conflict")
        else:
            c.reasons.append("nlp:gender-agrees")
    if n is not None and c.number is None:
        c.number = n
        c.reasons.append("nlp:number")


def _token_of(d: Doc, pos: int) -> int:
    """Index of the document token containing (or, failing that, following) char position pos."""
    i = bisect.bisect_right(d._tok_starts, pos) - 1
    if i >= 0 and d.tokens[i].start <= pos < d.tokens[i].end:
        return i
    return d.token_at_or_after(pos)


def _entity_boundary(d: Doc, c: Candidate, an: Analysis) -> None:
    assert c.speaker is not None
    a, b = c.speaker
    if b <= a:
        return
    s, e = d.tokens[a].start, d.tokens[b - 1].end
    limit = min(c.content[0], an.end) if c.content[0] > s else an.end
    ents = [x for x in an.entities if x.label in SPEAKER_LABELS and x.start < e and s <= x.start]
    if not ents:
        _place_boundary(d, c, an, a, b)
        return
    ent = ents[0]
    eb = _token_of(d, ent.end - 1) + 1
    if eb > b and d.tokens[eb - 1].end <= limit and all(_name_like(d, an, k) for k in range(b, eb)):
        c.speaker = (a, eb)
        c.reasons.append("nlp:speaker-extended")
        return
    if ent.label == "PER" and a < eb < b and b - eb <= 3:
        in_title = c.title is not None and c.title[0] < b and eb < c.title[1]
        other = any(x is not ent and x.start < e and x.end > d.tokens[eb].start for x in an.entities)
        if not in_title and not other and _clearly_not_name(an, d.tokens[eb].start):
            c.speaker = (a, eb)
            c.reasons.append("nlp:speaker-trimmed")


NAME_UPOS = ("PROPN", "NOUN", "ADJ", "X")
NOT_NAME_UPOS = ("ADP", "ADV", "VERB", "SCONJ", "CCONJ", "PUNCT", "NUM")


def _words_at(an: Analysis, pos: int) -> list[Word]:
    return [w for w in an.words if w.start == pos]


def _name_like(d: Doc, an: Analysis, k: int) -> bool:
    """Token k can continue a name: only spaces before it, and every word of it is a noun-like word."""
    ws = _words_at(an, d.tokens[k].start)
    return d.gap_before(k).isspace() and bool(ws) and all(w.upos in NAME_UPOS for w in ws)


def _clearly_not_name(an: Analysis, pos: int) -> bool:
    """The token at pos starts with a preposition/adverb/verb, or is a circumstantial participle (قائلا)."""
    ws = _words_at(an, pos)
    if not ws:
        return False
    if ws[0].upos in NOT_NAME_UPOS:
        return True
    return ws[0].upos == "ADJ" and ws[0].feat("VerbForm") == "Part"


def _place_boundary(d: Doc, c: Candidate, an: Analysis, a: int, b: int) -> None:
    """A place inside the mention, after its first word, ends it: مصادر أمنية في بغداد → مصادر أمنية."""
    e = d.tokens[b - 1].end
    for x in an.entities:
        if x.label != "LOC" or not (d.tokens[a].end <= x.start < e):
            continue
        k = _token_of(d, x.start)
        if k - 1 > a and any(w.upos == "ADP" and w.start == d.tokens[k - 1].start for w in an.words):
            k -= 1  # the preposition before the place (في بغداد) goes too; ببغداد is one token anyway
        if a < k < b:
            c.speaker = (a, k)
            c.reasons.append("nlp:speaker-place-trimmed")
        return


def _nsubj_speaker(d: Doc, c: Candidate, an: Analysis, cue_i: int) -> None:
    assert c.cue is not None
    lo, hi = c.cue[1], c.content[0]
    if hi <= lo:
        return
    if an.words[cue_i].upos != "VERB":
        return
    for i, w in enumerate(an.words):
        if w.head != cue_i or not (w.deprel or "").startswith("nsubj") or w.upos not in ("NOUN", "PROPN"):
            continue
        if not (lo <= w.start and w.end <= hi) or d.inside_mark(w.start) is not None:
            continue
        if d.text[lo:w.start].strip():
            return  # something stands between the cue and the subject: leave it to the rules
        members = [j for j in range(len(an.words)) if _under(an.words, j, i)]
        ws = [an.words[j] for j in members if lo <= an.words[j].start and an.words[j].end <= hi]
        if not ws or any(x.upos in ("PUNCT", "SCONJ", "VERB") for x in ws):
            return
        a, b = _token_of(d, min(x.start for x in ws)), _token_of(d, max(x.end for x in ws) - 1) + 1
        if b > a and _speaker_like(d, an, a, b):
            c.speaker = (a, b)
            c.how = "explicit"
            c.reasons.append("nlp:nsubj")
        return


def _speaker_like(d: Doc, an: Analysis, a: int, b: int) -> bool:
    """A second opinion on a parser subject: a PER/ORG entity, or a title/known noun the lexicon knows, and
    no complementizer inside (a tiny or confused parser can call إن a subject)."""
    if any(d.tokens[k].norm in d.lex.complementizers for k in range(a, b)):
        return False
    s, e = d.tokens[a].start, d.tokens[b - 1].end
    if any(x.label in SPEAKER_LABELS and x.start < e and s < x.end for x in an.entities):
        return True
    first = d.tokens[a].norm
    return first in d.lex.titles or d.lex.noun(first) is not None


def _under(words: Sequence[Word], j: int, top: int) -> bool:
    """Is word j in the subtree of word top (following heads, guarding against cycles)?"""
    seen = 0
    while j is not None and j >= 0 and seen <= len(words):
        if j == top:
            return True
        j = words[j].head if words[j].head is not None else -1
        seen += 1
    return False
