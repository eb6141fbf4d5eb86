"""Speaker picker: type a name (Arabic or English, any spelling), pick from fuzzy matches over the registry
(when quote_desk.registry is installed) and the speakers of this document and project, or add a new speaker."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget
from rapidfuzz import fuzz

from quote_desk.app.models import follow_text_direction
from quote_desk.core.normalize import normalize_name


def tr(text: str) -> str:
    return QCoreApplication.translate("SpeakerPicker", text)


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    name: str  # canonical Arabic name
    speaker_id: str | None = None
    english: str | None = None
    source: str = "document"  # "registry", "document", "project" or "new"
    aliases: tuple[str, ...] = ()

    def keys(self) -> list[str]:
        return [k for k in (normalize_name(n).casefold() for n in (self.name, self.english, *self.aliases) if n) if k]


def _registry_module() -> Any | None:
    try:
        return importlib.import_module("quote_desk.registry")
    except ImportError:
        return None


def registry_candidates() -> list[SpeakerCandidate]:
    """Live speakers of the registry when quote_desk.registry is installed; [] when it is absent or fails."""
    mod = _registry_module()
    if mod is None:
        return []
    try:
        with mod.open_registry() as reg:
            return [SpeakerCandidate(e.canonical, e.id, e.english, "registry", tuple(e.aliases))
                    for e in reg.entities()]  # fmt: skip
    except Exception:  # the registry is optional: a broken one must not stop the editor from working
        return []


def add_to_registry(name: str, speaker_type: str | None) -> tuple[SpeakerCandidate | None, str | None]:
    """Add a new speaker to the registry when there is one: (candidate with its new id, None) or
    (None, message why not). Without a registry: (None, None) and the speaker stays a project-only name."""
    mod = _registry_module()
    if mod is None:
        return None, None
    types = getattr(mod, "ENTITY_TYPES", ("person", "organization", "media", "group"))
    etype = speaker_type if speaker_type in types else "person"
    try:
        with mod.open_registry() as reg:
            e = reg.add(name, type=etype)
    except Exception as exc:  # e.g. the name is already there, or the registry is locked
        return None, str(exc)
    return SpeakerCandidate(e.canonical, e.id, e.english, "registry", tuple(e.aliases)), None


def merge_candidates(groups: Iterable[Iterable[SpeakerCandidate]]) -> list[SpeakerCandidate]:
    """Registry first, then document, then project speakers; one entry per (name, id)."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for group in groups:
        for c in group:
            key = (normalize_name(c.name), c.speaker_id)
            if key in seen or not c.name.strip():
                continue
            seen.add(key)
            out.append(c)
    return out


def score(query: str, candidate: SpeakerCandidate) -> float:
    """0..100: prefix 100, substring 95, else rapidfuzz similarity (a typed fragment may match part of a name,
    a name never matches part of the typed text)."""
    q = normalize_name(query).casefold()
    best = 0.0
    for k in candidate.keys():
        if k.startswith(q):
            s = 100.0
        elif q in k:
            s = 95.0
        else:
            s = fuzz.ratio(q, k)
            if 3 <= len(q) < len(k):
                s = max(s, fuzz.partial_ratio(q, k) - 5)  # small penalty: a fragment, not the whole name
            s = max(s, fuzz.token_sort_ratio(q, k))
        best = max(best, s)
    return best


# Below this a candidate is not offered; from GOOD up it is offered before "new speaker".
MIN_SCORE = 70.0
GOOD_SCORE = 85.0


def rank(query: str, candidates: Sequence[SpeakerCandidate], limit: int = 12) -> list[tuple[float, SpeakerCandidate]]:
    """Candidates with their score, best first; ties keep the given order (registry, document, project)."""
    if not normalize_name(query):
        return [(0.0, c) for c in candidates[:limit]]
    scored = [(score(query, c), i, c) for i, c in enumerate(candidates)]
    scored = [t for t in scored if t[0] >= MIN_SCORE]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [(s, c) for s, _, c in scored[:limit]]


__all__ = ["SpeakerCandidate", "SpeakerPicker", "add_to_registry", "merge_candidates", "rank", "registry_candidates",
           "score"]

_Index = QModelIndex | QPersistentModelIndex


class _CandidateModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[SpeakerCandidate] = []

    def set_items(self, items: list[SpeakerCandidate]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if c.source == "new":
                return tr("New speaker: %1").replace("%1", "\u2068" + c.name + "\u2069")
            extra = f" — \u2068{c.english}\u2069" if c.english else ""
            src = {"registry": tr("registry"), "document": tr("this article"), "project": tr("project")}[c.source]
            return f"{c.name}{extra}  [{src}]"
        if role == Qt.ItemDataRole.UserRole:
            return c
        return None


class SpeakerPicker(QDialog):
    """Line edit + live list. Up/Down move in the list, Enter picks, Esc cancels. `chosen` holds the result."""

    def __init__(self, candidates: Sequence[SpeakerCandidate], current: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("speaker_picker")
        self.setWindowTitle(tr("Edit speaker"))
        self.candidates = list(candidates)
        self.chosen: SpeakerCandidate | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("speaker_edit")
        # The field follows what is typed: Arabic right-to-left, a Latin name left-to-right.
        follow_text_direction(self.edit)
        self.edit.setPlaceholderText(tr("Type a name (Arabic or English)…"))
        self.edit.setText(current)
        self.edit.selectAll()
        self.model = _CandidateModel()
        self.list = QListView(self)
        self.list.setObjectName("speaker_list")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hint = QLabel(tr("↑/↓ choose · Enter pick · Esc cancel"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._pick)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.edit)
        lay.addWidget(self.list)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.edit.textChanged.connect(self._refresh)
        self.edit.installEventFilter(self)
        self.resize(460, 360)
        self._refresh(current)

    def _refresh(self, text: str) -> None:
        ranked = rank(text, self.candidates)
        items = [c for _, c in ranked]
        typed = text.strip()
        if typed and not any(normalize_name(c.name) == normalize_name(typed) for c in items):
            new = SpeakerCandidate(typed, None, None, "new")
            # A close match is offered first; otherwise what was typed is (Enter adds a new speaker).
            good = sum(1 for s, _ in ranked if s >= GOOD_SCORE)
            items.insert(good, new)
        self.model.set_items(items)
        if items:
            self.list.setCurrentIndex(self.model.index(0))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.items:
                row = self.list.currentIndex().row()
                row = min(row + 1, len(self.model.items) - 1) if key == Qt.Key.Key_Down else max(row - 1, 0)
                self.list.setCurrentIndex(self.model.index(row))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick()
                return True
        return super().eventFilter(obj, event)

    def _pick(self) -> None:
        idx = self.list.currentIndex()
        if idx.isValid():
            self.chosen = self.model.items[idx.row()]
            self.accept()
