"""Folding the plan's cached instances: each lookup becomes a plain local where it can.

The generated code computes a root-level instance lazily, ``(_m_x if _m_x is not _NO else
(_m_x := VALUE))``, so a value is computed once wherever it is first needed. Most uses come
after a point every path passes where the value is certainly computed already, and the first
use often comes where it is certainly not. :func:`fold_memos` follows each function's control
flow (a definite-assignment analysis over the module's syntax tree) and rewrites a lookup to
``_m_x`` where ``_m_x`` is certainly set, and to ``(_m_x := VALUE)`` where it is certainly
still ``_NO``; the others stay as they are. The result computes the same values in the same
order. A construct the analysis does not model (a ``for``, ``try``, comprehension...) leaves
the source unchanged.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

__all__ = ["fold_memos"]

_PREFIX = "_m_"


class _Unmodelled(Exception):
    """A construct the analysis does not follow: keep the source as it is."""


@dataclass(frozen=True)
class _State:
    """Memo locals certainly set (``known``) and certainly ``_NO`` (``unset``) at a point."""

    known: frozenset[str]
    unset: frozenset[str]


_Flow = _State | None  # None: the point cannot be reached


def fold_memos(source: str) -> str:
    """``source`` with its memo lookups folded (unchanged when it uses unmodelled code)."""
    tree = ast.parse(source)
    try:
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                _block(node.body, _State(frozenset(), frozenset()))
    except _Unmodelled:
        return source
    lazy = {found[0] for n in ast.walk(tree) if (found := _memo(n)) is not None}  # type: ignore[arg-type]
    _drop_resets(tree, lazy)
    return ast.unparse(tree) + "\n"


def _drop_resets(node: ast.AST, lazy: set[str]) -> None:
    """Remove ``_m_x = _NO`` where no lazy lookup of ``_m_x`` is left: every read of it then
    comes where it is certainly assigned (or cannot run), so the reset is never seen."""
    for fld in ("body", "orelse"):
        stmts = getattr(node, fld, None)
        if not isinstance(stmts, list) or not stmts:
            continue
        kept = [s for s in stmts if not _dead_reset(s, lazy)]
        for s in kept:
            _drop_resets(s, lazy)
        stmts[:] = kept or [ast.Pass()]


def _dead_reset(stmt: ast.stmt, lazy: set[str]) -> bool:
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
        return False
    target, value = stmt.targets[0], stmt.value
    return (
        isinstance(target, ast.Name)
        and target.id.startswith(_PREFIX)
        and target.id not in lazy
        and isinstance(value, ast.Name)
        and value.id == "_NO"
    )


def _memo(node: ast.expr) -> tuple[str, ast.NamedExpr] | None:
    """``(x, (x := VALUE))`` when ``node`` is ``(x if x is not _NO else (x := VALUE))``."""
    if not isinstance(node, ast.IfExp):
        return None
    test, body, orelse = node.test, node.body, node.orelse
    if not (isinstance(body, ast.Name) and body.id.startswith(_PREFIX)):
        return None
    name = body.id
    if not (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == name
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.IsNot)
        and isinstance(test.comparators[0], ast.Name)
        and test.comparators[0].id == "_NO"
    ):
        return None
    if isinstance(orelse, ast.NamedExpr) and orelse.target.id == name:
        return name, orelse
    return None


def _touched(node: ast.AST) -> set[str]:
    """Memo locals ``node`` mentions anywhere (read or written)."""
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id.startswith(_PREFIX)}


def _assigned(nodes: list[ast.stmt]) -> set[str]:
    """Memo locals assigned by statements (or walrus) anywhere in ``nodes``."""
    out: set[str] = set()
    for stmt in nodes:
        for n in ast.walk(stmt):
            targets: list[ast.expr] = []
            if isinstance(n, ast.Assign):
                targets = n.targets
            elif isinstance(n, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr)):
                targets = [n.target]
            for t in targets:
                out |= _touched(t)
    return out


def _merge(a: _Flow, b: _Flow) -> _Flow:
    if a is None:
        return b
    if b is None:
        return a
    return _State(a.known & b.known, a.unset & b.unset)


_ORDERED = (
    ast.BinOp,
    ast.UnaryOp,
    ast.Call,
    ast.Subscript,
    ast.Slice,
    ast.Tuple,
    ast.List,
    ast.Attribute,
    ast.Starred,
    ast.JoinedStr,
    ast.FormattedValue,
    ast.keyword,
)
_LEAVES = (ast.Name, ast.Constant)
_UNMODELLED = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _expr(node: ast.expr, st: _State) -> tuple[ast.expr, _State]:
    """``node`` rewritten for entry state ``st``, and the state after evaluating it."""
    found = _memo(node)
    if found is not None:
        name, store = found
        if name in st.known:
            return ast.Name(name, ast.Load()), st
        value, after = _expr(store.value, st)
        store.value = value
        if name in st.unset:  # certainly computed here
            return store, _State(after.known | {name}, after.unset - {name})
        assert isinstance(node, ast.IfExp)
        # computed or not: set afterwards; VALUE's own effects are not certain
        return node, _State(st.known | {name}, after.unset - {name})
    if isinstance(node, _LEAVES):
        return node, st
    if isinstance(node, _UNMODELLED):
        raise _Unmodelled(type(node).__name__)
    if isinstance(node, ast.BoolOp):
        return node, _chain(node.values, st)
    if isinstance(node, ast.Compare):
        node.left, st = _expr(node.left, st)
        first, after = _expr(node.comparators[0], st)
        node.comparators[0] = first
        return node, _chain(node.comparators, after, skip=1)
    if isinstance(node, ast.IfExp):
        node.test, st = _expr(node.test, st)
        node.body, yes = _expr(node.body, st)
        node.orelse, no = _expr(node.orelse, st)
        merged = _merge(yes, no)
        assert merged is not None
        return node, merged
    if isinstance(node, ast.NamedExpr):
        node.value, st = _expr(node.value, st)
        gone = {node.target.id}
        return node, _State(st.known - gone, st.unset - gone)
    if isinstance(node, _ORDERED):
        return node, _children(node, st)
    raise _Unmodelled(type(node).__name__)


def _chain(values: list[ast.expr], st: _State, skip: int = 0) -> _State:
    """Operands after the first ``skip`` evaluated only while the previous ones allow: each
    sees what those set, and what they set is not certain afterwards."""
    if skip == 0:
        values[0], st = _expr(values[0], st)
        skip = 1
    known = st.known
    for i in range(skip, len(values)):
        values[i], st = _expr(values[i], st)
    return _State(known, st.unset)


def _children(node: ast.AST, st: _State) -> _State:
    """Every child expression of ``node``, evaluated in field order."""
    for fld, value in ast.iter_fields(node):
        if isinstance(value, ast.expr):
            new, st = _expr(value, st)
            setattr(node, fld, new)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ast.expr):
                    value[i], st = _expr(item, st)
                elif isinstance(item, ast.keyword):
                    st = _children(item, st)
                elif item is not None and not isinstance(item, str):
                    raise _Unmodelled(type(item).__name__)
    return st


def _block(stmts: list[ast.stmt], st: _Flow) -> _Flow:
    for stmt in stmts:
        if st is None:
            return None  # the rest cannot run: left as it is
        st = _stmt(stmt, st)
    return st


def _stmt(stmt: ast.stmt, st: _State) -> _Flow:
    if isinstance(stmt, ast.Expr):
        stmt.value, st = _expr(stmt.value, st)
        return st
    if isinstance(stmt, ast.Assign):
        stmt.value, st = _expr(stmt.value, st)
        reset = isinstance(stmt.value, ast.Name) and stmt.value.id == "_NO"
        for target in stmt.targets:
            st = _target(target, st, reset)
        return st
    if isinstance(stmt, ast.AugAssign):
        stmt.value, st = _expr(stmt.value, st)
        return _target(stmt.target, st, reset=False)
    if isinstance(stmt, (ast.Return, ast.Raise)):
        for fld in ("value", "exc", "cause"):
            value = getattr(stmt, fld, None)
            if value is not None:
                new, st = _expr(value, st)
                setattr(stmt, fld, new)
        return None
    if isinstance(stmt, (ast.Break, ast.Continue)):
        return None
    if isinstance(stmt, ast.Pass):
        return st
    if isinstance(stmt, ast.If):
        stmt.test, st = _expr(stmt.test, st)
        return _merge(_block(stmt.body, st), _block(stmt.orelse, st))
    if isinstance(stmt, ast.While) and not stmt.orelse:
        changed = _assigned(stmt.body) | _assigned([ast.Expr(stmt.test)])
        touched = set().union(*(_touched(s) for s in stmt.body), _touched(stmt.test))
        head = _State(st.known - changed, st.unset - touched)
        stmt.test, head = _expr(stmt.test, head)
        _block(stmt.body, head)
        return _State(head.known - changed, head.unset)
    raise _Unmodelled(type(stmt).__name__)


def _target(target: ast.expr, st: _State, reset: bool) -> _State:
    """The state after assigning to ``target`` (``reset``: the value is ``_NO``)."""
    if isinstance(target, ast.Name):
        if not target.id.startswith(_PREFIX):
            return st
        gone = {target.id}
        unset = st.unset | gone if reset else st.unset - gone
        return _State(st.known - gone, unset)
    if isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            st = _target(elt, st, reset=False)
        return st
    if isinstance(target, (ast.Subscript, ast.Attribute)):
        return _children(target, st)
    raise _Unmodelled(type(target).__name__)
