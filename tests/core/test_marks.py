import pytest

from quote_desk.core.rules.marks import find_marks
from quote_desk.core.segment import paragraphs


def spans(text):
    return [(text[m.start : m.end], m.closed) for m in find_marks(text, paragraphs(text))]


@pytest.mark.parametrize(
    "text",
    [
        "قال: «الطريق مفتوح»",
        "قال: “الطريق مفتوح”",
        "قال: ”الطريق مفتوح“",
        'قال: "الطريق مفتوح"',
        "قال: ‘الطريق مفتوح’",
        "قال: (الطريق مفتوح)",
        "قال: ((الطريق مفتوح))",
    ],
)
def test_every_mark_style_pairs(text):
    assert spans(text) == [("الطريق مفتوح", True)]


def test_parentheses_without_colon_are_asides():
    assert spans("قوات سوريا الديمقراطية (قسد) انسحبت") == []


def test_unbalanced_mark_stops_at_paragraph_end():
    text = "وقال: «لن نتراجع عن القرار\n\nفقرة تالية لا علاقة لها."
    assert spans(text) == [("لن نتراجع عن القرار", False)]


def test_nested_guillemets():
    assert spans("قال: «أعلنوا «الهدنة» اليوم»") == [("أعلنوا «الهدنة» اليوم", True)]
