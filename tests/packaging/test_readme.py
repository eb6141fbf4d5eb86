"""The README's reference parts stay true: the keyboard cheat sheet is the action registry, the CLI reference
names every command and option, links and screenshots resolve."""

from __future__ import annotations

import argparse
import json
import re

import pytest

from tests.packaging.helpers import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert m, f"README has no section {title!r}"
    return m.group(1)


def slug(heading: str) -> str:
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def anchors() -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for m in re.finditer(r"^#{1,6} (.+)$", README, re.M):
        base = slug(m.group(1))
        n = seen.get(base, 0)
        out.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return out


def test_keyboard_cheat_sheet_is_the_action_registry():
    from quote_desk.app.actions import ACTIONS

    catalog = json.loads((ROOT / "resources" / "translations" / "quote_desk_ar.json").read_text("utf-8"))["Actions"]
    rows = [r for r in section("Keyboard cheat sheet").splitlines() if r.startswith("| ") and "---" not in r][1:]
    table = {}
    for r in rows:
        cells = [c.strip() for c in r.strip("|").split("|")]
        table[cells[0]] = cells[1:]
    assert set(table) == {s.text for s in ACTIONS}
    for spec in ACTIONS:
        arabic, keys, menu = table[spec.text]
        assert keys == ", ".join(f"`{k}`" for k in spec.shortcuts), spec.id
        assert arabic == catalog[spec.text] and menu.lower() == spec.menu


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_cli_reference_names_every_command_and_option():
    from quote_desk.cli import build_parser

    text = section("Command-line reference")
    commands = _subparsers(build_parser())
    assert {"desk", "extract", "evaluate", "demo", "export"} <= set(commands)
    for name, sub in commands.items():
        rows = [r for r in text.splitlines() if r.startswith(f"| `quote-desk {name}")]
        assert rows, f"no row for quote-desk {name}"
        row = rows[0]
        for action in sub._actions:
            longs = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
            if longs:
                assert any(o in row for o in longs), f"quote-desk {name}: {longs[0]} not documented"
        for sub_name in _subparsers(sub):
            assert sub_name in row, f"quote-desk {name} {sub_name} not documented"


@pytest.mark.parametrize("target", sorted(set(re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", README))))
def test_relative_links_exist(target):
    assert (ROOT / target).exists(), target


def test_section_links_resolve():
    known = anchors()
    missing = sorted({a for a in re.findall(r"\]\(#([^)]+)\)", README) if a not in known})
    assert not missing


def test_screenshots_are_pngs_of_the_desk():
    shots = re.findall(r"!\[[^\]]*\]\((docs/screenshots/[^)]+)\)", README)
    assert len(shots) >= 3
    for shot in shots:
        data = (ROOT / shot).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        big = "about" not in shot  # the desk window; the About dialog is small
        min_w, min_h = (800, 500) if big else (300, 200)
        assert width >= min_w and height >= min_h, shot
