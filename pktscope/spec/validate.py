"""Find every error in a ``.ksy`` spec before compiling it: ``check_spec(path_or_text)``.

This module loads the spec and everything it imports (each file once) and runs, per file:

1. *Shape* (:mod:`pktscope.spec.validate_shape`): the YAML as plain data. Unknown keys, bad and
   duplicate ids, out-of-range bytes, malformed ``repeat``/``switch``/``valid``/``enums``,
   ``meta`` fields; missing imports and duplicate YAML keys are found here.
2. *Meaning* (:mod:`pktscope.spec.validate_attrs`, typing by :mod:`pktscope.spec.validate_types`):
   the specs are built into :mod:`pktscope.spec.model` and every expression is parsed and
   type-checked (unknown fields, enums and types, ``expected boolean``, wrong method calls,
   parameter counts...). An error inside a declaration the shape pass already flagged is dropped
   as a consequence.

Errors are :class:`~pktscope.errors.SpecError` (:class:`~pktscope.errors.ExpressionError` for
expressions, pointing at the offending token) located ``file:line:col`` with the spec path
(``/seq/0/id``), sorted by line, main file first. Style advice the official compiler prints as
warnings (encoding names, ``len_``/``num_`` ids) only comes with ``warnings=True``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pktscope.errors import SpecError, SpecErrors
from pktscope.spec import cache
from pktscope.spec.load import (
    Loaded,
    build_loaded,
    compose_yaml,
    load_yaml,
    looks_like_path,
    read_spec_text,
)
from pktscope.spec.validate_attrs import check_semantics
from pktscope.spec.validate_report import Report, SpecWarning
from pktscope.spec.validate_shape import KS_VERSION, ShapeChecker
from pktscope.spec.validate_style import style_warnings

__all__ = ["KS_VERSION", "SpecWarning", "check_loaded", "check_spec", "validate_file"]

_KEY_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _key_text(node: yaml.Node) -> str:
    """A mapping key as :mod:`pktscope.spec.load` spells it in spec paths (``0x10`` -> ``16``)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        return str(node.value)
    try:
        key = _KEY_CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.YAMLError:
        return str(getattr(node, "value", ""))
    return str(tuple(key) if isinstance(key, list) else key)


def _one_line_start(node: yaml.Node) -> tuple[int, int] | None:
    """(line, col), 1-based, of the text of a scalar written on one line, after any quote."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, "", "'", '"'):
        return None
    start, end = node.start_mark, node.end_mark
    if start.line != end.line:
        return None
    return start.line + 1, start.column + 1 + (1 if node.style else 0)


def _scan_yaml(text: str, report: Report) -> None:
    """:func:`_scan_nodes` on a fresh composition of ``text`` (nothing if it is not YAML)."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return
    _scan_nodes(root, report)


def _scan_nodes(root: yaml.Node | None, report: Report) -> None:
    """A second look at the YAML nodes, before they are built into data (which flattens merge
    keys): equal keys, which YAML silently merges but the official compiler rejects, and where
    each one-line expression's text starts, so expression errors can point at the column of the
    offending token."""
    try:
        _scan_tree(root, report)
    finally:
        _KEY_CONSTRUCTOR.constructed_objects.clear()  # it would keep every key node alive


def _scan_tree(root: yaml.Node | None, report: Report) -> None:
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            in_cases = path.endswith("/cases")
            for key, value in node.value:
                sub = f"{path}/{_key_text(key)}"
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        err = SpecError(
                            f"found duplicate key {key.value}",
                            file=report.loaded.file,
                            line=key.start_mark.line + 1,
                            col=key.start_mark.column + 1,
                        )
                        report.errors.append(err)
                    seen.add(key.value)
                start = _one_line_start(key if in_cases else value)
                if start is not None:
                    report.expr_locs[sub] = start
                stack.append((value, sub))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                sub = f"{path}/{i}"
                start = _one_line_start(item)
                if start is not None:
                    report.expr_locs[sub] = start
                stack.append((item, sub))


def _find_import(name: str, base_dir: Path | None, import_paths: Sequence[Path]) -> Path | None:
    """``foo`` is looked up beside the importing spec, then in the import paths; ``/foo`` in
    the import paths, then beside the spec (the same order as ``compile_spec``)."""
    rel = name.lstrip("/") + ".ksy"
    here = [base_dir] if base_dir is not None else []
    dirs = [*import_paths, *here] if name.startswith("/") else [*here, *import_paths]
    for d in dirs:
        cand = d / rel
        if cand.is_file():
            return cand
    return None


@dataclass
class _Session:
    """One check_spec call: every spec file loaded once, keyed by resolved path."""

    import_paths: tuple[Path, ...]
    reports: dict[str, Report] = field(default_factory=dict)
    imports: dict[str, list[str]] = field(default_factory=dict)  # file key -> imported file keys

    def load(
        self,
        key: str,
        text: str,
        file: str | None,
        base_dir: Path | None,
        loaded: Loaded | None = None,
    ) -> None:
        if key in self.reports:
            return
        if loaded is not None:  # the caller's: checked, never cached (the caller may change it)
            report = Report(loaded)
            _scan_yaml(text, report)
            ShapeChecker(report).top(loaded.data)
        else:
            hit = cache.lookup(file, text)
            if hit is not None:
                report = Report(hit.loaded, [], dict(hit.expr_locs), entry=hit)
            else:
                made = _check_text(text, file) or self._load_alone(key, text, file)
                if made is None:
                    return
                report = made
                if not report.errors:
                    report.entry = cache.Clean(report.loaded, dict(report.expr_locs))
                    cache.remember(file, text, report.entry)
        self.reports[key] = report
        self._imports(key, report, base_dir)

    def _load_alone(self, key: str, text: str, file: str | None) -> Report | None:
        """The text did not load through :func:`_check_text`: load it on its own, scan a fresh
        composition and check the shape, or file the load error and return None."""
        try:
            loaded = load_yaml(text, file=file)
        except SpecError as exc:
            self.reports[key] = Report(Loaded(None, file), [exc])
            return None
        except RecursionError:  # a recursive YAML alias (`&a [*a]`) or absurd nesting
            err = SpecError("yaml nesting too deep (or a recursive alias)", file=file, line=1)
            self.reports[key] = Report(Loaded(None, file), [err])
            return None
        report = Report(loaded)
        _scan_yaml(text, report)
        ShapeChecker(report).top(loaded.data)
        return report

    def _imports(self, key: str, report: Report, base_dir: Path | None) -> None:
        loaded = report.loaded
        self.imports[key] = []
        meta = loaded.data.get("meta") if isinstance(loaded.data, dict) else None
        names = meta.get("imports") if isinstance(meta, dict) else None
        for i, name in enumerate(names if isinstance(names, list) else []):
            if not isinstance(name, str) or not name:
                continue
            found = _find_import(name, base_dir, self.import_paths)
            if found is None:
                where = (
                    "import search paths"
                    if name.startswith("/")
                    else "the spec's directory or import search paths"
                )
                searched = ", ".join(str(p) for p in self.import_paths) or "none"
                report.add(
                    f"unable to find '{name}.ksy' in {where} (import paths: {searched})",
                    f"/meta/imports/{i}",
                )
                continue
            sub = str(found.resolve())
            self.imports[key].append(sub)
            try:
                sub_text = read_spec_text(found)
            except SpecError as exc:
                report.add(f"cannot read import {str(found)!r}: {exc}", f"/meta/imports/{i}")
                continue
            self.load(sub, sub_text, str(found), found.parent)


def _check_text(text: str, file: str | None) -> Report | None:
    """Load ``text`` (composed once: the node scan, then the data) and check its shape; None
    when it does not load (:meth:`_Session._load_alone` then says why)."""
    try:
        root = compose_yaml(text, file=file)
    except (SpecError, RecursionError):
        return None
    scan = Report(Loaded(None, file))
    _scan_nodes(root, scan)
    try:
        loaded = build_loaded(root, file=file)
    except (SpecError, RecursionError):
        return None
    report = Report(loaded, [], scan.expr_locs)
    for err in scan.errors:
        report.errors.append(err)
    ShapeChecker(report).top(loaded.data)
    return report


def check_spec(
    path_or_text: str | Path,
    *,
    import_paths: Sequence[str | Path] = (),
    warnings: bool = False,
) -> list[SpecError]:
    """Every error in a spec (a ``.ksy`` path, or YAML text) and the specs it imports.

    Returns a list sorted by file and line, empty for a valid spec. With ``warnings=True`` style
    advice comes too, as :class:`SpecWarning` instances.

    >>> [e.spec_path for e in check_spec("meta: {id: x}\\nseq: [{id: BAD, type: u1}]")]
    ['/seq/0/id']
    """
    paths = tuple(Path(p) for p in import_paths)
    session = _Session(paths)
    if looks_like_path(path_or_text):
        path = Path(path_or_text)
        try:
            text = read_spec_text(path)
        except SpecError as exc:
            return [exc]
        key, file, base = str(path.resolve()), str(path), path.parent
    else:
        text, key, file, base = str(path_or_text), "<spec>", None, None
    session.load(key, text, file, base)
    return _finish(session, key, warnings)


def validate_file(path_or_text: str | Path, *, import_paths: Sequence[str | Path] = ()) -> None:
    """Raise :class:`~pktscope.errors.SpecErrors` holding every error of the spec, if any.

    The raising form of :func:`check_spec`, for callers that stop on a bad spec
    (``compile_spec``, ``pktscope check``).
    """
    errors = check_spec(path_or_text, import_paths=import_paths)
    if errors:
        raise SpecErrors(errors)


def check_loaded(
    loaded: Loaded, text: str, *, import_paths: Sequence[str | Path] = (), warnings: bool = False
) -> list[SpecError]:
    """Like :func:`check_spec` for a spec the caller has already loaded (no second YAML parse
    of the main file apart from the cheap duplicate-key scan)."""
    session = _Session(tuple(Path(p) for p in import_paths))
    file = loaded.file
    base = Path(file).parent if file else None
    key = str(Path(file).resolve()) if file else "<spec>"
    session.load(key, text, file, base, loaded)
    return _finish(session, key, warnings)


_OWNER_RE = re.compile(r"^(.*/(?:seq|params)/[0-9]+|.*/(?:instances|enums)/[^/]+|.*/meta)(?:/|$)")


def _owner(spec_path: str) -> str:
    """The declaration a path belongs to: ``/types/t/seq/1/if`` -> ``/types/t/seq/1``."""
    m = _OWNER_RE.match(spec_path)
    return m.group(1) if m else spec_path.rstrip("/")


def _under_flagged(err: SpecError, flagged: set[tuple[str | None, str]]) -> bool:
    path = err.spec_path
    return any(
        f == err.file and (path == owner or path.startswith(owner + "/") or not owner)
        for f, owner in flagged
    )


def _finish(session: _Session, main: str, warnings: bool) -> list[SpecError]:
    errors = [e for r in session.reports.values() for e in r.errors]
    # Meaning is checked even when the shape is not, so one run reports everything; a later
    # error at a path the shape pass already flagged is a consequence, not news.
    flagged = {(e.file, _owner(e.spec_path)) for e in errors}
    for found in check_semantics(session.reports, session.imports).values():
        errors.extend(e for e in found if not _under_flagged(e, flagged))
    if warnings:
        for report in session.reports.values():
            errors.extend(style_warnings(report.loaded))
    else:
        errors = [e for e in errors if not isinstance(e, SpecWarning)]
    main_file = session.reports[main].loaded.file
    return sorted(errors, key=lambda e: (e.file != main_file, e.file or "", e.line, e.col))
