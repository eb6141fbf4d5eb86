"""CSV and JSON import/export: round trips, and bad files rejected whole with the place of the fault."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quote_desk.registry import Registry, RegistryError, RegistryImportError
from quote_desk.registry.exchange import read_csv_text, read_file, read_json_text, write_csv, write_json


def _fill(reg: Registry) -> None:
    a = reg.add("كايا كالاس", type="person", english="Kaja Kallas", aliases=["كالاس", "كاجا, كالاس"],
                titles=["الممثلة العليا"], country="EE", notes='قالت "نعم"', id="kk")
    reg.add("وزارة الخارجية السورية", type="organization", english="Syrian Ministry of Foreign Affairs",
            aliases=["الخارجية السورية"], country="SY", id="sy-mofa")
    reg.add("وكالة رويترز", type="media", id="reuters")
    assert a.id == "kk"


def _dicts(reg: Registry) -> list[dict[str, object]]:
    return [e.to_dict() for e in reg.entities()]


@pytest.mark.parametrize(("writer", "reader"), [(write_csv, "csv"), (write_json, "json")])
def test_round_trip_into_an_empty_registry(registry: Registry, lexicon, writer, reader) -> None:
    _fill(registry)
    buf = io.StringIO()
    writer(registry.entities(), buf)
    text = buf.getvalue()
    entities = read_csv_text(text, "x.csv") if reader == "csv" else read_json_text(text, "x.json")[1]
    with Registry.open(":memory:", lexicon=lexicon) as fresh:
        report = fresh.import_entities(entities)
        assert (report.added, report.updated) == (3, 0)
        assert _dicts(fresh) == _dicts(registry)
        again = fresh.import_entities(entities)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_import_updates_and_only_adds_names(registry: Registry) -> None:
    _fill(registry)
    registry.add_alias("kk", "اسم من المحرر")
    entities = read_json_text(
        json.dumps([{"id": "kk", "canonical": "كايا كالاس", "type": "person", "english": "Kaja Kallas",
                     "aliases": ["كلاس"], "country": "EE"}]),
        "in.json",
    )[1]
    report = registry.import_entities(entities)
    assert report.updated == 1
    e = registry.get("kk")
    assert {"كالاس", "اسم من المحرر", "كلاس"} <= set(e.aliases)
    assert e.notes is None  # fields follow the file; names are only added


def test_files_on_disk_with_bom_and_format_detection(tmp_path: Path, registry: Registry) -> None:
    _fill(registry)
    p = tmp_path / "speakers.csv"
    with p.open("w", encoding="utf-8-sig", newline="") as out:
        write_csv(registry.entities(), out)
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [e.id for e in read_file(p)] == ["kk", "sy-mofa", "reuters"]
    with pytest.raises(RegistryImportError, match="pass --format"):
        read_file(tmp_path / "speakers.txt")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,canonical,type\nkk,كايا كالاس,person\nbad,اسم,robot\n", r"line 3: unknown type 'robot'"),
        ("id,canonical,type\nkk,,person\n", r"line 2: the field 'canonical' is missing"),
        ("canonical,type\nكايا كالاس,person\n", r"header row lacks id"),
        ("id,canonical,type\nkk,كايا كالاس,person\nkk,كالاس,person\n", r"'kk' appears more than once"),
        ("id,canonical,type,colour\nkk,كايا كالاس,person,red\n", r"unknown field\(s\) 'colour'"),
        ("id,canonical,type\nkk,كايا كالاس,person,extra\n", r"more cells than header columns"),
        ("id,canonical,type\nk k,كايا كالاس,person\n", r"contains spaces"),
    ],
)
def test_bad_csv_is_rejected_with_its_line(text: str, message: str) -> None:
    with pytest.raises(RegistryImportError, match=message):
        read_csv_text(text, "in.csv")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", r"not valid JSON \(line 1"),
        ('{"format": "something-else", "entities": []}', "not a quote_desk registry file"),
        ('{"format": "quote_desk-registry", "entities": {}}', "expected a list"),
        ('[{"id": "a", "canonical": "أ", "type": "person", "aliases": "x"}, 5]', "entity 2: expected an object"),
        ('[{"id": "a", "canonical": "أ", "type": "person", "aliases": [1]}]', "must be text"),
    ],
)
def test_bad_json_is_rejected(text: str, message: str) -> None:
    with pytest.raises(RegistryImportError, match=message):
        read_json_text(text, "in.json")


def test_not_utf8_and_missing_files(tmp_path: Path) -> None:
    p = tmp_path / "latin1.csv"
    p.write_bytes("id,canonical,type\nx,caf\xe9,person\n".encode("latin-1"))
    with pytest.raises(RegistryImportError, match="not UTF-8"):
        read_file(p)
    with pytest.raises(RegistryImportError, match="no such file"):
        read_file(tmp_path / "missing.json")


def test_a_failed_import_changes_nothing(registry: Registry) -> None:
    _fill(registry)
    # the second entity is bad only for the store (a merged id): the first must not stay behind
    registry.add("مكرر", type="person", id="dup", allow_same_name=True)
    registry.merge("kk", "dup")
    before = _dicts(registry)
    entities = read_json_text(
        json.dumps([{"id": "new", "canonical": "جديد", "type": "person"},
                    {"id": "dup", "canonical": "مكرر", "type": "person"}]),
        "in.json",
    )[1]
    with pytest.raises(RegistryError, match="was merged into 'kk'"):
        registry.import_entities(entities)
    assert _dicts(registry) == before
