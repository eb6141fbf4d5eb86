"""Linking precision/recall on the hand-written cases in tests/registry/data/linking_eval.tsv (seed registry).

    python benchmarks/eval_linking.py [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quote_desk.core.linking import LinkingConfig, RegistryLinker  # noqa: E402

CASES = ROOT / "tests" / "registry" / "data" / "linking_eval.tsv"


@dataclass(frozen=True)
class Case:
    mention: str
    aliases: tuple[str, ...]
    title: str | None
    speaker_type: str | None
    expected: str | None


def read_cases(path: Path = CASES) -> list[Case]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m, a, t, k, e = line.split("\t")
        out.append(Case(m, tuple(x for x in a.split("|") if x), t or None, k or None, None if e == "-" else e))
    return out


def evaluate(linker: RegistryLinker, cases: list[Case]) -> dict[str, float | int | list[str]]:
    tp = fp = fn = tn = suggested = 0
    errors: list[str] = []
    for c in cases:
        r = linker.link(c.mention, aliases=c.aliases, title=c.title, speaker_type=c.speaker_type)
        got = r.entity_id if r is not None and r.level == "linked" else None
        if r is not None and r.level == "suggest":
            suggested += 1
        if got is not None and got == c.expected:
            tp += 1
        elif got is not None:
            fp += 1
            if c.expected is not None:
                fn += 1
            errors.append(f"{c.mention}: linked {got}, expected {c.expected or 'nothing'}")
        elif c.expected is not None:
            fn += 1
            errors.append(f"{c.mention}: not linked ({r.level if r else 'no candidate'}), expected {c.expected}")
        else:
            tn += 1
    positives = sum(1 for c in cases if c.expected)
    return {
        "cases": len(cases),
        "should_link": positives,
        "must_not_link": len(cases) - positives,
        "linked_correctly": tp,
        "linked_wrongly": fp,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / positives if positives else 1.0,
        "share_linked": (tp + fp) / len(cases),
        "suggested": suggested,
        "errors": errors,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    from quote_desk.core.linking import load_lexicon
    from quote_desk.registry.seed import default_seed

    linker = RegistryLinker((e.to_target() for e in default_seed().entities), LinkingConfig(lexicon=load_lexicon()))
    res = evaluate(linker, read_cases())
    print("| cases | should link | must not link | precision | recall | share of speakers linked |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {res['cases']} | {res['should_link']} | {res['must_not_link']} | {res['precision']:.3f} | "
        f"{res['recall']:.3f} | {res['share_linked']:.3f} |"
    )
    if args.show_errors:
        for e in res["errors"]:  # type: ignore[union-attr]
            print(" -", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
