"""Measure the stanza backend against rules-only: import time, model load, throughput, memory, quality.

Usage: python benchmarks/stanza_backend.py [--models DIR] [--corpus DIR] [--heldout DIR] [--json]

--models defaults to the tiny models the test fixture built (.cache/tiny-stanza/<key>/models); --heldout to
the tiny treebank's held-apart articles next to them; --corpus to tests/corpus/dev. With the tiny models the
quality numbers are a mechanics check only (tiny models trained on 84 template sentences), not a claim about
stanza's real Arabic models.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _subprocess_seconds(code: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, capture_output=True)
        best = min(best, time.perf_counter() - t0)
    return best


def import_times() -> dict[str, float]:
    base = _subprocess_seconds("pass")
    out = {"python_startup_s": round(base, 3)}
    for name, code in (
        ("quote_desk_core_pipeline", "import quote_desk.core.pipeline"),
        ("quote_desk_stanza_backend_module", "import quote_desk.core.nlp.stanza_backend"),
        ("torch", "import torch"),
        ("stanza", "import stanza"),
    ):
        out[name + "_s"] = round(_subprocess_seconds(code) - base, 3)
    return out


def peak_rss_mb(code: str) -> float:
    # VmHWM (peak RSS of this process image); ru_maxrss would inherit the parent's peak across fork+exec
    wrapped = code + (
        "\nprint([ln.split()[1] for ln in open('/proc/self/status') if ln.startswith('VmHWM:')][0])"
    )
    proc = subprocess.run([sys.executable, "-c", wrapped], check=True, cwd=REPO, capture_output=True, text=True)
    return round(int(proc.stdout.strip().splitlines()[-1]) / 1024, 1)


def load_texts(folder: Path) -> dict[str, str]:
    return {p.name[: -len(".txt")]: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def throughput(extract, texts: dict[str, str], runs: int = 2) -> dict[str, float]:
    chars = sum(len(t) for t in texts.values())
    words = sum(len(t.split()) for t in texts.values())
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for doc, t in texts.items():
            extract(t, doc)
        best = min(best, time.perf_counter() - t0)
    return {"seconds": round(best, 3), "docs": len(texts), "chars": chars, "words": words,
            "words_per_s": round(words / best), "docs_per_s": round(len(texts) / best, 1)}


def quality(folder: Path, backend) -> dict[str, dict[str, float]]:
    from quote_desk.core.config import EngineConfig
    from quote_desk.core.evaluate import evaluate, load_gold
    from quote_desk.core.pipeline import Extractor

    gold = load_gold(folder)
    texts = {doc: (folder / f"{doc}.txt").read_text(encoding="utf-8") for doc in gold}
    off = EngineConfig(use_backend_entities=False, use_backend_features=False, use_backend_syntax=False)
    setups = {
        "rules-only": Extractor(),
        "stanza: features": Extractor(config=replace(off, use_backend_features=True), backend=backend),
        "stanza: entities": Extractor(config=replace(off, use_backend_entities=True), backend=backend),
        "stanza: syntax": Extractor(config=replace(off, use_backend_syntax=True), backend=backend),
        "stanza: all": Extractor(backend=backend),
    }
    out = {}
    for name, ex in setups.items():
        t = evaluate(gold, {d: ex.extract(x, doc=d) for d, x in texts.items()}).as_dict()["total"]
        out[name] = {k: round(t[k], 3) for k in ("f1", "speaker_accuracy", "e2e_f1")}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cache = sorted((REPO / ".cache" / "tiny-stanza").glob("*/models"))
    ap.add_argument("--models", type=Path, default=cache[-1] if cache else None)
    ap.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus" / "dev")
    ap.add_argument("--heldout", type=Path, default=cache[-1].parent / "data" / "heldout" if cache else None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.models is None:
        print("no models: run the tests once (they build tiny models) or pass --models", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    res: dict = {"models": str(args.models)}
    res["import"] = import_times()

    from quote_desk.core.nlp.stanza_backend import StanzaBackend
    from quote_desk.core.pipeline import Extractor

    t0 = time.perf_counter()
    backend = StanzaBackend(args.models).load()
    res["first_pipeline_load_s"] = round(time.perf_counter() - t0, 3)
    texts = load_texts(args.corpus)
    rules, stz = Extractor(), Extractor(backend=backend)
    rules.extract("قال الوزير إن الوضع مستقر.")  # warm-up (lexicon load)
    stz.extract("قال الوزير إن الوضع مستقر.")
    res["throughput"] = {
        "rules-only": throughput(lambda t, d: rules.extract(t, doc=d), texts),
        "stanza": throughput(lambda t, d: stz.extract(t, doc=d), texts),
    }
    from quote_desk.core.document import Doc

    spans = {d: [(s.start, s.end) for s in Doc.build(t, rules.lex).sents] for d, t in texts.items()}
    res["throughput"]["stanza_backend_analyse_only"] = throughput(
        lambda t, d: backend.analyse(t, spans[d]), texts)
    corpus = str(args.corpus)
    res["peak_rss_mb"] = {
        "rules-only": peak_rss_mb(
            "from pathlib import Path\nfrom quote_desk.core.pipeline import Extractor\nex = Extractor()\n"
            f"[ex.extract(p.read_text(encoding='utf-8')) for p in sorted(Path({corpus!r}).glob('*.txt'))]"),
        "stanza": peak_rss_mb(
            "from pathlib import Path\nfrom quote_desk.core.pipeline import Extractor\n"
            "from quote_desk.core.nlp.stanza_backend import StanzaBackend\n"
            f"ex = Extractor(backend=StanzaBackend({str(args.models)!r}))\n"
            f"[ex.extract(p.read_text(encoding='utf-8')) for p in sorted(Path({corpus!r}).glob('*.txt'))]"),
    }
    res["quality"] = {"corpus (" + args.corpus.name + ")": quality(args.corpus, backend)}
    if args.heldout is not None and args.heldout.is_dir():
        res["quality"]["tiny held-apart split"] = quality(args.heldout, backend)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
