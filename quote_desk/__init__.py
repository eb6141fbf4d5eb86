"""quote_desk: find reported speech in Arabic news, attribute it, and review it."""

from __future__ import annotations

__version__ = "0.1.0"

from quote_desk.core.records import Quote

__all__ = ["Quote", "__version__", "extract"]


def extract(text: str, doc: str = "doc") -> list[Quote]:
    """Extract quotes from one document's text with the default rules-only engine."""
    from quote_desk.core.pipeline import default_extractor

    return default_extractor().extract(text, doc=doc)
