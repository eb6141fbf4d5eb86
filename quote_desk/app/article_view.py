"""The article, right-to-left, with the selected quote's content, speaker mention and cue highlighted.

The text is one QTextDocument (never split into widgets) and highlights are ExtraSelections that only set a
background or an underline, so Arabic letters keep their joining. Store offsets (code points) are converted to
Qt positions (UTF-16) here, once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from quote_desk.app.utf16 import Utf16Map
from quote_desk.core.records import Quote

LIGHT = {"content": "#fff1a8", "speaker": "#1565c0", "speaker_bg": "#e3eefc", "cue": "#c62828", "other": "#f1f1f1"}
DARK = {"content": "#5c4d00", "speaker": "#82b1ff", "speaker_bg": "#1d2b40", "cue": "#ff8a80", "other": "#2f2f2f"}


class ArticleView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setCenterOnScroll(True)
        opt = QTextOption()
        opt.setTextDirection(Qt.LayoutDirection.RightToLeft)
        opt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        opt.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDefaultTextOption(opt)
        self.colors = LIGHT
        self._article_key: object = None
        self._map = Utf16Map("")
        self.spans: dict[str, tuple[int, int]] = {}  # role -> Qt (UTF-16) span, for tests and tools

    def set_dark(self, dark: bool) -> None:
        self.colors = DARK if dark else LIGHT

    def set_article(self, key: object, text: str) -> None:
        """Load an article (skipped when the same article is already shown: moving within it is cheap)."""
        if key == self._article_key:
            return
        self._article_key = key
        self._map = Utf16Map(text)
        self.setPlainText(text)

    def clear_article(self) -> None:
        self._article_key = None
        self._map = Utf16Map("")
        self.setPlainText("")
        self.setExtraSelections([])
        self.spans = {}

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.document())
        cur.setPosition(self._map.to_qt(start))
        cur.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format = fmt
        return sel

    def show_quote(self, quote: Quote, others: tuple[Quote, ...] = ()) -> None:
        c = self.colors
        sels = []
        self.spans = {}
        for o in others:  # the article's other quotes, faintly, so the editor sees what else was found
            f = QTextCharFormat()
            f.setBackground(QColor(c["other"]))
            sels.append(self._selection(o.start, o.end, f))
        content = QTextCharFormat()
        content.setBackground(QColor(c["content"]))
        content.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sels.append(self._selection(quote.start, quote.end, content))
        self.spans["content"] = (self._map.to_qt(quote.start), self._map.to_qt(quote.end))
        if quote.speaker_start is not None and quote.speaker_end is not None:
            sp = QTextCharFormat()
            sp.setBackground(QColor(c["speaker_bg"]))
            sp.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            sp.setUnderlineColor(QColor(c["speaker"]))
            sels.append(self._selection(quote.speaker_start, quote.speaker_end, sp))
            self.spans["speaker"] = (self._map.to_qt(quote.speaker_start), self._map.to_qt(quote.speaker_end))
        if quote.cue_start is not None and quote.cue_end is not None:
            cue = QTextCharFormat()
            cue.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            cue.setUnderlineColor(QColor(c["cue"]))
            sels.append(self._selection(quote.cue_start, quote.cue_end, cue))
            self.spans["cue"] = (self._map.to_qt(quote.cue_start), self._map.to_qt(quote.cue_end))
        self.setExtraSelections(sels)
        # Scroll so the quote (and its cue, usually just before it) is in view.
        first = min(x for x in (quote.start, quote.cue_start, quote.speaker_start) if x is not None)
        cur = QTextCursor(self.document())
        cur.setPosition(self._map.to_qt(quote.end))
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        cur.setPosition(self._map.to_qt(first))
        self.setTextCursor(cur)
        self.ensureCursorVisible()

    def qt_span_text(self, role: str) -> str:
        """The document text under a highlighted span (tests check it equals the stored text)."""
        s, e = self.spans[role]
        cur = QTextCursor(self.document())
        cur.setPosition(s)
        cur.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        return cur.selectedText().replace("\u2029", "\n")
