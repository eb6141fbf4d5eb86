"""The model manager for the optional stanza backend: where the Arabic models live, whether they are usable,
installing them with stanza's own downloader, and removing them.

This module never imports stanza (that happens only in stanza_backend.py, lazily): status and checks read the
standard stanza layout from disk, so `quote-desk models status` is fast and works without stanza installed.

Layout (what `stanza.download("ar")` writes, and what a copied models folder must look like):

    <models dir>/resources.json
    <models dir>/ar/<processor>/<package>.pt        e.g. ar/pos/padt_charlm.pt
    <models dir>/ar/pretrain/<package>.pt           dependencies named in resources.json

The models dir is `<QUOTE_DESK_HOME>/stanza` when QUOTE_DESK_HOME is set, else the platform's user data dir
for quote_desk (platformdirs) + `/stanza`.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quote_desk.core.nlp.backend import NlpBackend
from quote_desk.errors import QuoteDeskError

LANG = "ar"
APP_NAME = "quote_desk"
HOME_ENV = "QUOTE_DESK_HOME"
# What the engine uses by default: every processor that gives it evidence.
DEFAULT_PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
KNOWN_PROCESSORS = frozenset(DEFAULT_PROCESSORS)
# stanza's own requirements between processors (a missing one fails deep inside stanza otherwise)
REQUIRES: Mapping[str, tuple[str, ...]] = {
    "mwt": ("tokenize",),
    "pos": ("tokenize",),
    "lemma": ("tokenize",),
    "depparse": ("tokenize", "pos", "lemma"),
    "ner": ("tokenize",),
}
INSTALL_HINT = "run `quote-desk models install` (needs internet)"

# pickle protocol 2 + LONG1 of torch's legacy serialization magic number 0x1950a86a20f9469cfc6c
_LEGACY_TORCH_MAGIC = b"\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19"
ProgressFn = Callable[[int, int, str], None]


# ---------------------------------------------------------------------------------------------------------
# errors: each message says what happened and what to do


class ModelError(QuoteDeskError):
    """Base of the stanza model errors."""


class StanzaNotInstalledError(ModelError):
    def __init__(self) -> None:
        super().__init__(
            "the stanza backend is not installed; install it with: pip install 'quote-desk[stanza]' "
            "(the rules-only engine works without it)"
        )


class ModelsNotInstalledError(ModelError):
    def __init__(self, directory: Path, detail: str) -> None:
        self.directory = directory
        super().__init__(
            f"Arabic stanza models are not installed at {directory} ({detail}); {INSTALL_HINT}, "
            f"or copy a models folder from another machine (the folder holding resources.json and ar/) to "
            f"{directory}, or set {HOME_ENV} to a folder whose stanza/ sub-folder holds them"
        )


class ModelsIncompleteError(ModelError):
    def __init__(self, directory: Path, missing: Sequence[str]) -> None:
        self.directory = directory
        self.missing = tuple(missing)
        super().__init__(
            f"the Arabic stanza models at {directory} are incomplete: missing {', '.join(missing)}; "
            f"{INSTALL_HINT} to fetch the missing files, or copy the complete models folder from another machine"
        )


class ModelsCorruptError(ModelError):
    def __init__(self, directory: Path, detail: str) -> None:
        self.directory = directory
        super().__init__(
            f"the Arabic stanza models at {directory} are corrupt or do not fit this stanza version ({detail}); "
            f"run `quote-desk models remove` then `quote-desk models install`, or copy a folder made with "
            f"stanza {stanza_version() or '(not installed)'}"
        )


class ModelConfigError(ModelError):
    """The requested set of processors cannot work (unknown name, missing requirement, not in the models)."""


class ModelDownloadError(ModelError):
    def __init__(self, directory: Path, detail: str) -> None:
        self.directory = directory
        super().__init__(
            f"could not download the Arabic stanza models ({detail}); check the internet connection "
            f"(the models come from GitHub and HuggingFace) and retry `quote-desk models install`, "
            f"or copy a models folder from a machine that has them to {directory}"
        )


# ---------------------------------------------------------------------------------------------------------
# where


def default_models_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$QUOTE_DESK_HOME/stanza` when set, else the platform user data dir for quote_desk + `/stanza`."""
    env = os.environ if env is None else env
    home = env.get(HOME_ENV, "").strip()
    if home:
        return Path(home).expanduser() / "stanza"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "stanza"


def resolve_dir(models_dir: str | os.PathLike[str] | None) -> Path:
    return Path(models_dir).expanduser() if models_dir is not None else default_models_dir()


def stanza_available() -> bool:
    return importlib.util.find_spec("stanza") is not None


def stanza_version() -> str | None:
    try:
        return importlib.metadata.version("stanza")
    except importlib.metadata.PackageNotFoundError:
        return None


# ---------------------------------------------------------------------------------------------------------
# status and checks (pure file-system reads, no stanza import)


@dataclass(frozen=True, slots=True)
class ModelFile:
    processor: str  # pipeline processor (tokenize, pos, ...) or dependency model (pretrain, forward_charlm, ...)
    package: str
    path: Path
    present: bool
    size: int
    needed_by: str  # the processor this file serves


@dataclass(frozen=True, slots=True)
class ModelStatus:
    directory: Path
    stanza_version: str | None
    processors: tuple[str, ...]
    files: tuple[ModelFile, ...]
    problems: tuple[str, ...]

    @property
    def installed(self) -> bool:
        return not self.problems

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files if f.present)

    def summary(self) -> str:
        lines = [f"models dir: {self.directory}", f"stanza: {self.stanza_version or 'not installed'}"]
        for f in self.files:
            state = f"{f.size / 1e6:.1f} MB" if f.present else "MISSING"
            label = f.processor if f.processor == f.needed_by else f"{f.processor} (for {f.needed_by})"
            lines.append(f"  {label:<28} {f.package:<16} {state}")
        if self.problems:
            lines.append("status: not usable")
            lines += [f"  - {p}" for p in self.problems]
        else:
            lines.append(f"status: installed ({self.total_size / 1e6:.1f} MB)")
        return "\n".join(lines)


def normalise_processors(processors: str | Iterable[str] | None) -> tuple[str, ...]:
    """Validate a processor list and return it in pipeline order. Unknown names and missing requirements are
    errors here (stanza would silently ignore the first and fail obscurely on the second)."""
    if processors is None:
        return DEFAULT_PROCESSORS
    names = [p.strip().lower() for p in (processors.split(",") if isinstance(processors, str) else processors)]
    names = [p for p in names if p]
    unknown = sorted(set(names) - KNOWN_PROCESSORS)
    if unknown:
        raise ModelConfigError(
            f"unknown stanza processor(s): {', '.join(unknown)}; choose from {', '.join(DEFAULT_PROCESSORS)}"
        )
    if not names:
        raise ModelConfigError(f"no stanza processors chosen; choose from {', '.join(DEFAULT_PROCESSORS)}")
    for p in names:
        missing = [r for r in REQUIRES.get(p, ()) if r not in names]
        if missing:
            raise ModelConfigError(f"the stanza processor {p} needs {', '.join(missing)} too; add it to the list")
    return tuple(p for p in DEFAULT_PROCESSORS if p in names)


def _read_resources(directory: Path) -> dict:
    path = directory / "resources.json"
    if not directory.exists():
        raise ModelsNotInstalledError(directory, "the folder does not exist")
    if not path.is_file():
        raise ModelsNotInstalledError(directory, "resources.json is missing")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelsCorruptError(directory, f"resources.json cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelsCorruptError(directory, "resources.json is not a JSON object")
    return data


def _arabic_entry(directory: Path, resources: dict) -> dict:
    lang = LANG
    entry = resources.get(lang)
    seen = set()
    while isinstance(entry, dict) and "alias" in entry and entry["alias"] not in seen:
        seen.add(entry["alias"])
        entry = resources.get(entry["alias"])
    if not isinstance(entry, dict):
        raise ModelsNotInstalledError(directory, "resources.json has no Arabic (ar) entry")
    return entry


def _package_for(entry: dict, processor: str) -> str | None:
    default = entry.get("packages", {}).get("default", {})
    if isinstance(default, dict) and isinstance(default.get(processor), str):
        return default[processor]
    dp = entry.get("default_processors", {})
    if isinstance(dp, dict) and isinstance(dp.get(processor), str):
        return dp[processor]
    return None


def _model_file(directory: Path, processor: str, package: str, needed_by: str) -> ModelFile:
    path = directory / LANG / processor / f"{package}.pt"
    present = path.is_file()
    return ModelFile(processor, package, path, present, path.stat().st_size if present else 0, needed_by)


def _looks_like_torch_file(path: Path) -> bool:
    """torch.save writes a zip archive, or (legacy format, which stanza uses) a pickle starting with torch's
    magic number; anything else (an HTML error page, a text file, an empty copy) is not a model."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return head.startswith(b"PK\x03\x04") or head.startswith(_LEGACY_TORCH_MAGIC)


def status(models_dir: str | os.PathLike[str] | None = None,
           processors: str | Iterable[str] | None = None) -> ModelStatus:
    """What is installed where, and every problem that would stop the stanza backend. Never raises for a
    missing or broken install (the problems say what is wrong); raises ModelConfigError for a bad list."""
    directory = resolve_dir(models_dir)
    procs = normalise_processors(processors)
    files: list[ModelFile] = []
    problems: list[str] = []
    try:
        entry = _arabic_entry(directory, _read_resources(directory))
    except ModelError as exc:
        return ModelStatus(directory, stanza_version(), procs, (), (str(exc),))
    for proc in procs:
        package = _package_for(entry, proc)
        if package is None:
            problems.append(f"the installed Arabic models have no {proc} model")
            continue
        files.append(_model_file(directory, proc, package, proc))
        deps = entry.get(proc, {}).get(package, {}).get("dependencies", []) if isinstance(entry.get(proc), dict) else []
        for dep in deps or []:
            if isinstance(dep, dict) and "model" in dep and "package" in dep:
                f = _model_file(directory, dep["model"], dep["package"], proc)
                if all(f.path != g.path for g in files):
                    files.append(f)
    missing = [f"{f.processor}/{f.package}.pt" for f in files if not f.present]
    if missing:
        problems.append(str(ModelsIncompleteError(directory, missing)))
    bad = [f"{f.processor}/{f.package}.pt" for f in files
           if f.present and (f.size == 0 or not _looks_like_torch_file(f.path))]
    if bad:
        problems.append(str(ModelsCorruptError(directory, "not a model file: " + ", ".join(bad))))
    if stanza_version() is None:
        problems.append(str(StanzaNotInstalledError()))
    return ModelStatus(directory, stanza_version(), procs, tuple(files), tuple(problems))


def check(models_dir: str | os.PathLike[str] | None = None,
          processors: str | Iterable[str] | None = None) -> ModelStatus:
    """Like status() but raises the first problem as a clear ModelError. Run before stanza sees the folder."""
    directory = resolve_dir(models_dir)
    procs = normalise_processors(processors)
    if not stanza_available():
        raise StanzaNotInstalledError()
    entry = _arabic_entry(directory, _read_resources(directory))
    st = status(directory, procs)
    for proc in procs:
        if _package_for(entry, proc) is None:
            raise ModelConfigError(
                f"the Arabic models at {directory} have no {proc} model; leave {proc} out of the processors, "
                f"or {INSTALL_HINT}"
            )
    missing = [f"{f.processor}/{f.package}.pt" for f in st.files if not f.present]
    if missing:
        raise ModelsIncompleteError(directory, missing)
    bad = [f"{f.processor}/{f.package}.pt" for f in st.files
           if f.size == 0 or not _looks_like_torch_file(f.path)]
    if bad:
        raise ModelsCorruptError(directory, "not a model file: " + ", ".join(bad))
    return st


# ---------------------------------------------------------------------------------------------------------
# install / remove


def install(models_dir: str | os.PathLike[str] | None = None,
            processors: str | Iterable[str] | None = None,
            progress: ProgressFn | None = None,
            resources_url: str | None = None,
            model_url: str | None = None) -> ModelStatus:
    """Download the Arabic models with stanza's own downloader into the models dir; report progress per file
    as progress(done, total, label). Already present files are kept (stanza checks their md5)."""
    directory = resolve_dir(models_dir)
    procs = normalise_processors(processors)
    if not stanza_available():
        raise StanzaNotInstalledError()
    from quote_desk.core.nlp import stanza_backend

    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelDownloadError(directory, f"cannot create the folder: {exc.strerror or exc}") from exc
    try:
        stanza_backend.download_models(directory, procs, progress=progress, resources_url=resources_url,
                                       model_url=model_url)
    except ModelError:
        if created and not any(directory.iterdir()):
            directory.rmdir()  # leave no empty folder behind a failed first install
        raise
    return check(directory, procs)


def remove(models_dir: str | os.PathLike[str] | None = None) -> bool:
    """Delete the installed models (resources.json and ar/); returns False when nothing was there.
    Other files in the folder are left alone, and the folder itself is removed only when it ends up empty."""
    directory = resolve_dir(models_dir)
    found = False
    for path in (directory / LANG, directory / "resources.json"):
        try:
            if path.is_dir():
                shutil.rmtree(path)
                found = True
            elif path.exists():
                path.unlink()
                found = True
        except OSError as exc:
            msg = f"could not remove {path}: {exc.strerror or exc}; close programs using it and retry"
            raise ModelError(msg) from exc
    try:
        directory.rmdir()
    except OSError:
        pass
    return found


# ---------------------------------------------------------------------------------------------------------
# choosing a backend with a visible fallback


@dataclass(frozen=True, slots=True)
class BackendChoice:
    backend: NlpBackend
    notice: str | None  # shown to the user when the requested backend could not be used


def select_backend(name: str = "rules", models_dir: str | os.PathLike[str] | None = None,
                   processors: str | Iterable[str] | None = None, device: str = "cpu",
                   threads: int | None = None) -> BackendChoice:
    """The backend to hand to the Extractor. Asking for "stanza" loads the models now; when that fails the
    rules-only backend is returned with a notice saying why and what to do (never an exception)."""
    from quote_desk.core.nlp.backend import RulesBackend

    key = (name or "rules").strip().lower()
    if key == "rules":
        return BackendChoice(RulesBackend(), None)
    if key != "stanza":
        return BackendChoice(RulesBackend(), f"unknown backend {name!r}; using rules-only (choose rules or stanza)")
    from quote_desk.core.nlp.stanza_backend import StanzaBackend

    try:
        return BackendChoice(StanzaBackend(models_dir, processors, device, threads).load(), None)
    except ModelError as exc:
        return BackendChoice(RulesBackend(), f"stanza backend unavailable, using rules-only: {exc}")
