"""Spec files loaded and shape-checked once per process, shared by validation and compilation.

Compiling a spec validates it (loading it and, transitively, its imports) and then loads the same
files again to build the models the code generator reads; compiling many specs loads every shared
import once per importer. A :class:`Clean` entry keeps what is a pure function of one file's text:
its :class:`~pktscope.spec.load.Loaded` data and locations, where each one-line expression starts,
and the model validation checks. Only files whose YAML and shape passes found nothing are kept:
a file with any error or warning is always checked from scratch, so every message is made anew.

Entries are keyed by the file name as given (messages print it) and the whole text, which the
caller reads each time: an edited file can never be served stale, whatever its mtime says.
Nothing here is mutated after it is stored: consumers only read ``Loaded`` and ``expr_locs``
(sessions copy the latter), and neither validation nor the code generator writes to a model
(the generator keeps the names it gives unnamed fields to itself), so one model per file serves
every check and every compile.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from pktscope.spec.load import Loaded, load_yaml, read_spec_text
from pktscope.spec.model import Spec, build_spec
from pktscope.spec.types import Universe

__all__ = ["MAX_FILES", "Clean", "clear", "lookup", "remember", "spec_file", "spec_text"]

#: the most files kept (least recently used first out)
MAX_FILES = 256


@dataclass
class Clean:
    """One spec file's text with no YAML or shape error."""

    loaded: Loaded
    expr_locs: dict[str, tuple[int, int]]
    _model: Spec | None = field(default=None, repr=False)
    #: every spec (id, model, imported ids) of a universe in which :meth:`model` was checked
    #: with no error and no name looked up in vain; see :meth:`clean_in`
    _clean_among: tuple[tuple[str, Spec, tuple[str, ...]], ...] | None = field(
        default=None, repr=False
    )

    def model(self) -> Spec:
        """The model validation checks, built on first use (and never mutated by it)."""
        if self._model is None:
            self._model = build_spec(self.loaded)
        return self._model

    def checked_clean(self, universe: Universe) -> None:
        """Note that :meth:`model` checked clean, every name it looked up found, in
        ``universe``."""
        self._clean_among = tuple(
            (sid, spec, tuple(universe.imports.get(sid, ())))
            for sid, spec in universe.specs.items()
        )

    def clean_in(self, universe: Universe) -> bool:
        """True when ``universe`` holds every spec of a universe :meth:`model` checked clean in,
        as the same objects importing the same ids. Checking it again would then find the
        same nothing: each name lookup takes the same steps through the same objects (none
        failed, so none can now find something new), and ``_parent`` types come from the
        spec's own types only."""
        among = self._clean_among
        if among is None:
            return False
        specs, imports = universe.specs, universe.imports
        return all(
            specs.get(sid) is spec and tuple(imports.get(sid, ())) == imps
            for sid, spec, imps in among
        )


_CACHE: OrderedDict[tuple[str | None, str], Clean] = OrderedDict()


_LOCK = threading.Lock()  # compile_spec may run in several threads (the TUI's workers)


def lookup(file: str | None, text: str) -> Clean | None:
    with _LOCK:
        hit = _CACHE.get((file, text))
        if hit is not None:
            _CACHE.move_to_end((file, text))
        return hit


def remember(file: str | None, text: str, entry: Clean) -> None:
    with _LOCK:
        _CACHE[(file, text)] = entry
        _CACHE.move_to_end((file, text))
        while len(_CACHE) > MAX_FILES:
            _CACHE.popitem(last=False)


def clear() -> None:
    with _LOCK:
        _CACHE.clear()


def spec_file(path: str | Path) -> Spec:
    """The model of the spec file at ``path``: the cached one when its current text was
    checked clean before (models are read-only to the compiler too), else a new one."""
    return spec_text(read_spec_text(path), str(path))


def spec_text(text: str, file: str | None = None) -> Spec:
    """The model of spec ``text`` (read from ``file``), from the cache when checked clean."""
    hit = lookup(file, text)
    return hit.model() if hit is not None else build_spec(load_yaml(text, file=file))
