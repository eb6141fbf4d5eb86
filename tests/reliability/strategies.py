"""Hypothesis strategies for Arabic news text: cue words, complementizers, speakers, quote marks, colons and
commas, mixed with the hazards real articles carry (diacritics, tatweel, joiners, bidi controls, digits of
three scripts, emoji, CRLF, NUL) and with random text. Shared by the property tests and benchmarks/fuzz_engine.py,
together with `check_properties`, the invariants every engine output must satisfy."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import strategies as st

from quote_desk.core.records import Quote
from quote_desk.core.segment import paragraphs

CUES = [
    "قال", "وقال", "وقالت", "قالت", "أضاف", "وأضافت", "أكد", "وأكدت", "صرّح", "أوضح", "وأوضحت", "تابع", "زعم",
    "نفى", "مؤكداً", "مشيرة إلى", "مضيفاً", "بحسب", "وفقاً لـ", "نقلاً عن", "حسبما", "على لسان", "قوله", "وتابعت",
    "يقول", "تقول", "أعلن", "وأعلنت", "كشف", "ذكرت", "نقلت", "عن",
]  # fmt: skip
COMPLEMENTIZERS = ["إن", "أن", "بأن", "إلى أن", "أنه", "إنها", "أنّ", "إنّ"]
SPEAKERS = [
    "الوزير", "وزير الخارجية", "المتحدث باسم الحكومة", "مصدر مطلع", "مصادر أمنية", "وكالة الأنباء", "محمد العلي",
    "الرئيس", "رئيس الوزراء سامي الخطيب", "الشرطة", "مسؤول رفض الكشف عن اسمه", "الناطقة باسم الجيش ليلى حسن",
    "هو", "هي", "الأمم المتحدة", "د. نادية", "المجلس",
]  # fmt: skip
CONTENT = ["الوضع مستقر", "لن نتراجع", "الأسعار سترتفع", "المفاوضات مستمرة", "نعمل ليلاً ونهاراً", "اليوم", "أمس"]
MARKS = ["«", "»", "“", "”", '"', "'", "„", "‹", "›", "(", ")", "[", "]", "((", "))", "«««", "»»"]
PUNCT = [":", "：", "،", ",", "؛", ";", ".", "…", "؟", "?", "!", " - ", " – ", "/"]
SPACE = [" ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2009"]
HAZARDS = [
    "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u064c", "\u064d", "\u0670",  # diacritics
    "\u0640", "ـــ",  # tatweel
    "\u200d", "\u200c", "\u200b", "\ufeff",  # joiners, zero width space, BOM
    "\u200f", "\u200e", "\u061c", "\u202b", "\u202a", "\u202c", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
    "٠١٢٣", "٤٥٦٧٨٩", "۱۲۳", "۴۵۶", "2026", "%٥٠",  # Arabic-Indic, Persian and ASCII digits
    "🎉", "🙂", "👩\u200d👩\u200d👧", "🇸🇦", "❤️",  # emoji incl. ZWJ sequences and flags
    "\r", "\x00", "\x0c", "\u2028", "\u2029", "\x85",  # odd line ends and control characters
]  # fmt: skip


def _with_marks(word: str, marks: list[str]) -> str:
    """Insert diacritics/tatweel/joiners between the letters of a word."""
    out = []
    for i, ch in enumerate(word):
        out.append(ch)
        if i < len(marks) and ch != " ":
            out.append(marks[i])
    return "".join(out)


def _decorated(words: list[str]) -> st.SearchStrategy[str]:
    inner = st.sampled_from(["", "", "", "\u064e", "\u0651", "\u0640", "\u200d", "\u0652", "\u064b"])
    return st.builds(_with_marks, st.sampled_from(words), st.lists(inner, max_size=6))


piece = st.one_of(
    st.sampled_from(CUES),
    _decorated(CUES),
    st.sampled_from(COMPLEMENTIZERS),
    st.sampled_from(SPEAKERS),
    _decorated(SPEAKERS),
    st.sampled_from(CONTENT),
    st.sampled_from(MARKS),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACE),
    st.sampled_from(HAZARDS),
    st.text(max_size=6),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=8),
)

# A sentence shaped like reported speech, with its parts shuffled by the mixing below.
frame = st.builds(
    lambda cue, sp, sep, comp, op, content, cl, end: f"{cue} {sp}{sep}{comp} {op}{content}{cl}{end}",
    st.sampled_from(CUES) | _decorated(CUES), st.sampled_from(SPEAKERS), st.sampled_from([":", "،", "", " :"]),
    st.sampled_from([*COMPLEMENTIZERS, ""]), st.sampled_from([*MARKS, ""]), st.sampled_from(CONTENT),
    st.sampled_from([*MARKS, ""]), st.sampled_from([".", "", "\n", "؟", "،"]),
)  # fmt: skip

arabic_news = st.lists(st.one_of(piece, frame), max_size=40).map(lambda parts: " ".join(parts))


CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"
CORPUS: list[str] = [p.read_text("utf-8") for p in sorted(CORPUS_DIR.glob("*/*.txt"))]


def _mutate(text: str, edits: list[tuple[float, str, int]]) -> str:
    for where, insert, delete in edits:
        i = int(where * len(text))
        text = text[:i] + insert + text[i + delete :]
    return text


# The project's own test articles with pieces inserted and spans deleted at random places: deep paths of
# the engine (headlines, relays, anaphors across sentences) with hazards in the middle of them.
mutated_article = st.builds(
    _mutate,
    st.sampled_from(CORPUS) if CORPUS else st.just(""),
    st.lists(st.tuples(st.floats(0, 1), st.one_of(piece, frame, st.just("")), st.integers(0, 40)), max_size=12),
)


def check_properties(text: str, quotes: list[Quote], again: list[Quote]) -> None:
    """Raise AssertionError if an output breaks an invariant."""
    paras = paragraphs(text)
    for q in quotes:
        q.check(text)  # every span exact: original[start:end] == text, kinds and confidence valid
        assert q.start < q.end, f"empty content span {q.start}"
        # a word character in the engine's sense (letters, digits, marks: it tokenizes a lone diacritic too)
        assert any(unicodedata.category(ch)[0] in "LNM" for ch in q.text), f"content {q.start}:{q.end} quotes no word"
        para = [p for p in paras if p.start <= q.start and q.end <= p.end]
        if not para:
            # only a direct quote may cross paragraphs: one re-opened with its mark at the start of each next
            # paragraph («… ¶ «… ¶ «…»), or a guillemet quote closed early in the next one without re-opening
            before = text[: q.start].rstrip(" \t\u200f\u200e")
            after = text[q.end :].lstrip(" \t\u200f\u200e")
            assert q.kind == "direct" and before[-1:] in "«“”\"‘’", f"content {q.start}:{q.end} crosses a paragraph boundary"
            spanned = [p for p in paras if p.start < q.end and q.start < p.end]
            for p in spanned[1:]:
                reopened = text[p.start : p.start + 1] in "«“”\"‘’"
                closed_here = p is spanned[-1] and after[:1] == "»"
                assert reopened or closed_here, f"content {q.start}:{q.end} runs into a paragraph that does not go on quoting"
            para = [p for p in paras if p.start <= q.start < p.end]
        for name, s, e in (("cue", q.cue_start, q.cue_end), ("speaker", q.speaker_start, q.speaker_end)):
            if s is not None and e is not None:
                assert 0 <= s <= e <= len(text), f"{name} span {s}:{e} outside the text"
        if q.cue_start is not None and q.cue_end is not None:
            p = para[0]
            assert p.start <= q.cue_start and q.cue_end <= p.end, "cue outside its quote's paragraph"
    assert quotes == again, "output differs between two runs on the same text"


# Files for the reader: random bytes, any text, and our test article or web page with bytes spliced in.
def _splice(data: bytes, cut: tuple[int, bytes]) -> bytes:
    return data[: cut[0]] + cut[1] + data[cut[0] :]


def _spliced(text: str) -> st.SearchStrategy[bytes]:
    raw = text.encode("utf-8")
    return st.tuples(st.integers(0, len(raw)), st.binary(max_size=20)).map(lambda c: _splice(raw, c))


def article_bytes(samples: list[str]) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from(samples).flatmap(_spliced),
    )


FILE_SUFFIXES = [".txt", ".html", ".docx", ".jsonl", ".csv", ".tsv", ".bin"]
