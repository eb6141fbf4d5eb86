"""The hand-written treebank is valid UD-shaped data and its held-apart gold matches its own text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TINY = Path(__file__).resolve().parent / "tiny"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tiny_data")
    subprocess.run([sys.executable, str(TINY / "make_data.py"), str(out)], check=True, capture_output=True)
    return out


def sentences(path: Path) -> list[list[list[str]]]:
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if cur:
                out.append(cur)
            cur = []
        elif not line.startswith("#"):
            cur.append(line.split("\t"))
    return out


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_trees_are_valid(data: Path, split: str) -> None:
    sents = sentences(data / f"ar_tiny.{split}.conllu")
    assert len(sents) >= 10
    for rows in sents:
        assert all(len(r) == 10 for r in rows)
        words = [r for r in rows if r[0].isdigit()]
        assert [int(r[0]) for r in words] == list(range(1, len(words) + 1))
        heads = [int(r[6]) for r in words]
        assert heads.count(0) == 1
        assert all(0 <= h <= len(words) for h in heads)
        assert all(r[3] != "_" and r[7] != "_" for r in words)
        # heads form a tree: following heads from any word reaches the root without a cycle
        for i in range(1, len(words) + 1):
            seen, j = set(), i
            while j != 0:
                assert j not in seen
                seen.add(j)
                j = heads[j - 1]


def test_clitics_are_multiword_tokens_and_verbs_carry_agreement(data: Path) -> None:
    rows = [r for s in sentences(data / "ar_tiny.train.conllu") for r in s]
    mwts = {r[1] for r in rows if "-" in r[0]}
    assert {"وقال", "وقالت", "باسم", "للصحفيين"} <= mwts
    assert any(m.endswith(("ه", "ها", "هم")) and not m.startswith("و") for m in mwts)
    verbs = [r for r in rows if r[3] == "VERB"]
    assert verbs
    for r in verbs:
        feats = dict(kv.split("=") for kv in r[5].split("|"))
        assert {"Gender", "Number", "Person"} <= feats.keys(), r
    assert {dict(kv.split("=") for kv in r[5].split("|"))["Gender"] for r in verbs} == {"Masc", "Fem"}


def test_ner_bio_matches_tokens(data: Path) -> None:
    conllu = sentences(data / "ar_tiny.train.conllu")
    bio = [b.splitlines() for b in (data / "ar_tiny.train.bio").read_text(encoding="utf-8").strip().split("\n\n")]
    assert len(bio) == len(conllu)
    labels = set()
    for rows, lines in zip(conllu, bio, strict=True):
        surface = []
        skip_to = 0
        for r in rows:
            if "-" in r[0]:
                _a, b = map(int, r[0].split("-"))
                surface.append(r[1])
                skip_to = b
            elif int(r[0]) > skip_to:
                surface.append(r[1])
        assert [ln.split("\t")[0] for ln in lines] == surface
        labels |= {ln.split("\t")[1] for ln in lines}
    assert {"B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "O"} <= labels


def test_held_apart_gold_offsets_and_unseen_fillers(data: Path) -> None:
    docs = json.loads((data / "ar_tiny.test.gold.json").read_text(encoding="utf-8"))
    assert docs
    kinds = set()
    for d in docs:
        for q in d["quotes"]:
            kinds.add(q["kind"])
            for f in ("cue", "speaker_mention", "title", "via", "content"):
                if q[f] is not None:
                    assert d["text"][q[f]["start"]:q[f]["end"]] == q[f]["text"]
    assert kinds == {"direct", "indirect"}
    train_text = (data / "ar_tiny.train.conllu").read_text(encoding="utf-8")
    test_text = " ".join(d["text"] for d in docs)
    # names and clauses that only the held-apart split uses
    for unseen in ("ياسر", "ريم", "المياه", "الميزانية"):
        assert unseen not in train_text
    assert any(u in test_text for u in ("ياسر", "ريم"))
