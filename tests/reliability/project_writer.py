"""A review-project writer for the crash-safety test, run as a subprocess and killed with SIGKILL.

Usage: python project_writer.py PROJECT SEED
Before each write it prints `try N OP QIDS STATUS`, and after the call returned (committed) `ack N`, flushing
each line, so the parent knows exactly which writes were acknowledged. Runs until killed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quote_desk.store import ReviewProject
from tests.store.desk_data import ARTICLES, FakeExtractor

STATUSES = ("accepted", "rejected", "pending", "edited")


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    ex = FakeExtractor()
    with ReviewProject.open(path, reviewer="killer") as p:
        ids = [r.id for r in p.rows()]
        n = 0
        while True:
            n += 1
            op = rng.choice(("decide", "decide", "decide", "many", "edit", "import", "backup"))
            if op == "decide":
                qid, status = rng.choice(ids), rng.choice(STATUSES[:3])
                print(f"try {n} decide {qid} {status}", flush=True)
                p.decide(qid, status)
            elif op == "many":
                qids = rng.sample(ids, min(len(ids), rng.randint(2, 40)))
                status = rng.choice(STATUSES[:3])
                print(f"try {n} many {','.join(map(str, qids))} {status}", flush=True)
                p.decide_many(qids, status)
            elif op == "edit":
                qid = rng.choice(ids)
                print(f"try {n} edit {qid} edited", flush=True)
                p.edit(qid, speaker_canonical=f"متحدث {n}")
            elif op == "import":
                doc = f"extra-{seed}-{n}"
                text = ARTICLES["budget"]
                print(f"try {n} import {doc} -", flush=True)
                p.import_article(doc, text, ex.extract(text, doc))
            else:
                print(f"try {n} backup - -", flush=True)
                p.backup()
            print(f"ack {n}", flush=True)


if __name__ == "__main__":
    main()
