"""Build resources/translations/quote_desk_ar.ts and .qm from quote_desk_ar.json (run after changing strings):

    python -m quote_desk.app.i18n_build

The JSON catalogue is the source; tests check that every string the desk translates is in it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from quote_desk.app.i18n import translations_dir


def load_catalog(path: Path | None = None) -> dict[str, dict[str, str | list[str]]]:
    data = json.loads((path or translations_dir() / "quote_desk_ar.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def build_ts(catalog: dict[str, dict[str, str | list[str]]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="ar">']
    for context in sorted(catalog):
        out.append(f"<context>\n    <name>{escape(context)}</name>")
        for source, target in catalog[context].items():
            if isinstance(target, list):
                forms = "".join(f"\n            <numerusform>{escape(t)}</numerusform>" for t in target)
                out.append(f'    <message numerus="yes">\n        <source>{escape(source)}</source>\n'
                           f"        <translation>{forms}\n        </translation>\n    </message>")  # fmt: skip
            else:
                out.append(f"    <message>\n        <source>{escape(source)}</source>\n"
                           f"        <translation>{escape(target)}</translation>\n    </message>")  # fmt: skip
        out.append("</context>")
    out.append("</TS>\n")
    return "\n".join(out)


def lrelease() -> str:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    return exe


def main() -> int:
    d = translations_dir()
    ts = d / "quote_desk_ar.ts"
    ts.write_text(build_ts(load_catalog()), "utf-8")
    subprocess.run([lrelease(), str(ts), "-qm", str(d / "quote_desk_ar.qm")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
