"""Benchmark: link 10,000 speaker mentions against a generated 50,000-entity registry (one core).

    python benchmarks/bench_linking.py [--entities 50000] [--mentions 10000] [--seed 7] [--sqlite] [--json]

The registry is synthetic (made-up Arabic-looking names built from syllables, plus the shipped seed) and
exists only for this benchmark. Mentions mix full names, other spellings, family names alone, misspellings,
titles before names, unknown names and anonymous sources; every mention is distinct and the linker's cache
starts cold, so the time is the real matching time. Reports build and link time (wall clock and CPU time:
on a shared machine the CPU time is the fair number), the index size and what linking adds on top
(tracemalloc, in a second pass), the process's peak RSS, and how the links compare with the generator's truth.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quote_desk.core.linking import LinkTarget, RegistryLinker, default_config  # noqa: E402
from quote_desk.registry.seed import default_seed  # noqa: E402

C = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
V = ["ا", "و", "ي", ""]
TITLES = ["وزير الخارجية", "المتحدث باسم الحكومة", "رئيس البرلمان", "قائد الشرطة", "مستشار الرئيس"]
HEADS = ["وزارة", "هيئة", "وكالة", "جمعية", "شركة", "مجلس", "حركة", "صحيفة"]
ADJ = ["السورية", "المصرية", "الأردنية", "اللبنانية", "العراقية", "التركية", "الروسية", "الفرنسية"]


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(C) + rng.choice(V) for _ in range(syllables))


def make_registry(n: int, rng: random.Random) -> tuple[list[LinkTarget], list[tuple[str, str, str]]]:
    """n entities (seed first) and for each generated one a (kind, surname or '', english) hint."""
    targets = [e.to_target() for e in default_seed().entities]
    given = [word(rng, rng.randint(2, 3)) for _ in range(400)]  # shared given names: realistic collisions
    seen: set[str] = {t.canonical for t in targets}
    hints: list[tuple[str, str, str]] = [("seed", "", "")] * len(targets)
    while len(targets) < n:
        i = len(targets)
        if rng.random() < 0.7:
            family = word(rng, rng.randint(2, 4))
            name = f"{rng.choice(given)} {family}"
            if name in seen:
                continue
            alias = f"{rng.choice(given)} {name}" if rng.random() < 0.3 else name.replace("ا", "أ", 1)
            t = LinkTarget(f"bench-{i}", name, f"Person {i}", "person", (alias,), (rng.choice(TITLES),),
                           rng.choice(["SY", "EG", "JO", "LB", "IQ", "TR", None]))
            hints.append(("person", family, t.english or ""))
        else:
            name = f"{rng.choice(HEADS)} {word(rng, rng.randint(2, 3))} {rng.choice(ADJ)}"
            if name in seen:
                continue
            kind = rng.choice(["organization", "media", "group"])
            t = LinkTarget(f"bench-{i}", name, f"Body {i}", kind, (), (), None)
            hints.append(("org", "", t.english or ""))
        seen.add(name)
        targets.append(t)
    return targets, hints


def misspell(text: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(text) if ch != " "]
    i = rng.choice(letters)
    op = rng.random()
    if op < 0.4:
        return text[:i] + text[i + 1 :]  # a dropped letter
    if op < 0.7:
        return text[:i] + rng.choice("اوي") + text[i:]  # an extra long vowel (transliteration)
    return text[:i] + rng.choice(C) + text[i + 1 :]  # a wrong letter


def make_mentions(
    targets: list[LinkTarget], hints: list[tuple[str, str, str]], m: int, rng: random.Random
) -> list[tuple[str, str | None, str | None, str | None]]:
    """(mention, speaker_type, title, expected id or None) — all mentions distinct."""
    out: dict[str, tuple[str, str | None, str | None, str | None]] = {}
    generated = [i for i, h in enumerate(hints) if h[0] != "seed"]
    while len(out) < m:
        r = rng.random()
        i = rng.choice(generated) if rng.random() < 0.95 else rng.randrange(len(targets))
        t = targets[i]
        kind = "person" if t.type == "person" else "organization"
        if r < 0.35:
            mention, expected, title = rng.choice((t.canonical, *t.names)), t.id, None
        elif r < 0.50 and t.type == "person" and hints[i][1]:
            mention, expected, title = hints[i][1], t.id, (t.titles[0] if t.titles and rng.random() < 0.5 else None)
        elif r < 0.70:
            mention, expected, title = misspell(t.canonical, rng), t.id, None
        elif r < 0.80 and t.type == "person":
            mention, expected, title = f"{rng.choice(['السيد', 'الدكتور', 'د.'])} {t.canonical}", t.id, None
        elif r < 0.95:
            mention = f"{word(rng, 2)} {word(rng, 3)}"
            expected, title = None, None
        else:
            mention, kind, expected, title = rng.choice(["مصادر أمنية", "مسؤول رفيع", "مصدر مطلع"]) + f" {len(out)}", \
                "anonymous_source", None, None
        out.setdefault(mention, (mention, kind, title, expected))
    return list(out.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=50_000)
    ap.add_argument("--mentions", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sqlite", action="store_true", help="also time writing the registry to SQLite and reopening it")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    targets, hints = make_registry(args.entities, rng)
    mentions = make_mentions(targets, hints, args.mentions, rng)
    config = default_config()
    gc.collect()

    # timing pass: no tracing (tracemalloc slows Python code several times over)
    t0, cpu0 = time.perf_counter(), time.process_time()
    linker = RegistryLinker(targets, config)
    build_s, build_cpu_s = time.perf_counter() - t0, time.process_time() - cpu0
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    results = [linker.link(m, speaker_type=k, title=ti) for m, k, ti, _ in mentions]
    link_s = time.perf_counter() - t0
    link_cpu_s = time.process_time() - cpu0
    del linker
    gc.collect()

    # memory pass: a fresh linker under tracemalloc (index size, and what linking adds on top)
    tracemalloc.start()
    linker = RegistryLinker(targets, config)
    _, build_peak = tracemalloc.get_traced_memory()
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    for m, k, ti, _ in mentions:
        linker.link(m, speaker_type=k, title=ti)
    _, link_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    linked = [(r, exp) for r, (_, _, _, exp) in zip(results, mentions, strict=True) if r and r.level == "linked"]
    correct = sum(1 for r, exp in linked if r.entity_id == exp)
    expected_n = sum(1 for *_, exp in mentions if exp is not None)
    suggest_right = sum(
        1 for r, (*_, exp) in zip(results, mentions, strict=True) if r and r.level == "suggest" and r.entity_id == exp
    )
    report = {
        "entities": len(targets),
        "mentions": len(mentions),
        "build_s": round(build_s, 3),
        "build_cpu_s": round(build_cpu_s, 3),
        "link_s": round(link_s, 3),
        "link_cpu_s": round(link_cpu_s, 3),
        "per_mention_us": round(link_s / len(mentions) * 1e6, 1),
        "index_mb": round(index_bytes / 2**20, 1),
        "build_peak_mb": round(build_peak / 2**20, 1),
        "link_peak_extra_mb": round(max(0, link_peak - index_bytes) / 2**20, 1),  # includes the result cache
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "linked": len(linked),
        "linked_precision": round(correct / len(linked), 4) if linked else None,
        "linked_recall": round(correct / expected_n, 4) if expected_n else None,
        "suggested_right": suggest_right,
    }
    if args.sqlite:
        from quote_desk.registry import Registry, linker_from_registry
        from quote_desk.registry.records import Entity

        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "registry.sqlite3"
            t0 = time.perf_counter()
            with Registry.open(path, lexicon=config.lexicon) as reg:
                reg.import_entities(
                    Entity(t.id, t.canonical, t.english, t.type, t.names, t.titles, t.country) for t in targets
                )
            report["sqlite_write_s"] = round(time.perf_counter() - t0, 3)
            t0, cpu0 = time.perf_counter(), time.process_time()
            with Registry.open(path, lexicon=config.lexicon) as reg:
                linker_from_registry(reg, config)
            report["sqlite_open_linker_s"] = round(time.perf_counter() - t0, 3)
            report["sqlite_open_linker_cpu_s"] = round(time.process_time() - cpu0, 3)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        for k, v in report.items():
            print(f"{k:>22}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
