from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quote_desk.core.linking import LinkingConfig, LinkingLexicon, load_lexicon
from quote_desk.registry import Registry
from quote_desk.registry.paths import ENV_HOME
from quote_desk.registry.seed import default_seed


@pytest.fixture(scope="session")
def lexicon() -> LinkingLexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def config(lexicon: LinkingLexicon) -> LinkingConfig:
    return LinkingConfig(lexicon=lexicon)


@pytest.fixture
def registry(lexicon: LinkingLexicon) -> Iterator[Registry]:
    """An empty in-memory registry."""
    reg = Registry.open(":memory:", lexicon=lexicon)
    yield reg
    reg.close()


@pytest.fixture
def seeded(registry: Registry) -> Registry:
    s = default_seed()
    registry.apply_seed(s.version, s.entities)
    return registry


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder; $QUOTE_DESK_HOME points elsewhere so tests notice if it is ignored wrongly."""
    monkeypatch.delenv(ENV_HOME, raising=False)
    d = tmp_path / "home"
    return d
