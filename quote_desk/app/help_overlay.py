"""Help overlay (F1 or ?): every action with its current shortcuts, drawn over the window; any key closes it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from quote_desk.app.actions import ACTIONS, ActionRegistry
from quote_desk.app.actions import tr as tr_action


def tr(text: str) -> str:
    return QCoreApplication.translate("HelpOverlay", text)


def menu_titles() -> dict[str, str]:
    return {"review": tr("Review"), "edit": tr("Edit"), "file": tr("File"), "help": tr("Help")}


class HelpOverlay(QWidget):
    def __init__(self, registry: ActionRegistry, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("help_overlay")
        self.registry = registry
        self.label = QLabel(self)
        self.label.setObjectName("help_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAutoFillBackground(True)
        self.label.setMargin(18)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.label, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()
        parent.installEventFilter(self)

    def html(self) -> str:
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        d = "rtl" if rtl else "ltr"  # Qt's rich text honours the dir attribute, not CSS direction
        rows = []
        titles = menu_titles()
        for menu in ("review", "edit", "file", "help"):
            rows.append(f'<tr><td colspan="2" dir="{d}"><b>{escape(titles[menu])}</b></td></tr>')
            for spec in ACTIONS:
                if spec.menu != menu:
                    continue
                keys = self.registry.native_text(spec.id, limit=3) or "—"
                rows.append(
                    f'<tr><td dir="{d}">{escape(tr_action(spec.text))}</td>'
                    f'<td dir="ltr">&nbsp;&nbsp;<code>{escape(keys)}</code></td></tr>'
                )
        title = escape(tr("Keyboard shortcuts"))
        foot = escape(tr("Press any key to close. Shortcuts can be changed in Settings."))
        return (f'<div dir="{d}"><h3>{title}</h3><table dir="{d}" cellspacing="2">{"".join(rows)}</table>'
                f"<p>{foot}</p></div>")  # fmt: skip

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.label.setText(self.html())
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(0, 0, 0, 110))

    def keyPressEvent(self, event) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event) -> None:
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False
