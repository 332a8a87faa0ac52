"""Kaitai expression AST -> Python source text, the only way spec expressions reach output.

Every identifier is checked against the Kaitai id rule and escaped if it is a Python keyword,
every literal is emitted with ``repr`` (so quotes, backslashes and newlines in a hostile spec stay
data), and method names are translated from a fixed table. :class:`Ctx` says what ``self`` is,
which locals (``_``, ``_on``, ``i``) are in scope, and how to name classes and enums.
"""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pktscope.errors import CompileError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import EnumDef, TypeDef
from pktscope.spec.types import BYTES, INT, PRIM_RE, KType, Universe, prim_size

__all__ = ["Ctx", "check_id", "pyname", "translate"]

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_SPECIAL = {"_root", "_parent", "_io", "_index", "_", "_on", "_is_le", "_sizeof"}


def check_id(name: str, what: str = "identifier") -> str:
    if not ID_RE.match(name):
        raise CompileError(f"invalid {what}: {name!r}")
    return name


@functools.lru_cache(maxsize=8192)  # pure, and asked ~90k times per 186 specs
def pyname(name: str) -> str:
    """Python attribute name for a Kaitai id: ``class`` -> ``class_`` (keywords escaped)."""
    check_id(name)
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return name + "_"
    return name


@dataclass
class Ctx:
    uni: Universe
    typedef: TypeDef
    cls_ref: Callable[[TypeDef], str]
    enum_ref: Callable[[EnumDef], str]
    self_expr: str = "self"
    local: dict[str, tuple[str, KType]] = field(default_factory=dict)
    spec_path: str = ""

    def with_local(self, **kw: tuple[str, KType]) -> Ctx:
        d = dict(self.local)
        d.update(kw)
        return Ctx(
            self.uni, self.typedef, self.cls_ref, self.enum_ref, self.self_expr, d, self.spec_path
        )

    def type_of(self, node: A.Node) -> KType:
        return self.uni.expr_type(self.typedef, node, {k: v[1] for k, v in self.local.items()})


def _bytes_lit(items: tuple[A.Node, ...]) -> str:
    return repr(bytes(i.value for i in items if isinstance(i, A.IntLit)))


def translate(node: A.Node, ctx: Ctx) -> str:
    """Python source for ``node``; always parenthesised where precedence could matter."""
    t = _Tr(ctx)
    return t.tr(node)


class _Tr:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx

    def err(self, msg: str) -> CompileError:
        return CompileError(msg, spec_path=self.ctx.spec_path)

    def tr(self, n: A.Node) -> str:
        ctx = self.ctx
        if isinstance(n, A.BoolLit):
            return "True" if n.value else "False"
        if isinstance(n, A.IntLit):
            return repr(int(n.value))
        if isinstance(n, A.FloatLit):
            return repr(float(n.value))
        if isinstance(n, A.StrLit):
            return repr(str(n.value))
        if isinstance(n, A.FStr):
            parts = []
            for p in n.parts:
                if isinstance(p, str):
                    parts.append(repr(p))
                else:
                    parts.append(f"_ks_str({self.tr(p)})")
            return "(" + " + ".join(parts or ["''"]) + ")"
        if isinstance(n, A.ListLit):
            if n.items and all(isinstance(i, A.IntLit) and 0 <= i.value <= 255 for i in n.items):
                return _bytes_lit(n.items)
            return "[" + ", ".join(self.tr(i) for i in n.items) + "]"
        if isinstance(n, A.Name):
            return self.name(n.name)
        if isinstance(n, A.Attr):
            return self.attr(n)
        if isinstance(n, A.Call):
            return self.call(n)
        if isinstance(n, A.Index):
            return f"{self.tr(n.obj)}[{self.tr(n.index)}]"
        if isinstance(n, A.UnaryOp):
            if n.op == "not":
                return f"(not {self.tr(n.operand)})"
            if n.op in ("-", "~"):
                return f"({n.op}{self.tr(n.operand)})"
            raise self.err(f"unknown unary operator {n.op!r}")
        if isinstance(n, A.BinOp):
            return self.binop(n)
        if isinstance(n, A.Ternary):
            return f"({self.tr(n.if_true)} if {self.tr(n.cond)} else {self.tr(n.if_false)})"
        if isinstance(n, A.EnumRef):
            path = "::".join([*n.type_path, n.enum])
            e = ctx.uni.resolve_enum(ctx.typedef, ("::" if n.absolute else "") + path)
            if e is None:
                raise self.err(f"unknown enum {path!r}")
            if n.label not in e.values.values():
                raise self.err(f"enum {path!r} has no label {n.label!r}")
            return f"{ctx.enum_ref(e)}.{pyname(n.label)}"
        if isinstance(n, A.Cast):
            return self.tr(n.obj)
        if isinstance(n, A.SizeOf):
            return repr(self.static_bits(n.type) // 8)
        if isinstance(n, A.BitSizeOf):
            return repr(self.static_bits(n.type))
        raise self.err(f"unsupported expression node {type(n).__name__}")

    def static_bits(self, tref: A.TypeRef) -> int:
        name = "::".join(tref.path)
        if tref.absolute:
            name = "::" + name
        size = type_bits(self.ctx.uni, self.ctx.typedef, name)
        if size is None:
            raise self.err(f"sizeof of a type without a fixed size: {name!r}")
        return size

    def name(self, n: str) -> str:
        ctx = self.ctx
        if n in ctx.local:
            return ctx.local[n][0]
        s = ctx.self_expr
        if n == "_root":
            return f"{s}._root"
        if n == "_parent":
            return f"{s}._parent"
        if n == "_io":
            return f"{s}._io"
        if n == "_is_le":
            return f"{s}._is_le"
        if n == "_sizeof":
            return f"{s}._pkt_sizeof()"
        if n == "_index":
            return "i"
        if n in _SPECIAL:
            raise self.err(f"{n} is not available here")
        return f"{s}.{pyname(n)}"

    def attr(self, n: A.Attr) -> str:
        ot = self.ctx.type_of(n.obj)
        name = n.name
        if name == "_sizeof":
            if isinstance(n.obj, A.Name) and n.obj.name not in _SPECIAL | set(self.ctx.local):
                return f"{self.ctx.self_expr}._pkt_fsize({n.obj.name!r})"
            if isinstance(n.obj, A.Attr) and not n.obj.name.startswith("_"):
                owner = self.tr(n.obj.obj)
                return f"{owner}._pkt_fsize({check_id(n.obj.name)!r})"
            return f"{self.tr(n.obj)}._pkt_sizeof()"
        o = self.tr(n.obj)
        if name in ("_parent", "_root", "_io"):
            return f"{o}.{name}"
        if ot.kind in ("user", "struct") and ot.typedef is not None:
            return f"{o}.{pyname(name)}"
        if ot.kind == "io":
            if name == "size":
                return f"{o}.size()"
            if name == "pos":
                return f"{o}.pos()"
            if name == "eof":
                return f"{o}.is_eof()"
            raise self.err(f"unknown stream method {name!r}")
        if ot.kind in ("str", "bytes", "array", "int", "float", "bool", "enum", "any"):
            meth = self.method0(o, ot, name)
            if meth is not None:
                return meth
        if ot.kind in {"any", "struct"}:
            return f"{o}.{pyname(name)}"
        raise self.err(f"unknown method {name!r} of {ot.kind}")

    def method0(self, o: str, ot: KType, name: str) -> str | None:
        if name in ("size", "length"):
            return f"len({o})"
        if name == "to_s":
            return f"_ks_str({o})"
        if name == "to_i":
            return f"int({o})"
        if name == "first":
            return f"{o}[0]"
        if name == "last":
            return f"{o}[-1]"
        if name == "min":
            return f"min({o})"
        if name == "max":
            return f"max({o})"
        if name == "reverse":
            return f"{o}[::-1]"
        if name == "to_b":
            return f"bool({o})"
        return None

    def call(self, n: A.Call) -> str:
        o = self.tr(n.func.obj)
        args = [self.tr(a) for a in n.args]
        m = n.func.name
        if m == "to_s":
            if len(args) == 1:
                return f"({o}).decode({args[0]})"
            return f"_ks_str({o})"
        if m == "to_i":
            if args:
                return f"int({o}, {args[0]})"
            return f"int({o})"
        if m == "substring" and len(args) == 2:
            return f"({o})[{args[0]}:{args[1]}]"
        if m == "index_of" and len(args) == 1:
            return f"({o}).find(bytes(({args[0]},)))"
        ot = self.ctx.type_of(n.func.obj)
        if not args:
            meth = self.method0(o, ot, m)
            if meth is not None:
                return meth
        raise self.err(f"unknown method {m!r} with {len(args)} arguments")

    def enum_int(self, n: A.EnumRef, fallback: str) -> str:
        path = "::".join([*n.type_path, n.enum])
        e = self.ctx.uni.resolve_enum(self.ctx.typedef, ("::" if n.absolute else "") + path)
        if e is not None:
            for v, label in e.values.items():
                if label == n.label:
                    return repr(int(v))
        return fallback

    def binop(self, n: A.BinOp) -> str:
        op = n.op
        left = self.tr(n.left)
        right = self.tr(n.right)
        if op in ("==", "!="):
            # IntEnum members equal their value: compare with the literal, no attribute walk
            if isinstance(n.right, A.EnumRef):
                right = self.enum_int(n.right, right)
            if isinstance(n.left, A.EnumRef):
                left = self.enum_int(n.left, left)
        if op in ("and", "or"):
            return f"({left} {op} {right})"
        if op == "/":
            lt = self.ctx.type_of(n.left)
            rt = self.ctx.type_of(n.right)
            if lt.kind == "float" or rt.kind == "float":
                return f"({left} / {right})"
            if lt.kind in ("int", "enum") and rt.kind in ("int", "enum"):
                return f"({left} // {right})"
            return f"_ks_div({left}, {right})"
        if op in ("+", "-", "*", "%", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">="):
            if op == "+":
                lt = self.ctx.type_of(n.left)
                rt = self.ctx.type_of(n.right)
                if lt.kind == "str" and rt.kind not in ("str", "any"):
                    right = f"_ks_str({right})"
            return f"({left} {op} {right})"
        raise self.err(f"unknown operator {op!r}")


def type_bits(uni: Universe, ctx: TypeDef, name: str, _depth: int = 0) -> int | None:
    """Fixed size in bits of a type name (``u4``, ``b3``, a user type of fixed layout)."""
    m = PRIM_RE.match(name)
    if m:
        if m.group(5):
            return int(m.group(6))
        size = prim_size(name)
        return None if size is None else size * 8
    if _depth > 32:
        return None
    t = uni.resolve_type(ctx, name)
    if t is None:
        return None
    total = 0
    for a in t.seq:
        if a.if_expr is not None or a.switch is not None:
            return None
        count = 1
        if a.repeat == "expr" and a.repeat_expr is not None:
            node = parse_expr(a.repeat_expr.text)
            if not isinstance(node, A.IntLit):
                return None
            count = node.value
        elif a.repeat:
            return None
        if a.contents is not None:
            bits = len(a.contents) * 8
        elif a.size is not None:
            node = parse_expr(a.size.text)
            if not isinstance(node, A.IntLit):
                return None
            bits = node.value * 8
        elif a.type is not None and a.type not in ("str", "strz"):
            sub = type_bits(uni, t, a.type, _depth + 1)
            if sub is None:
                return None
            bits = sub
        else:
            return None
        if total % 8 and (
            a.type is None or not PRIM_RE.match(a.type or "") or not a.type.startswith("b")
        ):
            total = (total + 7) // 8 * 8
        total += bits * count
    return total


_ = (BYTES, INT)
