"""A benchmark corpus of any size, generated from the project's own articles (dev, test, samples).

Each generated article is one of ours with its numbers changed and a closing line of its own, so no two are equal
(no cache keyed on a whole text can help) while the engine's work per article stays that of real news.
Articles are generated lazily: a 2 GB corpus never sits in memory.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("tests/corpus/dev", "tests/corpus/test", "resources/samples")
_DIGITS = re.compile(r"[0-9]+|[٠-٩]+")
_CITIES = ["عمّان", "بيروت", "تونس", "الرباط", "القاهرة", "بغداد", "الدوحة", "الخرطوم", "دمشق", "الجزائر"]


def base_articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for d in SOURCES for p in sorted((ROOT / d).glob("*.txt"))]


def generate(mb: float, seed: int = 7) -> Iterator[str]:
    """Articles until `mb` million UTF-8 bytes are reached."""
    rng = random.Random(seed)
    bases = base_articles()
    size, i = 0, 0
    limit = mb * 1_000_000
    while size < limit:
        base = bases[i % len(bases)]
        shift = rng.randrange(1, 9)

        def renumber(m: re.Match[str], shift: int = shift) -> str:
            s = m.group()
            zero = "٠" if "٠" <= s[0] <= "٩" else "0"
            return "".join(chr((ord(c) - ord(zero) + shift) % 10 + ord(zero)) for c in s)

        text = _DIGITS.sub(renumber, base).rstrip("\n") + f"\n\n{_CITIES[i % len(_CITIES)]}، الخبر رقم {i}\n"
        size += len(text.encode("utf-8"))
        i += 1
        yield text


def corpus(mb: float, seed: int = 7) -> list[str]:
    return list(generate(mb, seed))
