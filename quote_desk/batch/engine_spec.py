"""What a process needs to build its own Extractor. Picklable, so it travels to pool and Dask workers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quote_desk.core.pipeline import Extractor


@dataclass(frozen=True, slots=True)
class EngineSpec:
    link: bool = False  # link speakers to the speaker registry
    home: str | None = None  # quote_desk data folder holding the registry (None: $QUOTE_DESK_HOME or platform)

    def prepare(self) -> None:
        """Create and seed the registry once, in this process, before workers open it read-only."""
        if self.link:
            from quote_desk.registry import open_registry

            open_registry(Path(self.home) if self.home else None).close()

    def build(self) -> Extractor:
        from quote_desk.core.pipeline import Extractor

        linker = None
        if self.link:
            from quote_desk.registry import open_linker

            linker = open_linker(Path(self.home) if self.home else None)
        return Extractor(linker=linker)


_BUILT: dict[EngineSpec, Extractor] = {}


def extractor_for(spec: EngineSpec) -> Extractor:
    """One Extractor per spec and process (workers call this for every task; building it once matters)."""
    ex = _BUILT.get(spec)
    if ex is None:
        ex = _BUILT[spec] = spec.build()
    return ex
