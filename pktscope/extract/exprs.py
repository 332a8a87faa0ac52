"""Spec expressions → Python source for an extractor, from the expression AST only.

The extractor keeps no objects: a seq field already walked is a Python local, ``_io.size`` and
``_io.eof`` are arithmetic on the walk's bounds, a value instance is its expression inlined.
What this cannot express (a parameter, ``_parent``, an attribute of an array or of a
sub-structure, a method call, float or string arithmetic) becomes ``_fb()``, which raises the
extractor's fallback exception *when evaluated*: ``a ? b : <unsupported>`` still extracts
while ``a`` holds, so the rare case alone goes to the full decode. Identifiers are checked
(:func:`pktscope.compile.translate.pyname`), literals emitted as ``repr`` of ints/bools.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pktscope.compile.translate import pyname
from pktscope.errors import PktscopeError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, TypeDef
from pktscope.spec.types import PRIM_RE, Universe

__all__ = ["FALLBACK", "Scope", "Unsupported", "expr_source", "translate_text"]

FALLBACK = "_fb()"
_MAX_INLINE = 12  # nesting of inlined instances (a cycle stops here)
_SAME = ("+", "-", "*", "%", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=")


class Unsupported(Exception):
    """An expression (or a part of one) the extractor cannot evaluate."""


@dataclass
class Scope:
    """What names mean where an expression is evaluated (one walk of one type).

    ``names`` maps a walked seq field id to the local holding its value; ``demand`` collects the
    ids an expression used (the walker reads only those); ``pos`` is the current position (for
    ``_io.eof``/``_io.pos``; None inside an instance, where the stream position is unknown);
    ``elem`` is the scope of ``_`` (the element just read), ``index`` the local of ``_index``.
    """

    uni: Universe
    typedef: TypeDef
    start: str
    end: str
    names: dict[str, str] = field(default_factory=dict)
    demand: set[str] = field(default_factory=set)
    pos: str | None = None
    elem: Scope | None = None
    index: str | None = None
    depth: int = 0
    memo: dict[str, str] | None = None
    """Root-level instances: name → local caching its value (``_NO`` until first use)."""
    uses: dict[str, int] | None = None
    memo_only: set[str] | None = None
    """When given, only these instances are cached (the others are used once)."""

    def instance(self, name: str) -> Attr | None:
        for a in self.typedef.instances:
            if a.id == name:
                return a
        return None


def translate_text(text: str, scope: Scope) -> str:
    """Python source for expression ``text`` in ``scope``; ``_fb()`` when unsupported."""
    try:
        node = parse_expr(text)
    except PktscopeError:
        return FALLBACK
    return expr_source(node, scope)


def expr_source(node: A.Node, scope: Scope) -> str:
    """Python source for ``node``: the whole expression, or ``_fb()`` where unsupported."""
    try:
        return _Tr(scope).tr(node)
    except Unsupported:
        return FALLBACK


class _Tr:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def lazy(self, node: A.Node) -> str:
        """A branch evaluated only sometimes: unsupported there means fall back there."""
        try:
            return self.tr(node)
        except Unsupported:
            return FALLBACK

    def tr(self, n: A.Node) -> str:
        if isinstance(n, A.BoolLit):
            return "True" if n.value else "False"
        if isinstance(n, A.IntLit):
            return repr(int(n.value))
        if isinstance(n, A.Name):
            return self.name(n.name)
        if isinstance(n, A.Attr):
            return self.attr(n)
        if isinstance(n, A.EnumRef):
            return repr(self.enum_int(n))
        if isinstance(n, A.UnaryOp):
            if n.op == "not":
                return f"(not {self.tr(n.operand)})"
            if n.op in ("-", "~"):
                return f"({n.op}{self.tr(n.operand)})"
            raise Unsupported(n.op)
        if isinstance(n, A.BinOp):
            if n.op in ("and", "or"):
                return f"({self.tr(n.left)} {n.op} {self.lazy(n.right)})"
            if n.op in _SAME:
                return f"({self.tr(n.left)} {n.op} {self.tr(n.right)})"
            raise Unsupported(n.op)  # "/" rounds differently by type: leave it to the parser
        if isinstance(n, A.Ternary):
            cond = self.tr(n.cond)
            return f"({self.lazy(n.if_true)} if {cond} else {self.lazy(n.if_false)})"
        raise Unsupported(type(n).__name__)

    def enum_int(self, n: A.EnumRef) -> int:
        path = "::".join([*n.type_path, n.enum])
        e = self.scope.uni.resolve_enum(self.scope.typedef, ("::" if n.absolute else "") + path)
        if e is None:
            raise Unsupported(path)
        for value, label in e.values.items():
            if label == n.label:
                return int(value)
        raise Unsupported(n.label)

    def name(self, name: str) -> str:
        scope = self.scope
        if name == "_" and scope.elem is not None and "_" in scope.elem.names:
            return scope.elem.names["_"]
        if name == "_index":
            if scope.index is None:
                raise Unsupported(name)
            return scope.index
        local = scope.names.get(name)
        if local is not None:
            scope.demand.add(name)
            return local
        inst = scope.instance(name)
        if inst is None or scope.depth >= _MAX_INLINE:
            raise Unsupported(name)  # a later seq field, a param, an alias
        if inst.kind != "value" or inst.value is None:
            return self.positioned(inst)
        pyname(name)
        inner = Scope(
            scope.uni,
            scope.typedef,
            scope.start,
            scope.end,
            scope.names,
            scope.demand,
            None,  # an instance is evaluated after the walk: no stream position
            None,
            None,
            scope.depth + 1,
            scope.memo,
            scope.uses,
            scope.memo_only,
        )
        tr = _Tr(inner)
        value = tr.tr(parse_expr(inst.value.text))
        if inst.if_expr is not None:
            value = f"({value} if {tr.tr(parse_expr(inst.if_expr.text))} else None)"
        return self.memoized(name, value)

    def memoized(self, name: str, value: str) -> str:
        """``value`` computed once per frame (on first use, so still lazily) when the scope
        keeps root-level instances, else as is. A bare local needs no cache."""
        scope = self.scope
        memo = scope.memo
        if memo is None or value.isidentifier():
            return value
        if scope.uses is not None:
            scope.uses[name] = scope.uses.get(name, 0) + 1
        if scope.memo_only is not None and name not in scope.memo_only:
            return value
        var = memo.setdefault(name, f"_m_{pyname(name)}")
        return f"({var} if {var} is not _NO else ({var} := {value}))"

    def positioned(self, inst: Attr) -> str:
        """A ``pos:`` instance of a number or of sized bytes in this stream (``_rd``/``_rdb``
        fall back when it lies outside the stream, where the parser would fail)."""
        scope = self.scope
        if inst.pos is None or inst.io is not None or inst.repeat or inst.process:
            raise Unsupported("instance")
        if inst.switch is not None or inst.valid is not None or inst.contents is not None:
            raise Unsupported("instance")
        inner = Scope(scope.uni, scope.typedef, scope.start, scope.end, scope.names,
                      scope.demand, None, None, None, scope.depth + 1, scope.memo,
                      scope.uses, scope.memo_only)  # fmt: skip
        tr = _Tr(inner)
        at = f"{scope.start} + {tr.tr(parse_expr(inst.pos.text))}"
        bounds = f"{scope.start}, {scope.end}"
        if inst.type is None or inst.type == "bytes":
            if inst.size is None or inst.terminator is not None:
                raise Unsupported("instance")
            value = f"_rdb(buf, {at}, {tr.tr(parse_expr(inst.size.text))}, {bounds})"
        else:
            m = PRIM_RE.match(inst.type)
            if m is None or m.group(5) or m.group(3):
                raise Unsupported("instance")
            endian = m.group(7) or inst.endian or scope.typedef.endian()
            if endian not in ("be", "le"):
                raise Unsupported("instance")
            order = "big" if endian == "be" else "little"
            size = int(m.group(2))
            signed = m.group(1) == "s"
            value = f"_rd(buf, {at}, {size}, {order!r}, {signed!r}, {bounds})"
        if inst.if_expr is not None:
            value = f"({value} if {tr.tr(parse_expr(inst.if_expr.text))} else None)"
        return self.memoized(inst.id or "", value)

    def attr(self, n: A.Attr) -> str:
        scope = self.scope
        obj = n.obj
        if isinstance(obj, A.Name) and obj.name == "_io":
            if n.name == "size":
                return f"({scope.end} - {scope.start})"
            if scope.pos is None:
                raise Unsupported("_io." + n.name)
            if n.name == "eof":
                return f"({scope.pos} >= {scope.end})"
            if n.name == "pos":
                return f"({scope.pos} - {scope.start})"
            raise Unsupported("_io." + n.name)
        if isinstance(obj, A.Name) and obj.name == "_" and scope.elem is not None:
            return _Tr(scope.elem).name(n.name)
        if n.name == "to_i":  # an enum's integer (the walk keeps enums as integers)
            return f"_toi({self.tr(obj)})"
        raise Unsupported(n.name)
