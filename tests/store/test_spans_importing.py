from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quote_desk.errors import InputError
from quote_desk.store.importing import collect_paths, pasted_article, read_article
from quote_desk.store.spans import narrow, widen

T = "قال الوزير «الميزانيةُ الجديدة ستدعم المدارس» أمس."


def span(s):
    i = T.index(s)
    return i, i + len(s)


def test_widen_end_and_start():
    s, e = span("الجديدة")
    assert T[slice(*widen(T, s, e, "end"))] == "الجديدة ستدعم"
    assert T[slice(*widen(T, s, e, "start"))] == "الميزانيةُ الجديدة"  # the damma stays inside the word


def test_widen_across_quote_mark_and_stops_at_edges():
    s, e = span("الميزانيةُ الجديدة ستدعم المدارس")
    assert T[slice(*widen(T, s, e, "end"))] == "الميزانيةُ الجديدة ستدعم المدارس» أمس"
    assert widen(T, 0, 3, "start") == (0, 3)
    assert widen(T, len(T) - 4, len(T), "end") == (len(T) - 4, len(T))


def test_narrow_both_sides_never_empty():
    s, e = span("الميزانيةُ الجديدة ستدعم")
    assert T[slice(*narrow(T, s, e, "start"))] == "الجديدة ستدعم"
    assert T[slice(*narrow(T, s, e, "end"))] == "الميزانيةُ الجديدة"
    one = span("الجديدة")
    assert narrow(T, *one, "end") == one and narrow(T, *one, "start") == one


def test_widen_does_not_cross_paragraph():
    text = "سطر أول\nسطر ثان"
    s = text.index("سطر ثان")
    assert widen(text, s, len(text), "start") == (s, len(text))


@given(st.text(alphabet="اب ج،.«»\u064e", min_size=1, max_size=30), st.data())
def test_widen_narrow_stay_in_bounds(text, data):
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    for f in (widen, narrow):
        for side in ("start", "end"):
            a, b = f(text, s, e, side)
            assert 0 <= a < b <= len(text)
            if f is widen:
                assert a <= s and b >= e
            else:
                assert a >= s and b <= e


def test_read_article_and_errors(tmp_path):
    good = tmp_path / "a1.txt"
    good.write_bytes("\ufeffعنوان\r\nنص".encode())
    a = read_article(good)
    assert (a.doc, a.text, a.title) == ("a1", "عنوان\nنص", "عنوان")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("وقال الوزير إن الوضع مستقر في المدينة.".encode("cp1256"))
    a = read_article(legacy)  # Windows-1256 is detected, and the assumption is said
    assert a.text == "وقال الوزير إن الوضع مستقر في المدينة." and "windows-1256" in " ".join(a.notes)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.7 binary")
    with pytest.raises(InputError, match="PDF"):
        read_article(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        read_article(empty)
    (tmp_path / "notes.md").write_text("x")
    assert [p.name for p in collect_paths([tmp_path])] == ["a1.txt", "bad.txt", "empty.txt", "legacy.txt"]
    with pytest.raises(InputError, match="no such"):
        collect_paths([tmp_path / "missing"])


def test_pasted_article_id_is_stable():
    a, b = pasted_article("نص ملصوق"), pasted_article("نص ملصوق")
    assert a.doc == b.doc and a.doc.startswith("pasted-")
    with pytest.raises(InputError):
        pasted_article("   ")
