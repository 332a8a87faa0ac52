"""Where specs come from: bundled ids, ``.ksy`` paths, user spec directories; compiled once.

``load_spec("dhcp")`` returns the root class of a bundled spec: the checked-in generated module
``pktscope.protocols.dhcp`` when present (``make protocols`` regenerates them), else the spec
``specs/dhcp.ksy`` compiled in memory with :func:`pktscope.compile.build.compile_spec`.
``load_spec("path/to/my.ksy")`` compiles that file (imports resolved beside it, then among the
bundled specs). Results are cached (a ``.ksy`` path by its modification time).

The bundled ``.ksy`` files live in ``specs/`` at the top of a source checkout; the package
reaches them as ``pktscope/specs`` (a symlink in the checkout, copied into wheels by the
``package-data`` rule ``specs/*.ksy``). Set ``PKTSCOPE_COMPILE_SPECS=1`` to ignore the
checked-in modules and compile every bundled spec from its ``.ksy`` (spec authors iterating).
"""

from __future__ import annotations

import importlib
import os
import re
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from pktscope.errors import PktscopeError, SpecError

__all__ = [
    "bundled_dir",
    "bundled_ids",
    "find_spec",
    "layer_name",
    "load_spec",
    "register_spec",
    "spec_for_linktype",
]

_PKG_DIR = Path(__file__).resolve().parents[1]
_LOCK = threading.RLock()
_BY_ID: dict[str, type] = {}
_BY_PATH: dict[tuple[str, float], type] = {}
_NAMES: dict[type, str] = {}
_LINKTYPES: dict[int, str] | None = None
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


def bundled_dir() -> Path | None:
    """The directory of the bundled ``.ksy`` specs (installed package or source checkout)."""
    for cand in (_PKG_DIR / "specs", _PKG_DIR.parent / "specs"):
        if (cand / "eth.ksy").is_file():
            return cand
    return None


def bundled_ids() -> list[str]:
    """Ids of the bundled specs, sorted."""
    d = bundled_dir()
    return sorted(p.stem for p in d.glob("*.ksy")) if d is not None else []


def _camel(spec_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in spec_id.split("_"))


def _root_class(module: Any, spec_id: str, where: str) -> type:
    # by the name asked for, then by the module's own name (a compiled module is named after
    # meta.id, which may differ from the file stem)
    for name in (spec_id, getattr(module, "__name__", "").rpartition(".")[2]):
        cls = getattr(module, _camel(name), None)
        if isinstance(cls, type) and hasattr(cls, "_PKT_FIELDS"):
            return cls
    # else the first top-level generated class (not the runtime's own `_Pkt*` helpers)
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and hasattr(value, "_PKT_FIELDS")
            and not value.__name__.startswith("_")
            and value.__qualname__ == value.__name__
            and value.__module__ == module.__name__
        ):
            return value
    raise PktscopeError(f"{where}: no root class {_camel(spec_id)} in the compiled module")


def load_spec(spec: str | os.PathLike[str] | type | ModuleType) -> type:
    """The compiled root class of a bundled spec id (``"dhcp"``) or of a ``.ksy`` path.

    A class is returned unchanged; a module (``compile_spec``'s result) gives its root class.
    Raises :class:`~pktscope.errors.SpecError` for a broken
    spec and :class:`~pktscope.errors.PktscopeError` for an unknown id.

    >>> load_spec("dhcp").__name__                                    # doctest: +SKIP
    'Dhcp'
    """
    if isinstance(spec, type):
        return spec
    if isinstance(spec, ModuleType):
        return _root_class(spec, spec.__name__, f"module {spec.__name__}")
    text = os.fspath(spec)
    if text.endswith(".ksy") or os.sep in text or "/" in text:
        return _load_path(Path(text))
    if not _ID.match(text):
        raise PktscopeError(f"bad spec name {text!r}: give a bundled id or a .ksy path")
    with _LOCK:
        cls = _BY_ID.get(text)
        if cls is None:
            cls = _BY_ID[text] = _load_bundled(text)
            _NAMES.setdefault(cls, text)
        return cls


def register_spec(spec_id: str, cls: type) -> None:
    """Make ``cls`` the spec named ``spec_id`` (for ``next`` tables and decode-as rules)."""
    with _LOCK:
        _BY_ID[spec_id] = cls
        _NAMES[cls] = spec_id


def _load_bundled(spec_id: str) -> type:
    if os.environ.get("PKTSCOPE_COMPILE_SPECS") != "1":
        modname = f"pktscope.protocols.{spec_id}"
        try:
            module = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name != modname:
                raise
        else:
            return _root_class(module, spec_id, modname)
    d = bundled_dir()
    path = d / f"{spec_id}.ksy" if d is not None else None
    if path is None or not path.is_file():
        known = ", ".join(bundled_ids()) or "none found"
        raise PktscopeError(f"unknown spec {spec_id!r} (bundled specs: {known})")
    return _compile(path, spec_id)


def _load_path(path: Path) -> type:
    try:
        resolved = path.resolve(strict=True)
        mtime = resolved.stat().st_mtime
    except OSError as exc:
        raise SpecError(f"cannot read spec: {exc.strerror or exc}", file=str(path)) from exc
    key = (str(resolved), mtime)
    with _LOCK:
        cls = _BY_PATH.get(key)
        if cls is None:
            cls = _BY_PATH[key] = _compile(resolved, resolved.stem)
            _NAMES.setdefault(cls, resolved.stem)
        return cls


def _compile(path: Path, spec_id: str) -> type:
    from pktscope.compile.build import compile_spec  # noqa: PLC0415 - only without protocols/

    dirs = [path.parent]
    bundled = bundled_dir()
    if bundled is not None and bundled.resolve() != path.parent.resolve():
        dirs.append(bundled)
    module = compile_spec(path, import_paths=tuple(dirs))
    return _root_class(module, spec_id, str(path))


def find_spec(name: str, spec_dirs: tuple[str | os.PathLike[str], ...] = ()) -> type:
    """A spec by name: ``<dir>/<name>.ksy`` in a user spec directory first, then bundled ids,
    then ``name`` as a path."""
    if not name.endswith(".ksy") and "/" not in name:
        for d in spec_dirs:
            cand = Path(d) / f"{name}.ksy"
            if cand.is_file():
                return _load_path(cand)
    return load_spec(name)


def layer_name(cls: type) -> str:
    """The layer name of a root class: its ``-pktscope-layer`` hint, the spec id it was loaded
    as, or its class name in snake case."""
    name = _NAMES.get(cls)
    if name is not None:
        return name
    hints = getattr(cls, "_PKT_HINTS", None)
    hinted = hints.get("layer") if isinstance(hints, dict) else None
    if isinstance(hinted, str):
        name = hinted
    else:
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()
    _NAMES[cls] = name
    return name


_LINKTYPE_LINE = re.compile(r"-pktscope-linktypes\s*:\s*\[([^\]]*)\]")


def _linktype_table() -> dict[int, str]:
    global _LINKTYPES  # noqa: PLW0603 - a process-wide cache filled once
    with _LOCK:
        if _LINKTYPES is not None:
            return _LINKTYPES
        table: dict[int, str] = {}
        d = bundled_dir()
        # Read the list from the .ksy text: cheaper than importing every spec to ask its hints.
        for path in sorted(d.glob("*.ksy")) if d is not None else []:
            try:
                m = _LINKTYPE_LINE.search(path.read_text(encoding="utf-8"))
            except OSError:
                continue
            if m is None:
                continue
            for item in m.group(1).split(","):
                item = item.strip()
                if item:
                    table.setdefault(int(item, 0), path.stem)
        _LINKTYPES = table
        return table


def spec_for_linktype(linktype: int) -> type | None:
    """The root class of the bundled spec decoding link type ``linktype``, or None."""
    spec_id = _linktype_table().get(linktype)
    return load_spec(spec_id) if spec_id is not None else None
