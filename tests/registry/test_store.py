"""The registry file: migrations, edits and their round trips, the seed policy, bad files, the data folder."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from quote_desk.registry import (
    EntityNotFoundError,
    Registry,
    RegistryCorruptError,
    RegistryError,
    RegistryLockedError,
    open_linker,
    open_registry,
)
from quote_desk.registry.paths import ENV_HOME, REGISTRY_FILE, data_home, registry_path
from quote_desk.registry.records import Entity
from quote_desk.registry.store import SCHEMA_VERSION

# ---------------------------------------------------------------------------------------- migrations


def test_new_file_gets_the_current_schema(tmp_path: Path) -> None:
    with Registry.open(tmp_path / "r.sqlite3") as reg:
        assert reg.schema_version == SCHEMA_VERSION >= 1
        assert reg.count() == 0


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    p = tmp_path / "r.sqlite3"
    with Registry.open(p):
        pass
    db = sqlite3.connect(p)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = p.read_bytes()
    with pytest.raises(RegistryError, match="newer quote_desk"):
        Registry.open(p)
    assert p.read_bytes() == before


def test_another_sqlite_file_is_not_taken_for_a_registry(tmp_path: Path) -> None:
    p = tmp_path / "other.sqlite3"
    db = sqlite3.connect(p)
    db.execute("CREATE TABLE songs (title TEXT)")
    db.commit()
    db.close()
    with pytest.raises(RegistryCorruptError, match="not a quote_desk speaker registry"):
        Registry.open(p)


# ------------------------------------------------------------------------------------------- edits


def test_add_and_get(registry: Registry) -> None:
    e = registry.add("سمير الخطيب", type="person", english="Samir al-Khatib", aliases=["سمير خطيب"], country="lb")
    assert e.id.startswith("u-") and e.origin == "user"
    got = registry.get(e.id)
    assert got == e
    assert got.country == "LB" and got.aliases == ("سمير خطيب",)


def test_add_refuses_a_name_already_known_and_bad_values(registry: Registry) -> None:
    registry.add("سمير الخطيب", type="person")
    with pytest.raises(RegistryError, match="already in the registry"):
        registry.add("سمير  الخطيب", type="person")  # same name once normalised
    assert registry.add("سمير الخطيب", type="person", allow_same_name=True).canonical == "سمير الخطيب"
    with pytest.raises(RegistryError, match="unknown speaker type"):
        registry.add("شخص ما", type="robot")
    with pytest.raises(RegistryError, match="empty"):
        registry.add("   ", type="person")
    with pytest.raises(RegistryError, match=r"'\|'"):
        registry.add("أ | ب", type="person")
    assert registry.count() == 2


def test_unknown_id_is_a_clear_error(registry: Registry) -> None:
    with pytest.raises(EntityNotFoundError, match="no speaker with id 'nope'"):
        registry.get("nope")


def test_alias_round_trip(registry: Registry) -> None:
    e = registry.add("كايا كالاس", type="person")
    registry.add_alias(e.id, "كالاس", "Kaja Kallas")
    registry.add_alias(e.id, "كالاس")  # twice: kept once
    registry.add_alias(e.id, "الممثلة العليا", title=True)
    got = registry.get(e.id)
    assert got.aliases == ("كالاس", "Kaja Kallas")
    assert got.titles == ("الممثلة العليا",)
    assert [x.id for x in registry.find("Kaja Kallas")] == [e.id]
    assert registry.resolve("كالاس").id == e.id


def test_rename_keeps_the_old_name_as_an_alias(registry: Registry) -> None:
    e = registry.add("اسرائيل كاتس", type="person", aliases=["كاتس"])
    r = registry.rename(e.id, "يسرائيل كاتس", english="Israel Katz")
    assert (r.canonical, r.english) == ("يسرائيل كاتس", "Israel Katz")
    assert "اسرائيل كاتس" in r.aliases and "كاتس" in r.aliases
    back = registry.rename(e.id, "اسرائيل كاتس")
    assert back.canonical == "اسرائيل كاتس" and "اسرائيل كاتس" not in back.aliases
    assert "يسرائيل كاتس" in back.aliases
    dropped = registry.rename(e.id, "إسرائيل كاتس", keep_old=False)
    assert "اسرائيل كاتس" not in dropped.aliases


def test_merge_moves_names_and_keeps_old_ids_resolving(registry: Registry) -> None:
    keep = registry.add("يسرائيل كاتس", type="person", aliases=["كاتس"], titles=["وزير الدفاع الإسرائيلي"])
    dup = registry.add("إسرائيل كاتز", type="person", english="Israel Katz", titles=["وزير الخارجية الإسرائيلي"],
                       country="IL", allow_same_name=True)
    dup2 = registry.add("Yisrael Katz", type="person", english="Yisrael Katz")
    registry.merge(dup.id, dup2.id)
    merged = registry.merge(keep.id, dup.id)
    assert merged.id == keep.id and merged.english == "Israel Katz" and merged.country == "IL"
    assert {"كاتس", "إسرائيل كاتز", "Yisrael Katz"} <= set(merged.aliases)
    assert set(merged.titles) == {"وزير الدفاع الإسرائيلي", "وزير الخارجية الإسرائيلي"}
    assert registry.get(dup.id).id == keep.id
    assert registry.get(dup2.id).id == keep.id  # a chain resolves to the survivor
    assert registry.get(dup.id, follow_merges=False).merged_into == keep.id
    assert [e.id for e in registry.entities()] == [keep.id]
    with pytest.raises(RegistryError, match="already the same speaker"):
        registry.merge(keep.id, dup.id)


def test_edits_are_atomic(registry: Registry) -> None:
    e = registry.add("سمير الخطيب", type="person")
    with pytest.raises(RegistryError):
        registry.add_alias(e.id, "اسم جيد", "")  # the empty name fails validation: nothing is added
    assert registry.get(e.id).aliases == ()


# -------------------------------------------------------------------------------------------- seed


def _seed_entity(**kw: object) -> Entity:
    base = Entity(id="kaja-kallas", canonical="كايا كالاس", english="Kaja Kallas", type="person",
                  aliases=("كالاس",), titles=("رئيسة وزراء إستونيا",), country="EE", origin="seed")
    return replace(base, **kw)  # type: ignore[arg-type]


def test_seed_is_applied_once_per_version(registry: Registry) -> None:
    r1 = registry.apply_seed(1, [_seed_entity()])
    assert (r1.added, r1.updated) == (1, 0)
    r2 = registry.apply_seed(1, [_seed_entity(english="changed")])
    assert (r2.added, r2.updated) == (0, 0)
    assert registry.get("kaja-kallas").english == "Kaja Kallas"
    assert registry.meta("seed_version") == "1"


def test_newer_seed_updates_untouched_entities_but_keeps_user_aliases(registry: Registry) -> None:
    registry.apply_seed(1, [_seed_entity()])
    registry.add_alias("kaja-kallas", "كاجا كالاس")  # the editor's addition
    registry.apply_seed(2, [_seed_entity(aliases=("كايا كلاس",), titles=("الممثلة العليا",))])
    e = registry.get("kaja-kallas")
    assert "كاجا كالاس" in e.aliases  # user alias survives
    assert "كايا كلاس" in e.aliases  # new seed alias arrives
    assert "كالاس" not in e.aliases  # a seed alias the new seed dropped goes
    assert e.titles == ("الممثلة العليا",)


def test_newer_seed_never_overwrites_an_edited_entity(registry: Registry) -> None:
    registry.apply_seed(1, [_seed_entity()])
    registry.rename("kaja-kallas", "كايا كالّاس", english="Kaja Kallas (EU)")
    report = registry.apply_seed(2, [_seed_entity(canonical="ك. كالاس", english="K. Kallas", aliases=("جديد",))])
    e = registry.get("kaja-kallas")
    assert (e.canonical, e.english) == ("كايا كالّاس", "Kaja Kallas (EU)")
    assert "جديد" in e.aliases  # additions only
    assert report.updated == 0


def test_seed_never_touches_user_entities_or_resurrects_merged_ones(registry: Registry) -> None:
    registry.apply_seed(1, [_seed_entity(), _seed_entity(id="israel-katz", canonical="يسرائيل كاتس", aliases=())])
    mine = registry.add("سمير الخطيب", type="person", id="samir-khatib")
    registry.merge("kaja-kallas", "israel-katz")  # a (silly) editor's merge
    registry.apply_seed(
        2,
        [
            _seed_entity(),
            _seed_entity(id="israel-katz", canonical="يسرائيل كاتس", aliases=()),
            _seed_entity(id="samir-khatib", canonical="شخص آخر", aliases=()),
        ],
    )
    assert registry.get("samir-khatib") == mine
    assert registry.get("israel-katz").id == "kaja-kallas"


def test_seed_skips_an_entity_the_user_already_made(registry: Registry) -> None:
    mine = registry.add("كايا كالاس", type="person", english="my Kallas")
    report = registry.apply_seed(1, [_seed_entity()])
    assert report.skipped == ("kaja-kallas",) and report.added == 0
    assert [e.id for e in registry.entities()] == [mine.id]


def test_shipped_seed_loads(seeded: Registry) -> None:
    assert seeded.count() >= 200


# ------------------------------------------------------------------------------------------ folder


def test_data_folder_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_HOME, str(tmp_path / "env"))
    assert data_home() == tmp_path / "env"
    assert data_home(tmp_path / "opt") == tmp_path / "opt"  # --home wins over the environment
    monkeypatch.delenv(ENV_HOME)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda app, appauthor=None: str(tmp_path / "pd" / app))
    assert data_home() == tmp_path / "pd" / "quote_desk"
    assert registry_path() == tmp_path / "pd" / "quote_desk" / REGISTRY_FILE


def test_open_registry_creates_and_seeds_in_the_given_home(home: Path) -> None:
    assert not home.exists()
    with open_registry(home) as reg:
        n = reg.count()
        assert n >= 200
        reg.add("سمير الخطيب", type="person", id="samir")
    with open_registry(home) as reg:  # reopening does not seed twice or lose the user's entity
        assert reg.count() == n + 1
        assert reg.get("samir").canonical == "سمير الخطيب"
    assert (home / REGISTRY_FILE).is_file()


def test_open_registry_uses_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_HOME, str(tmp_path / "from-env"))
    with open_registry(seed=False):
        pass
    assert (tmp_path / "from-env" / REGISTRY_FILE).is_file()


def test_open_linker_sees_user_additions(home: Path) -> None:
    with open_registry(home) as reg:
        reg.add("زيد عبيدات", type="person", english="Zaid Obeidat", id="zaid")
    r = open_linker(home).link("عبيدات", speaker_type="person")
    assert r is not None and r.entity_id == "zaid" and r.english == "Zaid Obeidat"


# -------------------------------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all\n" * 40, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text", "broken-header"],
)
def test_corrupted_file_gives_a_clear_message_and_is_left_alone(home: Path, content: bytes) -> None:
    home.mkdir(parents=True)
    p = home / REGISTRY_FILE
    p.write_bytes(content)
    with pytest.raises(RegistryCorruptError) as info:
        open_registry(home)
    msg = str(info.value)
    assert str(p) in msg and "untouched" in msg
    assert p.read_bytes() == content


def test_truncated_registry_gives_a_clear_message(home: Path) -> None:
    with open_registry(home):
        pass
    p = home / REGISTRY_FILE
    data = p.read_bytes()
    p.write_bytes(data[:1500])
    for side in (home / (REGISTRY_FILE + "-wal"), home / (REGISTRY_FILE + "-shm")):
        side.unlink(missing_ok=True)
    with pytest.raises(RegistryCorruptError):
        with open_registry(home) as reg:
            reg.entities()


def test_locked_file_gives_a_clear_message_and_loses_nothing(home: Path) -> None:
    with open_registry(home) as reg:
        reg.add("سمير الخطيب", type="person", id="samir")
    other = sqlite3.connect(home / REGISTRY_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RegistryLockedError, match="locked by another program"):
            with open_registry(home, timeout=0.2) as reg:
                reg.add_alias("samir", "سمير")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_registry(home) as reg:
        assert reg.get("samir").aliases == ()  # the failed edit left nothing behind
        assert reg.add_alias("samir", "سمير").aliases == ("سمير",)  # and works once the lock is gone


def test_registry_path_that_is_a_folder(home: Path) -> None:
    (home / REGISTRY_FILE).mkdir(parents=True)
    with pytest.raises(RegistryError, match="is a folder"):
        open_registry(home)


def test_home_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(RegistryError, match="cannot create the registry folder"):
        open_registry(blocker / "sub")


def test_linker_opens_while_another_program_writes(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quote_desk.registry import seed as seed_module

    with open_registry(home):
        pass
    shipped = seed_module.default_seed()
    newer = seed_module.Seed(shipped.version + 1, shipped.entities)
    monkeypatch.setattr(seed_module, "default_seed", lambda: newer)
    other = sqlite3.connect(home / REGISTRY_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RegistryLockedError):
            open_registry(home, timeout=0.2).close()
        linker = open_linker(home, timeout=0.2)  # reads the registry as it is
        r = linker.link("كايا كالاس", speaker_type="person")
        assert r is not None and r.entity_id == "kaja-kallas"
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_registry(home) as reg:  # and the newer seed arrives once the lock is gone
        assert reg.meta("seed_version") == str(newer.version)
