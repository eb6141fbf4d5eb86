"""Settings in one INI file (QSettings, IniFormat) under the platformdirs config dir.

User choices live under their own keys with declared defaults; window state lives in the "persist" group.
INI stores strings, so every read goes through the declared default's type (bool 'false' stays False).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from quote_desk.app.paths import config_dir

DEFAULTS: dict[str, Any] = {
    "ui/language": "",  # "", "ar" or "en"; "" follows the system locale
    "review/reviewer": "",
    "export/delimiter": "comma",
    "export/profile": "excel",
    "review/confirm_bulk": True,
    "recent/projects": "[]",
    "nlp/backend": "rules",  # "rules" (no models) or "stanza" (the Arabic stanza models; falls back with a notice)
    "nlp/models_dir": "",  # "" = the default models folder ($QUOTE_DESK_HOME/stanza or the platform data dir)
}
MAX_RECENT = 8


class Settings:
    def __init__(self, path: str | Path | None = None) -> None:
        p = Path(path) if path else config_dir() / "quote_desk.ini"
        p.parent.mkdir(parents=True, exist_ok=True)
        self.path = p
        self._q = QSettings(str(p), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._q.value(key, default)
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return "" if value is None else str(value)

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._q.setValue(key, value)
        self._q.sync()

    # Lists are kept as JSON strings: INI turns a one-element list into a scalar.
    def recent_projects(self) -> list[str]:
        try:
            items = json.loads(self.get("recent/projects"))
        except ValueError:
            return []
        return [str(x) for x in items if isinstance(x, str)]

    def add_recent(self, path: str) -> None:
        items = [path] + [p for p in self.recent_projects() if p != path]
        self.set("recent/projects", json.dumps(items[:MAX_RECENT], ensure_ascii=False))

    def shortcut_overrides(self) -> dict[str, list[str]]:
        """Rebound shortcuts: action id -> key sequences (portable text, e.g. "Ctrl+Return")."""
        self._q.beginGroup("shortcuts")
        try:
            out = {}
            for k in self._q.childKeys():
                try:
                    seqs = json.loads(str(self._q.value(k)))
                except ValueError:
                    continue
                if isinstance(seqs, list):
                    out[k] = [str(s) for s in seqs]
            return out
        finally:
            self._q.endGroup()

    def set_shortcut(self, action_id: str, sequences: list[str] | None) -> None:
        key = f"shortcuts/{action_id}"
        if sequences is None:
            self._q.remove(key)
        else:
            self._q.setValue(key, json.dumps(sequences))
        self._q.sync()

    def persist(self, name: str) -> QByteArray | None:
        v = self._q.value(f"persist/{name}")
        return v if isinstance(v, QByteArray) else None

    def set_persist(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"persist/{name}", value)
        self._q.sync()
