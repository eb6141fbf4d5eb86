"""The command line, run as a user runs it: a subprocess, real files, exit codes, stderr lines."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "وقال وزير الصحة سمير نصار إن اللقاحات ستصل الأسبوع المقبل، مضيفاً أن التوزيع يبدأ فوراً.\n"


def qd(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "quote_desk", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + "وقالت الوزارة إن المدارس تفتح غداً.\n".encode())
    return tmp_path


def test_help_and_version():
    out = qd("--help")
    assert out.returncode == 0 and "extract" in out.stdout and "evaluate" in out.stdout
    assert qd("--version").stdout.startswith("quote-desk ")


def test_extract_jsonl_has_the_schema_and_exact_offsets(folder):
    out = qd("extract", folder, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {r["doc"] for r in rows} == {"a", "b"}
    texts = {"a": ARTICLE, "b": (folder / "b.txt").read_text(encoding="utf-8-sig")}
    for r in rows:
        for f in ("doc", "start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_start",
                  "speaker_end", "speaker_canonical", "speaker_id", "title", "speaker_type", "via", "confidence", "reason"):
            assert f in r
        assert texts[r["doc"]][r["start"] : r["end"]] == r["text"]


def test_extract_csv_to_file_opens_in_excel(folder, tmp_path):
    target = tmp_path / "out" / "quotes.csv"
    out = qd("extract", folder / "a.txt", "--format", "csv", "--output", target)
    assert out.returncode == 0, out.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[0]["speaker"] == "سمير نصار"


def test_extract_table_is_readable(folder):
    out = qd("extract", folder / "a.txt")
    assert out.returncode == 0 and "سمير نصار" in out.stdout and "conf" in out.stdout


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"  \n", "empty"),
        ("scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "PDF document"),  # other encodings are detected (ingest)
        ("binary.txt", b"\x00\x01\x02\x03", "binary"),
    ],
)
def test_bad_input_one_line_no_traceback_others_processed(folder, name, content, message):
    bad = folder / name
    if content is not None:
        bad.write_bytes(content)
    out = qd("extract", bad, folder / "a.txt", "--format", "jsonl")
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and message in lines[0]
    assert any(json.loads(ln)["doc"] == "a" for ln in out.stdout.splitlines())


def test_evaluate_against_gold(folder, tmp_path):
    text = ARTICLE
    start = text.index("اللقاحات")
    gold = {"doc": "a", "quotes": [{
        "cue": "وقال", "cue_start": 0, "cue_end": 4, "speaker_mention": "سمير نصار", "speaker": "سمير نصار",
        "aliases": [], "title": "وزير الصحة", "speaker_type": "person", "via": None, "kind": "indirect",
        "content_start": start, "content_end": text.index("،"), "optional": False}]}
    g = tmp_path / "gold.jsonl"
    g.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    out = qd("evaluate", "--gold", g, folder / "a.txt", "--json")
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    # one gold quote found with the right speaker, one extra (the participial quote is not in this gold)
    assert rep["total"]["tp"] == 1 and rep["total"]["fp"] == 1 and rep["total"]["speaker_accuracy"] == 1.0


def test_evaluate_bad_gold_is_a_clear_error(folder, tmp_path):
    g = tmp_path / "gold.jsonl"
    g.write_text('{"doc": "a", "quotes": [{"cue": "x"}]}\n', encoding="utf-8")
    out = qd("evaluate", "--gold", g, folder / "a.txt")
    assert out.returncode != 0 and "Traceback" not in out.stderr and "lacks" in out.stderr
    g.write_text('{"doc": "a", "quotes": []}\nnot json\n', encoding="utf-8")
    out = qd("evaluate", "--gold", g, folder / "a.txt")
    assert out.returncode != 0 and "Traceback" not in out.stderr and "gold.jsonl:2: not valid JSON" in out.stderr
    out2 = qd("evaluate", "--gold", tmp_path / "nope.jsonl", folder / "a.txt")
    assert out2.returncode != 0 and "not found" in out2.stderr


def test_demo_prints_the_bundled_samples():
    out = qd("demo")
    assert out.returncode == 0 and out.stdout.count("== sample_") >= 3


def test_internal_error_is_one_line_and_a_log(folder, monkeypatch, capsys):
    from quote_desk.cli import main
    from quote_desk.core import pipeline

    def boom(self, text, doc="doc"):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline.Extractor, "extract", boom)
    code = main(["extract", str(folder / "a.txt"), "--no-link"])
    err = capsys.readouterr().err
    assert code == 70 and "internal error" in err and "Traceback" not in err
    log = err.rsplit("details in ", 1)[1].strip()
    assert "simulated bug" in Path(log).read_text(encoding="utf-8")
