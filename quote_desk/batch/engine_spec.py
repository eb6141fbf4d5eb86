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
    backend: str = "rules"  # rules (no models) or stanza (installed models; falls back to rules with a notice)
    models_dir: str | None = None  # stanza models folder (None: the default, see `quote-desk models status`)

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
        backend = None
        if self.backend != "rules":
            backend = self.choose_backend().backend
        return Extractor(linker=linker, backend=backend)

    def choose_backend(self):
        """The NLP backend, with a notice when stanza was asked for but could not be loaded."""
        from quote_desk.core.nlp.models import select_backend

        # batch workers share the cores: one torch thread each (more threads oversubscribe a busy machine)
        return select_backend(self.backend, self.models_dir, threads=1)


_BUILT: dict[EngineSpec, Extractor] = {}


def tune_gc() -> None:
    """For processes that do nothing but extract (CLI runs, pool and Dask workers), not for library users:
    the engine makes many short-lived objects and no reference cycles worth collecting often. Freezing what
    is loaded (lexicon, registry) and collecting the young generation less often saves about 8% of CPU on
    news articles and keeps one huge article linear (the full collections otherwise rescan its tokens)."""
    import gc

    if gc.get_threshold()[0] < 10_000:
        gc.freeze()
        gc.set_threshold(10_000, 20, 50)


def extractor_for(spec: EngineSpec) -> Extractor:
    """One Extractor per spec and process (workers call this for every task; building it once matters)."""
    ex = _BUILT.get(spec)
    if ex is None:
        ex = _BUILT[spec] = spec.build()
    return ex
