"""Property tests: on any mix of Arabic cue words, marks and punctuation the engine never raises, every span is
exact, inside the text, and the output is deterministic. (The long fuzz run lives in benchmarks/fuzz_engine.py.)"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quote_desk import extract

PIECES = [
    "وقال", "وأضافت", "قالوا", "مؤكداً", "مشيرة إلى", "بحسب", "وفقاً لـ", "نقلت", "عن", "إن", "أن", "بأن", "إلى أن",
    "الوزير", "وزارة الخارجية", "مصادر أمنية", "كاتس", "، ", ": ", ".", "\n", "\n\n", "«", "»", "“", "”", '"', "(", ")",
    "((", "الوضع", "مستقر", "اليوم", "في بيان", "🎉", "\u200f", "ـــ", "َ", "٣", "؟", " ",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_spans_are_exact(text):
    quotes = extract(text, "p")
    for q in quotes:
        q.check(text)
        assert q.start < q.end
    assert quotes == extract(text, "p")
