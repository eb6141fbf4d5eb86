"""Typing helpers: QTest.keyClicks only handles ASCII, so Arabic text is typed as real QKeyEvents carrying the
character (as the Arabic layout produces them, with the X11 key code of the physical key)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from quote_desk.app.actions import ARABIC_LAYOUT, X11_KEYCODES

_LATIN_TO_X11 = {ch: code for code, ch in X11_KEYCODES.items()}


def arabic_key_event(kind: QEvent.Type, ch: str, modifiers=Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    latin = ARABIC_LAYOUT.get(ch, "")
    scan = _LATIN_TO_X11.get(latin, 0)
    return QKeyEvent(kind, ord(ch), modifiers, scan, 0, 0, ch)


def type_text(widget, text: str) -> None:
    for ch in text:
        if ch.isascii():
            key = Qt.Key.Key_Space if ch == " " else ord(ch.upper())
            press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
            release = QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, ch)
        else:
            press = arabic_key_event(QEvent.Type.KeyPress, ch)
            release = arabic_key_event(QEvent.Type.KeyRelease, ch)
        QApplication.sendEvent(widget, press)
        QApplication.sendEvent(widget, release)
