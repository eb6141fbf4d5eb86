"""The stanza backend: the ONLY module that imports stanza, and only when a pipeline is loaded or models are
downloaded (never at import time).

The engine keeps its own paragraph/sentence segmentation and hands us sentence spans; each span goes to stanza
as one document with sentence splitting off (`tokenize_no_ssplit`), after removing tatweel and letter
elongation (قـــال, كبيييير). Every offset we return points into the ORIGINAL text:

- Word.start/end: the surface token the word belongs to. The parts of a clitic token (و+قال, ل+الصحفيين) share
  the token's span (also given as token_start/token_end); Word.text is the analysed word form (قال, الصحفيين),
  which may differ from original[start:end]. lemma has no diacritics; feats are (name, value) pairs;
  head indexes Analysis.words (-1 for a root); deprel is UD.
- Entity.start/end: the entity's span; Entity.text == original[start:end] always.

Pipelines are built once per process per (models dir, processors, device) and shared, behind a lock.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quote_desk.core.nlp import models
from quote_desk.core.nlp.backend import Analysis, Entity, Word
from quote_desk.core.normalize import DIACRITICS, TATWEEL

__all__ = ["AnalysisError", "StanzaBackend", "clean_for_stanza", "download_models", "forget_pipelines", "load_pipeline"]

_LOCK = threading.RLock()
_PIPELINES: dict[tuple[str, tuple[str, ...], str], Any] = {}
_NO_MARKS = {ord(c): None for c in DIACRITICS + TATWEEL}
ELONGATION_RUN = 3  # this many identical Arabic letters in a row are one letter drawn out (كبيييير)


class AnalysisError(models.ModelError):
    """stanza failed while analysing text (after the models loaded)."""


# ---------------------------------------------------------------------------------------------------------
# text preparation with an offset map


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def clean_for_stanza(text: str) -> tuple[str, list[int]]:
    """Remove tatweel and collapse elongated letters; return (clean, index map).

    index_map[i] is the original index of clean[i]; one extra entry (len(text)) maps an end offset.
    """
    kept: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        if ch == TATWEEL:
            continue
        kept.append(ch)
        idx.append(i)
    out: list[str] = []
    out_idx: list[int] = []
    j = 0
    n = len(kept)
    while j < n:
        ch = kept[j]
        k = j + 1
        while k < n and kept[k] == ch:
            k += 1
        if k - j >= ELONGATION_RUN and _is_arabic_letter(ch):
            out.append(ch)
            out_idx.append(idx[j])
        else:
            out.extend(kept[j:k])
            out_idx.extend(idx[j:k])
        j = k
    out_idx.append(len(text))
    return "".join(out), out_idx


def _strip_marks(s: str | None) -> str | None:
    return s.translate(_NO_MARKS) if s else s


def _feats(s: str | None) -> tuple[tuple[str, str], ...]:
    if not s or s == "_":
        return ()
    pairs = []
    for part in s.split("|"):
        k, _, v = part.partition("=")
        if k and v:
            pairs.append((k, v))
    return tuple(pairs)


# ---------------------------------------------------------------------------------------------------------
# loading


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise models.StanzaNotInstalledError() from exc
    except Exception as exc:  # a broken torch/stanza install (missing DLL, ABI mismatch) must not crash the app
        raise models.ModelError(
            f"stanza is installed but cannot be imported ({type(exc).__name__}: {exc}); reinstall it with "
            f"pip install --force-reinstall 'quote-desk[stanza]' (the rules-only engine works without it)"
        ) from exc
    return stanza


def _is_network_error(exc: BaseException) -> bool:
    """requests / urllib3 / huggingface_hub / httpx connection trouble (checked by module, no imports needed)."""
    for cls in type(exc).__mro__:
        root = cls.__module__.split(".")[0]
        if root in ("requests", "urllib3", "huggingface_hub", "httpx", "httpcore") or cls.__name__ in (
            "ConnectionError", "TimeoutError", "gaierror", "SSLError"
        ):
            return True
    return False


def translate_error(exc: BaseException, directory: Path) -> models.ModelError:
    """Map stanza's exceptions while building a pipeline (see docs in README) to messages that say what to do."""
    from pickle import UnpicklingError
    from zipfile import BadZipFile

    name = type(exc).__name__
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else name
    if name == "ResourcesFileNotFoundError":
        return models.ModelsNotInstalledError(directory, "resources.json is missing")
    if name == "LanguageNotDownloadedError":
        return models.ModelsNotInstalledError(directory, "the ar/ folder is missing")
    if name == "UnsupportedProcessorError":
        proc = getattr(exc, "processor", "?")
        return models.ModelConfigError(
            f"the Arabic models at {directory} have no {proc} model; leave {proc} out, or {models.INSTALL_HINT}"
        )
    if name == "PipelineRequirementsException":
        return models.ModelConfigError(f"the chosen stanza processors do not fit together ({msg[:200]}); "
                                       f"use the default set: {', '.join(models.DEFAULT_PROCESSORS)}")
    if _is_network_error(exc):
        return models.ModelDownloadError(directory, f"{name}: {msg[:160]}")
    if isinstance(exc, FileNotFoundError):
        return models.ModelsIncompleteError(directory, [str(exc.filename or msg)])
    if isinstance(exc, ValueError) and "No processors to load" in msg:
        return models.ModelsNotInstalledError(directory, "resources.json has no usable Arabic entry")
    if isinstance(exc, UnpicklingError | KeyError | AttributeError | EOFError | BadZipFile | RuntimeError
                  | ValueError | IndexError | TypeError):
        detail = "a model file cannot be loaded" if not isinstance(exc, KeyError) else "a model file is of the wrong kind"
        return models.ModelsCorruptError(directory, f"{detail}: {name}: {msg[:160]}")
    if isinstance(exc, OSError):
        return models.ModelsNotInstalledError(directory, f"the models cannot be read: {msg[:160]}")
    return models.ModelError(f"stanza could not load the Arabic models at {directory} ({name}: {msg[:160]}); "
                             f"{models.INSTALL_HINT}")


def default_threads() -> int:
    """Half the cores, at least one. torch's default (all cores) is slower as soon as anything else runs:
    measured on 2 busy cores, 1 thread analysed 9x faster than 2 (tiny models are bound by per-op overhead)."""
    return max(1, (os.cpu_count() or 2) // 2)


def load_pipeline(models_dir: str | Path | None = None, processors: Sequence[str] | str | None = None,
                  device: str = "cpu", check: bool = True, threads: int | None = None) -> Any:
    """Build (once per process) a stanza Pipeline on the installed layout, fully offline.

    `threads` sets torch's CPU threads for the process (default: default_threads()).
    `check=False` skips our own file checks (so stanza's own errors surface, translated); only tests use it.
    """
    directory = models.resolve_dir(models_dir)
    if check:
        procs = models.normalise_processors(processors)
    else:
        procs = tuple(processors.split(",")) if isinstance(processors, str) else tuple(processors or ())
    key = (str(directory.resolve()), procs, device)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is not None:
            return nlp
        if check:
            models.check(directory, procs)
        stanza = _import_stanza()
        try:
            import torch

            torch.set_num_threads(threads or default_threads())
            nlp = stanza.Pipeline(
                models.LANG, dir=str(directory), processors=",".join(procs), download_method=None,
                device=None if device == "auto" else device, tokenize_no_ssplit=True, logging_level="FATAL",
            )
        except Exception as exc:
            raise translate_error(exc, directory) from exc
        _PIPELINES[key] = nlp
        return nlp


def forget_pipelines() -> None:
    """Drop the loaded pipelines (after models were removed or replaced; tests use it to rebuild)."""
    with _LOCK:
        _PIPELINES.clear()


# ---------------------------------------------------------------------------------------------------------
# download (stanza's own downloader, one file at a time so that progress can be reported)


def download_models(directory: Path, processors: Sequence[str], progress: models.ProgressFn | None = None,
                    resources_url: str | None = None, model_url: str | None = None) -> list[tuple[str, str]]:
    stanza = _import_stanza()
    from stanza.resources import common as rc

    def fail(exc: BaseException, what: str) -> models.ModelDownloadError:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return models.ModelDownloadError(directory, f"{what}: {type(exc).__name__}: {text[:200]}")

    if progress:
        progress(0, 0, "resources.json")
    try:
        rc.download_resources_json(str(directory), resources_url=resources_url or rc.DEFAULT_RESOURCES_URL,
                                   resources_version=rc.DEFAULT_RESOURCES_VERSION)
        resources = rc.load_resources_json(str(directory))
    except Exception as exc:
        raise fail(exc, "the model list (resources.json) could not be fetched") from exc
    if models.LANG not in resources:
        raise models.ModelDownloadError(directory, f"stanza {stanza.__version__} lists no Arabic models")
    try:
        plist = rc.maintain_processor_list(resources, models.LANG, None, {p: "default" for p in processors})
        plist = rc.add_dependencies(resources, models.LANG, plist)
        todo = [(m, p) for m, p in rc.flatten_processor_list(plist)]
    except Exception as exc:
        raise fail(exc, "the model list does not describe the Arabic models") from exc
    for i, (model, package) in enumerate(todo):
        if progress:
            progress(i, len(todo), f"{model}/{package}.pt")
        try:
            rc.download_models([[model, package]], resources=resources, lang=models.LANG, model_dir=str(directory),
                               model_url=model_url or rc.DEFAULT_MODEL_URL, log_info=False)
        except Exception as exc:
            raise fail(exc, f"{model}/{package}.pt could not be downloaded") from exc
    if progress:
        progress(len(todo), len(todo), "done")
    return todo


# ---------------------------------------------------------------------------------------------------------
# the backend


@dataclass(frozen=True, slots=True)
class _Prepared:
    start: int
    end: int
    clean: str
    index: list[int]  # clean index -> ORIGINAL document index (absolute), with an end entry


class StanzaBackend:
    """NlpBackend on stanza: clitics (MWT), POS + features, lemmas, dependencies and NER for each sentence span."""

    name = "stanza"

    def __init__(self, models_dir: str | Path | None = None, processors: Sequence[str] | str | None = None,
                 device: str = "cpu", threads: int | None = None) -> None:
        self.models_dir = models.resolve_dir(models_dir)
        self.processors = models.normalise_processors(processors)
        self.device = device
        self.threads = threads
        self._nlp: Any = None

    def load(self) -> StanzaBackend:
        """Load the pipeline now (raises a clear ModelError); otherwise the first analyse() does it."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.models_dir, self.processors, self.device, threads=self.threads)
        return self

    def analyse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Analysis]:
        nlp = self.load()._nlp
        import stanza  # already imported by load(); cheap

        prepared: list[_Prepared] = []
        for s, e in spans:
            if not (0 <= s <= e <= len(text)):
                raise ValueError(f"span ({s}, {e}) is outside the text (length {len(text)})")
            clean, idx = clean_for_stanza(text[s:e])
            prepared.append(_Prepared(s, e, clean, [s + i for i in idx]))
        todo = [p for p in prepared if p.clean.strip()]
        try:
            with _LOCK:  # one shared pipeline per process: analyses from worker threads take turns
                docs = nlp.bulk_process([stanza.Document([], text=p.clean) for p in todo]) if todo else []
        except Exception as exc:
            raise AnalysisError(f"stanza failed while analysing the text ({type(exc).__name__}: {exc}); "
                                f"the rules-only backend still works") from exc
        by_id = {id(p): d for p, d in zip(todo, docs, strict=True)}
        out = []
        for p in prepared:
            doc = by_id.get(id(p))
            out.append(self._analysis(text, p, doc) if doc is not None else Analysis(start=p.start, end=p.end))
        return out

    @staticmethod
    def _analysis(text: str, p: _Prepared, doc: Any) -> Analysis:
        def span(cs: int, ce: int) -> tuple[int, int]:
            ce = max(ce, cs + 1)
            return p.index[cs], p.index[ce - 1] + 1

        words: list[Word] = []
        for sent in doc.sentences:
            base = len(words)
            for tok in sent.tokens:
                ts, te = span(tok.start_char, tok.end_char)
                for w in tok.words:
                    head = None if w.head is None else (-1 if w.head == 0 else base + w.head - 1)
                    words.append(Word(
                        start=ts, end=te, text=w.text, lemma=_strip_marks(w.lemma), upos=w.upos,
                        feats=_feats(w.feats), head=head, deprel=w.deprel, token_start=ts, token_end=te,
                    ))
        entities = []
        for ent in getattr(doc, "ents", ()):
            es, ee = span(ent.start_char, ent.end_char)
            entities.append(Entity(start=es, end=ee, text=text[es:ee], label=ent.type))
        return Analysis(start=p.start, end=p.end, words=tuple(words), entities=tuple(entities))
