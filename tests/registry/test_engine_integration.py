"""The engine with the registry's linker: ids, canonical and English names filled; anonymous sources never."""

from __future__ import annotations

from pathlib import Path

import pytest

from quote_desk.core.pipeline import Extractor
from quote_desk.core.records import Quote
from quote_desk.registry import open_linker

ARTICLE = (
    "وقال يسرائيل كاتس، وزير الدفاع الإسرائيلي، إن الجيش سيبقى في المنطقة العازلة.\n\n"
    "وأعلنت وزارة الخارجية السورية أن الوزير تلقى اتصالاً من نظيره الأردني.\n\n"
    "وقالت كايا كالاس إن الاتحاد الأوروبي سيواصل دعم المرحلة الانتقالية.\n\n"
    "ونقلت وكالة رويترز عن مصادر أمنية أن الاشتباكات توقفت ليلاً.\n"
)


@pytest.fixture(scope="module")
def quotes(tmp_path_factory: pytest.TempPathFactory) -> list[Quote]:
    linker = open_linker(Path(tmp_path_factory.mktemp("home")))
    return Extractor(linker=linker).extract(ARTICLE, doc="t")


def test_named_speakers_are_linked(quotes: list[Quote]) -> None:
    by_id = {q.speaker_id: q for q in quotes if q.speaker_id}
    assert "israel-katz" in by_id and by_id["israel-katz"].speaker_en == "Israel Katz"
    assert by_id["israel-katz"].speaker_canonical == "يسرائيل كاتس"
    assert "kaja-kallas" in by_id and by_id["kaja-kallas"].speaker_en == "Kaja Kallas"


def test_invariants_of_linked_quotes(quotes: list[Quote]) -> None:
    assert quotes
    for q in quotes:
        q.check(ARTICLE)
        if q.speaker_type == "anonymous_source":
            assert q.speaker_id is None
        if q.speaker_id:
            assert q.speaker_en and q.speaker_canonical
