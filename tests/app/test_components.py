"""Model/proxy, article view (UTF-16 boundary), action registry (Arabic layout), settings, workers, picker."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt, QThread
from PySide6.QtGui import QKeyEvent, QTextFormat
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from quote_desk.app.actions import ACTIONS, ActionRegistry, PhysicalKeyFilter, physical_latin_key
from quote_desk.app.article_view import ArticleView
from quote_desk.app.models import (
    COL_QUOTE,
    COL_SPEAKER,
    DirectionalDelegate,
    QuoteFilter,
    QuoteFilterProxy,
    QuoteTableModel,
    first_strong_is_rtl,
)
from quote_desk.app.settings import Settings
from quote_desk.app.speaker_picker import SpeakerCandidate, SpeakerPicker, merge_candidates, rank
from quote_desk.app.utf16 import Utf16Map
from quote_desk.app.workers import run_in_background
from quote_desk.core.records import Quote
from quote_desk.store import ReviewProject
from tests.app.keys import arabic_key_event, type_text
from tests.store.desk_data import ARTICLES, FakeExtractor


@pytest.fixture
def project():
    p = ReviewProject.open(":memory:", reviewer="t")
    for doc, text in ARTICLES.items():
        p.import_article(doc, text, FakeExtractor().extract(text, doc))
    yield p
    p.close()


# ---------------------------------------------------------------- UTF-16 boundary
@given(st.lists(st.sampled_from([*"ابت ج", "😀", "\u064e", "e\u0301", "🇸🇦", "\U0001d400"]), max_size=30).map("".join))
def test_utf16_map_matches_encoding(text):
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        q = len(text[:i].encode("utf-16-le")) // 2
        assert m.to_qt(i) == q
        assert m.from_qt(q) == i


def test_highlights_after_emoji_and_combining_marks(qtbot):
    text = "تغريدة 🙂🙂 مع تشكيلٍ: قال الوزيرُ «نحن مستعدون 👍 تمامًا» اليوم."
    s = text.index("نحن")
    e = text.index("»")
    cs = text.index("قال")
    ss = text.index("الوزيرُ")
    q = Quote(doc="t", start=s, end=e, text=text[s:e], kind="direct", cue="قال", cue_start=cs, cue_end=cs + 3,
              speaker="الوزيرُ", speaker_start=ss, speaker_end=ss + len("الوزيرُ"), speaker_canonical=None,
              speaker_id=None, title=None, speaker_type="person", via=None, confidence=0.9, reason="t")  # fmt: skip
    q.check(text)
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(1, text)
    view.show_quote(q)
    assert view.qt_span_text("content") == q.text
    assert view.qt_span_text("cue") == "قال"
    assert view.qt_span_text("speaker") == "الوزيرُ"
    assert view.spans["content"][0] == s + 2  # two emoji before the span: two extra UTF-16 units
    # Highlights only paint background/underline: no font change that could break Arabic joining.
    for sel in view.extraSelections():
        props = set(sel.format.properties())
        assert not props & {QTextFormat.Property.FontWeight, QTextFormat.Property.FontFamilies,
                            QTextFormat.Property.FontPointSize, QTextFormat.Property.FontItalic}  # fmt: skip
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert view.toPlainText() == text  # one document, text unchanged by the decoration


def test_article_not_reloaded_when_moving_within_it(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(7, ARTICLES["budget"])
    doc = view.document()
    rev = doc.revision()
    view.set_article(7, ARTICLES["budget"])
    assert view.document() is doc and doc.revision() == rev


# ---------------------------------------------------------------- model and proxy
def test_models_pass_qtmodeltester(qtmodeltester, project):
    model = QuoteTableModel()
    model.set_rows(project.rows())
    qtmodeltester.check(model)
    proxy = QuoteFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(QuoteFilter(text="الخبز"))
    qtmodeltester.check(proxy)


def make_proxy(project):
    model = QuoteTableModel()
    model.set_rows(project.rows())
    proxy = QuoteFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_filters(project):
    model, proxy = make_proxy(project)
    assert proxy.rowCount() == 5
    # Free text is normalised: hamza/alef forms, ta marbuta and diacritics do not matter.
    proxy.set_filter(QuoteFilter(text="الميزانيه الجديده"))
    assert [r.quote.text[:9] for r in proxy.visible_rows()] == ["الميزانية"]
    proxy.set_filter(QuoteFilter(text="اسعار"))  # أسعار written without hamza
    assert len(proxy.visible_rows()) == 1
    proxy.set_filter(QuoteFilter(speaker="النجار"))
    assert {r.quote.speaker for r in proxy.visible_rows()} == {"النجار"}
    proxy.set_filter(QuoteFilter(article="water"))
    assert {r.quote.doc for r in proxy.visible_rows()} == {"water"}
    first = project.rows()[0]
    model.update_rows([project.decide(first.id, "accepted")])
    proxy.set_filter(QuoteFilter(statuses=frozenset({"pending"})))
    assert first.id not in {r.id for r in proxy.visible_rows()} and proxy.rowCount() == 4
    proxy.set_filter(QuoteFilter(min_confidence=0.9))
    assert proxy.rowCount() == 0  # the stand-in extractor gives 0.8
    proxy.set_filter(QuoteFilter(min_confidence=0.8, max_confidence=0.8))
    assert proxy.rowCount() == 5


def test_sorting_by_confidence_uses_numbers(project, qtbot):
    p = ReviewProject.open(":memory:")
    text = ARTICLES["budget"]
    qs = FakeExtractor().extract(text, "budget")
    from dataclasses import replace

    p.import_article("budget", text, [replace(q, confidence=c) for q, c in zip(qs, (0.9, 0.15, 0.5), strict=True)])
    model, proxy = make_proxy(p)
    assert model.rowCount() == 3
    from quote_desk.app.models import COL_CONFIDENCE

    proxy.sort(COL_CONFIDENCE, Qt.SortOrder.AscendingOrder)
    assert [r.quote.confidence for r in proxy.visible_rows()] == [0.15, 0.5, 0.9]


def test_cells_take_their_own_direction(project):
    model, _ = make_proxy(project)
    from PySide6.QtWidgets import QStyleOptionViewItem

    delegate = DirectionalDelegate()
    opt = QStyleOptionViewItem()
    delegate.initStyleOption(opt, model.index(0, COL_QUOTE))
    assert opt.direction == Qt.LayoutDirection.RightToLeft
    assert first_strong_is_rtl("«نص» ABC") and not first_strong_is_rtl("Khaled al-Omari (خالد)")
    assert model.index(0, COL_SPEAKER).data() == "العمري"


# ---------------------------------------------------------------- actions and keyboard layouts
class _Win(QWidget):
    pass


@pytest.fixture
def registry_window(qtbot):
    w = _Win()
    qtbot.addWidget(w)
    reg = ActionRegistry(w)
    f = PhysicalKeyFilter(reg, w)
    QApplication.instance().installEventFilter(f)
    edit = QLineEdit(w)
    w.show()
    yield w, reg, edit
    QApplication.instance().removeEventFilter(f)


def test_arabic_layout_letter_fires_action(registry_window):
    w, reg, edit = registry_window
    fired = []
    reg.connect("accept_next", lambda: fired.append("accept"))
    reg.connect("next", lambda: fired.append("next"))
    # The A key with the Arabic layout types "ش"; J types "ت".
    QApplication.sendEvent(w, arabic_key_event(QEvent.Type.KeyPress, "ش"))
    QApplication.sendEvent(w, arabic_key_event(QEvent.Type.KeyPress, "ت"))
    assert fired == ["accept", "next"]
    # Typing Arabic into a text field types it: no action fires.
    type_text(edit, "شت")
    assert edit.text() == "شت" and fired == ["accept", "next"]


def test_physical_key_sources():
    ev = QKeyEvent(QEvent.Type.KeyPress, 0x0634, Qt.KeyboardModifier.NoModifier, 0, 0x41, 0, "ش")
    assert physical_latin_key(ev, "win32") == "A"
    ev = QKeyEvent(QEvent.Type.KeyPress, 0x0634, Qt.KeyboardModifier.NoModifier, 0, 0, 0, "ش")
    assert physical_latin_key(ev, "darwin") == "A"  # mac key code 0 is A
    ev = QKeyEvent(QEvent.Type.KeyPress, 0x0634, Qt.KeyboardModifier.NoModifier, 999, 0, 0, "ش")
    assert physical_latin_key(ev, "linux") == "A"  # unknown key code: the Arabic layout table
    ev = QKeyEvent(QEvent.Type.KeyPress, 0x061F, Qt.KeyboardModifier.ShiftModifier, 0, 0, 0, "؟")
    assert physical_latin_key(ev, "linux") == "?"


def test_arabic_question_mark_opens_help_and_ctrl_letter_works(registry_window):
    w, reg, _ = registry_window
    fired = []
    reg.connect("help", lambda: fired.append("help"))
    reg.connect("undo", lambda: fired.append("undo"))
    QApplication.sendEvent(w, arabic_key_event(QEvent.Type.KeyPress, "؟", Qt.KeyboardModifier.ShiftModifier))
    QApplication.sendEvent(w, arabic_key_event(QEvent.Type.KeyPress, "ئ", Qt.KeyboardModifier.ControlModifier))
    assert fired == ["help", "undo"]


def test_shortcuts_in_tooltips_defaults_and_rebinding(registry_window, tmp_path):
    w, reg, _ = registry_window
    assert "Return" in reg.actions["accept_next"].toolTip() or "Enter" in reg.actions["accept_next"].toolTip()
    assert not reg.conflicts()
    # Defaults avoid letters for the main triage keys.
    for aid in ("accept_next", "reject_next", "skip", "next", "previous", "edit_speaker"):
        first = next(s for s in ACTIONS if s.id == aid).shortcuts[0]
        assert len(first) > 1
    s = Settings(tmp_path / "s.ini")
    s.set_shortcut("accept_next", ["Ctrl+Return"])
    reg2 = ActionRegistry(w, Settings(tmp_path / "s.ini").shortcut_overrides())
    assert [k.toString() for k in reg2.actions["accept_next"].shortcuts()] == ["Ctrl+Return"]
    reg2.set_shortcuts("skip", ["Ctrl+Return"])
    assert reg2.conflicts()


# ---------------------------------------------------------------- settings
def test_settings_round_trip_types(tmp_path):
    s = Settings(tmp_path / "q.ini")
    s.set("review/confirm_bulk", False)
    s.add_recent("/only/one.qdproj")
    again = Settings(tmp_path / "q.ini")
    assert again.get("review/confirm_bulk") is False
    assert again.recent_projects() == ["/only/one.qdproj"]  # a one-element list stays a list
    for i in range(12):
        again.add_recent(f"/p{i}")
    assert len(again.recent_projects()) == 8 and again.recent_projects()[0] == "/p11"
    assert "[review]" in (tmp_path / "q.ini").read_text()
    with pytest.raises(KeyError):
        s.set("nope", 1)


def test_settings_default_location_is_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTE_DESK_CONFIG_DIR", str(tmp_path / "cfg"))
    assert Settings().path == tmp_path / "cfg" / "quote_desk.ini"


# ---------------------------------------------------------------- background work
def test_run_in_background_progress_items_done_in_gui_thread(qtbot):
    seen = []
    gui = QThread.currentThread()

    def work(job):
        for i in range(3):
            job.emit(i)
            job.progress(i + 1, 3, "x")
        return threading.current_thread().name

    def check(*a):
        assert QThread.currentThread() is gui
        seen.append(a)

    job = run_in_background(work, on_item=check, on_progress=check, on_done=check)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert [a for a in seen if len(a) == 1 and isinstance(a[0], int)] == [(0,), (1,), (2,)]
    assert seen[-1][0] != threading.current_thread().name  # the work ran in another thread


def test_run_in_background_error_and_cancel(qtbot):
    errors = []
    job = run_in_background(lambda job: 1 / 0, on_error=lambda e, tb: errors.append((e, tb)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert isinstance(errors[0][0], ZeroDivisionError) and "ZeroDivisionError" in errors[0][1]

    gate = threading.Event()

    def slow(job):
        gate.wait(5)
        return job.cancelled

    done = []
    job = run_in_background(slow, on_done=done.append)
    job.cancel()
    gate.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert done == [True]


# ---------------------------------------------------------------- speaker picker
CANDS = [
    SpeakerCandidate("خالد العمري", "Q1", "Khaled al-Omari", "registry"),
    SpeakerCandidate("سلمى الحداد", None, None, "document"),
    SpeakerCandidate("يوسف النجار", None, "Youssef al-Najjar", "project"),
]


def test_rank_fuzzy_arabic_and_english():
    assert rank("خالد", CANDS)[0][1].speaker_id == "Q1"
    assert rank("العمرى", CANDS)[0][1].name == "خالد العمري"  # alef maqsura for ya
    assert rank("Najar", CANDS)[0][1].name == "يوسف النجار"  # English name with a typo
    assert rank("سلمي الحدد", CANDS)[0][1].name == "سلمى الحداد"
    assert rank("زينب", CANDS) == []
    merged = merge_candidates([CANDS, [SpeakerCandidate("خالد العمري", "Q1", None, "project")]])
    assert len(merged) == 3


def test_picker_keys(qtbot):
    p = SpeakerPicker(CANDS, "")
    qtbot.addWidget(p)
    p.show()
    type_text(p.edit, "العمر")
    qtbot.keyClick(p.edit, Qt.Key.Key_Return)
    assert p.chosen is not None and p.chosen.speaker_id == "Q1"
    p2 = SpeakerPicker(CANDS, "")
    qtbot.addWidget(p2)
    p2.show()
    type_text(p2.edit, "سلمى")
    qtbot.keyClick(p2.edit, Qt.Key.Key_Down)  # past the match: the "new speaker" entry
    qtbot.keyClick(p2.edit, Qt.Key.Key_Return)
    assert p2.chosen is not None and p2.chosen.source == "new" and p2.chosen.name == "سلمى"
    assert p2.edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    p2.edit.clear()
    type_text(p2.edit, "Salma")
    assert p2.edit.layoutDirection() == Qt.LayoutDirection.LeftToRight  # the cursor follows what is typed



class _FakeEntity:
    def __init__(self, id, canonical, english=None, aliases=()):
        self.id, self.canonical, self.english, self.aliases = id, canonical, english, aliases


class _FakeRegistry:
    """Stands in for quote_desk.registry (built on another branch) with the API the picker uses."""

    ENTITY_TYPES = ("person", "organization", "media", "group")

    def __init__(self):
        self.entities_list = [_FakeEntity("Q7", "كايا كالاس", "Kaja Kallas", ("كالاس",))]
        self.added = []

    def open_registry(self):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return None

    def entities(self):
        return list(self.entities_list)

    def add(self, canonical, *, type):
        if any(e.canonical == canonical for e in self.entities_list):
            raise ValueError(f"{canonical} is already in the registry")
        e = _FakeEntity(f"u-{len(self.added)}", canonical)
        self.added.append((canonical, type))
        self.entities_list.append(e)
        return e


def test_registry_candidates_used_when_installed(monkeypatch):
    import sys

    from quote_desk.app.speaker_picker import add_to_registry, registry_candidates

    fake = _FakeRegistry()
    monkeypatch.setitem(sys.modules, "quote_desk.registry", fake)
    cands = registry_candidates()
    assert [(c.name, c.speaker_id, c.source) for c in cands] == [("كايا كالاس", "Q7", "registry")]
    assert rank("كالاس", cands)[0][1].speaker_id == "Q7"  # found through an alias
    new, why = add_to_registry("ليلى منصور", "anonymous_source")
    assert why is None and new is not None and new.speaker_id == "u-0"
    assert fake.added == [("ليلى منصور", "person")]  # an unknown type becomes a person
    again, why = add_to_registry("ليلى منصور", "person")
    assert again is None and "already" in why


def test_registry_absent_or_broken_is_tolerated(monkeypatch):
    import sys

    from quote_desk.app.speaker_picker import add_to_registry, registry_candidates

    monkeypatch.setitem(sys.modules, "quote_desk.registry", None)  # import fails
    assert registry_candidates() == [] and add_to_registry("x", None) == (None, None)

    class Broken:
        def open_registry(self):
            raise OSError("locked")

    monkeypatch.setitem(sys.modules, "quote_desk.registry", Broken())
    assert registry_candidates() == []
