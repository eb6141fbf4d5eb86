"""The engine with the stanza backend on tiny real models, on the held-apart split of the tiny treebank.

The tiny models were trained on sentences of the same templates, so the numbers are a mechanics check (does
the evidence reach the engine and move the right things), not a quality claim for real text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quote_desk.core.config import EngineConfig
from quote_desk.core.evaluate import evaluate, load_gold
from quote_desk.core.nlp import models
from quote_desk.core.nlp.stanza_backend import StanzaBackend
from quote_desk.core.pipeline import Extractor

OFF = EngineConfig(use_backend_entities=False, use_backend_features=False, use_backend_syntax=False)


@pytest.fixture(scope="module")
def heldout(tiny_data: Path) -> tuple[dict, dict[str, str]]:
    folder = tiny_data / "heldout"
    gold = load_gold(folder)
    return gold, {doc: (folder / f"{doc}.txt").read_text(encoding="utf-8") for doc in gold}


@pytest.fixture(scope="module")
def backend(tiny_models: Path) -> StanzaBackend:
    return StanzaBackend(tiny_models).load()


def run(ex: Extractor, texts: dict[str, str]) -> dict:
    return {doc: ex.extract(t, doc=doc) for doc, t in texts.items()}


def test_quotes_from_the_stanza_path_keep_exact_offsets(heldout, backend) -> None:
    _, texts = heldout
    preds = run(Extractor(backend=backend), texts)
    assert sum(len(q) for q in preds.values()) > 0
    for doc, qs in preds.items():
        for q in qs:
            q.check(texts[doc])


def test_with_all_evidence_off_the_backend_changes_nothing(heldout, backend) -> None:
    _, texts = heldout
    assert run(Extractor(config=OFF, backend=backend), texts) == run(Extractor(), texts)


def test_entity_evidence_sharpens_speakers_on_the_held_apart_split(heldout, backend) -> None:
    gold, texts = heldout
    rules = evaluate(gold, run(Extractor(), texts)).as_dict()["total"]
    ents_only = evaluate(gold, run(Extractor(config=replace(OFF, use_backend_entities=True), backend=backend),
                                   texts)).as_dict()["total"]
    full_preds = run(Extractor(backend=backend), texts)
    full = evaluate(gold, full_preds).as_dict()["total"]
    assert full["f1"] == rules["f1"]  # the backend does not find or drop quotes
    assert ents_only["speaker_accuracy"] >= rules["speaker_accuracy"]
    assert full["speaker_accuracy"] >= rules["speaker_accuracy"]
    if rules["speaker_accuracy"] < 1.0:
        assert full["speaker_accuracy"] > rules["speaker_accuracy"]
        tags = {p for qs in full_preds.values() for q in qs for p in q.reason.split("+") if p.startswith("nlp:speaker")}
        assert tags


def test_participle_after_a_name_is_cut_by_the_person_entity(backend) -> None:
    text = "وتابعت ليلى منصور قائلة: «الوضع الأمني مستقر»."
    (q,) = [q for q in Extractor(backend=backend).extract(text) if q.kind == "direct"]
    assert q.speaker == "ليلى منصور"
    rules_q = next(r for r in Extractor().extract(text) if r.kind == "direct")
    if rules_q.speaker != "ليلى منصور":
        assert "nlp:speaker-trimmed" in q.reason


def test_missing_models_fall_back_to_rules_with_a_notice(tmp_path: Path) -> None:
    choice = models.select_backend("stanza", tmp_path / "none")
    text = "وقال الوزير سامر حداد إن الحكومة تدعم الاقتصاد الوطني."
    assert choice.notice and "rules-only" in choice.notice
    assert Extractor(backend=choice.backend).extract(text) == Extractor().extract(text)
