"""Registry files for people: CSV (one entity a row, names joined by " | ") and JSON. Also the seed format.

Reading validates everything first and reports the row/entry and field at fault; nothing is imported from
a file with an error in it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from quote_desk.registry.errors import RegistryImportError
from quote_desk.registry.records import ENTITY_TYPES, Entity

CSV_COLUMNS: tuple[str, ...] = ("id", "canonical", "english", "type", "aliases", "titles", "country", "notes")
LIST_SEPARATOR = " | "
JSON_FORMAT = "quote_desk-registry"
SEED_FORMAT = "quote_desk-registry-seed"


def _text(value: Any, where: str, field: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RegistryImportError(f"{where}: the field {field!r} is missing or empty")
        return None
    if not isinstance(value, str):
        raise RegistryImportError(f"{where}: the field {field!r} must be text, not {type(value).__name__}")
    return " ".join(value.split())


def _names(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = value.split("|")
    elif isinstance(value, list):
        parts = value
    else:
        raise RegistryImportError(f"{where}: the field {field!r} must be a list of names")
    out: list[str] = []
    for p in parts:
        t = _text(p, where, field)
        if t and "|" in t:
            raise RegistryImportError(f"{where}: a name in {field!r} contains '|'")
        if t:
            out.append(t)
    return tuple(dict.fromkeys(out))


def entity_from_mapping(data: Mapping[str, Any], where: str) -> Entity:
    """Validate one entity given as a mapping (a JSON object or a CSV row)."""
    if not isinstance(data, Mapping):
        raise RegistryImportError(f"{where}: expected an object with fields {', '.join(CSV_COLUMNS)}")
    unknown = sorted(set(data) - set(CSV_COLUMNS))
    if unknown:
        raise RegistryImportError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")
    eid = _text(data.get("id"), where, "id", required=True)
    assert eid is not None
    if any(c.isspace() for c in eid):
        raise RegistryImportError(f"{where}: the id {eid!r} contains spaces")
    kind = _text(data.get("type"), where, "type", required=True)
    if kind not in ENTITY_TYPES:
        raise RegistryImportError(f"{where}: unknown type {kind!r} (use one of: {', '.join(ENTITY_TYPES)})")
    canonical = _text(data.get("canonical"), where, "canonical", required=True)
    assert canonical is not None
    return Entity(
        id=eid,
        canonical=canonical,
        english=_text(data.get("english"), where, "english"),
        type=kind,
        aliases=_names(data.get("aliases"), where, "aliases"),
        titles=_names(data.get("titles"), where, "titles"),
        country=_text(data.get("country"), where, "country"),
        notes=_text(data.get("notes"), where, "notes"),
    )


def _check_unique(entities: Sequence[Entity], source: str) -> None:
    seen: set[str] = set()
    for e in entities:
        if e.id in seen:
            raise RegistryImportError(f"{source}: the id {e.id!r} appears more than once")
        seen.add(e.id)


def read_json_text(text: str, source: str, *, expect: str = JSON_FORMAT) -> tuple[int, list[Entity]]:
    """Parse a registry JSON document: {"format": ..., "version": N, "entities": [...]} or a bare list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegistryImportError(f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    version = 1
    if isinstance(data, dict):
        fmt = data.get("format")
        if fmt not in (expect, JSON_FORMAT, SEED_FORMAT):
            raise RegistryImportError(f"{source}: not a quote_desk registry file (format {fmt!r})")
        version = data.get("version", 1)
        if not isinstance(version, int) or version < 1:
            raise RegistryImportError(f"{source}: 'version' must be a positive whole number")
        items = data.get("entities")
    else:
        items = data
    if not isinstance(items, list):
        raise RegistryImportError(f"{source}: expected a list of entities under 'entities'")
    entities = [entity_from_mapping(item, f"{source}: entity {n}") for n, item in enumerate(items, 1)]
    _check_unique(entities, source)
    return version, entities


def read_csv_text(text: str, source: str) -> list[Entity]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [c for c in ("id", "canonical", "type") if c not in header]
    if missing:
        raise RegistryImportError(
            f"{source}: the header row lacks {', '.join(missing)} (columns: {', '.join(CSV_COLUMNS)})"
        )
    entities = []
    for row in reader:
        where = f"{source}: line {reader.line_num}"
        if None in row:
            raise RegistryImportError(f"{where}: more cells than header columns")
        entities.append(entity_from_mapping({k: v for k, v in row.items() if k}, where))
    _check_unique(entities, source)
    return entities


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise RegistryImportError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise RegistryImportError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise RegistryImportError(f"{path}: cannot read it ({exc.strerror or exc})") from exc


def detect_format(path: Path, fmt: str | None = None) -> str:
    if fmt in ("csv", "json"):
        return fmt
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix == ".json":
        return "json"
    raise RegistryImportError(f"{path}: cannot tell the format from the name; pass --format csv or json")


def read_file(path: Path, fmt: str | None = None) -> list[Entity]:
    """Read entities from a CSV or JSON file (format from --format or the file extension)."""
    kind = detect_format(path, fmt)
    text = _read_text(path)
    if kind == "csv":
        return read_csv_text(text, str(path))
    return read_json_text(text, str(path))[1]


def write_json(entities: Iterable[Entity], out: TextIO) -> None:
    doc = {"format": JSON_FORMAT, "version": 1, "entities": [e.to_dict() for e in entities]}
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_csv(entities: Iterable[Entity], out: TextIO) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in entities:
        w.writerow(
            [
                e.id,
                e.canonical,
                e.english or "",
                e.type,
                LIST_SEPARATOR.join(e.aliases),
                LIST_SEPARATOR.join(e.titles),
                e.country or "",
                e.notes or "",
            ]
        )
