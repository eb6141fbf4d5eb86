"""Saved web pages: the article body is extracted with trafilatura (its fallback extractor when the main one
finds nothing). The extracted text is the article the editor sees, so every offset refers to it."""

from __future__ import annotations

from quote_desk.errors import InputError


def html_to_text(markup: str, name: str) -> tuple[str, str | None]:
    """(body text, page title). Paragraphs are separated by newlines."""
    try:
        import trafilatura
    except Exception as exc:  # missing, or an install without its data files (a frozen app)
        raise InputError(f"{name}: reading web pages needs trafilatura, which cannot be loaded ({exc})") from None

    try:
        doc = trafilatura.bare_extraction(
            markup, include_comments=False, include_tables=True, include_images=False, with_metadata=True,
            deduplicate=False, favor_recall=True,
        )  # fmt: skip
    except Exception as exc:  # trafilatura/lxml raise many kinds of errors on broken markup
        raise InputError(f"{name}: the web page cannot be read ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    if not text.strip():
        try:
            _, text, _ = trafilatura.baseline(markup)
        except Exception:
            text = ""
    if not text.strip():
        raise InputError(f"{name}: no article text found in this web page")
    return text, (title.strip() or None) if title else None
