"""The Kaitai must-fail suite: every spec in ``formats_err`` is rejected with a located error whose
file and spec path match the one in its leading ``#`` comment (warnings included, as the official
compiler prints them). Specs without a header are import helpers and must be clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pktscope.errors import ExpressionError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.validate import SpecWarning, check_spec

HERE = Path(__file__).resolve().parent
FORMATS_ERR = HERE.parents[1].parent / "shared" / "kaitai" / "tests" / "formats_err"
ALLOWLIST = {
    line.split()[0]: line.split(None, 1)[1]
    for line in (HERE / "formats_err_allowlist.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
SPECS = sorted(FORMATS_ERR.glob("*.ksy"))

_HEAD_RE = re.compile(r"#\s*(\S+\.ksy):(?:(\d+):(\d+):)?\s*(/\S*?)?:?\s*$")


def expected_errors(path: Path) -> list[tuple[str, str, str]]:
    """(file name, kind, where) from the header; ``where`` is a spec path or ``line:col``."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    out = []
    for i, line in enumerate(lines):
        m = _HEAD_RE.match(line)
        if m is None:
            continue
        detail = lines[i + 1].lstrip("#").strip() if i + 1 < len(lines) else ""
        kind = "warning" if detail.startswith("warning") else "error"
        where = f"{m.group(2)}:{m.group(3)}" if m.group(2) else _kaitai_path(m.group(4) or "/")
        out.append((m.group(1), kind, where))
    return out


def _kaitai_path(path: str) -> str:
    """The official compiler names switch cases by their AST (``IntNum(42)``); we by their key."""
    parts = []
    for part in path.split("/"):
        m = re.fullmatch(r"(?:Name\(identifier\((.*)\)\)|IntNum\((.*)\)|Bool\((.*)\))", part)
        if m:
            part = next(g for g in m.groups() if g is not None)
        m = re.fullmatch(r"Str\((.*)\)", part)
        if m:
            part = "STR:" + m.group(1)
        parts.append(part)
    return "/".join(parts) or "/"


def _our_path(path: str) -> str:
    parts = []
    for part in path.split("/"):
        try:
            node = parse_expr(part) if part else None
        except ExpressionError:
            node = None
        if isinstance(node, A.StrLit):
            part = "STR:" + node.value
        elif isinstance(node, A.BoolLit) or part in ("True", "False"):
            part = part.lower()
        parts.append(part)
    return "/".join(parts)


def test_suite_is_there() -> None:
    assert len(SPECS) == 156


def test_allowlist_is_small_and_current() -> None:
    assert len(ALLOWLIST) <= 6
    names = {p.name for p in SPECS}
    assert set(ALLOWLIST) <= names


@pytest.mark.parametrize("spec", SPECS, ids=[p.name for p in SPECS])
def test_formats_err(spec: Path) -> None:
    if spec.name in ALLOWLIST:
        pytest.skip(ALLOWLIST[spec.name])
    expected = expected_errors(spec)
    found = check_spec(spec, import_paths=[FORMATS_ERR], warnings=True)
    if not expected:  # an import helper, valid on its own
        assert found == []
        return
    got = set()
    for err in found:
        assert err.line > 0, str(err)
        assert err.col > 0, str(err)
        kind = "warning" if isinstance(err, SpecWarning) else "error"
        name = Path(err.file or "").name
        got.add((name, kind, _our_path(err.spec_path)))
        got.add((name, kind, f"{err.line}:{err.col}"))
    missing = [e for e in expected if e not in got]
    assert not missing, "\n".join(str(e) for e in found)


@pytest.mark.parametrize(
    "spec",
    [p for p in SPECS if any(k == "error" for _, k, _ in expected_errors(p))],
    ids=lambda p: p.name,
)
def test_formats_err_fail_without_warnings(spec: Path) -> None:
    """What compile_spec sees (no warnings): every spec with an expected error still fails."""
    if spec.name in ALLOWLIST:
        pytest.skip(ALLOWLIST[spec.name])
    assert check_spec(spec, import_paths=[FORMATS_ERR])


def test_sizeof_of_dynamic_array() -> None:
    """The one spec whose header records no error: we reject ``body._sizeof`` of a repeat-expr
    array with a dynamic count (the official compiler crashes on it)."""
    found = check_spec(FORMATS_ERR / "expr_sizeof_value_dynamic3.ksy")
    assert [(e.spec_path, e.message) for e in found] == [
        ("/instances/body_sizeof/value", "unable to derive sizeof of `body`: dynamic sized type")
    ]
