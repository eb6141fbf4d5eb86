"""`quote-desk speakers …`: list, show and edit the speaker registry; import and export it (CSV, JSON)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

HELP = "list, show, add, alias, rename, merge, import and export speakers in the registry"


def _home_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--home",
        type=Path,
        metavar="DIR",
        # the sub-command's copy must not reset a --home given before it
        default=None if top else argparse.SUPPRESS,
        help="quote_desk data folder holding registry.sqlite3 (default: $QUOTE_DESK_HOME, else the user data folder)",
    )


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("speakers", help=HELP, description=HELP.capitalize() + ".")
    _home_option(p, top=True)
    p.set_defaults(func=_no_action, _parser=p)
    sub = p.add_subparsers(dest="action", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        a = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
        _home_option(a, top=False)
        a.set_defaults(func=run, action=name)
        return a

    a = action("list", "list speakers (id, type, Arabic canonical name, English name)")
    a.add_argument("--type", choices=("person", "organization", "media", "group"))
    a.add_argument("--search", metavar="TEXT", help="only speakers with a name that fuzzily matches TEXT")
    a.add_argument("--origin", choices=("seed", "user"), help="only seed or only editor-made speakers")

    a = action("show", "show one speaker with all its names and titles")
    a.add_argument("speaker", metavar="ID_OR_NAME")

    a = action("add", "add a new speaker")
    a.add_argument("canonical", metavar="ARABIC_NAME", help="the fullest, most common Arabic form")
    a.add_argument("--type", required=True, choices=("person", "organization", "media", "group"))
    a.add_argument("--english", metavar="NAME")
    a.add_argument("--alias", action="append", default=[], metavar="NAME", help="another name (repeatable)")
    a.add_argument("--title", action="append", default=[], metavar="TITLE", help="a usual title (repeatable)")
    a.add_argument("--country", metavar="CODE", help="ISO country code (SY, EG, ...) or EU, UN")
    a.add_argument("--notes")
    a.add_argument("--id", metavar="ID", help="explicit id (default: a new u-… id)")
    a.add_argument("--allow-same-name", action="store_true", help="add even if the name belongs to another speaker")

    a = action("alias", "add other names (or titles) to a speaker")
    a.add_argument("speaker", metavar="ID_OR_NAME")
    a.add_argument("names", nargs="+", metavar="NAME")
    a.add_argument("--title", action="store_true", help="add the names as usual titles, not as names")

    a = action("rename", "change a speaker's canonical Arabic name (the old one stays as an alias)")
    a.add_argument("speaker", metavar="ID_OR_NAME")
    a.add_argument("canonical", metavar="NEW_ARABIC_NAME")
    a.add_argument("--english", metavar="NAME", help="also set the English name")
    a.add_argument("--drop-old", action="store_true", help="do not keep the old name as an alias")

    a = action("merge", "merge speakers into one (the others' names move to it; their ids keep resolving)")
    a.add_argument("keep", metavar="KEEP_ID_OR_NAME")
    a.add_argument("others", nargs="+", metavar="OTHER_ID_OR_NAME")

    a = action("import", "import speakers from a CSV or JSON file (adds and updates; never removes names)")
    a.add_argument("file", type=Path)
    a.add_argument("--format", choices=("csv", "json"), help="default: from the file extension")

    a = action("export", "export speakers to a CSV or JSON file ('-' for standard output)")
    a.add_argument("file", metavar="FILE")
    a.add_argument("--format", choices=("csv", "json"), help="default: from the file extension (csv for '-')")
    a.add_argument("--origin", choices=("seed", "user"), help="only seed or only editor-made speakers")

    a = action("link", "show how a mention would be linked (for checking the registry)")
    a.add_argument("mention")
    a.add_argument("--alias", action="append", default=[], metavar="NAME", help="another mention of the speaker")
    a.add_argument("--title", metavar="TITLE")
    a.add_argument("--type", dest="speaker_type", metavar="TYPE")
    a.add_argument("--top", type=int, default=5, metavar="N")


def _no_action(args: argparse.Namespace) -> int:
    args._parser.print_help()
    return 0


def _line(e: Any) -> str:
    return f"{e.id}\t{e.type}\t{e.canonical}\t{e.english or ''}"


def run(args: argparse.Namespace) -> int:
    from quote_desk.registry import open_registry

    with open_registry(args.home) as reg:
        return int(ACTIONS[args.action](reg, args) or 0)


def _list(reg: Any, args: argparse.Namespace) -> None:
    entities = reg.entities(type=args.type)
    if args.origin:
        entities = [e for e in entities if e.origin == args.origin]
    if args.search:
        from quote_desk.registry import linker_from_registry

        order = [h.entity_id for h in linker_from_registry(reg).search(args.search, limit=20)]
        by_id = {e.id: e for e in entities}
        entities = [by_id[i] for i in order if i in by_id]
    for e in entities:
        print(_line(e))
    print(f"{len(entities)} speaker(s)", file=sys.stderr)


def _show(reg: Any, args: argparse.Namespace) -> None:
    e = reg.resolve(args.speaker)
    if e.id != args.speaker and args.speaker in {x.id for x in reg.entities(include_merged=True)}:
        print(f"({args.speaker} was merged into {e.id})")
    print(f"id:        {e.id}")
    print(f"canonical: {e.canonical}")
    print(f"english:   {e.english or '-'}")
    print(f"type:      {e.type}")
    print(f"country:   {e.country or '-'}")
    print(f"origin:    {e.origin}{' (edited)' if e.edited else ''}")
    print("aliases:   " + (" | ".join(e.aliases) or "-"))
    print("titles:    " + (" | ".join(e.titles) or "-"))
    if e.notes:
        print(f"notes:     {e.notes}")


def _add(reg: Any, args: argparse.Namespace) -> None:
    e = reg.add(
        args.canonical,
        type=args.type,
        english=args.english,
        aliases=args.alias,
        titles=args.title,
        country=args.country,
        notes=args.notes,
        id=args.id,
        allow_same_name=args.allow_same_name,
    )
    print(f"added {_line(e)}")


def _alias(reg: Any, args: argparse.Namespace) -> None:
    e = reg.resolve(args.speaker)
    if not args.title:
        for name in args.names:
            others = [o for o in reg.find(name) if o.id != e.id]
            if others:
                print(
                    f"note: {name!r} is also a name of {others[0].id} ({others[0].canonical}); "
                    "mentions written this way will be offered for review, not linked",
                    file=sys.stderr,
                )
    e = reg.add_alias(e.id, *args.names, title=args.title)
    print(f"{e.id}: " + " | ".join(e.titles if args.title else e.aliases))


def _rename(reg: Any, args: argparse.Namespace) -> None:
    e = reg.resolve(args.speaker)
    e = reg.rename(e.id, args.canonical, english=args.english, keep_old=not args.drop_old)
    print(f"renamed {_line(e)}")


def _merge(reg: Any, args: argparse.Namespace) -> None:
    keep = reg.resolve(args.keep)
    others = [reg.resolve(o) for o in args.others]
    for o in others:
        keep = reg.merge(keep.id, o.id)
        print(f"merged {o.id} ({o.canonical}) into {keep.id}")
    print(f"{_line(keep)}\naliases: " + " | ".join(keep.aliases))


def _import(reg: Any, args: argparse.Namespace) -> None:
    from quote_desk.registry.exchange import read_file

    entities = read_file(args.file, args.format)
    r = reg.import_entities(entities)
    print(f"imported {args.file}: {r.added} added, {r.updated} updated, {r.unchanged} unchanged")


def _export(reg: Any, args: argparse.Namespace) -> None:
    from quote_desk.errors import InputError
    from quote_desk.registry.exchange import detect_format, write_csv, write_json

    entities = reg.entities()
    if args.origin:
        entities = [e for e in entities if e.origin == args.origin]
    fmt = args.format or ("csv" if args.file == "-" else detect_format(Path(args.file)))
    writer = write_csv if fmt == "csv" else write_json
    if args.file == "-":
        writer(entities, sys.stdout)
        return
    path = Path(args.file)
    tmp = path.with_name(path.name + ".part")
    try:
        # utf-8-sig: Excel opens Arabic CSV correctly only with a BOM; JSON stays plain UTF-8
        with tmp.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as out:
            writer(entities, out)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"exported {len(entities)} speaker(s) to {path}", file=sys.stderr)


def _link(reg: Any, args: argparse.Namespace) -> None:
    from quote_desk.registry import linker_from_registry

    linker = linker_from_registry(reg)
    found = linker.candidates(
        args.mention, aliases=args.alias, title=args.title, speaker_type=args.speaker_type, limit=args.top
    )
    if not found:
        print("no candidate (the speaker stays unlinked; add it with `quote-desk speakers add`)")
    for r in found:
        print(f"{r.level}\t{r.score:.1f}\t{r.entity_id}\t{r.canonical}\t{r.english or ''}\t{r.reason}")


ACTIONS = {
    "list": _list,
    "show": _show,
    "add": _add,
    "alias": _alias,
    "rename": _rename,
    "merge": _merge,
    "import": _import,
    "export": _export,
    "link": _link,
}
