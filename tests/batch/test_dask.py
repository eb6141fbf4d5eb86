"""`quote-desk extract --engine dask` on local clusters over loopback, several worker processes each:
quote shards identical to the single-process run, resumable, importable into a review project."""

import csv
import json
import os
import subprocess
import sys
import time

import pyarrow as pa  # the archive extra, installed by `make test`
import pyarrow.parquet as pq
import pytest

from quote_desk.batch.quotes_io import quote_files, read_quotes
from quote_desk.batch.sink import jsonl_lines
from quote_desk.store import ReviewProject

from .conftest import articles, qd, write_jsonl


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Article shards of every kind: two JSONL, one Parquet, one CSV, and a folder of .txt files."""
    root = tmp_path_factory.mktemp("archive")
    arts = articles(140)
    write_jsonl(root / "a-000.jsonl", arts[:40])
    write_jsonl(root / "a-001.jsonl", arts[40:70])
    pq.write_table(pa.Table.from_pylist([{"doc": d, "text": t} for d, t in arts[70:100]]), root / "a-002.parquet")
    with (root / "a-003.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc", "text"])
        w.writerows(arts[100:120])
    txt = tmp_path_factory.mktemp("txt")
    for d, t in arts[120:]:
        (txt / f"{d}.txt").write_text(t, encoding="utf-8")
    return [root, txt]


@pytest.fixture(scope="module")
def single(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "q.jsonl"
    r = qd("extract", *archive, "--format", "jsonl", "--no-link", "-o", out)
    assert r.returncode == 0, r.stderr
    return out.read_text(encoding="utf-8")


CLUSTER = """
import sys
from distributed import LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as c:
    print(c.scheduler_address, flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


def shards_as_jsonl(folder):
    return jsonl_lines([q for f in quote_files([folder]) for q in read_quotes(f)])


def test_local_cluster_shards_equal_the_single_process_run_and_resume(archive, single, tmp_path):
    out = tmp_path / "quotes"
    r = qd("extract", *archive, "--engine", "dask", "--jobs", "3", "--no-link", "-o", out)
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in out.glob("quotes-*"))
    assert names == [f"quotes-{i:05d}.parquet" for i in range(5)]
    assert shards_as_jsonl(out) == single
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["articles"] == 140
    assert manifest["quotes"] == len(single.splitlines())
    assert len({s["worker_pid"] for s in manifest["shards"]}) >= 2, "the shards ran in one worker process only"
    # the same command again: every shard is there, nothing is redone
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("quotes-*")}
    os.remove(out / "quotes-00002.parquet")  # as if the run had stopped before this shard
    time.sleep(0.01)
    again = qd("extract", *archive, "--engine", "dask", "--jobs", "2", "--no-link", "-o", out)
    assert again.returncode == 0, again.stderr
    for p in out.glob("quotes-*"):
        if p.name != "quotes-00002.parquet":
            assert p.stat().st_mtime_ns == stamps[p.name]
    assert shards_as_jsonl(out) == single
    # other inputs into the same folder: refused with a message, nothing replaced
    other = qd("extract", archive[1], "--engine", "dask", "--no-link", "-o", out)
    assert other.returncode != 0 and "Traceback" not in other.stderr and "another run" in other.stderr
    assert shards_as_jsonl(out) == single


def test_existing_scheduler_jsonl_shards_and_desk_import(archive, single, tmp_path):
    out = tmp_path / "quotes"
    # The cluster lives in its own process (as a real one would), started before the command and given to it
    # by address.
    cluster = subprocess.Popen([sys.executable, "-c", CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)  # fmt: skip
    try:
        address = cluster.stdout.readline().strip()
        assert address.startswith("tcp://127.0.0.1:"), address
        r = qd("extract", *archive, "--engine", "dask", "--scheduler", address, "--format", "jsonl", "--no-link",
               "-o", out)  # fmt: skip
        assert r.returncode == 0, r.stderr
    finally:
        cluster.stdin.close()
        cluster.wait(timeout=60)
        cluster.stdout.close()
    assert shards_as_jsonl(out) == single
    assert "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("quotes-*.jsonl"))) == single
    project = tmp_path / "review.qdproj"
    imp = qd("import", project, out)  # the articles come from the inputs the folder's plan records
    assert imp.returncode == 0, imp.stderr
    n = len(single.splitlines())
    assert f"{n} new quotes" in imp.stdout
    texts = dict(articles(140))
    with ReviewProject.open(project) as p:
        rows = p.rows()
        assert len(rows) == n and len(p.articles()) == len({json.loads(x)["doc"] for x in single.splitlines()})
        for row in rows[:: max(1, n // 50)]:
            q = p.extracted(row.id)
            assert texts[q.doc][q.start : q.end] == q.text
    twice = qd("import", project, out)
    assert twice.returncode == 0 and "0 new quotes" in twice.stdout and f"{n} already there" in twice.stdout


def test_bad_scheduler_and_missing_output_are_clear_messages(archive, tmp_path):
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    r = qd("extract", archive[0], "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-link", "-o",
           tmp_path / "q", env=env)  # fmt: skip
    assert r.returncode != 0 and "Traceback" not in r.stderr and "cannot reach the Dask scheduler" in r.stderr
    r = qd("extract", archive[0], "--engine", "dask", "--no-link")
    assert r.returncode != 0 and "needs --output FOLDER" in r.stderr
    r = qd("import", tmp_path / "p.qdproj", tmp_path / "q.jsonl")
    assert r.returncode != 0 and "Traceback" not in r.stderr and "no such file" in r.stderr
