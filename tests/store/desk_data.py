"""Small Arabic articles written for the desk tests, and a tiny stand-in extractor for unit tests.

The stand-in finds «…» quotes and the nearest cue verb before them; it is NOT the engine. The end-to-end desk
test uses the real engine (quote_desk.core.pipeline) when it is present.
"""

from __future__ import annotations

import re

from quote_desk.core.records import Quote

ARTICLES: dict[str, str] = {
    "budget": (
        "الحكومة تعلن ميزانية العام المقبل\n\n"
        "قال وزير المالية خالد العمري إن «الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات».\n"
        "وأضاف العمري «لن نرفع أسعار الخبز هذا العام».\n"
        "وقالت النائبة سلمى الحداد: «=الأرقام المعلنة تحتاج إلى مراجعة مستقلة».\n"
    ),
    "water": (
        "أزمة المياه في المدن الساحلية\n\n"
        "وقال مدير شركة المياه يوسف النجار: «-سنصلح الأنابيب القديمة قبل الصيف».\n"
        "وقال مسؤول في البلدية «نعمل ليلاً ونهاراً لإعادة الضخ» 🙂.\n"
    ),
}

CUES = ("قال", "وقال", "وقالت", "وأضاف", "أكدت", "صرّح", "أكد")
_QUOTE = re.compile(r"«([^»]+)»")


class FakeExtractor:
    """Deterministic stand-in with the Extractor API: extract(text, doc=...) -> list[Quote]."""

    def __init__(self, confidence: float = 0.8) -> None:
        self.confidence = confidence
        self.calls = 0

    def extract(self, text: str, doc: str = "doc") -> list[Quote]:
        self.calls += 1
        out = []
        for m in _QUOTE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            cue_m = None
            for cm in re.finditer(r"\S+", text[line_start : m.start()]):
                if cm.group(0) in CUES:
                    cue_m = cm
            cue = cue_start = cue_end = speaker = sp_s = sp_e = None
            if cue_m is not None:
                cue_start, cue_end = line_start + cue_m.start(), line_start + cue_m.end()
                cue = text[cue_start:cue_end]
                words = [w for w in re.finditer(r"[^\s:]+", text[cue_end : m.start()]) if w.group(0) not in ("إن", "أن")]
                if words:
                    last = words[-1]
                    sp_s, sp_e = cue_end + last.start(), cue_end + last.end()
                    speaker = text[sp_s:sp_e]
            out.append(
                Quote(doc=doc, start=m.start(1), end=m.end(1), text=m.group(1), kind="direct", cue=cue,
                      cue_start=cue_start, cue_end=cue_end, speaker=speaker, speaker_start=sp_s, speaker_end=sp_e,
                      speaker_canonical=speaker, speaker_id=None, title=None, speaker_type="person", via=None,
                      confidence=self.confidence, reason="fake:marks")
            )  # fmt: skip
        return out
