"""Undo commands whose undo and redo write to the review project (a compensating, logged change)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from quote_desk.store import QuoteRow, ReviewProject, ReviewState

StateList = Sequence[tuple[int, ReviewState]]


class StoreCommand(QUndoCommand):
    """One user step (a decision, an edit, or a bulk decision) that is already written to the store.

    The first redo() (called by QUndoStack.push) does nothing: the change was made before pushing, so a failing
    change never lands on the stack. Later undo()/redo() restore the states before/after, in one transaction.
    """

    def __init__(
        self,
        label: str,
        project: ReviewProject,
        before: StateList,
        after: StateList,
        on_change: Callable[[list[QuoteRow], int | None], None],
        focus_id: int | None = None,
    ) -> None:
        super().__init__(label)
        self.project = project
        self.before = list(before)
        self.after = list(after)
        self.on_change = on_change
        self.focus_id = focus_id
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.on_change(self.project.restore(self.after, action="redo"), self.focus_id)

    def undo(self) -> None:
        self.on_change(self.project.restore(self.before, action="undo"), self.focus_id)
