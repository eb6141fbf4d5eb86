"""The one registry of desk actions and their shortcuts.

Defaults prefer keys that mean the same with any keyboard layout (Enter, Delete, Space, PgUp/PgDn, F-keys,
digits with Ctrl). Letter shortcuts are aliases; with an Arabic layout active a letter key types an Arabic
character, so `PhysicalKeyFilter` maps the key back to its Latin key (native virtual key on Windows, X11/macOS
key code, else the standard Arabic layout table) and fires the action bound to that Latin key.
Every shortcut can be rebound in settings (stored as portable text, e.g. "Ctrl+Return").
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str  # English source text; translated when the QAction is built
    shortcuts: tuple[str, ...]
    menu: str  # "file", "edit", "review", "help"
    tip: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_project", "New project…", ("Ctrl+N",), "file"),
    ActionSpec("open_project", "Open project…", ("Ctrl+O",), "file"),
    ActionSpec("import_files", "Import articles…", ("Ctrl+I",), "file", "Import text files (UTF-8)"),
    ActionSpec("import_folder", "Import folder…", ("Ctrl+Shift+I",), "file"),
    ActionSpec("import_paste", "Import from clipboard", ("Ctrl+Shift+V",), "file"),
    ActionSpec("export", "Export…", ("Ctrl+E",), "file", "Export quotes to CSV or JSONL"),
    ActionSpec("save", "Save", ("Ctrl+S",), "file", "Every decision is already saved"),
    ActionSpec("settings", "Settings…", ("Ctrl+,",), "file"),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), "file"),
    ActionSpec("undo", "Undo", ("Ctrl+Z",), "edit"),
    ActionSpec("redo", "Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "edit"),
    ActionSpec("find", "Filter", ("Ctrl+F",), "edit", "Focus the filter box"),
    ActionSpec("clear_filter", "Clear filters", ("Ctrl+Shift+F",), "edit"),
    ActionSpec("accept_next", "Accept and next", ("Return", "Enter", "A"), "review"),
    ActionSpec("reject_next", "Reject and next", ("Delete", "Ctrl+Backspace", "X"), "review"),
    ActionSpec("skip", "Skip", ("Space", "S"), "review", "Next quote without a decision"),
    ActionSpec("next", "Next quote", ("PgDown", "Alt+Down", "J"), "review"),
    ActionSpec("previous", "Previous quote", ("PgUp", "Alt+Up", "K"), "review"),
    ActionSpec("edit_speaker", "Edit speaker…", ("F2",), "review"),
    ActionSpec("cycle_kind", "Change kind", ("F4",), "review", "direct → indirect → mixed"),
    ActionSpec("widen_start", "Widen quote at its start", ("Ctrl+1",), "review"),
    ActionSpec("narrow_start", "Narrow quote at its start", ("Ctrl+2",), "review"),
    ActionSpec("narrow_end", "Narrow quote at its end", ("Ctrl+3",), "review"),
    ActionSpec("widen_end", "Widen quote at its end", ("Ctrl+4",), "review"),
    ActionSpec("accept_filtered", "Accept all shown…", ("Ctrl+Shift+Return",), "review"),
    ActionSpec("reject_filtered", "Reject all shown…", ("Ctrl+Shift+Delete",), "review"),
    ActionSpec("help", "Keyboard shortcuts", ("F1", "?"), "help"),
    ActionSpec("about", "About quote_desk", ("Ctrl+F1",), "help", "Version and where the desk keeps its files"),
)
SPEC_BY_ID: dict[str, ActionSpec] = {s.id: s for s in ACTIONS}


# Standard Arabic (101) layout: Arabic character -> the Latin key it sits on.
ARABIC_LAYOUT: dict[str, str] = dict(zip("ضصثقفغعهخحشسيبلاتنمئءؤرىةظ", "QWERTYUIOPASDFGHJKLZXCVNM/", strict=True))
ARABIC_LAYOUT.update({"ـ": "J", "لا": "B", "؟": "?", "آ": "N", "أ": "H", "إ": "Y", "ك": ";", "ط": "'"})
# X11 (evdev + 8) key codes of the Latin letter keys.
_X11_ROWS = ((24, "QWERTYUIOP"), (38, "ASDFGHJKL"), (52, "ZXCVBNM"))
X11_KEYCODES: dict[int, str] = {base + i: ch for base, row in _X11_ROWS for i, ch in enumerate(row)}
# macOS virtual key codes of the Latin letter keys (ANSI positions).
MAC_KEYCODES: dict[int, str] = dict(
    zip((0, 11, 8, 2, 14, 3, 5, 4, 34, 38, 40, 37, 46, 45, 31, 35, 12, 15, 1, 17, 32, 9, 13, 7, 16, 6),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ", strict=True)
)  # fmt: skip


def physical_latin_key(event: QKeyEvent, platform: str = sys.platform) -> str | None:
    """The Latin letter (or '?') printed on the key that was pressed, whatever the active layout."""
    if platform.startswith("win"):
        vk = event.nativeVirtualKey()
        if 0x41 <= vk <= 0x5A:
            return chr(vk)
    elif platform == "darwin":
        ch = MAC_KEYCODES.get(event.nativeScanCode())
        if ch:
            return ch
    else:
        ch = X11_KEYCODES.get(event.nativeScanCode())
        if ch:
            return ch
    text = event.text()
    return ARABIC_LAYOUT.get(text) if text else None


class ActionRegistry(QObject):
    """Builds one QAction per spec on `parent`, applies rebound shortcuts, and fires actions by physical key."""

    def __init__(self, parent: QWidget, overrides: dict[str, list[str]] | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.actions: dict[str, QAction] = {}
        self._overrides = dict(overrides or {})
        for spec in ACTIONS:
            act = QAction(tr(spec.text), parent)
            act.setObjectName(f"action_{spec.id}")
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            parent.addAction(act)
            self.actions[spec.id] = act
        self.apply_shortcuts()

    def shortcuts_for(self, action_id: str) -> list[str]:
        return list(self._overrides.get(action_id, SPEC_BY_ID[action_id].shortcuts))

    def set_shortcuts(self, action_id: str, sequences: list[str] | None) -> None:
        if sequences is None:
            self._overrides.pop(action_id, None)
        else:
            self._overrides[action_id] = list(sequences)
        self.apply_shortcuts()

    def apply_shortcuts(self) -> None:
        for spec in ACTIONS:
            act = self.actions[spec.id]
            seqs = [QKeySequence.fromString(s, QKeySequence.SequenceFormat.PortableText)
                    for s in self.shortcuts_for(spec.id)]  # fmt: skip
            act.setShortcuts([s for s in seqs if not s.isEmpty()])
            label = self.native_text(spec.id)
            tip = tr(spec.tip) if spec.tip else tr(spec.text).rstrip("…")
            act.setToolTip(f"{tip} ({label})" if label else tip)
            act.setStatusTip(tip)

    def native_text(self, action_id: str, limit: int = 2) -> str:
        seqs = self.shortcuts_for(action_id)[:limit]
        return ", ".join(
            QKeySequence.fromString(s, QKeySequence.SequenceFormat.PortableText).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            for s in seqs
        )

    def connect(self, action_id: str, slot: Callable[[], object]) -> None:
        self.actions[action_id].triggered.connect(lambda _checked=False: slot())

    def conflicts(self) -> dict[str, list[str]]:
        """Key sequence -> action ids, for sequences bound to more than one action."""
        seen: dict[str, list[str]] = {}
        for spec in ACTIONS:
            for s in self.shortcuts_for(spec.id):
                norm = QKeySequence.fromString(s, QKeySequence.SequenceFormat.PortableText).toString()
                seen.setdefault(norm, []).append(spec.id)
        return {k: v for k, v in seen.items() if len(v) > 1}

    def action_for_physical(self, event: QKeyEvent) -> QAction | None:
        latin = physical_latin_key(event)
        if not latin:
            return None
        mods = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.MetaModifier
        )  # fmt: skip
        if latin == "?":
            mods &= ~Qt.KeyboardModifier.ShiftModifier
        parts = []
        for flag, name in ((Qt.KeyboardModifier.ControlModifier, "Ctrl"), (Qt.KeyboardModifier.AltModifier, "Alt"),
                           (Qt.KeyboardModifier.ShiftModifier, "Shift"), (Qt.KeyboardModifier.MetaModifier, "Meta")):  # fmt: skip
            if mods & flag:
                parts.append(name)
        wanted = QKeySequence.fromString("+".join([*parts, latin]), QKeySequence.SequenceFormat.PortableText)
        for spec in ACTIONS:
            act = self.actions[spec.id]
            if act.isEnabled() and any(s.matches(wanted) == QKeySequence.SequenceMatch.ExactMatch
                                       for s in act.shortcuts()):  # fmt: skip
                return act
        return None


_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class PhysicalKeyFilter(QObject):
    """Application event filter: a key that typed a non-Latin character fires the action of its Latin key.

    Plain letters are left to text inputs (so an editor can type Arabic in the filter box); with Ctrl/Alt held
    the action fires anywhere in the window.
    """

    def __init__(self, registry: ActionRegistry, window: QWidget) -> None:
        super().__init__(window)
        self.registry = registry
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self.window:
            return False
        assert isinstance(event, QKeyEvent)
        text = event.text()
        if not text or text.isascii():
            return False  # Qt's own shortcut matching already handled Latin keys
        command = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not command and (isinstance(obj, _TEXT_INPUTS) and not getattr(obj, "isReadOnly", lambda: False)()):
            return False
        if not command and isinstance(obj, QComboBox) and obj.isEditable():
            return False
        act = self.registry.action_for_physical(event)
        if act is None:
            return False
        act.trigger()
        return True
