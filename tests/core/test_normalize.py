import pytest

from quote_desk.core.normalize import normalize, normalize_name, normalize_with_map, strip_article


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أكد", "اكد"),
        ("إن", "ان"),
        ("آمال", "امال"),
        ("مصطفى", "مصطفي"),
        ("وزارة", "وزاره"),
        ("مؤكداً", "موكدا"),
        ("رئيس", "رييس"),
        ("قالـــت", "قالت"),
        ("قَالَتْ", "قالت"),
        ("\u200fقال\u200e", "قال"),
        ("٢٠٢٦", "2026"),
        ("۱۲۰", "120"),
        ("کاتس", "كاتس"),
    ],
)
def test_fold_table(raw, folded):
    assert normalize(raw) == folded


def test_map_points_back_to_original():
    text = "قالـت الوزارةُ: «نعم»"
    norm, idx = normalize_with_map(text)
    i = norm.index("الوزاره")
    start, end = idx[i], idx[i + len("الوزاره") - 1] + 1
    assert text[start:end] == "الوزارةُ"[:-1]
    assert len(idx) == len(norm) + 1 and idx[-1] == len(text)


def test_name_and_article():
    assert normalize_name("  «الخارجية السورية»، ") == "الخارجيه السوريه"
    assert strip_article("الوزاره") == "وزاره"
    assert strip_article("بالوزاره") == "وزاره"
    assert strip_article("ال") == "ال"


def test_article_stripping_keeps_names():
    assert strip_article("كالاس") == "كالاس"
    assert strip_article("والتر") == "والتر"
    assert strip_article("للوزاره") == "وزاره"
