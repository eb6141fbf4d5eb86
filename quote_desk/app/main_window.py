"""The desk's main window: the queue beside the article, an edit strip, filters, and keyboard triage.

Every decision and edit is written to the review project before the queue moves on; undo and redo write
compensating changes. Long work (import + extraction) runs through run_in_background.
"""

from __future__ import annotations

import getpass
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quote_desk.app.actions import ACTIONS, ActionRegistry, PhysicalKeyFilter
from quote_desk.app.article_view import ArticleView
from quote_desk.app.dialogs import AboutDialog, ExportDialog, SettingsDialog
from quote_desk.app.help_overlay import HelpOverlay
from quote_desk.app.i18n import tr_n
from quote_desk.app.models import (
    COL_ARTICLE,
    COL_CONFIDENCE,
    COL_CUE,
    COL_KIND,
    COL_QUOTE,
    COL_SPEAKER,
    COL_STATUS,
    DirectionalDelegate,
    QuoteFilter,
    QuoteFilterProxy,
    QuoteTableModel,
    follow_text_direction,
    is_dark,
    kind_label,
    status_label,
)
from quote_desk.app.models_page import BackendNoticeLabel
from quote_desk.app.paths import PROJECT_SUFFIX
from quote_desk.app.settings import Settings
from quote_desk.app.speaker_picker import (
    SpeakerCandidate,
    SpeakerPicker,
    add_to_registry,
    merge_candidates,
    registry_candidates,
)
from quote_desk.app.undo import StoreCommand
from quote_desk.app.workers import Job, run_in_background
from quote_desk.core.records import KINDS
from quote_desk.errors import QuoteDeskError
from quote_desk.store import ACCEPTED_STATUSES, ProjectCorruptError, QuoteRow, ReviewProject, restore_backup
from quote_desk.store.importing import ArticleSource, collect_paths, pasted_article, read_sources
from quote_desk.store.project import text_hash
from quote_desk.store.safety import backup_time
from quote_desk.store.spans import narrow, widen

ExtractorFactory = Callable[[], Any]


def tr(text: str) -> str:
    return QCoreApplication.translate("DeskWindow", text)


def default_extractor_factory(settings_path: str | Path | None = None,
                              notify: Callable[[str], None] | None = None) -> Any:
    """The Extractor with the backend chosen in settings (Models tab) and the registry linker. Runs in the import
    worker: `notify` gets the fallback notice ("" when the chosen backend loaded) and must be thread-safe."""
    try:
        from quote_desk.core.pipeline import Extractor
    except ImportError as exc:
        raise QuoteDeskError("the extraction engine is not available in this build of quote_desk") from exc
    from quote_desk.app.models_page import backend_choice

    choice = backend_choice(settings_path)  # stanza that cannot load gives rules-only and a notice, never raises
    if notify is not None:
        notify(choice.notice or "")
    linker = None
    try:  # link speakers to the editor's registry; without one (or with a broken one) extraction still works
        from quote_desk.registry import open_linker

        linker = open_linker()
    except Exception:
        linker = None
    return Extractor(backend=choice.backend, linker=linker)


def fsi(s: str) -> str:
    """Isolate an id or path inside a sentence of the other direction (display only, never stored)."""
    return "\u2068" + s + "\u2069"


FILTER_DELAY_MS = 150  # typing pause after which the queue is filtered


class FilterEdit(QLineEdit):
    """A filter field: Enter and Esc hand the keyboard back to the queue instead of firing review shortcuts."""

    leave = Signal()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and e.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape
        ):  # fmt: skip
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.leave.emit()
            return
        super().keyPressEvent(e)


class DeskWindow(QMainWindow):
    decision_made = Signal(int, str)  # quote id, new status (for tests and the kill test's driver)
    import_finished = Signal()

    def __init__(
        self,
        project: ReviewProject,
        settings: Settings,
        extractor_factory: ExtractorFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("desk_window")
        self.project = project
        self.settings = settings
        self.backend_label = BackendNoticeLabel(self)  # stanza chosen but not loadable: said once, rules-only
        self.extractor_factory = extractor_factory or (
            lambda: default_extractor_factory(settings.path, self.backend_label.notice.emit))
        self.project.reviewer = settings.get("review/reviewer") or _user_name()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.job: Job | None = None
        self.open_failure: tuple[str, str] | None = None  # (project, why) when the start-up project could not open
        self.dialog: QWidget | None = None  # the open dialog, if any (tests drive it through keys)
        self._item_started = time.monotonic()
        self._article_cache: dict[int, str] = {}
        self._titles: dict[int, str | None] = {}
        self._import_report: dict[str, Any] = {}
        self.registry = ActionRegistry(self, settings.shortcut_overrides())
        self._key_filter = PhysicalKeyFilter(self.registry, self)
        QApplication.instance().installEventFilter(self._key_filter)
        self._build()
        self.statusBar().addPermanentWidget(self.backend_label)
        self._wire()
        self.setAcceptDrops(True)
        self.apply_theme()
        self.load_rows()
        self._restore_state()

    # ================================================================== building
    def _build(self) -> None:
        self.model = QuoteTableModel(self)
        self.proxy = QuoteFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.table = QTableView(self)
        self.table.setObjectName("queue")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(DirectionalDelegate(self.table))
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no ResizeToContents: 10k rows stay fast
        vh.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        vh.hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, w in ((COL_STATUS, 95), (COL_SPEAKER, 130), (COL_CUE, 70), (COL_QUOTE, 300), (COL_KIND, 70),
                       (COL_CONFIDENCE, 50), (COL_ARTICLE, 110)):  # fmt: skip
            hh.resizeSection(col, w)
        hh.setStretchLastSection(True)

        # Filters
        self.filter_text = FilterEdit(self)
        self.filter_text.setObjectName("filter_text")
        self.filter_text.setClearButtonEnabled(True)
        follow_text_direction(self.filter_text)
        self.filter_text.setPlaceholderText(tr("Search quotes, speakers, cues (%1)").replace(
            "%1", self.registry.native_text("find", 1)))  # fmt: skip
        self.filter_status = QComboBox(self)
        self.filter_status.setObjectName("filter_status")
        self.filter_status.addItem(tr("All"), "")
        self.filter_status.addItem(status_label("pending"), "pending")
        self.filter_status.addItem(tr("Reviewed"), "reviewed")
        for s in ("accepted", "edited", "rejected"):
            self.filter_status.addItem(status_label(s), s)
        self.filter_article = QComboBox(self)
        self.filter_article.setObjectName("filter_article")
        self.filter_speaker = FilterEdit(self)
        self.filter_speaker.setObjectName("filter_speaker")
        self.filter_speaker.setPlaceholderText(tr("Speaker"))
        follow_text_direction(self.filter_speaker)
        self.filter_min = QDoubleSpinBox(self)
        self.filter_max = QDoubleSpinBox(self)
        for sb, v in ((self.filter_min, 0.0), (self.filter_max, 1.0)):
            sb.setRange(0.0, 1.0)
            sb.setSingleStep(0.05)
            sb.setDecimals(2)
            sb.setValue(v)
        self.filter_min.setToolTip(tr("Lowest confidence shown"))
        self.filter_max.setToolTip(tr("Highest confidence shown"))
        f1 = QHBoxLayout()
        f1.addWidget(self.filter_text, 3)
        f1.addWidget(self.filter_status, 1)
        f2 = QHBoxLayout()
        f2.addWidget(self.filter_speaker, 2)
        f2.addWidget(self.filter_article, 2)
        f2.addWidget(QLabel(tr("Confidence"), self))
        f2.addWidget(self.filter_min)
        f2.addWidget(QLabel("–", self))
        f2.addWidget(self.filter_max)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        lv.addLayout(f1)
        lv.addLayout(f2)
        lv.addWidget(self.table, 1)

        # Article and edit strip
        self.article_title = QLabel(self)
        self.article_title.setObjectName("article_title")
        self.article_title.setWordWrap(True)
        self.article_view = ArticleView(self)
        self.article_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        font = self.article_view.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)  # Arabic needs a larger size than Latin UI text to read
        self.article_view.setFont(font)
        self.speaker_info = QLabel(self)
        self.speaker_info.setObjectName("speaker_info")
        self.speaker_info.setWordWrap(True)
        self.speaker_info.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        strip = QHBoxLayout()
        for aid in ("edit_speaker", "cycle_kind", "widen_start", "narrow_start", "narrow_end", "widen_end"):
            b = QToolButton(self)
            b.setDefaultAction(self.registry.actions[aid])
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setObjectName(f"button_{aid}")
            strip.addWidget(b)
        strip.addStretch(1)
        decide = QHBoxLayout()
        for aid in ("accept_next", "reject_next", "skip", "previous", "next"):
            b = QToolButton(self)
            b.setDefaultAction(self.registry.actions[aid])
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            decide.addWidget(b)
        decide.addStretch(1)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 4, 4, 4)
        rv.addWidget(self.article_title)
        rv.addWidget(self.article_view, 1)
        rv.addWidget(self.legend)
        rv.addWidget(self.speaker_info)
        rv.addLayout(strip)
        rv.addLayout(decide)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        # Status bar: counter, background progress and cancel
        self.counter = QLabel(self)
        self.counter.setObjectName("counter")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_job)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.counter)

        self.help_overlay = HelpOverlay(self.registry, self)
        self._build_menus()
        self.table.setFocus()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {"file": bar.addMenu(tr("&File")), "edit": bar.addMenu(tr("&Edit")),
                 "review": bar.addMenu(tr("&Review")), "help": bar.addMenu(tr("&Help"))}  # fmt: skip
        self.recent_menu = QMenu(tr("Open recent"), self)
        for spec in ACTIONS:
            m = menus[spec.menu]
            m.addAction(self.registry.actions[spec.id])
            if spec.id == "open_project":
                m.addMenu(self.recent_menu)
            if spec.id in ("open_project", "save", "import_paste", "settings", "find", "skip", "cycle_kind",
                           "widen_end"):  # fmt: skip
                m.addSeparator()
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def _wire(self) -> None:
        r = self.registry
        r.connect("accept_next", lambda: self.decide_current("accepted"))
        r.connect("reject_next", lambda: self.decide_current("rejected"))
        r.connect("skip", lambda: self.move(+1))
        r.connect("next", lambda: self.move(+1))
        r.connect("previous", lambda: self.move(-1))
        r.connect("edit_speaker", self.open_speaker_picker)
        r.connect("cycle_kind", self.cycle_kind)
        r.connect("widen_start", lambda: self.nudge("widen", "start"))
        r.connect("narrow_start", lambda: self.nudge("narrow", "start"))
        r.connect("narrow_end", lambda: self.nudge("narrow", "end"))
        r.connect("widen_end", lambda: self.nudge("widen", "end"))
        r.connect("accept_filtered", lambda: self.bulk_decide("accepted"))
        r.connect("reject_filtered", lambda: self.bulk_decide("rejected"))
        r.connect("undo", self.undo)
        r.connect("redo", self.redo)
        r.connect("find", self.focus_filter)
        r.connect("clear_filter", self.clear_filters)
        r.connect("help", self.help_overlay.toggle)
        r.connect("save", self.save)
        r.connect("export", self.open_export)
        r.connect("import_files", self.import_files_dialog)
        r.connect("import_folder", self.import_folder_dialog)
        r.connect("import_paste", self.import_clipboard)
        r.connect("open_project", self.open_project_dialog)
        r.connect("new_project", self.new_project_dialog)
        r.connect("settings", self.open_settings)
        r.connect("about", self.open_about)
        r.connect("quit", self.close)
        self.undo_stack.canUndoChanged.connect(r.actions["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(r.actions["redo"].setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda t: self._undo_text("undo", tr("Undo"), t))
        self.undo_stack.redoTextChanged.connect(lambda t: self._undo_text("redo", tr("Redo"), t))
        r.actions["undo"].setEnabled(False)
        r.actions["redo"].setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.proxy.layoutChanged.connect(self._ensure_current)
        self.proxy.rowsRemoved.connect(lambda *_: QTimer.singleShot(0, self._ensure_current))
        # Typing filters: each key press only restarts a short timer; the queue is filtered once the editor
        # pauses (or presses Enter), so a keystroke never waits for 10,000 rows to be filtered.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._filters_changed)
        self.filter_text.textChanged.connect(self._filter_timer.start)
        self.filter_speaker.textChanged.connect(self._filter_timer.start)
        self.filter_status.currentIndexChanged.connect(self._filters_changed)
        self.filter_article.currentIndexChanged.connect(self._filters_changed)
        self.filter_min.valueChanged.connect(self._filters_changed)
        self.filter_max.valueChanged.connect(self._filters_changed)
        self.filter_text.leave.connect(self._leave_filter)
        self.filter_speaker.leave.connect(self._leave_filter)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda *_: self.apply_theme())

    def _undo_text(self, aid: str, base: str, text: str) -> None:
        self.registry.actions[aid].setText(f"{base}: {text}" if text else base)

    # ================================================================== data
    def load_rows(self, keep_id: int | None = None) -> None:
        """(Re)load the queue from the project; keeps the current quote selected when it is still there."""
        keep_id = keep_id if keep_id is not None else self.current_id()
        self._article_cache.clear()
        self._titles = {a.id: a.title for a in self.project.articles()}
        self.model.set_rows(self.project.rows())
        self._fill_articles()
        self.update_counter()
        if keep_id is not None and self.select_id(keep_id):
            return
        self._ensure_current()
        if self.proxy.rowCount() == 0:
            self._show_empty()

    def _fill_articles(self) -> None:
        current = self.filter_article.currentData()
        self.filter_article.blockSignals(True)
        self.filter_article.clear()
        self.filter_article.addItem(tr("All articles"), "")
        for a in self.project.articles():
            label = a.title or a.doc
            self.filter_article.addItem(label if len(label) < 50 else label[:49] + "…", a.doc)
        i = self.filter_article.findData(current) if current else 0
        self.filter_article.setCurrentIndex(max(0, i))
        self.filter_article.blockSignals(False)

    def article_text(self, article_id: int) -> str:
        t = self._article_cache.get(article_id)
        if t is None:
            t = self.project.article_text(article_id)
            self._article_cache[article_id] = t
        return t

    def current_row(self) -> QuoteRow | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row())

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row else None

    def select_id(self, quote_id: int) -> bool:
        src = self.model.source_row_of(quote_id)
        if src is None:
            return False
        idx = self.proxy.mapFromSource(self.model.index(src, 0))
        if not idx.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(idx)
        return True

    def _ensure_current(self) -> None:
        if self.table.currentIndex().isValid() or self.proxy.rowCount() == 0:
            if self.proxy.rowCount() == 0:
                self._show_empty()
            return
        idx = self.proxy.index(0, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def neighbour_id(self, step: int) -> int | None:
        idx = self.table.currentIndex()
        row = (idx.row() if idx.isValid() else -1) + step
        if 0 <= row < self.proxy.rowCount():
            return self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).id
        return None

    def _show_empty(self) -> None:
        self.article_view.clear_article()
        self.speaker_info.setText("")
        if self.model.rowCount() == 0:
            self.article_title.setText(tr("No quotes yet. Import articles (%1), drop files here, or paste "
                                          "an article (%2).").replace("%1", self.registry.native_text("import_files", 1))
                                       .replace("%2", self.registry.native_text("import_paste", 1)))  # fmt: skip
        else:
            self.article_title.setText(tr("No quote matches the filters (%1 clears them).").replace(
                "%1", self.registry.native_text("clear_filter", 1)))  # fmt: skip

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._item_started = time.monotonic()
        if not current.isValid():
            return
        self.show_row(self.model.row_at(self.proxy.mapToSource(current).row()))

    def show_row(self, row: QuoteRow) -> None:
        text = self.article_text(row.article_id)
        self.article_view.set_article(row.article_id, text)
        q = row.quote
        self.article_view.show_quote(q)
        title = self._titles.get(row.article_id) or q.doc
        self.article_title.setText(f"{title}  ·  {fsi(q.doc)}")
        bits = [tr("Speaker: %1").replace("%1", q.speaker_canonical or q.speaker or tr("unknown"))]
        if q.speaker and q.speaker_canonical and q.speaker != q.speaker_canonical:
            bits.append(tr("as written: %1").replace("%1", q.speaker))
        if q.title:
            bits.append(q.title)
        if q.speaker_en:
            bits.append(fsi(q.speaker_en))
        if q.speaker_id:
            bits.append(fsi(q.speaker_id))
        if q.via:
            bits.append(tr("via %1").replace("%1", q.via))
        bits.append(tr("Kind: %1").replace("%1", kind_label(q.kind)))
        bits.append(tr("Decision: %1").replace("%1", status_label(row.status)))
        self.speaker_info.setText("  ·  ".join(bits))

    def update_counter(self) -> None:
        counts = self.model.counts  # kept in step with the store by every change (no query per keystroke)
        total = sum(counts.values())
        reviewed = total - counts["pending"]
        text = tr_n("DeskWindow", "%n of %1 quotes reviewed", reviewed).replace("%1", str(total))
        shown = self.proxy.rowCount()
        if shown != total:
            text += "  ·  " + tr_n("DeskWindow", "%n shown", shown)
        self.counter.setText(text)
        name = Path(self.project.path).stem if self.project.path != ":memory:" else tr("review project")
        self.setWindowTitle(f"[{reviewed}/{total}] {name} — quote_desk")

    # ================================================================== review
    def _time_on_item(self) -> int:
        return int((time.monotonic() - self._item_started) * 1000)

    def _guard(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except QuoteDeskError as exc:
            self.show_error(str(exc))
        except sqlite3.Error as exc:
            self.show_error(tr("The review project could not be written: %1").replace("%1", str(exc)))
        return None

    def _push(self, label: str, before: Sequence[QuoteRow], after: Sequence[QuoteRow], focus: int | None) -> None:
        self.model.update_rows(after)
        self.undo_stack.push(StoreCommand(label, self.project, [(r.id, r.state) for r in before],
                                          [(r.id, r.state) for r in after], self._on_store_change, focus))  # fmt: skip
        self.update_counter()

    def _on_store_change(self, rows: list[QuoteRow], focus: int | None) -> None:
        self.model.update_rows(rows)
        self.update_counter()
        if focus is not None and not self.select_id(focus):
            self.statusBar().showMessage(tr("The changed quote is hidden by the filters."), 4000)
        cur = self.current_row()
        if cur is not None:
            self.show_row(cur)

    def decide_current(self, status: str) -> None:
        row = self.current_row()
        if row is None:
            return
        next_id = self.neighbour_id(+1)
        done = self._guard(lambda: self.project.decide(row.id, status, time_on_item_ms=self._time_on_item()))
        if done is None:
            return
        label = tr("Accept quote %1") if status == "accepted" else tr("Reject quote %1")
        self._push(label.replace("%1", str(row.id)), [row], [done], row.id)
        self.decision_made.emit(row.id, done.status)
        if next_id is not None:
            self.select_id(next_id)
        else:
            self.statusBar().showMessage(tr("End of the queue."), 3000)
            if not self.select_id(row.id):
                self._ensure_current()
            cur = self.current_row()
            if cur is not None:
                self.show_row(cur)

    def move(self, step: int) -> None:
        target = self.neighbour_id(step)
        if target is None:
            self.statusBar().showMessage(tr("End of the queue.") if step > 0 else tr("Start of the queue."), 3000)
            return
        self.select_id(target)

    def _edit_current(self, label: str, **changes: Any) -> None:
        row = self.current_row()
        if row is None:
            return
        done = self._guard(lambda: self.project.edit(row.id, time_on_item_ms=self._time_on_item(), **changes))
        if done is None:
            return
        self._push(label.replace("%1", str(row.id)), [row], [done], row.id)
        self.decision_made.emit(row.id, done.status)
        self.show_row(done)

    def cycle_kind(self) -> None:
        row = self.current_row()
        if row is None:
            return
        nxt = KINDS[(KINDS.index(row.quote.kind) + 1) % len(KINDS)] if row.quote.kind in KINDS else KINDS[0]
        self._edit_current(tr("Change kind of quote %1"), kind=nxt)

    def nudge(self, how: str, side: str) -> None:
        row = self.current_row()
        if row is None:
            return
        text = self.article_text(row.article_id)
        fn = widen if how == "widen" else narrow
        start, end = fn(text, row.quote.start, row.quote.end, side)  # type: ignore[arg-type]
        if (start, end) == (row.quote.start, row.quote.end):
            self.statusBar().showMessage(tr("The quote cannot change further on that side."), 3000)
            return
        label = tr("Widen quote %1") if how == "widen" else tr("Narrow quote %1")
        self._edit_current(label, start=start, end=end)

    def speaker_candidates(self, row: QuoteRow) -> list[SpeakerCandidate]:
        doc_speakers = []
        for r in self.model.all_rows():
            if r.article_id == row.article_id:
                q = r.quote
                for name in (q.speaker_canonical, q.speaker):
                    if name:
                        doc_speakers.append(SpeakerCandidate(name, q.speaker_id, q.speaker_en, "document"))
        project_speakers = [SpeakerCandidate(n, i, e, "project") for n, i, e in self.project.speakers()]
        return merge_candidates([registry_candidates(), doc_speakers, project_speakers])

    def open_speaker_picker(self) -> None:
        row = self.current_row()
        if row is None:
            return
        picker = SpeakerPicker(self.speaker_candidates(row), row.quote.speaker_canonical or row.quote.speaker or "",
                               self)  # fmt: skip
        self.dialog = picker

        def chosen() -> None:
            c = picker.chosen
            if c is None:
                return
            if c.source == "new":
                added, why = add_to_registry(c.name, row.quote.speaker_type)
                if added is not None:
                    c = added
                    self.statusBar().showMessage(tr("Added %1 to the speaker registry.").replace("%1", c.name), 5000)
                elif why:
                    self.statusBar().showMessage(tr("Not added to the registry: %1").replace("%1", why), 8000)
            self._edit_current(tr("Set speaker of quote %1"), speaker_canonical=c.name, speaker_id=c.speaker_id,
                               speaker_en=c.english)  # fmt: skip

        picker.accepted.connect(chosen)
        picker.finished.connect(lambda *_: self._dialog_closed(picker))
        picker.open()

    def _dialog_closed(self, dlg: QWidget) -> None:
        if self.dialog is dlg:
            self.dialog = None
        dlg.deleteLater()
        self.table.setFocus()

    def bulk_decide(self, status: str) -> None:
        self.flush_filter()  # act on what the editor sees, even within the typing pause
        rows = self.proxy.visible_rows()
        if not rows:
            return
        n = len(rows)
        text = (tr_n("DeskWindow", "Accept all %n shown quotes?", n) if status == "accepted"
                else tr_n("DeskWindow", "Reject all %n shown quotes?", n))  # fmt: skip

        def go() -> None:
            cur = self.current_id()
            done = self._guard(lambda: self.project.decide_many([r.id for r in rows], status))
            if done is None:
                return
            label = (tr_n("DeskWindow", "Accept %n quotes", n) if status == "accepted"
                     else tr_n("DeskWindow", "Reject %n quotes", n))  # fmt: skip
            self._push(label, rows, done, cur)
            self.statusBar().showMessage(label, 4000)

        if not self.settings.get("review/confirm_bulk"):
            go()
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Bulk decision"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)  # fmt: skip
        box.setObjectName("bulk_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setInformativeText(tr("You can undo this as one step."))
        self.dialog = box
        box.accepted.connect(go)
        box.finished.connect(lambda *_: self._dialog_closed(box))
        box.open()

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self._guard(self.undo_stack.undo)

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._guard(self.undo_stack.redo)

    def save(self) -> None:
        self.statusBar().showMessage(tr("Nothing to save: every decision is written to the project as you make it."),
                                     4000)  # fmt: skip

    # ================================================================== filters
    def current_filter(self) -> QuoteFilter:
        st = self.filter_status.currentData() or ""
        statuses: frozenset[str] = frozenset()
        if st == "reviewed":
            statuses = frozenset({"accepted", "rejected", "edited"})
        elif st:
            statuses = frozenset({st})
        lo, hi = self.filter_min.value(), self.filter_max.value()
        return QuoteFilter(statuses, min(lo, hi), max(lo, hi), self.filter_speaker.text(),
                           self.filter_article.currentData() or "", self.filter_text.text())  # fmt: skip

    def flush_filter(self) -> None:
        """Apply a filter still waiting for the typing pause."""
        if self._filter_timer.isActive():
            self._filter_timer.stop()
            self._filters_changed()

    def _leave_filter(self) -> None:
        self.flush_filter()
        self.table.setFocus()

    def _filters_changed(self, *_: object) -> None:
        self._filter_timer.stop()
        keep = self.current_id()
        self.proxy.set_filter(self.current_filter())
        if keep is None or not self.select_id(keep):
            self.table.selectionModel().clearCurrentIndex()
            self._ensure_current()
        self.update_counter()

    def focus_filter(self) -> None:
        self.filter_text.setFocus()
        self.filter_text.selectAll()

    def clear_filters(self) -> None:
        for w in (self.filter_text, self.filter_speaker):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        for c in (self.filter_status, self.filter_article):
            c.blockSignals(True)
            c.setCurrentIndex(0)
            c.blockSignals(False)
        self.filter_min.blockSignals(True)
        self.filter_max.blockSignals(True)
        self.filter_min.setValue(0.0)
        self.filter_max.setValue(1.0)
        self.filter_min.blockSignals(False)
        self.filter_max.blockSignals(False)
        self._filters_changed()
        self.table.setFocus()

    # ================================================================== import
    def import_paths(self, paths: Sequence[str | Path]) -> Job | None:
        try:
            files = collect_paths(paths)
        except QuoteDeskError as exc:
            self.show_error(str(exc))
            return None
        if not files:
            self.show_error(tr("No articles found to import (.txt, .html, .docx, .jsonl, .csv)."))
            return None
        return self._start_import([lambda p=p: read_sources(p) for p in files], len(files))

    def import_sources(self, sources: Sequence[ArticleSource]) -> Job | None:
        return self._start_import([lambda s=s: s for s in sources], len(sources))

    def import_clipboard(self) -> None:
        try:
            src = pasted_article(QApplication.clipboard().text())
        except QuoteDeskError as exc:
            self.show_error(str(exc))
            return
        self.import_sources([src])

    def _start_import(
        self, loaders: list[Callable[[], ArticleSource | Iterable[ArticleSource | QuoteDeskError]]], total: int
    ) -> Job | None:
        if self.job is not None and self.job.running:
            self.show_error(tr("An import is already running; wait for it or cancel it."))
            return None
        known_hashes = self.project.article_hashes()
        factory = self.extractor_factory
        report: dict[str, Any] = {"articles": 0, "added": 0, "kept": 0, "unchanged": 0, "failed": [], "notes": []}
        self._import_report = report

        def work(job: Job) -> dict[str, Any]:
            extractor = None
            for i, load in enumerate(loaders):
                if job.cancelled:
                    break
                label = ""
                try:
                    loaded = load()
                    # One file gives one article, or many (a .jsonl/.csv table), or an error per bad record.
                    for src in [loaded] if isinstance(loaded, ArticleSource) else loaded:
                        if job.cancelled:
                            break
                        if isinstance(src, QuoteDeskError):
                            job.emit(("failed", str(src)))
                            continue
                        label = src.doc
                        for note in src.notes:
                            job.emit(("note", f"{src.doc}: {note}"))
                        if known_hashes.get(src.doc) == text_hash(src.text):
                            job.emit(("unchanged", src.doc))
                            continue
                        if extractor is None:
                            extractor = factory()
                        try:
                            quotes = extractor.extract(src.text, doc=src.doc)
                        except QuoteDeskError as exc:
                            job.emit(("failed", f"{src.doc}: {exc}"))
                            continue
                        job.emit(("article", (src, quotes)))
                except QuoteDeskError as exc:
                    job.emit(("failed", str(exc)))
                job.progress(i + 1, total, label)
            return {"cancelled": job.cancelled}

        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(tr("Importing and extracting…"))
        for aid in ("import_files", "import_folder", "import_paste", "open_project", "new_project"):
            self.registry.actions[aid].setEnabled(False)
        self.job = run_in_background(work, on_item=self._import_item, on_progress=self._import_progress,
                                     on_done=self._import_done, on_error=self._import_error)  # fmt: skip
        return self.job

    def _import_item(self, item: tuple[str, Any]) -> None:
        kind, payload = item
        rep = self._import_report
        if kind == "failed":
            rep["failed"].append(payload)
        elif kind == "note":
            rep["notes"].append(payload)
        elif kind == "unchanged":
            rep["unchanged"] += 1
        else:
            src, quotes = payload
            try:
                res = self.project.import_article(src.doc, src.text, quotes, title=src.title, source=src.source)
            except QuoteDeskError as exc:
                rep["failed"].append(str(exc))
                return
            except sqlite3.Error as exc:
                rep["failed"].append(f"{src.doc}: {exc}")
                return
            rep["articles"] += 1
            rep["added"] += res.added
            rep["kept"] += res.kept

    def _import_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if label:
            self.progress.setFormat(f"%v/%m  {label}")

    def _end_job(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        for aid in ("import_files", "import_folder", "import_paste", "open_project", "new_project"):
            self.registry.actions[aid].setEnabled(True)

    def _import_done(self, result: dict[str, Any]) -> None:
        self._end_job()
        rep = self._import_report
        self.load_rows()
        msg = tr_n("DeskWindow", "Imported %n article(s)", rep["articles"]) + ": " + tr_n(
            "DeskWindow", "%n new quote(s)", rep["added"])
        if rep["kept"] or rep["unchanged"]:
            msg += " · " + tr("already in the project: %1").replace("%1", str(rep["kept"] + rep["unchanged"]))
        if rep["notes"]:
            msg += " · " + "; ".join(rep["notes"][:3]) + (" …" if len(rep["notes"]) > 3 else "")
        if result.get("cancelled"):
            msg = tr("Import cancelled.") + " " + msg
        self.statusBar().showMessage(msg, 8000)
        if rep["failed"]:
            notes = ("\n\n" + "\n".join(rep["notes"][:20])) if rep["notes"] else ""
            self.show_error(tr("Some articles were not imported:") + "\n" + "\n".join(rep["failed"][:20]) + notes)
        self.import_finished.emit()

    def _import_error(self, exc: BaseException, tb: str) -> None:
        self._end_job()
        self.load_rows()
        if isinstance(exc, QuoteDeskError):
            self.show_error(str(exc))
        else:
            self.show_error(tr("The import stopped because of an internal error: %1").replace("%1", repr(exc)),
                            details=tb)  # fmt: skip
        self.import_finished.emit()

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.statusBar().showMessage(tr("Cancelling…"))

    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("Import articles"), "", tr("Articles (*.txt *.html *.htm *.docx *.jsonl *.csv)"))
        if names:
            self.import_paths(names)

    def import_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Import folder"))
        if name:
            self.import_paths([name])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        md = event.mimeData()
        if (md.hasUrls() and any(u.isLocalFile() for u in md.urls())) or md.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        md = event.mimeData()
        paths = [u.toLocalFile() for u in md.urls() if u.isLocalFile()] if md.hasUrls() else []
        if paths:
            self.import_paths(paths)
        elif md.hasText():
            try:
                self.import_sources([pasted_article(md.text())])
            except QuoteDeskError as exc:
                self.show_error(str(exc))
        event.acceptProposedAction()

    # ================================================================== export
    def open_export(self) -> None:
        self.flush_filter()  # act on what the editor sees, even within the typing pause
        accepted = sum(1 for r in self.model.all_rows() if r.status in ACCEPTED_STATUSES)
        base = Path(self.project.path) if self.project.path != ":memory:" else Path.cwd() / "quotes"
        dlg = ExportDialog(base.with_suffix(".csv"), self.settings, self.proxy.rowCount(), accepted, self)
        self.dialog = dlg

        def go() -> None:
            v = dlg.values()
            target = Path(v["path"]) if v["path"] else None
            if target is not None and target.is_file():
                # never overwrite without asking; the export itself is written to a temp file and renamed
                self.confirm(tr("%1 already exists. Replace it?").replace("%1", fsi(str(target))),
                             lambda: write(v), name="overwrite_box")  # fmt: skip
            else:
                write(v)

        def write(v: dict[str, str]) -> None:
            from quote_desk.export import export_rows

            rows = (self.proxy.visible_rows() if v["scope"] == "filter"
                    else [r for r in self.model.all_rows() if r.status in ACCEPTED_STATUSES])  # fmt: skip
            try:
                n = export_rows(rows, v["path"], fmt=v["fmt"], profile=v["profile"], delimiter=v["delimiter"])
            except QuoteDeskError as exc:
                self.show_error(str(exc))
                return
            except OSError as exc:
                self.show_error(tr("Export failed: %1").replace("%1", str(exc)))
                return
            self.settings.set("export/profile", v["profile"])
            self.settings.set("export/delimiter", v["delimiter"])
            self.statusBar().showMessage(
                tr_n("DeskWindow", "Exported %n quote(s)", n) + " → " + fsi(v["path"]), 8000)

        dlg.accepted.connect(go)
        dlg.finished.connect(lambda *_: self._dialog_closed(dlg))
        dlg.open()

    # ================================================================== projects and settings
    def switch_project(self, path: str | Path) -> bool:
        if self.job is not None and self.job.running:
            self.show_error(tr("Wait for the import to finish before switching projects."))
            return False
        try:
            new = ReviewProject.open(path, reviewer=self.project.reviewer)
        except ProjectCorruptError as exc:
            if exc.backup is None:
                self.show_error(str(exc))
                return False
            backup = exc.backup
            self.confirm(str(exc) + "\n\n" + tr("Restore the latest backup (%1)? The damaged file is kept beside it.")
                         .replace("%1", backup_time(backup)),
                         lambda: self._restore_and_open(path, backup), name="restore_box")  # fmt: skip
            return False
        except QuoteDeskError as exc:
            self.show_error(str(exc))
            return False
        self.project.close()
        self.project = new
        self.undo_stack.clear()
        self.settings.add_recent(str(Path(path).resolve()))
        self.table.selectionModel().clearCurrentIndex()
        self.load_rows()
        return True

    def report_open_failure(self, path: str | Path, exc: QuoteDeskError) -> None:
        """At start-up the asked-for project could not be opened and this window shows another one: say which,
        and why; a damaged project with a backup gets the offer to restore it, as File > Open does."""
        self.open_failure = (str(path), str(exc))
        # the reason comes from the core in English and holds a path: isolated, so it reads right in an Arabic UI
        head = tr("The review project %1 could not be opened.").replace("%1", fsi(Path(path).name))
        instead = tr("The desk opened %1 instead.").replace("%1", fsi(self.project.path))
        text = head + "\n\n" + fsi(str(exc)) + "\n\n" + instead
        if isinstance(exc, ProjectCorruptError) and exc.backup is not None:
            backup = exc.backup
            self.confirm(text + "\n\n" + tr("Restore the latest backup (%1)? The damaged file is kept beside it.")
                         .replace("%1", backup_time(backup)),
                         lambda: self._restore_and_open(path, backup), name="restore_box")  # fmt: skip
        else:
            self.show_error(text)

    def _restore_and_open(self, path: str | Path, backup: Path) -> None:
        try:
            kept = restore_backup(Path(path), backup)
        except (QuoteDeskError, OSError) as exc:
            self.show_error(tr("The backup could not be restored: %1").replace("%1", str(exc)))
            return
        if self.switch_project(path):
            self.statusBar().showMessage(
                tr("Restored the backup of %1; the damaged file is kept as %2").replace("%1", backup_time(backup))
                .replace("%2", fsi(str(kept))), 15000)  # fmt: skip

    def confirm(self, message: str, on_yes: Callable[[], None], *, name: str = "confirm_box") -> QMessageBox:
        """Ask a yes/no question without blocking; `on_yes` runs when the answer is yes (No is the default)."""
        box = QMessageBox(QMessageBox.Icon.Question, "quote_desk", message,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)  # fmt: skip
        box.setObjectName(name)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def done(result: int) -> None:
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes:
                on_yes()

        box.finished.connect(done)
        self.last_question = message
        box.open()
        return box

    def open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open review project"), "",
                                              tr("Review projects (*%1)").replace("%1", PROJECT_SUFFIX))  # fmt: skip
        if name:
            self.switch_project(name)

    def new_project_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("New review project"), "",
                                              tr("Review projects (*%1)").replace("%1", PROJECT_SUFFIX))  # fmt: skip
        if name:
            if not name.endswith(PROJECT_SUFFIX):
                name += PROJECT_SUFFIX
            self.switch_project(name)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_projects():
            act = self.recent_menu.addAction(fsi(p))
            act.triggered.connect(lambda _c=False, p=p: self.switch_project(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(tr("(none)")).setEnabled(False)

    def open_settings(self) -> None:
        dlg = SettingsDialog(self.settings, self.registry, self)
        self.dialog = dlg

        def go() -> None:
            dlg.apply()
            self.project.reviewer = self.settings.get("review/reviewer") or _user_name()
            clashes = self.registry.conflicts()
            if clashes:
                self.show_error(tr("These keys are bound to more than one action: %1").replace(
                    "%1", "; ".join(f"{k}: {', '.join(v)}" for k, v in clashes.items())))  # fmt: skip

        dlg.accepted.connect(go)
        dlg.finished.connect(lambda *_: self._dialog_closed(dlg))
        dlg.open()

    def open_about(self) -> None:
        dlg = AboutDialog(self)
        self.dialog = dlg
        dlg.finished.connect(lambda *_: self._dialog_closed(dlg))
        dlg.open()

    # ================================================================== look and state
    def apply_theme(self) -> None:
        dark = is_dark(self.palette())
        self.model.dark = dark
        self.article_view.set_dark(dark)
        c = self.article_view.colors
        self.legend.setText(
            f'<span style="background:{c["content"]}">&nbsp;{tr("quote")}&nbsp;</span>&nbsp;&nbsp;'
            f'<span style="background:{c["speaker_bg"]}; text-decoration: underline; color:{c["speaker"]}">'
            f'&nbsp;{tr("speaker")}&nbsp;</span>&nbsp;&nbsp;'
            f'<span style="text-decoration: underline; color:{c["cue"]}">&nbsp;{tr("cue")}&nbsp;</span>')  # fmt: skip
        cur = self.current_row()
        if cur is not None:
            self.show_row(cur)
        self.table.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_theme()
        super().changeEvent(event)

    def _restore_state(self) -> None:
        for name, fn in (("geometry", self.restoreGeometry), ("splitter", self.splitter.restoreState),
                         ("header", self.table.horizontalHeader().restoreState)):  # fmt: skip
            v = self.settings.persist(name)
            if v is not None:
                fn(v)
        if self.settings.persist("geometry") is None:
            self.resize(1280, 760)
        if self.settings.persist("splitter") is None:
            self.splitter.setSizes([660, 620])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.settings.set_persist("geometry", self.saveGeometry())
        self.settings.set_persist("splitter", self.splitter.saveState())
        self.settings.set_persist("header", self.table.horizontalHeader().saveState())
        QApplication.instance().removeEventFilter(self._key_filter)
        super().closeEvent(event)

    def show_error(self, message: str, details: str | None = None) -> None:
        self.statusBar().showMessage(message.splitlines()[0], 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, "quote_desk", message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error_box")
        if details:
            box.setDetailedText(details)
        self.last_error = message
        box.finished.connect(lambda *_: box.deleteLater())
        box.open()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): decisions are still recorded, without a name
        return "editor"


__all__ = ["DeskWindow", "default_extractor_factory"]
