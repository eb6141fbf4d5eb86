"""Fit the confidence table (resources/lexicons/calibration.tsv) on the development split.

Each prediction falls in a group: how the speaker was found × how it was resolved (from its `reason`). The
confidence of a group is its precision on the dev splits (a prediction is right when it matches a gold quote with
the right speaker), shrunk towards its parent: group → its "how" → all predictions, each by K pseudo-counts,
(right + K * parent) / (n + K). Small groups stay near their parent and never reach 1.
Run: python benchmarks/calibrate.py   (never on the held-apart test split)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quote_desk.core.evaluate import iou, load_gold, speaker_ok  # noqa: E402
from quote_desk.core.pipeline import Extractor, calibration_key  # noqa: E402

K = 8  # pseudo-counts of shrinkage towards the parent group
# Development splits only: test4 … test11, test13 and test14 are held apart (test, test2 and test3 became
# development splits in session 3, test12 in session 4, each after it had been measured as held-apart data).
DEV = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14",
       "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "test", "test2", "test3", "test12")
SPLITS = [ROOT / f"tests/corpus/{s}" for s in DEV] + [ROOT / "resources/samples"]


def main() -> None:
    ex = Extractor(calibration={})  # raw rule confidences, no table
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for folder in SPLITS:
        gold = load_gold(folder)
        for doc, gqs in gold.items():
            text = (folder / f"{doc}.txt").read_text(encoding="utf-8")
            for q in ex.extract(text, doc):
                best = max(gqs, key=lambda g: iou((q.start, q.end), (g.start, g.end)), default=None)
                matched = best is not None and iou((q.start, q.end), (best.start, best.end)) >= 0.5
                if matched and best.optional:
                    continue
                key = calibration_key(q.reason)
                for k in (key, key.split("/")[0]):
                    stats[k][1] += 1
                    stats[k][0] += int(matched and speaker_ok(q, best))
    out = ROOT / "resources/lexicons/calibration.tsv"
    lines = [
        "# Confidence per way of finding the speaker, fitted by benchmarks/calibrate.py on the dev splits.",
        f"# key<TAB>confidence<TAB>right<TAB>n   (confidence = (right + {K} * parent) / (n + {K}))",
    ]
    tot_r = sum(r for k, (r, n) in stats.items() if "/" not in k)
    tot_n = sum(n for k, (r, n) in stats.items() if "/" not in k)
    overall = tot_r / tot_n if tot_n else 0.5
    level1 = {k: (r + K * overall) / (n + K) for k, (r, n) in stats.items() if "/" not in k}
    for k in sorted(stats):
        right, n = stats[k]
        parent = level1.get(k.split("/")[0], overall) if "/" in k else overall
        lines.append(f"{k}\t{(right + K * parent) / (n + K):.3f}\t{right}\t{n}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
