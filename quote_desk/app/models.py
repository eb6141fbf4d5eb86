"""The queue: one QAbstractTableModel over the project's quotes, a QSortFilterProxyModel for filters and sorting,
and a delegate that lays each cell out in the direction of its own text (not the window's)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem

from quote_desk.core.normalize import normalize
from quote_desk.store import QuoteRow

COL_STATUS, COL_SPEAKER, COL_CUE, COL_QUOTE, COL_KIND, COL_CONFIDENCE, COL_ARTICLE = range(7)
COLUMN_COUNT = 7
SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
IsRtlRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("QuoteTableModel", text)


def header_labels() -> list[str]:
    return [tr("Status"), tr("Speaker"), tr("Cue"), tr("Quote"), tr("Kind"), tr("Confidence"), tr("Article")]


def status_label(status: str) -> str:
    return {"pending": tr("pending"), "accepted": tr("accepted"), "rejected": tr("rejected"),
            "edited": tr("edited")}.get(status, status)  # fmt: skip


def kind_label(kind: str) -> str:
    return {"direct": tr("direct"), "indirect": tr("indirect"), "mixed": tr("mixed")}.get(kind, kind)


def first_strong_is_rtl(text: str | None) -> bool:
    """Direction of a string by its first strong character (Unicode bidi rule P2), for display only."""
    import unicodedata

    for ch in text or "":
        d = unicodedata.bidirectional(ch)
        if d in ("R", "AL"):
            return True
        if d == "L":
            return False
    return False


def follow_text_direction(edit: QLineEdit) -> None:
    """Make a text field take the direction of what is typed in it (Arabic RTL, a Latin name LTR); Qt widgets
    do not accept LayoutDirectionAuto themselves."""

    def update(text: str) -> None:
        if not text.strip():
            edit.unsetLayoutDirection()
            return
        rtl = first_strong_is_rtl(text)
        edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)

    edit.textChanged.connect(update)
    update(edit.text())


def speaker_display(row: QuoteRow) -> str:
    q = row.quote
    return q.speaker_canonical or q.speaker or "—"


STATUS_COLORS_LIGHT = {"accepted": "#d8f0d8", "edited": "#d6e6f8", "rejected": "#f5d6d6"}
STATUS_COLORS_DARK = {"accepted": "#24452a", "edited": "#213a57", "rejected": "#4d2327"}


class QuoteTableModel(QAbstractTableModel):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[QuoteRow] = []
        self._pos: dict[int, int] = {}
        self._haystack: dict[int, str] = {}
        self.counts: dict[str, int] = dict.fromkeys(("pending", "accepted", "rejected", "edited"), 0)
        self._labels = header_labels()
        self._status_labels = {s: status_label(s) for s in ("pending", "accepted", "rejected", "edited")}
        self._kind_labels = {k: kind_label(k) for k in ("direct", "indirect", "mixed")}
        self.dark = False

    # -- data in
    def set_rows(self, rows: Sequence[QuoteRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pos = {r.id: i for i, r in enumerate(self._rows)}
        self._haystack.clear()
        self.counts = dict.fromkeys(("pending", "accepted", "rejected", "edited"), 0)
        for r in self._rows:
            self.counts[r.status] = self.counts.get(r.status, 0) + 1
        self.endResetModel()

    def update_rows(self, rows: Iterable[QuoteRow]) -> None:
        """Replace changed rows in place and signal only the rows that changed."""
        changed = []
        for r in rows:
            i = self._pos.get(r.id)
            if i is None:
                continue
            self.counts[self._rows[i].status] -= 1
            self.counts[r.status] = self.counts.get(r.status, 0) + 1
            self._rows[i] = r
            self._haystack.pop(r.id, None)
            changed.append(i)
        if not changed:
            return
        lo, hi = min(changed), max(changed)
        if hi - lo + 1 > 2 * len(changed) + 8:
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMN_COUNT - 1))
        else:
            self.dataChanged.emit(self.index(lo, 0), self.index(hi, COLUMN_COUNT - 1))

    # -- data out
    def row_at(self, source_row: int) -> QuoteRow:
        return self._rows[source_row]

    def row_by_id(self, quote_id: int) -> QuoteRow | None:
        i = self._pos.get(quote_id)
        return None if i is None else self._rows[i]

    def source_row_of(self, quote_id: int) -> int | None:
        return self._pos.get(quote_id)

    def all_rows(self) -> list[QuoteRow]:
        return list(self._rows)

    def haystack(self, row: QuoteRow) -> str:
        """Normalised text the free-text filter searches: quote, speaker (all forms), cue, title, article."""
        h = self._haystack.get(row.id)
        if h is None:
            q = row.quote
            parts = (q.text, q.speaker, q.speaker_canonical, q.speaker_en, q.cue, q.title, q.via, q.doc)
            h = normalize(" \n".join(p for p in parts if p)).casefold()
            self._haystack[row.id] = h
        return h

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._labels[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        q = row.quote
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_STATUS:
                return self._status_labels.get(row.status, row.status)
            if col == COL_SPEAKER:
                return speaker_display(row)
            if col == COL_CUE:
                return q.cue or "—"
            if col == COL_QUOTE:
                t = q.text.replace("\n", " ")
                return t if len(t) <= 160 else t[:159] + "…"
            if col == COL_KIND:
                return self._kind_labels.get(q.kind, q.kind)
            if col == COL_CONFIDENCE:
                return f"{q.confidence:.2f}"
            if col == COL_ARTICLE:
                return q.doc
            return None
        if role == SortRole:
            return (row.status, speaker_display(row), q.cue or "", q.text, q.kind, q.confidence,
                    f"{q.doc}\x00{row.seq:06d}")[col]  # fmt: skip
        if role == RowRole:
            return row
        if role == IsRtlRole:
            if col in (COL_SPEAKER, COL_CUE, COL_QUOTE):
                return first_strong_is_rtl(self.data(index))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_QUOTE:
                return q.text
            if col == COL_SPEAKER:
                bits = [q.speaker_canonical or q.speaker or "", q.title or "", q.speaker_en or ""]
                return " — ".join(b for b in bits if b)
            if col == COL_CONFIDENCE:
                return q.reason
            return None
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_STATUS:
            colors = STATUS_COLORS_DARK if self.dark else STATUS_COLORS_LIGHT
            c = colors.get(row.status)
            return QColor(c) if c else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


@dataclass
class QuoteFilter:
    statuses: frozenset[str] = field(default_factory=frozenset)  # empty = all
    min_confidence: float = 0.0
    max_confidence: float = 1.0
    speaker: str = ""
    article: str = ""  # doc id, "" = all
    text: str = ""

    def is_empty(self) -> bool:
        return self == QuoteFilter()


class QuoteFilterProxy(QSortFilterProxyModel):
    """Filters on status, confidence range, speaker, article and free text (with Arabic normalisation)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(True)
        self._f = QuoteFilter()
        self._speaker_key = ""
        self._text_keys: list[str] = []

    @property
    def filter(self) -> QuoteFilter:
        return self._f

    def set_filter(self, f: QuoteFilter) -> None:
        if f == self._f:
            return
        self.beginFilterChange()
        self._f = f
        self._speaker_key = normalize(f.speaker.strip()).casefold()
        self._text_keys = normalize(f.text).casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QuoteTableModel)
        row = model.row_at(source_row)
        f = self._f
        if f.statuses and row.status not in f.statuses:
            return False
        if not (f.min_confidence <= row.quote.confidence <= f.max_confidence):
            return False
        if f.article and row.quote.doc != f.article:
            return False
        if self._speaker_key:
            q = row.quote
            names = normalize(" ".join(n for n in (q.speaker, q.speaker_canonical, q.speaker_en) if n)).casefold()
            if self._speaker_key not in names:
                return False
        if self._text_keys:
            hay = model.haystack(row)
            if not all(k in hay for k in self._text_keys):
                return False
        return True

    def visible_rows(self) -> list[QuoteRow]:
        model = self.sourceModel()
        assert isinstance(model, QuoteTableModel)
        return [model.row_at(self.mapToSource(self.index(i, 0)).row()) for i in range(self.rowCount())]


class DirectionalDelegate(QStyledItemDelegate):
    """Lay out each cell by its own text's direction (an Arabic quote in an English UI stays right-to-left)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        rtl = index.data(IsRtlRole)
        if rtl is None:
            return
        option.direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        option.displayAlignment = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        ) | Qt.AlignmentFlag.AlignAbsolute


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128
