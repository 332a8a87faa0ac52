"""Building an extractor once: the plan's code object cached on disk, keyed by what made it.

Loading the YAML specs and planning take ~0.2 s, more than extracting 100,000 frames should.
The compiled module (``marshal`` of its code object, plus the columns' rendering facts) is kept
under ``$PKTSCOPE_CACHE_DIR`` (default ``$XDG_CACHE_HOME/pktscope`` or ``~/.cache/pktscope``),
named by a hash of the requested paths, the bundled spec files' and this package's sources
(name, size, modification time) and the Python version; any change makes a new entry, and an
entry is used only when its stored key equals the whole current key. A cache that cannot be
read or written is simply not used.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pktscope.extract.runtime import namespace

__all__ = ["Extractor", "cache_dir", "load_extractor"]

_PKG = Path(__file__).resolve().parent
_SOURCES = ("cache.py", "exprs.py", "memo.py", "plan.py", "runtime.py", "walk.py")
_FORMAT = b"pktscope-extract 1\n"


class Extractor:
    """``extract(buf, start, end, linktype) -> [values of column 0, ...]`` and the columns'
    ``(hint, size, enum labels)`` rendering facts."""

    __slots__ = ("extract", "facts", "first", "source")

    def __init__(
        self,
        extract: Callable[[Any, int, int, int], list[list[Any]]],
        facts: list[tuple[str | None, int | None, dict[int, str] | None]],
        source: str,
        first: dict[int, Callable[..., None]] | None = None,
    ) -> None:
        self.extract = extract
        self.facts = facts
        self.source = source
        self.first = first or {}
        """Link type → its first layer's function ``(buf, start, end, cols, 1)``, which
        appends to ``cols`` (what ``extract`` calls)."""


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


def _key(paths: Sequence[str], spec_dir: Path) -> bytes:
    """What the plan depends on: paths, Python, and each spec and source file's name, size and
    modification time (as ``.pyc`` files are checked). Stored in the entry and compared whole."""
    parts = [sys.version, "\0".join(paths)]
    files = [*sorted(spec_dir.glob("*.ksy")), *(_PKG / name for name in _SOURCES)]
    for path in files:
        st = path.stat()
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


def _name(key: bytes) -> str:
    return f"extract-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.bin"


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
    entry = cache_dir() / _name(key)
    if use_cache:
        try:
            data = entry.read_bytes()
        except OSError:
            data = b""
        if data.startswith(_FORMAT):
            try:
                stored, code, facts, source = marshal.loads(data[len(_FORMAT) :])
                if stored == key:  # the name is a short hash: the whole key must match
                    return _instantiate(code, facts, source)
            except Exception:  # a damaged entry: rebuild it
                pass
    if before_build is not None:
        before_build()
    from pktscope.extract.plan import PlanError, build_source  # noqa: PLC0415 - cold path

    try:
        source, facts_objs = build_source(paths, spec_dir)
    except PlanError:
        return None
    facts = [(f.hint, f.size, dict(f.enum) if f.enum is not None else None) for f in facts_objs]
    code = compile(source, f"<pktscope extract {entry.stem}>", "exec")
    if use_cache:
        _store(entry, _FORMAT + marshal.dumps((key, code, facts, source)))
    return _instantiate(code, facts, source)


def _instantiate(code: Any, facts: Any, source: str) -> Extractor:
    ns = namespace()
    exec(code, ns)
    return Extractor(ns["extract"], list(facts), source, dict(ns["_FIRST"]))


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
