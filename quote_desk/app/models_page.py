"""The Models page of the settings dialog: the NLP backend choice and the Arabic stanza models it needs.

It shows the models folder and what is installed there (from the model manager's status: the files, their
size, or what is missing), installs the models in the background with progress and cancel, removes them after
asking, and keeps the backend choice ("rules" or "stanza") in settings. The desk's extractor reads the choice
through `backend_choice()`; when stanza was chosen but cannot load, `BackendNoticeLabel` says so in the status
bar and the import goes on rules-only.

The manager's messages (quote_desk.core.nlp.models) are shown as they are: one line that says what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quote_desk.app.settings import Settings
from quote_desk.app.workers import Job, run_in_background
from quote_desk.core.nlp import models
from quote_desk.errors import QuoteDeskError

BACKENDS: tuple[str, ...] = ("rules", "stanza")


def tr(text: str) -> str:
    return QCoreApplication.translate("ModelsPage", text)


# ---------------------------------------------------------------------------------------------------------
# settings -> backend (used by the desk's extractor factory, in a worker thread: no widgets here)


def models_dir_from(settings: Settings) -> Path:
    """The models folder chosen in settings, or the manager's default folder."""
    return models.resolve_dir(settings.get("nlp/models_dir").strip() or None)


def backend_choice(settings_path: str | Path | None = None) -> models.BackendChoice:
    """The backend chosen in settings, loaded now (one torch thread: the desk imports in one worker).

    Reads its own Settings instance, so it is safe to call from the import worker thread."""
    settings = Settings(settings_path)
    name = settings.get("nlp/backend") or "rules"
    return models.select_backend(name, models_dir_from(settings), threads=1)


class InstallCancelled(models.ModelError):
    """The user cancelled the install (raised between two files, so nothing half-written is kept)."""

    def __init__(self) -> None:
        super().__init__("install cancelled")


def _alive(obj: Any) -> bool:
    """False once Qt has deleted the widget (the dialog closed while an install was finishing)."""
    import shiboken6

    return shiboken6.isValid(obj)


def _size(n: int) -> str:
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeSIQuantifiers)


# ---------------------------------------------------------------------------------------------------------
# the page


class ModelsPage(QWidget):
    """Backend choice, models folder, status, Install (background, cancellable) and Remove (confirmed)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("models_page")
        self.settings = settings
        self.job: Job | None = None
        self.status: models.ModelStatus | None = None
        self._dir_setting = settings.get("nlp/models_dir").strip()

        intro = QLabel(tr("The rules-only engine needs no models. The stanza backend adds Arabic clitic splitting, "
                          "verb features, named entities and dependencies; it needs the Arabic stanza models "
                          "on this computer."), self)  # fmt: skip
        intro.setWordWrap(True)
        self.backend = QComboBox(self)
        self.backend.setObjectName("models_backend")
        self.backend.addItem(tr("Rules only"), "rules")
        self.backend.addItem(tr("Stanza (needs the Arabic models)"), "stanza")
        self.backend.setCurrentIndex(max(0, self.backend.findData(settings.get("nlp/backend"))))

        self.folder = QLabel(self)
        self.folder.setObjectName("models_folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths stay left-to-right
        change = QPushButton(tr("Change…"), self)
        change.setObjectName("models_change_dir")
        change.clicked.connect(self._browse)
        self.default_dir = QPushButton(tr("Default"), self)
        self.default_dir.setObjectName("models_default_dir")
        self.default_dir.clicked.connect(lambda: self.set_models_dir(None))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(change)
        folder_row.addWidget(self.default_dir)

        self.state = QLabel(self)
        self.state.setObjectName("models_state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files = QTableWidget(0, 3, self)
        self.files.setObjectName("models_files")
        self.files.setHorizontalHeaderLabels([tr("Model"), tr("Package"), tr("Size")])
        self.files.verticalHeader().hide()
        self.files.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.files.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.files.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # processor and file names are Latin
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.files.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.problems = QLabel(self)
        self.problems.setObjectName("models_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the manager writes in English

        self.install_button = QPushButton(tr("Install"), self)
        self.install_button.setObjectName("models_install")
        self.install_button.setToolTip(tr("Download the Arabic models with stanza's downloader (needs internet)"))
        self.install_button.clicked.connect(self.start_install)
        self.remove_button = QPushButton(tr("Remove…"), self)
        self.remove_button.setObjectName("models_remove")
        self.remove_button.clicked.connect(self.ask_remove)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.setObjectName("models_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("models_progress")
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel install"), self)
        self.cancel_button.setObjectName("models_cancel")
        self.cancel_button.clicked.connect(self.cancel_install)
        self.cancel_button.hide()
        for b in (change, self.default_dir, self.install_button, self.remove_button, self.refresh_button,
                  self.cancel_button):  # fmt: skip
            b.setAutoDefault(False)  # Enter keeps accepting the settings dialog
        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        self.message = QLabel(self)
        self.message.setObjectName("models_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(tr("Backend"), self.backend)
        form.addRow(tr("Models folder"), folder_row)
        form.addRow(tr("Status"), self.state)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.files)
        lay.addWidget(self.problems)
        lay.addLayout(buttons)
        lay.addLayout(run_row)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.refresh()

    # -- folder and status
    def models_dir(self) -> Path:
        return models.resolve_dir(self._dir_setting or None)

    def set_models_dir(self, path: str | Path | None) -> None:
        """Use another models folder (None: the default one); saved with the other settings on OK."""
        self._dir_setting = str(path) if path else ""
        self.refresh()

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Models folder"), str(self.models_dir()))
        if name:
            self.set_models_dir(name)

    def refresh(self) -> None:
        directory = self.models_dir()
        st = models.status(directory)
        self.status = st
        self.folder.setText(str(directory) + ("" if self._dir_setting else "  " + tr("(default)")))
        self.default_dir.setEnabled(bool(self._dir_setting))
        self.files.setRowCount(len(st.files))
        for r, f in enumerate(st.files):
            label = f.processor if f.processor == f.needed_by else f"{f.processor} ({f.needed_by})"
            size = _size(f.size) if f.present else tr("missing")
            for c, text in enumerate((label, f.package, size)):
                item = QTableWidgetItem(text)
                if not f.present:
                    item.setForeground(Qt.GlobalColor.red)
                self.files.setItem(r, c, item)
        self.files.setVisible(bool(st.files))
        stanza = st.stanza_version or tr("not installed")
        if st.installed:
            text = tr("Installed: %1 models, %2 (stanza %3)").replace("%1", str(len(st.files))).replace(
                "%2", _size(st.total_size)).replace("%3", stanza)  # fmt: skip
        elif not st.files:
            text = tr("Not installed (stanza %1)").replace("%1", stanza)
        else:
            missing = sum(1 for f in st.files if not f.present)
            text = tr("Not usable: %1 of %2 model files missing (stanza %3)").replace("%1", str(missing)).replace(
                "%2", str(len(st.files))).replace("%3", stanza)  # fmt: skip
        self.state.setText(text)
        self.problems.setText("\n".join(st.problems))
        self.problems.setVisible(bool(st.problems))
        self._sync_buttons()

    def _has_files(self) -> bool:
        d = self.models_dir()
        return (d / models.LANG).exists() or (d / "resources.json").exists()

    def _sync_buttons(self) -> None:
        busy = self.job is not None and self.job.running
        self.install_button.setEnabled(not busy and models.stanza_available())
        self.remove_button.setEnabled(not busy and self._has_files())
        self.refresh_button.setEnabled(not busy)

    # -- install
    def start_install(self) -> Job | None:
        if self.job is not None and self.job.running:
            return None
        directory = self.models_dir()

        def work(job: Job) -> models.ModelStatus:
            def progress(done: int, total: int, label: str) -> None:
                if job.cancelled:
                    raise InstallCancelled()
                job.progress(done, total, label)

            return models.install(directory, progress=progress)

        self.progress.setRange(0, 0)  # busy until the model list says how many files
        self.progress.setFormat("%v/%m")
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.message.setText(tr("Installing the Arabic models into %1…").replace("%1", str(directory)))
        self.job = run_in_background(work, on_progress=self._progress, on_done=self._installed,
                                     on_error=self._install_failed)  # fmt: skip
        self._sync_buttons()
        return self.job

    def cancel_install(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(tr("Cancelling after the current file…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        if not _alive(self):
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v/%m  " + label)
        else:
            self.progress.setFormat(label)

    def _end_install(self) -> bool:
        if not _alive(self):
            return False
        self.progress.hide()
        self.cancel_button.hide()
        self._forget_loaded()
        self.refresh()
        return True

    def _installed(self, st: models.ModelStatus) -> None:
        if self._end_install():
            self.message.setText(tr("Installed the Arabic models (%1).").replace("%1", _size(st.total_size)))

    def _install_failed(self, exc: BaseException, _tb: str) -> None:
        if not self._end_install():
            return
        if isinstance(exc, InstallCancelled):
            self.message.setText(tr("Install cancelled; the files already fetched are kept and the next install "
                                    "continues from them."))  # fmt: skip
        elif isinstance(exc, QuoteDeskError):
            self.message.setText(str(exc))  # the manager's one line: what happened and what to do
        else:  # never a traceback to the user
            self.message.setText(tr("The install stopped because of an internal error: %1").replace(
                "%1", f"{type(exc).__name__}: {exc}"))  # fmt: skip

    # -- remove
    def ask_remove(self) -> QMessageBox:
        directory = self.models_dir()
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove models"),
                          tr("Delete the Arabic stanza models in %1? The rules-only engine keeps working; "
                             "you can install them again later.").replace("%1", "\u2068" + str(directory) + "\u2069"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)  # fmt: skip
        box.setObjectName("remove_models_box")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def done(result: int) -> None:
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes:
                self.remove_models()

        box.finished.connect(done)
        self.question = box
        box.open()
        return box

    def remove_models(self) -> bool:
        directory = self.models_dir()
        try:
            found = models.remove(directory)
        except QuoteDeskError as exc:
            self.message.setText(str(exc))
            return False
        self._forget_loaded()
        self.refresh()
        self.message.setText(tr("Removed the Arabic models from %1.").replace("%1", str(directory)) if found
                             else tr("No models were installed at %1; nothing removed.").replace("%1", str(directory)))
        return found

    @staticmethod
    def _forget_loaded() -> None:
        """A pipeline loaded before an install or remove must not outlive the files it came from."""
        import sys

        mod = sys.modules.get("quote_desk.core.nlp.stanza_backend")
        if mod is not None:
            mod.forget_pipelines()

    # -- settings
    def apply(self) -> None:
        self.settings.set("nlp/backend", self.backend.currentData())
        self.settings.set("nlp/models_dir", self._dir_setting)

    def closing(self) -> None:
        """The dialog is closing: stop a running install after its current file."""
        if self.job is not None and self.job.running:
            self.job.cancel()


# ---------------------------------------------------------------------------------------------------------
# the status-bar notice of the desk


class BackendNoticeLabel(QLabel):
    """Shown in the desk's status bar while stanza was chosen but the import runs rules-only.

    `notice` may be emitted from the import worker thread (queued to this label in the GUI thread); each distinct
    notice is also shown once as the status bar's message."""

    notice = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backend_notice")
        self.window_ = window
        self.shown: list[str] = []  # every distinct notice, in the order it was first shown
        self.notice.connect(self.show_notice, Qt.ConnectionType.QueuedConnection)
        self.hide()

    @Slot(str)
    def show_notice(self, notice: str) -> bool:
        """Show the fallback (hide it for ""); returns True the first time a notice is seen."""
        if not notice:
            self.hide()
            return False
        hint = tr("Settings → Models installs the models or switches back to rules only.")
        self.setText(tr("Rules only: stanza unavailable"))
        self.setToolTip(notice + "\n" + hint)
        self.show()
        if notice in self.shown:
            return False
        self.shown.append(notice)
        self.window_.statusBar().showMessage(notice + " — " + hint, 15000)
        return True
