"""The stanza backend on tiny real models: offline construction, load once, clitics, features, entities and
offsets into the original text. Sentences are of the kind the tiny models were trained on (their quality on
really new text is low; these tests check the mechanics, not the models)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quote_desk.core.nlp.backend import Analysis, NlpBackend
from quote_desk.core.nlp.stanza_backend import (
    StanzaBackend,
    clean_for_stanza,
    forget_pipelines,
    load_pipeline,
)
from quote_desk.core.normalize import DIACRITICS

FEM = "وقالت الوزيرة ليلى منصور إن الوضع الأمني مستقر."
MASC = "وقال الوزير سامر حداد إن الحكومة تدعم الاقتصاد الوطني."
ORG = "وأعلنت وزارة الصحة في بيان أن المستشفيات تعمل بكامل طاقتها."
DROPPED = "وأضافت أن الأسعار ارتفعت بشكل كبير."


def doc_of(*sentences: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, pos = "", [], 0
    for s in sentences:
        if text:
            text += " "
            pos += 1
        text += s
        spans.append((pos, pos + len(s)))
        pos += len(s)
    return text, spans


@pytest.fixture(scope="module")
def backend(tiny_models: Path) -> StanzaBackend:
    return StanzaBackend(tiny_models).load()


def word_at(a: Analysis, text: str, surface: str, upos: str | None = None):
    hits = [w for w in a.words if text[w.start:w.end] == surface and (upos is None or w.upos == upos)]
    assert hits, [(text[w.start:w.end], w.text, w.upos) for w in a.words]
    return hits[0]


def test_pipeline_builds_offline_on_cpu_without_network(tiny_models: Path, no_network: list[str]) -> None:
    forget_pipelines()
    nlp = load_pipeline(tiny_models)
    assert no_network == []
    assert str(nlp.device) == "cpu"
    assert set(nlp.processors) == {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"}


def test_pipeline_is_loaded_once_per_process(tiny_models: Path) -> None:
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(StanzaBackend(tiny_models).load()._nlp)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 3 and all(g is got[0] for g in got)
    assert StanzaBackend(tiny_models)._nlp is None  # lazy until used


def test_backend_satisfies_protocol(backend: StanzaBackend) -> None:
    assert isinstance(backend, NlpBackend) and backend.name == "stanza"


def test_clitics_split_and_share_the_token_span(backend: StanzaBackend) -> None:
    text, spans = doc_of(MASC, ORG)
    first, second = backend.analyse(text, spans)
    wa, qal = first.words[0], first.words[1]
    assert (wa.text, qal.text) == ("و", "قال")
    assert (wa.start, wa.end) == (qal.start, qal.end) == (0, 4) == (qal.token_start, qal.token_end)
    assert wa.upos == "CCONJ" and qal.upos == "VERB" and qal.lemma == "قال"
    # a pronoun suffix: طاقتها = طاقة + ها, both on the token's span in the second sentence
    parts = [w for w in second.words if text[w.start:w.end] == "طاقتها"]
    assert [w.text for w in parts] == ["طاقة", "ها"]
    assert parts[1].upos == "PRON"


def test_cue_verb_features_give_gender_number_person(backend: StanzaBackend) -> None:
    text, spans = doc_of(FEM, MASC, DROPPED)
    fem, masc, dropped = backend.analyse(text, spans)
    for a, gender in ((fem, "Fem"), (masc, "Masc"), (dropped, "Fem")):
        verb = next(w for w in a.words if w.upos == "VERB")
        assert verb.start == a.start  # the cue verb inside the first token (و+قال)
        assert verb.feat("Gender") == gender
        assert verb.feat("Number") == "Sing" and verb.feat("Person") == "3"


def test_entities_have_exact_original_spans(backend: StanzaBackend) -> None:
    text, spans = doc_of(FEM, ORG)
    fem, org = backend.analyse(text, spans)
    assert [(e.text, e.label) for e in fem.entities] == [("ليلى منصور", "PER")]
    assert [(e.text, e.label) for e in org.entities] == [("وزارة الصحة", "ORG")]
    for a in (fem, org):
        for e in a.entities:
            assert text[e.start:e.end] == e.text
            assert a.start <= e.start < e.end <= a.end


def test_dependency_tree_and_subject_of_the_cue(backend: StanzaBackend) -> None:
    text, spans = doc_of(MASC)
    (a,) = backend.analyse(text, spans)
    heads = [w.head for w in a.words]
    assert heads.count(-1) == 1
    assert all(h is not None and -1 <= h < len(a.words) for h in heads)
    assert all(w.deprel for w in a.words)
    verb_i = next(i for i, w in enumerate(a.words) if w.upos == "VERB")
    subj = [w for w in a.words if w.head == verb_i and w.deprel == "nsubj"]
    assert [text[w.start:w.end] for w in subj] == ["الوزير"]


def test_tatweel_and_elongation_are_removed_but_offsets_stay_original(backend: StanzaBackend) -> None:
    plain_text, plain_spans = doc_of(FEM)
    (plain,) = backend.analyse(plain_text, plain_spans)
    stretched = "وقالـــت الوزيرة ليلى منصووووور إن الوضع الأمني مستقر."
    (a,) = backend.analyse(stretched, [(0, len(stretched))])
    assert [w.text for w in a.words] == [w.text for w in plain.words]
    verb = word_at(a, stretched, "وقالـــت", "VERB")
    assert verb.text == "قالت" and verb.feat("Gender") == "Fem"
    assert [(e.text, e.label) for e in a.entities] == [("ليلى منصووووور", "PER")]
    for w in a.words:
        assert stretched[w.start:w.end].strip() == stretched[w.start:w.end] != ""


def test_lemmas_carry_no_diacritics(backend: StanzaBackend) -> None:
    text = "وقالَتْ الوزيرةُ ليلى منصور إنَّ الوضعَ الأمنيَّ مستقرٌّ."
    (a,) = backend.analyse(text, [(0, len(text))])
    assert a.words
    assert all(not set(w.lemma or "") & set(DIACRITICS) for w in a.words)


def test_one_analysis_per_span_in_order_including_empty_ones(backend: StanzaBackend) -> None:
    text = "   \n" + MASC + "\n\n" + FEM
    s1 = text.index(MASC)
    s2 = text.index(FEM)
    spans = [(0, 3), (s1, s1 + len(MASC)), (s1, s1), (s2, s2 + len(FEM))]
    out = backend.analyse(text, spans)
    assert [(a.start, a.end) for a in out] == spans
    assert out[0].words == () and out[2].words == ()
    assert out[1].words and out[3].words
    for a in out:
        assert all(a.start <= w.start < w.end <= a.end for w in a.words)
    assert backend.analyse(text, []) == []


def test_odd_input_never_crashes(backend: StanzaBackend) -> None:
    text = "ا" * 3000 + " Reuters 2024 «quote» " + "\u200f" + "كبير"
    (a,) = backend.analyse(text, [(0, len(text))])
    assert all(0 <= w.start < w.end <= len(text) for w in a.words)
    with pytest.raises(ValueError, match="outside the text"):
        backend.analyse("abc", [(0, 10)])


@given(st.text(alphabet="قالـتيي ووو.«»\u0640\u064e", max_size=40))
def test_clean_map_points_back_to_the_same_characters(text: str) -> None:
    clean, idx = clean_for_stanza(text)
    assert len(idx) == len(clean) + 1 and idx[-1] == len(text)
    assert all(clean[i] == text[idx[i]] for i in range(len(clean)))
    assert idx[:-1] == sorted(set(idx[:-1]))
    assert "\u0640" not in clean
    assert not any(clean[i] == clean[i + 1] == clean[i + 2] and clean[i] in "قالتيو" for i in range(len(clean) - 2))


def test_analyses_from_threads_match_sequential_ones(backend: StanzaBackend) -> None:
    text, spans = doc_of(FEM, MASC, ORG, DROPPED)
    expected = backend.analyse(text, spans)
    results: list[list[Analysis]] = []
    threads = [threading.Thread(target=lambda: results.append(backend.analyse(text, spans))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 3
