from __future__ import annotations

import csv
import json
import os

import pytest

from quote_desk.cli import main as cli_main
from quote_desk.errors import InputError
from quote_desk.export import EXPORT_COLUMNS, ExportError, csv_safe, export_rows, select_rows, write_csv
from quote_desk.store import ReviewProject
from tests.store.desk_data import ARTICLES, FakeExtractor


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x")', "-2+3", "+1", "@SUM(A1)", "\t=1+1", "\r=1", "\u200f=1+1", "\u2067\u200f -سنصلح",
     "＝1", " =1", "\u00a0@x", "-سنصلح الأنابيب"],
)  # fmt: skip
def test_csv_safe_neutralises(cell):
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["نعمل ليلاً", "«نص»", "a=b", "", "\u200f", "3-2", "'=already"])
def test_csv_safe_leaves_plain_text(cell):
    assert csv_safe(cell) == cell


@pytest.fixture
def project(tmp_path):
    p = ReviewProject.open(tmp_path / "x.qdproj", reviewer="ed")
    for doc, text in ARTICLES.items():
        p.import_article(doc, text, FakeExtractor().extract(text, doc))
    rows = p.rows()
    p.decide(rows[0].id, "accepted")
    p.decide(rows[1].id, "rejected")
    p.decide(rows[2].id, "accepted")  # starts with "="
    p.edit(rows[3].id, speaker_canonical="يوسف النجار")  # starts with "-": edited counts as accepted
    yield p
    p.close()


def read_csv(path, encoding="utf-8-sig", delimiter=","):
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def test_excel_profile(project, tmp_path):
    out = tmp_path / "out.csv"
    n = export_rows(select_rows(project), out)
    assert n == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = read_csv(out)
    assert tuple(table[0]) == EXPORT_COLUMNS
    body = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    accepted = {r.quote.text for r in project.rows(["accepted", "edited"])}
    assert {b["text"].lstrip("'") for b in body} == accepted
    by_first = {b["text"][1]: b for b in body if b["text"].startswith("'")}
    assert set(by_first) == {"=", "-"}
    assert by_first["-"]["speaker_canonical"] == "يوسف النجار" and by_first["-"]["status"] == "edited"
    for b in body:
        assert b["reviewer"] == "ed" and b["reviewed_at"]
        assert float(b["confidence"]) == pytest.approx(0.8)
    # Offsets point at the quote in the article text.
    texts = {a.doc: project.article_text(a.id) for a in project.articles()}
    for b in body:
        assert texts[b["doc"]][int(b["start"]) : int(b["end"])] == b["text"].removeprefix("'")


def test_raw_profile_and_delimiters(project, tmp_path):
    out = tmp_path / "raw.csv"
    write_csv(select_rows(project, None), out, profile="raw", delimiter="semicolon")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = read_csv(out, encoding="utf-8", delimiter=";")
    assert len(table) == 1 + 5
    assert not any(r[3].startswith("'") for r in table[1:])
    write_csv(select_rows(project), out, delimiter="tab")
    assert len(read_csv(out, delimiter="\t")[0]) == len(EXPORT_COLUMNS)
    with pytest.raises(InputError):
        write_csv([], out, delimiter="|")
    with pytest.raises(InputError):
        write_csv([], out, profile="fancy")


def test_jsonl(project, tmp_path):
    out = tmp_path / "q.jsonl"
    assert export_rows(select_rows(project), out, fmt="jsonl") == 3
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {tuple(d) for d in lines} == {EXPORT_COLUMNS}
    assert any(d["text"].startswith("=") for d in lines)  # raw: no apostrophe
    assert all(isinstance(d["start"], int) for d in lines)


def test_failed_export_leaves_old_file_and_no_temp(project, tmp_path):
    out = tmp_path / "keep.csv"
    out.write_text("old")

    def broken_rows():
        yield project.rows()[0]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_csv(broken_rows(), out)
    assert out.read_text() == "old"
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]
    with pytest.raises(ExportError, match="does not exist"):
        write_csv([], tmp_path / "nope" / "x.csv")
    with pytest.raises(ExportError, match="folder"):
        write_csv([], tmp_path)


def test_cli_export(project, tmp_path, capsys):
    out = tmp_path / "cli.csv"
    assert cli_main(["export", project.path, "--format", "csv", "-o", str(out)]) == 0
    assert len(read_csv(out)) == 4
    assert cli_main(["export", project.path, "--format", "jsonl", "--status", "rejected", "-o", str(out)]) == 0
    assert len(out.read_text("utf-8").splitlines()) == 1
    assert cli_main(["export", project.path, "--all", "--profile", "raw", "--delimiter", "tab", "-o", str(out)]) == 0
    assert len(read_csv(out, encoding="utf-8", delimiter="\t")) == 6
    assert "exported" in capsys.readouterr().err


def test_cli_export_errors_are_one_line(tmp_path, capsys):
    assert cli_main(["export", str(tmp_path / "missing.qdproj")]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("quote-desk: error:") and "\n" not in err
    assert not (tmp_path / "missing.qdproj").exists()


def test_cli_export_to_standard_output(project, tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "quote_desk", "export", str(project.path), "--format", "jsonl", "-o", "-"],
                         capture_output=True)  # fmt: skip
    assert out.returncode == 0, out.stderr
    to_file = tmp_path / "same.jsonl"
    assert cli_main(["export", project.path, "--format", "jsonl", "-o", str(to_file)]) == 0
    assert out.stdout == to_file.read_bytes() and out.stdout.strip()  # the same bytes as the file, not empty
    assert not (tmp_path / "-").exists() and b"standard output" in out.stderr
