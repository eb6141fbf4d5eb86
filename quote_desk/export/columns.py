"""The exported columns, in order, and how to read them off a stored quote."""

from __future__ import annotations

from typing import Any

from quote_desk.store import QuoteRow

# doc = article id; start/end = code-point offsets into the article text (original[start:end] == text).
EXPORT_COLUMNS: tuple[str, ...] = (
    "doc", "start", "end", "text", "speaker", "speaker_canonical", "speaker_id", "speaker_en", "title",
    "speaker_type", "via", "cue", "kind", "confidence", "status", "reviewer", "reviewed_at",
)  # fmt: skip
# Free text a spreadsheet could take for a formula: neutralised in the Excel profile. Numbers stay raw.
TEXT_COLUMNS: frozenset[str] = frozenset(
    {"doc", "text", "speaker", "speaker_canonical", "speaker_id", "speaker_en", "title", "via", "cue", "reviewer"}
)


def record(row: QuoteRow) -> dict[str, Any]:
    q = row.quote
    return {
        "doc": q.doc, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
        "speaker_canonical": q.speaker_canonical, "speaker_id": q.speaker_id, "speaker_en": q.speaker_en,
        "title": q.title, "speaker_type": q.speaker_type, "via": q.via, "cue": q.cue, "kind": q.kind,
        "confidence": round(q.confidence, 4), "status": row.status, "reviewer": row.reviewer,
        "reviewed_at": row.reviewed_at,
    }  # fmt: skip
