"""Desk benchmarks: open a 10,000-quote review project; latency of accept-and-next (key press to next quote
painted); latency of typing in the filter field (key press to the filtered queue painted); memory. Each with
a reference measured in the same run: the store alone reading the rows, the store alone committing one
decision, and a plain-Python pass of the same filter over the rows. Targets: open < 1 s, accept-and-next and
keystroke median < 16 ms.

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


def rss_mb() -> float:
    """Resident memory now (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quotes", type=int, default=10_000)
    ap.add_argument("--presses", type=int, default=300)
    ap.add_argument("--opens", type=int, default=5)
    ap.add_argument("--filter", default="الحكومة الميزانية", help="text typed into the filter, key by key")
    args = ap.parse_args(argv)

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
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
    # reference: the store alone opening the project and reading every row (no Qt)
    store_opens = []
    for _ in range(args.opens):
        t0 = time.perf_counter()
        with ReviewProject.open(project_path) as p:
            p.rows()
        store_opens.append(time.perf_counter() - t0)
    rss_before = rss_mb()

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
    rss_open = rss_mb()
    rows = window.model.rowCount()
    window.table.setFocus()
    from PySide6.QtCore import QObject

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
    # Typing in the filter field: each key press until the filtered queue (and the current quote) is painted.
    from quote_desk.core.normalize import normalize

    window.focus_filter()
    app.processEvents()
    typing = []  # key press until the field shows it (the queue waits for the typing pause)
    applying = []  # the typing pause over: filtering the queue and painting it, per key as if each paused
    keys = list(args.filter) + ["\b"] * len(args.filter)
    for ch in keys:
        t0 = time.perf_counter()
        if ch == "\b":
            QTest.keyClick(window.filter_text, Qt.Key.Key_Backspace)
        else:  # QTest.keyClicks is ASCII-only: a real key event carrying the Arabic character
            key = Qt.Key.Key_Space if ch == " " else ord(ch)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(window.filter_text, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        app.processEvents()
        window.filter_text.repaint()
        typing.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        window.flush_filter()
        app.processEvents()
        window.table.viewport().repaint()
        applying.append((time.perf_counter() - t0) * 1000)
    assert window.filter_text.text() == ""
    # reference: the same filter as plain Python over the rows (normalised haystacks prepared, as the model does)
    all_rows = window.model.all_rows()
    hay = [window.model.haystack(r) for r in all_rows]
    plain = []
    typed = ""
    for ch in keys:
        typed = typed[:-1] if ch == "\b" else typed + ch
        t0 = time.perf_counter()
        want = normalize(typed).casefold().split()
        _ = [r for r, h in zip(all_rows, hay, strict=True) if all(k in h for k in want)]
        plain.append((time.perf_counter() - t0) * 1000)
    window.table.setFocus()
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
    # reference: the store alone committing one decision (fsync), on its own connection — after the desk has
    # closed the project (a project has one writer at a time)
    window.close()
    window.project.close()
    store_decide = []
    with ReviewProject.open(project_path) as p:
        ids = [r.id for r in p.rows(["pending"])[: min(100, args.presses)]]
        for qid in ids:
            t0 = time.perf_counter()
            p.decide(qid, "accepted")
            store_decide.append((time.perf_counter() - t0) * 1000)
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
        "store_open_s_median": round(statistics.median(store_opens), 3),
        "store_decide_ms_median": round(statistics.median(store_decide), 2),
        "filter_key_ms_median": round(statistics.median(typing), 2),
        "filter_key_ms_p95": round(percentile(typing, 0.95), 2),
        "filter_apply_ms_median": round(statistics.median(applying), 2),
        "filter_apply_ms_p95": round(percentile(applying, 0.95), 2),
        "filter_keys": len(typing),
        "filter_plain_ms_median": round(statistics.median(plain), 2),
        "rss_mb_app": round(rss_before, 1),
        "rss_mb_open": round(rss_open, 1),
        "qt_platform": QApplication.platformName(),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
