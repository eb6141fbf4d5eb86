"""Desk benchmarks: open a 10,000-quote review project; latency of accept-and-next (key press to next quote
painted). Targets: open < 1 s, accept-and-next median < 16 ms.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_desk.py [--quotes 10000] [--presses 300]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quote_desk.core.records import Quote
from quote_desk.store import ReviewProject

SPEAKERS = ["وزير المالية خالد العمري", "النائبة سلمى الحداد", "مدير شركة المياه يوسف النجار", "مصادر أمنية",
            "المتحدث باسم الحكومة", "رئيسة البلدية هالة منصور"]  # fmt: skip
CUES = ["قال", "وأضاف", "أكدت", "صرّح", "أوضح", "وأشارت"]
CONTENT = ["الميزانية الجديدة ستدعم المدارس والمستشفيات", "لن نرفع أسعار الخبز هذا العام",
           "الأرقام المعلنة تحتاج إلى مراجعة مستقلة", "سنصلح الأنابيب القديمة قبل الصيف",
           "نعمل ليلاً ونهاراً لإعادة الضخ", "الحوار هو الطريق الوحيد إلى الحل"]  # fmt: skip


def build_article(doc: str, n: int, seed: int) -> tuple[str, list[Quote]]:
    """An article of n sentences "CUE SPEAKER «CONTENT»." with exact offsets."""
    parts: list[str] = [f"عنوان المقال رقم {seed}\n\n"]
    quotes = []
    pos = len(parts[0])
    for i in range(n):
        cue, sp, ct = CUES[(seed + i) % 6], SPEAKERS[(seed * 7 + i) % 6], CONTENT[(seed + 3 * i) % 6]
        sent = f"{cue} {sp} «{ct} ({i})».\n"
        cs, ss = pos, pos + len(cue) + 1
        qs = ss + len(sp) + 2
        qe = qs + len(ct) + len(f" ({i})")
        quotes.append(Quote(doc=doc, start=qs, end=qe, text=sent[qs - pos : qe - pos], kind="direct", cue=cue,
                            cue_start=cs, cue_end=cs + len(cue), speaker=sp, speaker_start=ss,
                            speaker_end=ss + len(sp), speaker_canonical=sp, speaker_id=None, title=None,
                            speaker_type="person", via=None, confidence=0.5 + ((seed + i) % 50) / 100,
                            reason="bench"))  # fmt: skip
        parts.append(sent)
        pos += len(sent)
    return "".join(parts), quotes


def build_project(path: Path, n_quotes: int, per_article: int = 20) -> None:
    with ReviewProject.open(path) as p:
        for a in range(n_quotes // per_article):
            doc = f"bench-{a:05d}"
            text, quotes = build_article(doc, per_article, a)
            p.import_article(doc, text, quotes, title=text.splitlines()[0])


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quotes", type=int, default=10_000)
    ap.add_argument("--presses", type=int, default=300)
    ap.add_argument("--opens", type=int, default=5)
    args = ap.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from quote_desk.app.main import make_app
    from quote_desk.app.main_window import DeskWindow
    from quote_desk.app.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="qd-bench-"))
    os.environ["QUOTE_DESK_CONFIG_DIR"] = str(tmp / "cfg")
    project_path = tmp / "bench.qdproj"
    t0 = time.perf_counter()
    build_project(project_path, args.quotes)
    build_s = time.perf_counter() - t0
    app = make_app()
    settings = Settings()

    opens = []
    window = None
    for _ in range(args.opens):
        if window is not None:
            window.close()
            window.project.close()
            window.deleteLater()
            app.processEvents()
        t0 = time.perf_counter()
        window = DeskWindow(ReviewProject.open(project_path), settings)
        window.show()
        app.processEvents()
        window.repaint()  # the first frame, with the queue and the first quote in its article
        opens.append(time.perf_counter() - t0)
    assert window is not None
    rows = window.model.rowCount()
    window.table.setFocus()
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        n = 0

        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint:
                PaintCounter.n += 1
            return False

    counter = PaintCounter()
    window.article_view.viewport().installEventFilter(counter)
    lat = []
    for i in range(args.presses):
        before = window.current_id()
        painted = PaintCounter.n
        t0 = time.perf_counter()
        QTest.keyClick(window.table, Qt.Key.Key_Return if i % 4 else Qt.Key.Key_Delete)
        app.processEvents()  # delivers the posted update requests: the next quote is painted here
        lat.append((time.perf_counter() - t0) * 1000)
        assert window.current_id() != before
        assert PaintCounter.n > painted, "the article view was not repainted"
    counts = window.project.counts()
    # Bulk: accept every pending quote (one transaction, one undo step), then undo it.
    window.settings.set("review/confirm_bulk", False)
    pending = counts["pending"]
    t0 = time.perf_counter()
    window.bulk_decide("accepted")
    app.processEvents()
    bulk_s = time.perf_counter() - t0
    assert window.project.counts()["pending"] == 0
    t0 = time.perf_counter()
    window.undo()
    app.processEvents()
    undo_s = time.perf_counter() - t0
    assert window.project.counts()["pending"] == pending
    window.settings.set("review/confirm_bulk", True)
    result = {
        "quotes": rows,
        "build_project_s": round(build_s, 2),
        "open_s_first": round(opens[0], 3),
        "open_s_median": round(statistics.median(opens), 3),
        "accept_next_ms_median": round(statistics.median(lat), 2),
        "accept_next_ms_p95": round(percentile(lat, 0.95), 2),
        "accept_next_ms_max": round(max(lat), 2),
        "presses": len(lat),
        "decisions_in_store": counts["accepted"] + counts["rejected"],
        "bulk_accept_s": round(bulk_s, 2),
        "bulk_accept_quotes": pending,
        "bulk_undo_s": round(undo_s, 2),
        "qt_platform": QApplication.platformName(),
    }
    print(json.dumps(result, indent=2))
    window.close()
    window.project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
