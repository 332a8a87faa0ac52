"""Compile ``.ksy`` specs: in memory (:func:`compile_spec`) or to files (:func:`compile_to_dir`).

Both load the spec and, transitively, its ``meta/imports`` (relative to the importing file, or
absolute like ``/network/ipv4_packet`` searched in ``import_paths``), tolerate import cycles,
generate one module per spec with :mod:`pktscope.compile.python` and then either ``exec`` them
(sources registered with :mod:`linecache`, so tracebacks show generated lines; imported modules
injected into each other's globals) or write them (``import x`` / ``from pkg import x``, then
``ruff format``).
"""

from __future__ import annotations

import contextlib
import itertools
import subprocess
import sys
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pktscope.compile.codecache import compile_source
from pktscope.compile.gencache import generate
from pktscope.compile.python import GeneratedModule, ModuleGen
from pktscope.compile.runtime import RUNTIME_MODULE, runtime_code, runtime_file
from pktscope.compile.translate import Ctx
from pktscope.spec.cache import spec_file, spec_text
from pktscope.spec.load import looks_like_path
from pktscope.spec.model import Spec
from pktscope.spec.types import Universe
from pktscope.spec.validate import validate_file

__all__ = ["Compilation", "compile_spec", "compile_to_dir", "load_universe", "module_context"]


@dataclass
class Compilation:
    uni: Universe
    main: list[Spec]
    files: dict[str, Path | None] = field(default_factory=dict)  # spec id -> file


def load_universe(
    sources: Iterable[str | Path], import_paths: Sequence[str | Path] = ()
) -> Compilation:
    """Load specs and everything they import (by meta id); cycles are fine."""
    uni = Universe()
    comp = Compilation(uni, [])
    paths = [Path(p) for p in import_paths]
    seen: dict[str, str] = {}  # resolved file -> spec id

    def load(spec: Spec, file: Path | None) -> Spec:
        if file is not None:
            seen[str(file.resolve())] = spec.id
        if spec.id in uni.specs:
            return uni.specs[spec.id]
        uni.add(spec, [])
        comp.files[spec.id] = file
        ids: list[str] = []
        for i, imp in enumerate(spec.root.meta.imports):
            target = _find_import(imp, file, paths)
            if target is None:
                raise spec.loaded.error(f"cannot find import {imp!r}", f"/meta/imports/{i}")
            key = str(target.resolve())
            if key in seen:
                ids.append(seen[key])
                continue
            ids.append(load(spec_file(target), target).id)
        uni.imports[spec.id] = ids
        return spec

    for src in sources:
        if looks_like_path(src):
            p = Path(src)
            spec = load(spec_file(p), p)
        else:
            spec = load(spec_text(str(src)), None)
        comp.main.append(spec)
    return comp


def _find_import(imp: str, file: Path | None, paths: list[Path]) -> Path | None:
    rel = imp.lstrip("/") + ".ksy"
    cands: list[Path] = []
    if not imp.startswith("/") and file is not None:
        cands.append(file.parent / rel)
    cands.extend(p / rel for p in paths)
    if file is not None and imp.startswith("/"):
        cands.append(file.parent / rel)
    for c in cands:
        if c.is_file():
            return c
    return None


def _generate(
    comp: Compilation, import_paths: Sequence[str | Path], allow_process_modules: bool
) -> dict[str, GeneratedModule]:
    out: dict[str, GeneratedModule] = {}
    gens: dict[str, ModuleGen] = {}
    pending = list(comp.uni.specs)
    while pending:
        sid = pending.pop(0)
        if sid in out:
            continue
        spec = comp.uni.specs[sid]
        gen = generate(comp.uni, spec, allow_process_modules=allow_process_modules)
        mod = gen.mod
        out[sid] = mod
        gens[sid] = gen
        for name in mod.opaque:
            if name in comp.uni.specs:
                mod.imports.append(name)
                continue
            file = comp.files.get(sid)
            target = _find_import(name, file, [Path(p) for p in import_paths])
            if target is None:
                raise spec.loaded.error(f"unknown type {name!r}", "")
            sub = load_universe([target], import_paths)
            for k, s in sub.uni.specs.items():
                if k not in comp.uni.specs:
                    comp.uni.add(s, sub.uni.imports.get(k, []))
                    comp.files[k] = sub.files.get(k)
                    pending.append(k)
            mod.imports.append(name)
    for sid, mod in out.items():
        mod.generator = gens[sid]
    return out


def module_context(mod: types.ModuleType, self_expr: str = "self") -> Ctx:
    """An expression-translation context for the root type of a ``compile_spec`` module
    (used to evaluate Kaitai expressions against parsed objects, e.g. by the KST runner)."""
    gen = mod.__dict__["_pkt_generator"]
    return Ctx(gen.uni, gen.spec.root, gen.cls_ref, gen.enum_ref, self_expr=self_expr)


_counter = itertools.count(1)


def compile_spec(
    path_or_text: str | Path,
    *,
    import_paths: Sequence[str | Path] = (),
    allow_process_modules: bool = False,
) -> types.ModuleType:
    """Compile a spec (a path or YAML text) into an in-memory module.

    >>> mod = compile_spec("meta: {id: tiny}\\nseq: [{id: a, type: u1}]")
    >>> mod.Tiny.from_bytes(b"\\x07").a
    7
    """
    extra = list(import_paths)
    if looks_like_path(path_or_text):
        extra.append(Path(path_or_text).parent)
    # Every spec error at once, located file:line:col, before the backend sees the spec.
    validate_file(path_or_text, import_paths=extra)
    comp = load_universe([path_or_text], extra)
    gens = _generate(comp, extra, allow_process_modules)
    modules: dict[str, types.ModuleType] = {}
    for sid in gens:
        modules[sid] = types.ModuleType(sid)
    for sid, gen in gens.items():
        source = gen.source([], runtime=False)
        code, filename = compile_source(source, f"<pktscope:{sid}:{next(_counter)}>")
        mod = modules[sid]
        mod.__file__ = filename
        for dep in gen.imports:
            if dep in modules:
                mod.__dict__[dep] = modules[dep]
        mod.__dict__["_pkt_generator"] = gen.generator
        mod.__dict__["_pkt_modules"] = modules
        exec(runtime_code(), mod.__dict__)  # type: ignore[arg-type]
        exec(code, mod.__dict__)
    return modules[comp.main[0].id]


def compile_to_dir(
    paths: Iterable[str | Path],
    outdir: str | Path,
    *,
    python_package: str | None = None,
    import_paths: Sequence[str | Path] = (),
    allow_process_modules: bool = False,
    format_code: bool = True,
) -> list[Path]:
    """Write one ``<id>.py`` per spec (and per imported spec) into ``outdir``."""
    paths = list(paths)
    for path in paths:
        validate_file(path, import_paths=[*import_paths, Path(path).parent])
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    comp = load_universe(paths, import_paths)
    gens = _generate(comp, import_paths, allow_process_modules)
    runtime_from = f"{python_package}.{RUNTIME_MODULE}" if python_package else RUNTIME_MODULE
    runtime_path = out / f"{RUNTIME_MODULE}.py"
    runtime_path.write_text(runtime_file(), encoding="utf-8")
    written: list[Path] = [runtime_path]
    for sid, gen in gens.items():
        lines = []
        for dep in dict.fromkeys(gen.imports):
            if python_package:
                lines.append(f"from {python_package} import {dep}")
            else:
                lines.append(f"import {dep}")
        target = out / f"{sid}.py"
        target.write_text(gen.source(lines, runtime_from=runtime_from), encoding="utf-8")
        written.append(target)
    if format_code and written:
        _ruff_format(written)
    return written


def _ruff_format(files: list[Path]) -> None:
    ruff = Path(sys.executable).parent / "ruff"
    cmd = [
        str(ruff) if ruff.exists() else "ruff",
        "format",
        "--quiet",
        "--no-cache",
        "--isolated",
        "--line-length",
        "100",
        *map(str, files),
    ]
    # formatting is cosmetic; unformatted code is still valid
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(cmd, check=False, capture_output=True, timeout=120)
