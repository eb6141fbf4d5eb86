"""The registry's SQLite file: schema migrations (PRAGMA user_version), reads, edits, seed import.

Every edit is one transaction (BEGIN IMMEDIATE … COMMIT): a crash or a kill loses nothing committed and
leaves no half-made edit. SQLite errors never reach the user as tracebacks: a busy file becomes
RegistryLockedError, an unreadable one RegistryCorruptError (and the file is left exactly as it was).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from quote_desk.core.linking import KeyMaker, LinkingLexicon
from quote_desk.registry.errors import (
    EntityNotFoundError,
    RegistryCorruptError,
    RegistryError,
    RegistryLockedError,
)
from quote_desk.registry.records import ENTITY_TYPES, USER_ID_PREFIX, Entity

SCHEMA_VERSION = 1
MEMORY = ":memory:"


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE entity (
            id TEXT PRIMARY KEY,
            canonical TEXT NOT NULL,
            english TEXT,
            type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'media', 'group')),
            country TEXT,
            notes TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
            edited INTEGER NOT NULL DEFAULT 0,
            merged_into TEXT REFERENCES entity(id),
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )"""
    )
    db.execute(
        """CREATE TABLE name (
            entity_id TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('alias', 'title')),
            name TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('seed', 'user')),
            PRIMARY KEY (entity_id, kind, name)
        )"""
    )
    db.execute("CREATE INDEX name_by_name ON name(name)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


# Numbered upgrade steps: MIGRATIONS[n] turns a version n-1 file into version n. Append only; never edit one.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1}
assert max(MIGRATIONS) == SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class SeedReport:
    version: int
    added: int = 0
    updated: int = 0
    skipped: tuple[str, ...] = ()  # seed ids left out because a user entity already has that name


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text or None


def _check_name(name: str, what: str = "name") -> str:
    clean = _clean(name)
    if not clean:
        raise RegistryError(f"the {what} is empty")
    if "|" in clean:
        raise RegistryError(f"the {what} {clean!r} contains '|', which separates names in CSV files")
    return clean


class Registry:
    """An open registry file. Use `Registry.open(path)` (or `quote_desk.registry.open_registry`)."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self._db = db
        self.path = path
        self._keys: KeyMaker | None = None

    # ------------------------------------------------------------------ open / close
    @classmethod
    def open(cls, path: Path | str, *, timeout: float = 5.0, lexicon: LinkingLexicon | None = None) -> Registry:
        """Open (creating and migrating) a registry file, or ":memory:". Does not seed: see apply_seed."""
        where = str(path)
        if where != MEMORY:
            p = Path(path)
            if p.is_dir():
                raise RegistryError(f"the registry path {p} is a folder, not a file")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RegistryError(f"cannot create the registry folder {p.parent}: {exc.strerror or exc}") from exc
        try:
            db = sqlite3.connect(where, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise RegistryError(f"cannot open the speaker registry {where}: {exc}") from exc
        reg = cls(db, where)
        if lexicon is not None:
            reg._keys = KeyMaker(lexicon)
        try:
            with reg._errors("open"):
                db.execute("PRAGMA foreign_keys = ON")
                reg._migrate()
                if where != MEMORY:
                    db.execute("PRAGMA journal_mode = WAL")
        except BaseException:
            db.close()
            raise
        return reg

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            msg = str(exc).lower()
            if "locked" in msg or "busy" in msg:
                raise RegistryLockedError(
                    f"the speaker registry {self.path} is locked by another program (another quote-desk "
                    f"window or command?); nothing was changed. Close it and try {action} again."
                ) from exc
            if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
                raise RegistryError(f"cannot write the speaker registry {self.path}: {exc}") from exc
            raise RegistryCorruptError(self._corrupt_message(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise RegistryCorruptError(self._corrupt_message(exc)) from exc

    def _corrupt_message(self, exc: Exception) -> str:
        return (
            f"the speaker registry {self.path} cannot be read ({exc}). The file was left untouched: restore "
            f"a backup, or move it away to start a new registry (quote-desk speakers import can reload an "
            f"export)."
        )

    @contextmanager
    def _tx(self, action: str) -> Iterator[sqlite3.Connection]:
        with self._errors(action):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RegistryError(
                f"the speaker registry {self.path} was written by a newer quote_desk (schema {version}, this "
                f"version reads up to {SCHEMA_VERSION}); update quote_desk to open it"
            )
        if version == 0:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if tables:
                raise RegistryCorruptError(
                    f"{self.path} is an SQLite file but not a quote_desk speaker registry (it has tables "
                    f"{', '.join(sorted(tables)[:5])}); it was left untouched"
                )
        if version == SCHEMA_VERSION:
            return
        with self._tx("opening"):
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def schema_version(self) -> int:
        with self._errors("reading"):
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def keys(self) -> KeyMaker:
        if self._keys is None:
            from quote_desk.core.linking import load_lexicon

            self._keys = KeyMaker(load_lexicon())
        return self._keys

    # ------------------------------------------------------------------ meta
    def meta(self, key: str) -> str | None:
        with self._errors("reading"):
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # ------------------------------------------------------------------ reads
    def _load(self, where: str = "", params: Sequence[object] = ()) -> list[Entity]:
        with self._errors("reading"):
            rows = self._db.execute(
                "SELECT id, canonical, english, type, country, notes, origin, edited, merged_into FROM entity "
                + where
                + " ORDER BY rowid",
                params,
            ).fetchall()
            if not rows:
                return []
            names: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"alias": [], "title": []})
            if len(rows) <= 500:
                ids = [r[0] for r in rows]
                q = ",".join("?" * len(ids))
                name_rows = self._db.execute(
                    f"SELECT entity_id, kind, name FROM name WHERE entity_id IN ({q}) ORDER BY rowid", ids
                ).fetchall()
            else:
                name_rows = self._db.execute("SELECT entity_id, kind, name FROM name ORDER BY rowid").fetchall()
        for eid, kind, name in name_rows:
            names[eid][kind].append(name)
        return [
            Entity(
                id=r[0],
                canonical=r[1],
                english=r[2],
                type=r[3],
                aliases=tuple(names[r[0]]["alias"]) if r[0] in names else (),
                titles=tuple(names[r[0]]["title"]) if r[0] in names else (),
                country=r[4],
                notes=r[5],
                origin=r[6],
                edited=bool(r[7]),
                merged_into=r[8],
            )
            for r in rows
        ]

    def entities(self, *, type: str | None = None, include_merged: bool = False) -> list[Entity]:
        clauses, params = [], []
        if not include_merged:
            clauses.append("merged_into IS NULL")
        if type:
            clauses.append("type = ?")
            params.append(type)
        return self._load(("WHERE " + " AND ".join(clauses)) if clauses else "", params)

    def count(self) -> int:
        with self._errors("reading"):
            return int(self._db.execute("SELECT count(*) FROM entity WHERE merged_into IS NULL").fetchone()[0])

    def get(self, entity_id: str, *, follow_merges: bool = True) -> Entity:
        """The entity with this id; a merged id resolves to the entity it was merged into."""
        seen: set[str] = set()
        current = entity_id
        while True:
            found = self._load("WHERE id = ?", (current,))
            if not found:
                if current == entity_id:
                    raise EntityNotFoundError(f"no speaker with id {entity_id!r} in the registry")
                raise RegistryCorruptError(f"the registry merge chain of {entity_id!r} is broken at {current!r}")
            e = found[0]
            if not follow_merges or e.merged_into is None:
                return e
            seen.add(current)
            if e.merged_into in seen:
                raise RegistryCorruptError(f"the registry merge chain of {entity_id!r} loops")
            current = e.merged_into

    def find(self, name: str) -> list[Entity]:
        """Live entities one of whose names (canonical, alias, English) has the same match key as `name`."""
        key = self.keys.key(name)
        if not key:
            return []
        return [
            e
            for e in self.entities()
            if any(self.keys.key(n) == key for n in (e.canonical, e.english or "", *e.aliases) if n)
        ]

    def resolve(self, id_or_name: str) -> Entity:
        """An entity by id, or by a name that belongs to exactly one entity (for the command line)."""
        try:
            return self.get(id_or_name)
        except EntityNotFoundError:
            pass
        found = self.find(id_or_name)
        if len(found) == 1:
            return found[0]
        if not found:
            raise EntityNotFoundError(f"no speaker with id or name {id_or_name!r} in the registry")
        ids = ", ".join(f"{e.id} ({e.canonical})" for e in found[:6])
        raise RegistryError(f"{id_or_name!r} names several speakers: {ids}; give an id")

    # ------------------------------------------------------------------ writes
    def _insert(self, db: sqlite3.Connection, e: Entity) -> None:
        db.execute(
            "INSERT INTO entity (id, canonical, english, type, country, notes, origin, edited) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (e.id, e.canonical, e.english, e.type, e.country, e.notes, e.origin, int(e.edited)),
        )
        self._add_names(db, e.id, "alias", e.aliases, e.origin)
        self._add_names(db, e.id, "title", e.titles, e.origin)

    @staticmethod
    def _add_names(db: sqlite3.Connection, eid: str, kind: str, names: Iterable[str], origin: str) -> int:
        n = 0
        for name in names:
            cur = db.execute(
                "INSERT OR IGNORE INTO name (entity_id, kind, name, origin) VALUES (?, ?, ?, ?)",
                (eid, kind, name, origin),
            )
            n += cur.rowcount
        return n

    @staticmethod
    def _touch(db: sqlite3.Connection, eid: str, *, edited: bool = False) -> None:
        db.execute(
            "UPDATE entity SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
            + (", edited = 1" if edited else "")
            + " WHERE id = ?",
            (eid,),
        )

    def _validated(self, e: Entity) -> Entity:
        if e.type not in ENTITY_TYPES:
            raise RegistryError(f"unknown speaker type {e.type!r} (use one of: {', '.join(ENTITY_TYPES)})")
        eid = _clean(e.id)
        if not eid or any(c.isspace() for c in e.id) or "|" in e.id:
            raise RegistryError(f"bad speaker id {e.id!r}: use letters, digits, '-' or '_' without spaces")
        canonical = _check_name(e.canonical, "canonical name")
        aliases = tuple(dict.fromkeys(a for a in (_check_name(x, "alias") for x in e.aliases) if a != canonical))
        titles = tuple(dict.fromkeys(_check_name(x, "title") for x in e.titles))
        country = _clean(e.country)
        return replace(
            e,
            id=eid,
            canonical=canonical,
            english=_clean(e.english),
            aliases=aliases,
            titles=titles,
            country=country.upper() if country else None,
            notes=_clean(e.notes),
        )

    def add(
        self,
        canonical: str,
        *,
        type: str,
        english: str | None = None,
        aliases: Sequence[str] = (),
        titles: Sequence[str] = (),
        country: str | None = None,
        notes: str | None = None,
        id: str | None = None,
        allow_same_name: bool = False,
    ) -> Entity:
        """Create a user entity. Refuses a name that already belongs to an entity unless allow_same_name."""
        e = self._validated(
            Entity(
                id=id or f"{USER_ID_PREFIX}{uuid.uuid4().hex[:10]}",
                canonical=canonical,
                english=english,
                type=type,
                aliases=tuple(aliases),
                titles=tuple(titles),
                country=country,
                notes=notes,
                origin="user",
            )
        )
        if not allow_same_name:
            same = self.find(e.canonical)
            if same:
                raise RegistryError(
                    f"{e.canonical!r} is already in the registry as {same[0].id} ({same[0].canonical}); "
                    f"add an alias to it instead, or pass --allow-same-name for a different speaker"
                )
        with self._tx("adding the speaker") as db:
            if db.execute("SELECT 1 FROM entity WHERE id = ?", (e.id,)).fetchone():
                raise RegistryError(f"a speaker with id {e.id!r} already exists")
            self._insert(db, e)
        return self.get(e.id)

    def add_alias(self, entity_id: str, *names: str, title: bool = False) -> Entity:
        """Add other names (or, with title=True, usual titles) to a live entity."""
        e = self.get(entity_id)
        clean = [_check_name(n, "title" if title else "alias") for n in names]
        with self._tx("adding the name") as db:
            self._add_names(db, e.id, "title" if title else "alias", [n for n in clean if n != e.canonical], "user")
            self._touch(db, e.id)
        return self.get(e.id)

    def rename(self, entity_id: str, canonical: str, *, english: str | None = None, keep_old: bool = True) -> Entity:
        """Change the canonical name (the old one stays as an alias unless keep_old=False)."""
        e = self.get(entity_id)
        new = _check_name(canonical, "canonical name")
        with self._tx("renaming") as db:
            db.execute("UPDATE entity SET canonical = ? WHERE id = ?", (new, e.id))
            if english is not None:
                db.execute("UPDATE entity SET english = ? WHERE id = ?", (_clean(english), e.id))
            db.execute("DELETE FROM name WHERE entity_id = ? AND kind = 'alias' AND name = ?", (e.id, new))
            if keep_old and e.canonical != new:
                self._add_names(db, e.id, "alias", [e.canonical], "user")
            self._touch(db, e.id, edited=True)
        return self.get(e.id)

    def merge(self, keep_id: str, other_id: str) -> Entity:
        """Merge `other` into `keep`: its names, English name and titles become keep's; its id resolves to keep."""
        keep = self.get(keep_id)
        other = self.get(other_id)
        if keep.id == other.id:
            raise RegistryError(f"{keep_id!r} and {other_id!r} are already the same speaker ({keep.id})")
        with self._tx("merging") as db:
            moved = [n for n in (other.canonical, *other.aliases) if n != keep.canonical]
            if other.english and other.english != keep.english:
                if keep.english:
                    moved.append(other.english)
                else:
                    db.execute("UPDATE entity SET english = ? WHERE id = ?", (other.english, keep.id))
            self._add_names(db, keep.id, "alias", moved, "user")
            self._add_names(db, keep.id, "title", other.titles, "user")
            if not keep.country and other.country:
                db.execute("UPDATE entity SET country = ? WHERE id = ?", (other.country, keep.id))
            db.execute(
                "UPDATE entity SET merged_into = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                "WHERE id = ?",
                (keep.id, other.id),
            )
            # entities merged earlier into `other` now point at `keep` directly
            db.execute("UPDATE entity SET merged_into = ? WHERE merged_into = ?", (keep.id, other.id))
            self._touch(db, keep.id, edited=True)
        return self.get(keep.id)

    def import_entities(self, entities: Iterable[Entity]) -> ImportReport:
        """Add or update entities from an import (all or nothing). Names are only ever added, never removed."""
        items = [self._validated(e) for e in entities]
        added = updated = unchanged = 0
        with self._tx("importing") as db:
            for e in items:
                row = db.execute(
                    "SELECT canonical, english, type, country, notes, merged_into FROM entity WHERE id = ?", (e.id,)
                ).fetchone()
                if row is None:
                    self._insert(db, replace(e, origin="user", edited=False))
                    added += 1
                    continue
                if row[5] is not None:
                    raise RegistryError(
                        f"{e.id!r} was merged into {row[5]!r} in this registry; import it under that id"
                    )
                fields_changed = (row[0], row[1], row[2], row[3], row[4]) != (
                    e.canonical,
                    e.english,
                    e.type,
                    e.country,
                    e.notes,
                )
                n = self._add_names(db, e.id, "alias", [a for a in e.aliases if a != row[0]], "user")
                n += self._add_names(db, e.id, "title", e.titles, "user")
                if fields_changed:
                    if row[0] != e.canonical:
                        self._add_names(db, e.id, "alias", [row[0]], "user")
                        db.execute(
                            "DELETE FROM name WHERE entity_id = ? AND kind = 'alias' AND name = ?",
                            (e.id, e.canonical),
                        )
                    db.execute(
                        "UPDATE entity SET canonical = ?, english = ?, type = ?, country = ?, notes = ? WHERE id = ?",
                        (e.canonical, e.english, e.type, e.country, e.notes, e.id),
                    )
                if fields_changed or n:
                    self._touch(db, e.id, edited=fields_changed)
                    updated += 1
                else:
                    unchanged += 1
        return ImportReport(added, updated, unchanged)

    # ------------------------------------------------------------------ seed
    def apply_seed(self, version: int, entities: Sequence[Entity], *, force: bool = False) -> SeedReport:
        """Bring the seed entities in (one transaction). Never touches what the editor made or changed:

        - a new seed entity is added, unless a user entity already carries its canonical name (skipped);
        - a seed entity the editor has not changed is updated to the newer seed (its seed names replaced,
          the editor's own aliases kept);
        - a seed entity the editor renamed or edited, or merged away, is left as it is (new seed aliases
          are added to an edited one: additions only);
        - user entities are never touched.
        Does nothing when this seed version was already applied (unless force).
        """
        current = int(self.meta("seed_version") or 0)
        if current >= version and not force:
            return SeedReport(version=current)
        items = [self._validated(replace(e, origin="seed")) for e in entities]
        user_keys: dict[str, str] = {}
        for u in self._load("WHERE origin = 'user' AND merged_into IS NULL"):
            for n in (u.canonical, *u.aliases):
                user_keys.setdefault(self.keys.key(n), u.id)
        added = updated = 0
        skipped: list[str] = []
        with self._tx("loading the seed registry") as db:
            for e in items:
                row = db.execute("SELECT origin, edited, merged_into FROM entity WHERE id = ?", (e.id,)).fetchone()
                if row is None:
                    if self.keys.key(e.canonical) in user_keys:
                        skipped.append(e.id)
                        continue
                    self._insert(db, e)
                    added += 1
                    continue
                origin, edited, merged_into = row
                if origin != "seed" or merged_into is not None:
                    continue
                if edited:
                    self._add_names(db, e.id, "alias", e.aliases, "seed")
                    self._add_names(db, e.id, "title", e.titles, "seed")
                    continue
                db.execute(
                    "UPDATE entity SET canonical = ?, english = ?, type = ?, country = ?, notes = ? WHERE id = ?",
                    (e.canonical, e.english, e.type, e.country, e.notes, e.id),
                )
                db.execute("DELETE FROM name WHERE entity_id = ? AND origin = 'seed'", (e.id,))
                db.execute(
                    "DELETE FROM name WHERE entity_id = ? AND kind = 'alias' AND name = ?", (e.id, e.canonical)
                )
                self._add_names(db, e.id, "alias", e.aliases, "seed")
                self._add_names(db, e.id, "title", e.titles, "seed")
                updated += 1
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('seed_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(version),),
            )
        return SeedReport(version=version, added=added, updated=updated, skipped=tuple(skipped))
