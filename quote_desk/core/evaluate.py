"""Scoring predicted quotes against gold annotations (the format of the seed's *.gold.json).

A predicted quote matches a gold quote when their content spans overlap with IoU >= 0.5 (one-to-one, best
overlap first). Gold quotes marked optional are neither credited nor penalised. The speaker is correct when the
predicted canonical speaker equals the gold speaker or one of its aliases after Arabic normalisation.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quote_desk.core.lexicon import load_lexicon
from quote_desk.core.normalize import normalize, normalize_name
from quote_desk.core.records import Quote
from quote_desk.errors import GoldFormatError

HOWS = ("explicit", "dropped", "anaphora", "relay", "headline", "participial", "nonverbal")
REQUIRED = ("content_start", "content_end", "speaker", "kind")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    doc: str
    start: int
    end: int
    speaker: str | None
    aliases: tuple[str, ...]
    kind: str
    how: str
    optional: bool
    speaker_type: str | None
    cue: str | None


def load_gold(path: Path) -> dict[str, list[GoldQuote]]:
    """Gold from a .jsonl file (one document object per line), a .json file, or a folder of *.gold.json."""
    if not path.exists():
        raise GoldFormatError(f"gold file not found: {path}")
    objs: list[tuple[str, int, Any]] = []
    files = sorted(path.glob("*.gold.json")) + sorted(path.glob("*.gold.jsonl")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise GoldFormatError(f"no *.gold.json files in {path}")
    for f in files:
        try:
            raw = f.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldFormatError(f"cannot read gold file {f}: {exc}") from None
        if f.suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    objs.append((str(f), n, _parse(line, f, n)))
        else:
            objs.append((str(f), 1, _parse(raw, f, 1)))
    out: dict[str, list[GoldQuote]] = {}
    for fname, line, obj in objs:
        if not isinstance(obj, dict) or "doc" not in obj or not isinstance(obj.get("quotes"), list):
            raise GoldFormatError(f"{fname}:{line}: expected an object with 'doc' and a 'quotes' list")
        doc = str(obj["doc"])
        qs = out.setdefault(doc, [])
        for qi, q in enumerate(obj["quotes"]):
            missing = [k for k in REQUIRED if k not in q]
            if missing:
                raise GoldFormatError(f"{fname}:{line}: quote {qi} of {doc} lacks {', '.join(missing)}")
            qs.append(
                GoldQuote(
                    doc=doc,
                    start=int(q["content_start"]),
                    end=int(q["content_end"]),
                    speaker=q.get("speaker"),
                    aliases=tuple(q.get("aliases") or ()),
                    kind=q["kind"],
                    how=q.get("how") or derive_how(q),
                    optional=bool(q.get("optional", False)),
                    speaker_type=q.get("speaker_type"),
                    cue=q.get("cue"),
                )
            )
    return out


def _parse(raw: str, f: Path, n: int) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{f}:{n}: not valid JSON ({exc.msg} at column {exc.colno})") from None


def derive_how(q: dict[str, Any]) -> str:
    """How the speaker is found, for gold without a "how" field."""
    cue = q.get("cue") or ""
    if q.get("via"):
        return "relay"
    if cue.strip() == ":":
        return "headline"
    form = load_lexicon().cue(normalize(cue.split()[0])) if cue.strip() else None
    if form is None and cue:
        return "nonverbal"
    mention = q.get("speaker_mention")
    if mention is None:
        return "participial" if form is not None and form.pos == "part" else "dropped"
    if normalize_name(mention) != normalize_name(q.get("speaker") or ""):
        return "anaphora"
    return "explicit"


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def speaker_ok(pred: Quote, gold: GoldQuote) -> bool:
    if pred.speaker_canonical is None or gold.speaker is None:
        return pred.speaker_canonical is None and gold.speaker is None
    p = normalize_name(pred.speaker_canonical)
    return any(p == normalize_name(g) for g in (gold.speaker, *gold.aliases) if g)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    e2e_tp: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0

    def prf(self) -> tuple[float, float, float]:
        return _prf(self.tp, self.fp, self.fn)

    def e2e(self) -> tuple[float, float, float]:
        return _prf(self.e2e_tp, self.tp + self.fp - self.e2e_tp, self.fn + self.tp - self.e2e_tp)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Report:
    total: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_how: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    deciles: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # [correct, n]
    errors: list[str] = field(default_factory=list)
    docs: int = 0

    def as_dict(self) -> dict[str, Any]:
        def c2d(c: Counts) -> dict[str, Any]:
            p, r, f = c.prf()
            ep, er, ef = c.e2e()
            matched = c.tp or 1
            return {
                "tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": p, "recall": r, "f1": f,
                "speaker_accuracy": c.speaker_ok / matched if c.tp else 0.0,
                "kind_accuracy": c.kind_ok / matched if c.tp else 0.0,
                "e2e_precision": ep, "e2e_recall": er, "e2e_f1": ef,
            }
        return {
            "docs": self.docs,
            "total": c2d(self.total),
            "by_kind": {k: c2d(v) for k, v in sorted(self.by_kind.items())},
            "by_how": {k: c2d(v) for k, v in sorted(self.by_how.items())},
            "confidence_deciles": {
                f"{d / 10:.1f}-{(d + 1) / 10:.1f}": {"n": n, "precision": (ok / n if n else None)}
                for d, (ok, n) in sorted(self.deciles.items())
            },
        }


def evaluate(gold: dict[str, list[GoldQuote]], predicted: dict[str, list[Quote]]) -> Report:
    rep = Report()
    for doc in sorted(set(gold) | set(predicted)):
        if doc not in gold:
            continue  # predictions for documents without gold are not scored
        rep.docs += 1
        gqs = gold[doc]
        pqs = predicted.get(doc, [])
        pairs = sorted(
            ((iou((p.start, p.end), (g.start, g.end)), pi, gi) for pi, p in enumerate(pqs) for gi, g in enumerate(gqs)),
            reverse=True,
        )
        pm: dict[int, int] = {}
        gm: dict[int, int] = {}
        for score, pi, gi in pairs:
            if score < 0.5:
                break
            if pi in pm or gi in gm:
                continue
            pm[pi] = gi
            gm[gi] = pi
        for pi, p in enumerate(pqs):
            how = _pred_how(p)
            decile = min(9, int(p.confidence * 10))
            if pi in pm:
                g = gqs[pm[pi]]
                if g.optional:
                    continue
                ok = speaker_ok(p, g)
                kind_ok = p.kind == g.kind
                for c in (rep.total, rep.by_kind[g.kind], rep.by_how[g.how]):
                    c.tp += 1
                    c.speaker_ok += ok
                    c.e2e_tp += ok
                    c.kind_ok += kind_ok
                rep.deciles[decile][0] += ok
                rep.deciles[decile][1] += 1
                if not ok:
                    rep.errors.append(f"{doc}: speaker {p.speaker_canonical!r} != gold {g.speaker!r} :: {p.text[:60]}")
            else:
                for c in (rep.total, rep.by_kind[p.kind], rep.by_how[how]):
                    c.fp += 1
                rep.deciles[decile][1] += 1
                rep.errors.append(f"{doc}: spurious ({how}, {p.confidence}) {p.cue!r} {p.speaker_canonical!r} :: {p.text[:60]}")
        for gi, g in enumerate(gqs):
            if gi not in gm and not g.optional:
                for c in (rep.total, rep.by_kind[g.kind], rep.by_how[g.how]):
                    c.fn += 1
                rep.errors.append(f"{doc}: missed ({g.how}) {g.cue!r} {g.speaker!r} @{g.start}")
    return rep


def _pred_how(q: Quote) -> str:
    for part in q.reason.split("+"):
        if part.startswith("how:"):
            h = part[4:]
            return {"postposed": "explicit", "continuation": "dropped"}.get(h, h)
    return "explicit"


def format_report(rep: Report) -> str:
    d = rep.as_dict()
    lines = []
    t = d["total"]
    lines.append(f"documents: {d['docs']}   gold matched: {t['tp']}   spurious: {t['fp']}   missed: {t['fn']}")
    lines.append(
        f"quote      P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}\n"
        f"speaker accuracy {t['speaker_accuracy']:.3f}   kind accuracy {t['kind_accuracy']:.3f}\n"
        f"end-to-end P {t['e2e_precision']:.3f}  R {t['e2e_recall']:.3f}  F1 {t['e2e_f1']:.3f}"
    )
    for title, table in (("by kind", d["by_kind"]), ("by how the speaker was found", d["by_how"])):
        lines.append(f"\n{title}:")
        lines.append(f"  {'slice':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'e2eF1':>6}")
        for k, v in table.items():
            lines.append(
                f"  {k:<12} {v['tp']:>4} {v['fp']:>4} {v['fn']:>4} {v['precision']:>6.3f} {v['recall']:>6.3f} "
                f"{v['f1']:>6.3f} {v['speaker_accuracy']:>6.3f} {v['e2e_f1']:>6.3f}"
            )
    lines.append("\nprecision by confidence decile (a prediction is right when it matches gold with the right speaker):")
    for k, v in d["confidence_deciles"].items():
        prec = "-" if v["precision"] is None else f"{v['precision']:.3f}"
        lines.append(f"  {k}: n={v['n']:<4} precision={prec}")
    return "\n".join(lines)


def count_gold(gold: dict[str, list[GoldQuote]]) -> Counter[str]:
    c: Counter[str] = Counter()
    for qs in gold.values():
        for q in qs:
            c[q.kind] += 1
            c["how:" + q.how] += 1
    return c


def read_predictions(lines: Iterable[str]) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = defaultdict(list)
    for line in lines:
        if line.strip():
            q = Quote.from_dict(json.loads(line))
            out[q.doc].append(q)
    return out
