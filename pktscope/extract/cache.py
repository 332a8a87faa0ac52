"""Building an extractor once: the plan's code object cached on disk, keyed by what made it.

Loading the YAML specs and planning take ~0.2 s, more than extracting 100,000 frames should.
The compiled module (``marshal`` of its code object, plus the columns' rendering facts) is kept
under ``$PKTSCOPE_CACHE_DIR`` (default ``$XDG_CACHE_HOME/pktscope`` or ``~/.cache/pktscope``),
named by a hash of the requested paths, the bundled spec files' bytes, this package's source
and the Python version; any change makes a new entry. A cache that cannot be read or written
is simply not used.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pktscope.extract.runtime import namespace

__all__ = ["Extractor", "cache_dir", "load_extractor"]

_PKG = Path(__file__).resolve().parent
_SOURCES = ("cache.py", "exprs.py", "plan.py", "runtime.py", "walk.py")
_FORMAT = b"pktscope-extract 1\n"


@dataclass(frozen=True)
class Extractor:
    """``extract(buf, start, end, linktype) -> [values of column 0, ...]`` and the columns'
    ``(hint, size, enum labels)`` rendering facts."""

    extract: Callable[[Any, int, int, int], list[list[Any]]]
    facts: list[tuple[str | None, int | None, dict[int, str] | None]]
    source: str


def cache_dir() -> Path:
    env = os.environ.get("PKTSCOPE_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "pktscope"


def _spec_dir() -> Path | None:
    for cand in (_PKG.parent / "specs", _PKG.parents[1] / "specs"):
        if (cand / "eth.ksy").is_file():
            return cand
    return None


def _key(paths: Sequence[str], spec_dir: Path) -> str:
    h = hashlib.sha256(_FORMAT)
    h.update(sys.version.encode())
    h.update("\0".join(paths).encode())
    for path in sorted(spec_dir.glob("*.ksy")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in _SOURCES:
        h.update((_PKG / name).read_bytes())
    return h.hexdigest()[:32]


def load_extractor(
    paths: Sequence[str],
    *,
    use_cache: bool = True,
    before_build: Callable[[], object] | None = None,
) -> Extractor | None:
    """The extractor for ``paths`` (from the cache when there), or None when the plan
    cannot serve them (the full decode then runs for the whole capture).

    ``before_build`` runs before a plan is built (not on a cache hit): the caller's check of
    the paths, whose exception propagates and leaves nothing cached.
    """
    spec_dir = _spec_dir()
    if spec_dir is None:
        return None
    try:
        key = _key(paths, spec_dir)
    except OSError:
        return None
    entry = cache_dir() / f"extract-{key}.bin"
    if use_cache:
        try:
            data = entry.read_bytes()
        except OSError:
            data = b""
        if data.startswith(_FORMAT):
            try:
                code, facts, source = marshal.loads(data[len(_FORMAT) :])
                return _instantiate(code, facts, source)
            except Exception:  # a stale or damaged entry: rebuild it
                pass
    if before_build is not None:
        before_build()
    from pktscope.extract.plan import PlanError, build_source  # noqa: PLC0415 - cold path

    try:
        source, facts_objs = build_source(paths, spec_dir)
    except PlanError:
        return None
    facts = [(f.hint, f.size, dict(f.enum) if f.enum is not None else None) for f in facts_objs]
    code = compile(source, f"<pktscope extract {key}>", "exec")
    if use_cache:
        _store(entry, _FORMAT + marshal.dumps((code, facts, source)))
    return _instantiate(code, facts, source)


def _instantiate(code: Any, facts: Any, source: str) -> Extractor:
    ns = namespace()
    exec(code, ns)
    return Extractor(ns["extract"], list(facts), source)


def _store(entry: Path, data: bytes) -> None:
    import tempfile  # noqa: PLC0415 - only when a new entry is written

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".extract-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        Path(tmp).replace(entry)
    except OSError:
        pass
