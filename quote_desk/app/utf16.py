"""Code-point offsets (Python, the store) <-> UTF-16 positions (Qt). Converted once, at the Qt boundary."""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Maps offsets of one text. Texts without characters beyond the BMP (most Arabic news) map 1:1."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # Code-point indices of characters that take two UTF-16 units (emoji and other astral characters).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_qt(self, index: int) -> int:
        """UTF-16 position of code-point offset `index`."""
        if not self._astral:
            return index
        return index + bisect_right(self._astral, index - 1)

    def from_qt(self, pos: int) -> int:
        """Code-point offset of UTF-16 position `pos` (a position inside a surrogate pair rounds down)."""
        if not self._astral:
            return pos
        index = pos
        for k, a in enumerate(self._astral):
            # Astral char a occupies UTF-16 units [a + k, a + k + 2).
            if a + k + 1 <= pos:
                index -= 1
            else:
                break
        return index
