"""Exports: formula injection (OWASP) neutralised in the Excel profile, exact round trips of the raw profile and
JSONL read back with the csv/json modules, and temp-file + rename so a failure never leaves a half-written file."""

from __future__ import annotations

import csv
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quote_desk.core.records import Quote
from quote_desk.export import (
    EXPORT_COLUMNS,
    TEXT_COLUMNS,
    ExportError,
    csv_safe,
    record,
    write_csv,
    write_jsonl,
)
from quote_desk.export import writers as writers_module
from quote_desk.store import QuoteRow

TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]
INVISIBLE_LEADS = ["", " ", "   ", "\u00a0", "\u200f", "\u200e", "\u061c", "\u2067", "\u2066\u200f", "\u202b",
                   "\u200d", "\ufeff", " \u200f ", "\u2009"]  # fmt: skip
PAYLOADS = ["1+1", "HYPERLINK(\"http://example.invalid\",\"اضغط\")", "cmd|' /C calc'!A0", "SUM(A1:A9)", "٣+٤"]


def row(text: str, **over: object) -> QuoteRow:
    fields = dict(doc="d", start=0, end=max(1, len(text)), text=text, kind="direct", cue="قال", cue_start=0,
                  cue_end=3, speaker="الوزير", speaker_start=4, speaker_end=10, speaker_canonical="الوزير",
                  speaker_id=None, title=None, speaker_type="person", via=None, confidence=0.8, reason="test")  # fmt: skip
    fields.update(over)
    return QuoteRow(1, 1, 0, Quote(**fields), "accepted", "محرر", "2026-11-29T00:00:00+00:00")  # type: ignore[arg-type]


@pytest.mark.parametrize("lead", INVISIBLE_LEADS)
@pytest.mark.parametrize("trigger", TRIGGERS)
def test_formula_triggers_after_any_invisible_lead_are_neutralised(lead, trigger):
    for payload in PAYLOADS:
        cell = lead + trigger + payload
        assert csv_safe(cell) == "'" + cell, repr(cell)


@pytest.mark.parametrize("cell", ["قال الوزير", "«=نص»", "a=b", "3-2", "١٢٣", "'=قديم", "\u200fنص", "", "🙂=1"])
def test_plain_cells_are_left_alone(cell):
    assert csv_safe(cell) == cell


@pytest.mark.parametrize("column", sorted(TEXT_COLUMNS - {"doc", "reviewer"}))
def test_every_text_column_is_neutralised_in_the_excel_profile(tmp_path, column):
    evil = "\u200f=HYPERLINK(\"http://example.invalid\")"
    r = row(evil) if column == "text" else row("نص", **{column: evil})
    out = tmp_path / "x.csv"
    write_csv([r], out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rec = dict(zip(EXPORT_COLUMNS, list(csv.reader(fh))[1], strict=True))
    assert rec[column] == "'" + evil
    write_csv([r], out, profile="raw")
    with open(out, encoding="utf-8", newline="") as fh:
        raw = dict(zip(EXPORT_COLUMNS, list(csv.reader(fh))[1], strict=True))
    assert raw[column] == evil  # raw keeps it as stored: documented as unsafe for spreadsheets


cells = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from([*",;\t\"'\r\n«»:،=+-@", "\u200f", "\u2067", "\u200d", "\u0640", "٣"]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=cells, speaker=cells, title=st.one_of(st.none(), cells), delimiter=st.sampled_from([",", ";", "\t"]))
def test_raw_csv_and_jsonl_round_trip_exactly(tmp_path, text, speaker, title, delimiter):
    r = row(text, speaker=speaker, speaker_canonical=speaker, title=title)
    out = tmp_path / "rt.csv"
    write_csv([r, r], out, profile="raw", delimiter=delimiter)
    with open(out, encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh, delimiter=delimiter))
    assert tuple(table[0]) == EXPORT_COLUMNS and len(table) == 3
    want = ["" if v is None else str(v) for v in record(r).values()]
    assert table[1] == want and table[2] == want
    js = tmp_path / "rt.jsonl"
    write_jsonl([r], js)
    with open(js, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    assert lines[1:] == [""] and json.loads(lines[0]) == record(r)


def test_a_failing_export_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    out = tmp_path / "quotes.csv"
    out.write_text("the previous export\n", encoding="utf-8")
    calls = {"n": 0}
    real = writers_module.record

    def failing(r):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(r)

    monkeypatch.setattr(writers_module, "record", failing)
    with pytest.raises(OSError, match="No space"):
        write_csv([row("أ"), row("ب"), row("ج"), row("د")], out)
    assert out.read_text("utf-8") == "the previous export\n"
    assert sorted(os.listdir(tmp_path)) == ["quotes.csv"]
    monkeypatch.setattr(writers_module, "record", real)
    assert write_csv([row("أ")], out) == 1 and "أ" in out.read_text("utf-8-sig")


def test_export_targets_that_cannot_work_get_messages(tmp_path):
    with pytest.raises(ExportError, match="is a folder"):
        write_csv([row("x")], tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        write_csv([row("x")], tmp_path / "missing" / "q.csv")
