"""How backend analyses change rule candidates (synthetic analyses: no models, exact control of the evidence)."""

from __future__ import annotations

from dataclasses import replace

from quote_desk.core.config import EngineConfig
from quote_desk.core.document import Doc
from quote_desk.core.lexicon import load_lexicon
from quote_desk.core.nlp.backend import Analysis, Entity, Word
from quote_desk.core.nlp.evidence import apply_analyses
from quote_desk.core.rules.frames import Candidate

OFF = EngineConfig(use_backend_entities=False, use_backend_features=False, use_backend_syntax=False)


def doc(text: str) -> Doc:
    return Doc.build(text, load_lexicon())


def tok_range(d: Doc, phrase: str) -> tuple[int, int]:
    s = d.text.index(phrase)
    e = s + len(phrase)
    a = next(t.i for t in d.tokens if t.start == s)
    b = next(t.i for t in d.tokens if t.end == e) + 1
    return a, b


def words(d: Doc, spec: list[tuple[str, str, int, str, str]]) -> tuple[Word, ...]:
    """(surface token, upos, head, deprel, feats) in order; offsets found in the text."""
    out, pos = [], 0
    for surface, upos, head, deprel, feats in spec:
        s = d.text.index(surface, pos)
        pos = s + len(surface)
        fs = tuple(tuple(kv.split("=")) for kv in feats.split("|")) if feats else ()
        out.append(Word(s, pos, surface, surface, upos, fs, head, deprel, s, pos))
    return tuple(out)


def ent(d: Doc, phrase: str, label: str) -> Entity:
    s = d.text.index(phrase)
    return Entity(s, s + len(phrase), phrase, label)


def cand(d: Doc, cue: str, content: str, how: str = "explicit", speaker: str | None = None,
         gender: str | None = None) -> Candidate:
    cs = d.text.index(cue)
    ct = d.text.index(content)
    c = Candidate((ct, ct + len(content)), "indirect", (cs, cs + len(cue)), 0, how,
                  speaker=tok_range(d, speaker) if speaker else None, gender=gender)
    return c


def test_features_fill_an_unknown_gender_and_record_agreement_or_conflict() -> None:
    text = "وقالت الوزيرة إن الوضع مستقر."
    d = doc(text)
    an = Analysis(0, len(text), words(d, [("وقالت", "VERB", -1, "root", "Gender=Fem|Number=Sing|Person=3")]))
    unknown = cand(d, "وقالت", "الوضع مستقر", speaker="الوزيرة")
    same = cand(d, "وقالت", "الوضع مستقر", speaker="الوزيرة", gender="f")
    other = cand(d, "وقالت", "الوضع مستقر", speaker="الوزيرة", gender="m")
    apply_analyses(d, [unknown, same, other], [an], EngineConfig())
    assert unknown.gender == "f" and unknown.number == "sg" and "nlp:gender" in unknown.reasons
    assert "nlp:gender-agrees" in same.reasons
    assert other.gender == "m" and "nlp:gender-conflict" in other.reasons  # the lexicon wins


def test_person_entity_trims_a_participle_off_the_speaker() -> None:
    text = "وتابع ياسر عون قائلا: «الميزانية تكفي»."
    d = doc(text)
    an = Analysis(0, len(text), words(d, [
        ("وتابع", "VERB", -1, "root", "Gender=Masc|Number=Sing"), ("ياسر", "PROPN", 0, "nsubj", ""),
        ("عون", "PROPN", 1, "flat", ""), ("قائلا", "ADJ", 0, "advcl", "VerbForm=Part"),
    ]), (ent(d, "ياسر عون", "PER"),))
    c = cand(d, "وتابع", "الميزانية تكفي", speaker="ياسر عون قائلا")
    apply_analyses(d, [c], [an], EngineConfig())
    assert c.speaker == tok_range(d, "ياسر عون") and "nlp:speaker-trimmed" in c.reasons
    # a name word after the entity (the NER stopped early) is never cut
    c2 = cand(d, "وتابع", "الميزانية تكفي", speaker="ياسر عون قائلا")
    an2 = replace(an, words=tuple(replace(w, upos="PROPN") if w.text == "قائلا" else w for w in an.words))
    apply_analyses(d, [c2], [an2], EngineConfig())
    assert c2.speaker == tok_range(d, "ياسر عون قائلا")
    # and nothing changes with entity evidence switched off
    c3 = cand(d, "وتابع", "الميزانية تكفي", speaker="ياسر عون قائلا")
    apply_analyses(d, [c3], [an], replace(OFF, use_backend_features=True))
    assert c3.speaker == tok_range(d, "ياسر عون قائلا")


def test_entity_extends_a_name_cut_short_but_never_into_the_complementizer() -> None:
    text = "وقال سامر حداد نجم إن الوضع مستقر."
    d = doc(text)
    spec = [("وقال", "VERB", -1, "root", ""), ("سامر", "PROPN", 0, "nsubj", ""), ("حداد", "PROPN", 1, "flat", ""),
            ("نجم", "PROPN", 1, "flat", ""), ("إن", "SCONJ", 6, "mark", "")]
    an = Analysis(0, len(text), words(d, spec), (ent(d, "سامر حداد نجم", "PER"),))
    c = cand(d, "وقال", "الوضع مستقر", speaker="سامر")
    apply_analyses(d, [c], [an], EngineConfig())
    assert c.speaker == tok_range(d, "سامر حداد نجم") and "nlp:speaker-extended" in c.reasons
    bad = Analysis(0, len(text), words(d, spec), (ent(d, "سامر حداد نجم إن", "PER"),))
    c2 = cand(d, "وقال", "الوضع مستقر", speaker="سامر")
    apply_analyses(d, [c2], [bad], EngineConfig())
    assert c2.speaker == tok_range(d, "سامر")


def test_place_ends_an_anonymous_source_mention() -> None:
    text = "وقالت مصادر أمنية في بغداد إن الوضع مستقر."
    d = doc(text)
    an = Analysis(0, len(text), words(d, [
        ("وقالت", "VERB", -1, "root", ""), ("مصادر", "NOUN", 0, "nsubj", ""), ("أمنية", "ADJ", 1, "amod", ""),
        ("في", "ADP", 4, "case", ""), ("بغداد", "PROPN", 0, "obl", ""),
    ]), (ent(d, "بغداد", "LOC"),))
    c = cand(d, "وقالت", "الوضع مستقر", speaker="مصادر أمنية في بغداد")
    apply_analyses(d, [c], [an], EngineConfig())
    assert c.speaker == tok_range(d, "مصادر أمنية") and "nlp:speaker-place-trimmed" in c.reasons


def test_parser_subject_of_a_dropped_cue_needs_a_second_opinion() -> None:
    text = "وأضاف المتحدث أن الوضع مستقر."
    d = doc(text)
    spec = [("وأضاف", "VERB", -1, "root", ""), ("المتحدث", "NOUN", 0, "nsubj", "")]
    c = cand(d, "وأضاف", "الوضع مستقر", how="dropped")
    apply_analyses(d, [c], [Analysis(0, len(text), words(d, spec))], EngineConfig())
    assert c.speaker == tok_range(d, "المتحدث") and c.how == "explicit" and "nlp:nsubj" in c.reasons
    # a complementizer the parser mistook for a subject is refused
    text2 = "وأضاف إن الوضع مستقر."
    d2 = doc(text2)
    c2 = cand(d2, "وأضاف", "الوضع مستقر", how="dropped")
    apply_analyses(d2, [c2], [Analysis(0, len(text2), words(d2, [("وأضاف", "VERB", -1, "root", ""),
                                                                    ("إن", "NOUN", 0, "nsubj", "")]))],
                   EngineConfig())
    assert c2.speaker is None and c2.how == "dropped"
    # syntax evidence switched off
    c3 = cand(d, "وأضاف", "الوضع مستقر", how="dropped")
    apply_analyses(d, [c3], [Analysis(0, len(text), words(d, spec))], replace(EngineConfig(), use_backend_syntax=False))
    assert c3.speaker is None


def test_candidates_outside_any_analysis_are_left_alone() -> None:
    text = "وقال الوزير إن الوضع مستقر."
    d = doc(text)
    c = cand(d, "وقال", "الوضع مستقر", speaker="الوزير")
    before = (c.speaker, c.gender, list(c.reasons))
    apply_analyses(d, [c], [Analysis(0, len(text))], EngineConfig())
    apply_analyses(d, [c], [], EngineConfig())
    assert (c.speaker, c.gender, c.reasons) == before
