"""Export and settings dialogs (opened window-modal with open(), never blocking the event loop)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quote_desk.app.actions import ACTIONS, ActionRegistry
from quote_desk.app.actions import tr as tr_action
from quote_desk.app.models import follow_text_direction
from quote_desk.app.models_page import ModelsPage
from quote_desk.app.settings import Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class ExportDialog(QDialog):
    """Format, profile, delimiter, scope and file. Enter exports to the file shown."""

    def __init__(self, default_path: Path, settings: Settings, filtered_count: int, accepted_count: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(tr("Export quotes"))
        self.fmt = QComboBox(self)
        self.fmt.addItem("CSV", "csv")
        self.fmt.addItem("JSONL", "jsonl")
        self.profile = QComboBox(self)
        self.profile.addItem(tr("Excel (UTF-8 with BOM, formulas neutralised)"), "excel")
        self.profile.addItem(tr("Raw (UTF-8, text as stored; not safe to open in a spreadsheet)"), "raw")
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.get("export/profile"))))
        self.delimiter = QComboBox(self)
        for label, value in ((tr("Comma"), "comma"), (tr("Semicolon"), "semicolon"), (tr("Tab"), "tab")):
            self.delimiter.addItem(label, value)
        self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(settings.get("export/delimiter"))))
        self.scope = QComboBox(self)
        self.scope.addItem(tr("Accepted quotes (%1)").replace("%1", str(accepted_count)), "accepted")
        self.scope.addItem(tr("Quotes shown by the current filter (%1)").replace("%1", str(filtered_count)),
                           "filter")  # fmt: skip
        self.path = QLineEdit(str(default_path), self)
        self.path.setObjectName("export_path")
        self.path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths stay left-to-right
        browse = QPushButton(tr("Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Format"), self.fmt)
        form.addRow(tr("CSV profile"), self.profile)
        form.addRow(tr("Delimiter"), self.delimiter)
        form.addRow(tr("Quotes"), self.scope)
        form.addRow(tr("File"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.fmt.currentIndexChanged.connect(self._sync)
        self._sync()
        self.path.setFocus()

    def _sync(self) -> None:
        csv = self.fmt.currentData() == "csv"
        self.profile.setEnabled(csv)
        self.delimiter.setEnabled(csv)
        p = Path(self.path.text())
        if p.suffix.lower() in (".csv", ".jsonl"):
            self.path.setText(str(p.with_suffix("." + self.fmt.currentData())))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Export quotes"), self.path.text())
        if name:
            self.path.setText(name)

    def values(self) -> dict[str, str]:
        return {"fmt": self.fmt.currentData(), "profile": self.profile.currentData(),
                "delimiter": self.delimiter.currentData(), "scope": self.scope.currentData(),
                "path": self.path.text().strip()}  # fmt: skip


class SettingsDialog(QDialog):
    """Language, reviewer name and every shortcut (rebindable; cleared = default); the Models tab."""

    def __init__(self, settings: Settings, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(tr("Settings"))
        self.settings = settings
        self.registry = registry
        self.language = QComboBox(self)
        self.language.addItem(tr("System language"), "")
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.reviewer = QLineEdit(settings.get("review/reviewer"), self)
        follow_text_direction(self.reviewer)
        form = QFormLayout()
        form.addRow(tr("Interface language"), self.language)
        form.addRow(tr("Reviewer name"), self.reviewer)
        form.addRow(QLabel(tr("Language changes apply the next time the desk opens."), self))
        keys = QWidget()
        kform = QFormLayout(keys)
        self.key_edits: dict[str, QKeySequenceEdit] = {}
        for spec in ACTIONS:
            seqs = registry.shortcuts_for(spec.id)
            edit = QKeySequenceEdit(self)
            edit.setKeySequence(QKeySequence.fromString(seqs[0], QKeySequence.SequenceFormat.PortableText)
                                if seqs else QKeySequence())  # fmt: skip
            edit.setObjectName(f"key_{spec.id}")
            self.key_edits[spec.id] = edit
            kform.addRow(tr_action(spec.text), edit)
        scroll = QScrollArea(self)
        scroll.setWidget(keys)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)  # fmt: skip
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self._defaults)
        general = QWidget(self)
        glay = QVBoxLayout(general)
        glay.addLayout(form)
        glay.addWidget(QLabel(tr("Shortcuts (the first key of each action; other default keys stay)"), self))
        glay.addWidget(scroll, 1)
        self.models_page = ModelsPage(settings, self)  # backend choice and the Arabic stanza models
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, tr("General"))
        self.tabs.addTab(self.models_page, tr("Models"))
        self.finished.connect(lambda *_: self.models_page.closing())
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(buttons)
        self.resize(560, 600)

    def _defaults(self) -> None:
        for spec in ACTIONS:
            self.key_edits[spec.id].setKeySequence(
                QKeySequence.fromString(spec.shortcuts[0], QKeySequence.SequenceFormat.PortableText))

    def apply(self) -> None:
        """Write the choices to settings and rebind the changed shortcuts."""
        self.settings.set("ui/language", self.language.currentData())
        self.settings.set("review/reviewer", self.reviewer.text().strip())
        self.models_page.apply()
        for spec in ACTIONS:
            seq = self.key_edits[spec.id].keySequence().toString(QKeySequence.SequenceFormat.PortableText)
            current = self.registry.shortcuts_for(spec.id)
            if seq == (current[0] if current else ""):
                continue
            new = [seq, *[s for s in spec.shortcuts[1:] if s != seq]] if seq else []
            if new == list(spec.shortcuts):
                self.settings.set_shortcut(spec.id, None)
                self.registry.set_shortcuts(spec.id, None)
            else:
                self.settings.set_shortcut(spec.id, new)
                self.registry.set_shortcuts(spec.id, new)


def about_details() -> list[tuple[str, str]]:
    """(label, value) rows of the About dialog: versions and the folders the desk uses (for bug reports)."""
    import platform
    import sys

    import PySide6
    from PySide6.QtCore import qVersion

    from quote_desk import __version__
    from quote_desk.app.paths import config_dir, data_dir

    rows = [
        (tr("Version"), __version__),
        (tr("Build"), tr("frozen app") if getattr(sys, "frozen", False) else tr("Python package")),
        ("Python", platform.python_version()),
        ("Qt / PySide6", f"{qVersion()} / {PySide6.__version__}"),
        (tr("Settings folder"), str(config_dir())),
        (tr("Projects folder"), str(data_dir())),
    ]
    try:
        from quote_desk.registry.paths import data_home

        rows.append((tr("Speaker registry folder"), str(data_home())))
    except ImportError:
        pass
    try:
        from quote_desk.resources import resources_dir

        rows.append((tr("Resources folder"), str(resources_dir())))
    except FileNotFoundError:
        rows.append((tr("Resources folder"), tr("not found")))
    return rows


class AboutDialog(QDialog):
    """Name, version, what the program does, and where it keeps its files; Copy puts the details as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from html import escape

        from PySide6.QtGui import QGuiApplication

        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(tr("About quote_desk"))
        self.details = about_details()
        icon = QGuiApplication.windowIcon()
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        if not icon.isNull():
            pic = QLabel(self)
            pic.setPixmap(icon.pixmap(64, 64))
            head.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        version = dict(self.details)[tr("Version")]
        text = tr("Finds reported speech in Arabic news, links it to its speakers, and lets editors verify "
                  "and export it.")
        title = QLabel(f"<h2>quote_desk {escape(version)}</h2><p>{escape(text)}</p>", self)
        title.setObjectName("about_title")
        title.setWordWrap(True)
        head.addWidget(title, 1)
        lay.addLayout(head)
        form = QFormLayout()
        for label, value in self.details:
            v = QLabel(value, self)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths and versions stay left-to-right
            form.addRow(label, v)
        lay.addLayout(form)
        lay.addWidget(QLabel(tr("MIT licence. Uses Qt (LGPLv3) through PySide6."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("about_copy")
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    def details_text(self) -> str:
        return "quote_desk\n" + "\n".join(f"{label}: {value}" for label, value in self.details)

    def copy_details(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.details_text())
