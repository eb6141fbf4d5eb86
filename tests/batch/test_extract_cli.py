"""`quote-desk extract` on batches, run as a user runs it: --jobs, article shards, --encoding, progress, resume."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from quote_desk.batch.sink import QuoteSink
from quote_desk.core.pipeline import Extractor

from .conftest import ROOT, articles, qd, write_jsonl


@pytest.fixture
def arts_file(tmp_path):
    return write_jsonl(tmp_path / "arts.jsonl", articles(60))


def test_jobs_two_equals_jobs_one_in_jsonl_and_csv(arts_file, tmp_path, home):
    for fmt in ("jsonl", "csv"):
        one = qd("extract", arts_file, "--format", fmt, "--jobs", "1", "-o", tmp_path / f"one.{fmt}")
        two = qd("extract", arts_file, "--format", fmt, "--jobs", "2", "-o", tmp_path / f"two.{fmt}")
        assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
        assert (tmp_path / f"one.{fmt}").read_bytes() == (tmp_path / f"two.{fmt}").read_bytes()
    rows = [json.loads(x) for x in (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = dict(articles(60))
    assert [r["doc"] for r in rows] == sorted(r["doc"] for r in rows)  # input order
    assert {r["doc"] for r in rows} == set(texts)
    for r in rows:
        assert texts[r["doc"]][r["start"] : r["end"]] == r["text"]
    from quote_desk.registry import open_linker

    ex = Extractor(linker=open_linker(home))  # the run links speakers to the registry in --home / $QUOTE_DESK_HOME
    assert rows == [q.to_dict() for d, t in articles(60) for q in ex.extract(t, d)]
    assert any(r["speaker_id"] for r in rows)
    data = (tmp_path / "two.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == len(rows)


def test_table_numbers_run_on_across_articles_with_jobs(arts_file, home):
    out = qd("extract", arts_file, "--jobs", "2", "--no-link")
    assert out.returncode == 0, out.stderr
    nums = [int(line[1 : line.index("]")]) for line in out.stdout.splitlines() if line.startswith("[")]
    assert nums == list(range(1, len(nums) + 1)) and len(nums) > 60
    assert out.stdout.count("== art-") == len({d for d, _ in articles(60)})


def test_csv_and_encoded_inputs_and_bad_rows_are_reported_in_place(tmp_path, home):
    (d, t), (d2, t2) = articles(2)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["doc", "title", "text"])
    w.writerow([d, "t", t])
    w.writerow(["empty", "t", "  "])
    w.writerow([d2, "t", t2])
    (tmp_path / "arts.csv").write_text(buf.getvalue(), encoding="utf-8")
    (tmp_path / "old.txt").write_bytes(t.encode("cp1256"))
    out = qd("extract", tmp_path / "arts.csv", "--format", "jsonl", "--no-link")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert [ln for ln in out.stderr.splitlines() if ln] == [f"quote-desk: error: {tmp_path / 'arts.csv'}: row 2: the article's text is empty"]
    assert next(json.loads(x)["doc"] for x in out.stdout.splitlines()) == d
    assert {json.loads(x)["doc"] for x in out.stdout.splitlines()} == {d, d2}
    detected = qd("extract", tmp_path / "old.txt", "--format", "jsonl", "--no-link")  # ingest detects Windows-1256
    assert detected.returncode == 0 and "read as windows-1256 (detected)" in detected.stderr, detected.stderr
    assert detected.stdout == qd("extract", tmp_path / "old.txt", "--format", "jsonl", "--no-link", "--encoding",
                                 "cp1256").stdout  # fmt: skip
    bad = qd("extract", tmp_path / "old.txt", "--format", "jsonl", "--no-link", "--encoding", "utf-8")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and "not valid utf-8" in bad.stderr
    good = qd("extract", tmp_path / "old.txt", "--format", "jsonl", "--no-link", "--encoding", "cp1256")
    assert good.returncode == 0, good.stderr
    rows = [json.loads(x) for x in good.stdout.splitlines()]
    assert rows and all(t[r["start"] : r["end"]] == r["text"] for r in rows)


def test_broken_jsonl_lines_are_one_error_each(tmp_path, home):
    (d, t), = articles(1)
    f = tmp_path / "a.jsonl"
    f.write_text('{"doc": "x", "txt": "no text"}\nnot json\n' + json.dumps({"doc": d, "text": t}) + "\n", encoding="utf-8")
    out = qd("extract", f, "--format", "jsonl", "--no-link", "--jobs", "2")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    errs = out.stderr.splitlines()
    assert len(errs) == 2 and f"{f}:1: no \"text\" field" in errs[0] and f"{f}:2: not valid JSON" in errs[1]
    assert {json.loads(x)["doc"] for x in out.stdout.splitlines()} == {d}


def test_interrupted_run_resumes_and_the_result_equals_an_uninterrupted_run(tmp_path, home):
    src = write_jsonl(tmp_path / "arts.jsonl", articles(600))
    ref = qd("extract", src, "--format", "jsonl", "--no-link", "--jobs", "2", "-o", tmp_path / "ref.jsonl")
    assert ref.returncode == 0, ref.stderr
    out = tmp_path / "out.jsonl"
    journal = tmp_path / "out.jsonl.partial.journal"
    proc = subprocess.Popen([sys.executable, "-m", "quote_desk", "extract", str(src), "--format", "jsonl",
                             "--no-link", "--jobs", "2", "-o", str(out)], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") > 40:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C reaches the whole process group, workers included
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert "run the same command again" in err
    assert not out.exists() and (tmp_path / "out.jsonl.partial").exists()
    done_before = journal.read_bytes().count(b"\n") - 1
    assert 0 < done_before < 600
    # a cut write at the end of the partial file (as after a kill) is dropped on resume
    with (tmp_path / "out.jsonl.partial").open("ab") as fh:
        fh.write(b'{"doc": "art-05')
    again = qd("extract", src, "--format", "jsonl", "--no-link", "--jobs", "2", "-o", out)
    assert again.returncode == 0, again.stderr
    assert f"{done_before} articles already done" in again.stderr
    assert out.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert not journal.exists() and not (tmp_path / "out.jsonl.partial").exists()


def test_sink_resume_after_a_kill_keeps_only_journalled_articles(tmp_path):
    ex = Extractor()
    arts = articles(8)
    out = tmp_path / "q.csv"
    ref = QuoteSink("csv", tmp_path / "ref.csv")
    for d, t in arts:
        ref.done(d, ex.extract(t, d))
    ref.close(True)
    first = QuoteSink("csv", out)
    for d, t in arts[:5]:
        first.done(d, ex.extract(t, d))
    first._fh.write(b"half a row")  # written, never journalled: the process died here
    first._fh.close()
    first._journal.close()
    second = QuoteSink("csv", out)  # the next run
    assert second.resumed == 5 and second.done_keys == {d for d, _ in arts[:5]}
    for d, t in arts:
        if d not in second.done_keys:
            second.done(d, ex.extract(t, d))
    second.close(True)
    assert out.read_bytes() == (tmp_path / "ref.csv").read_bytes()
    third = QuoteSink("jsonl", tmp_path / "other.jsonl")  # a finished output is not resumed: written afresh
    assert third.resumed == 0
    third.close(True)


def test_progress_bar_on_a_terminal_only(arts_file, home):
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "quote_desk", "extract", str(arts_file), "--format", "jsonl",
                             "--no-link"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=slave)  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "60/60" in shown and "articles" in shown and "100%" in shown
    piped = qd("extract", arts_file, "--format", "jsonl", "--no-link")
    assert piped.returncode == 0 and piped.stderr == ""  # no bar when stderr is not a terminal
