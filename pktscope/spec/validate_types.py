"""Pass 2 of spec validation: names, types and expressions, over the spec model.

Driven by :mod:`pktscope.spec.validate_attrs`. Every spec of the session
(main file and imports) is built with :func:`pktscope.spec.model.build_spec` into one
:class:`~pktscope.spec.types.Universe`, which resolves type and enum names. Expressions are
parsed and checked by a strict inference (:class:`Checker`): unlike the compiler's lenient
``Universe.expr_type`` it fails on an unknown field, method, enum or type, on a wrong operand
type, and on the wrong type where a key needs one (``if`` boolean, ``size`` integer...). One error
is reported per expression, like the official compiler.
"""

from __future__ import annotations

import contextlib
import difflib
from typing import Any

from pktscope.errors import ExpressionError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, EnumDef, Spec, TypeDef
from pktscope.spec.types import (
    ANY,
    BOOL,
    BYTES,
    FLOAT,
    INT,
    IO,
    PRIM_RE,
    STR,
    STRUCT,
    KType,
    Universe,
    walk_types,
)
from pktscope.spec.validate_kinds import (
    METHODS,
    SPECIAL_TYPES,
    TYPE_NAME_RE,
    Fail,
    comparable,
    id_ok,
    raw_attr,
    same,
    show,
    strip_args,
)
from pktscope.spec.validate_report import Report

__all__ = ["Checker"]

_COMPARE = frozenset({"==", "!=", "<", "<=", ">", ">="})
_ORDER_NAMES = {"<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE"}


class Cycle(Fail):
    """A value instance whose type depends on itself; reported, never guessed around."""


class Checker:
    def __init__(self, universe: Universe, spec: Spec, report: Report) -> None:
        self.u = universe
        self.spec = spec
        self.report = report
        self.inferring: set[int] = set()
        self.sizing: set[int] = set()
        self.parents: dict[int, TypeDef | None] | None = None
        self.value_types: dict[int, KType] = {}
        #: names looked up in vain: in a universe with more specs they might resolve (an opaque
        #: type, an indirect import), so a check with misses says nothing about other universes
        self.misses = 0

    def resolve_type(self, ctx: TypeDef, name: str) -> TypeDef | None:
        """The universe's lookup, for well-formed names only (anything else is unknown)."""
        found = self.u.resolve_type(ctx, name) if TYPE_NAME_RE.match(name) else None
        if found is None:
            self.misses += 1
        return found

    def resolve_enum(self, ctx: TypeDef, name: str) -> EnumDef | None:
        found = self.u.resolve_enum(ctx, name) if TYPE_NAME_RE.match(name) else None
        if found is None:
            self.misses += 1
        return found

    def opaque(self) -> bool:
        """``meta/ks-opaque-types: true``: unknown type names are external classes."""
        meta = (
            self.spec.loaded.data.get("meta") if isinstance(self.spec.loaded.data, dict) else None
        )
        return isinstance(meta, dict) and meta.get("ks-opaque-types") is True

    def parent_type(self, t: TypeDef) -> TypeDef | None:
        """The one type of the same spec that uses ``t`` as a field type (the official compiler
        does not carry ``_parent`` across imports); None when unused or used by several."""
        if self.parents is None:
            users: dict[int, list[TypeDef]] = {}
            overrides: list[tuple[TypeDef, TypeDef, Any]] = []
            for spec in self.u.specs.values():
                for owner in walk_types(spec.root):
                    for a in (*owner.seq, *owner.instances):
                        names = (
                            [a.type]
                            if a.type
                            else [c for _, c in a.switch.cases]
                            if a.switch
                            else []
                        )
                        raw = raw_attr(spec, a.path)
                        for n in names:
                            used = self.resolve_type(owner, strip_args(n))
                            if used is None or self.u.root_of(used) is not self.u.root_of(owner):
                                continue
                            if "parent" in raw:
                                overrides.append((used, owner, raw["parent"]))
                                continue
                            lst = users.setdefault(id(used), [])
                            if not any(o is owner for o in lst):
                                lst.append(owner)
            self.parents = {k: v[0] if len(v) == 1 else None for k, v in users.items()}
            for used, owner, expr in overrides:
                if expr is False:
                    continue
                try:
                    pt = self.type_of(owner, parse_expr(str(expr)), {})
                except (ExpressionError, Fail):
                    pt = ANY
                prev = self.parents.get(id(used), "unset")
                parent = pt.typedef if pt.kind == "user" else None
                self.parents[id(used)] = parent if prev == "unset" or prev is parent else None
        return self.parents.get(id(t))

    # -- reporting -----------------------------------------------------------------------
    def err(self, message: str, path: str) -> None:
        self.report.add(message, path)

    def parse(self, text: str, path: str) -> A.Node | None:
        try:
            return parse_expr(text)
        except ExpressionError as exc:
            msg = f"parsing expression {text!r} failed at column {exc.expr_col + 1}: {exc.message}"
            self.report.add_expr(msg, path, text, exc.expr_col)
            return None

    def expr(
        self,
        ctx: TypeDef,
        text: str,
        path: str,
        *,
        want: str | None = None,
        local: dict[str, KType] | None = None,
    ) -> KType | None:
        """Parse and type ``text`` at ``path``; report the first error; check the wanted kind."""
        node = self.parse(text, path)
        if node is None:
            return None
        try:
            t = self.type_of(ctx, node, local or {})
        except Fail as exc:
            self.report.add_expr(exc.message, path, text, exc.col)
            return None
        if want is not None and t.kind not in (want, "any"):
            msg = f"invalid type: expected {show(KType(want))}, got {show(t)}"
            self.report.add_expr(msg, path, text, node.col)
        return t

    # -- types of declarations -----------------------------------------------------------
    def type_name(self, ctx: TypeDef, name: str, enum: str | None = None) -> KType:
        name = name.strip()
        if name.endswith("[]"):
            return KType("array", elem=self.type_name(ctx, name[:-2]))
        m = PRIM_RE.match(name)
        if m:
            if enum:
                e = self.resolve_enum(ctx, enum)
                return KType("enum", enum=e) if e else ANY
            if m.group(3):
                return FLOAT
            if m.group(5) and m.group(6) == "1":
                return BOOL
            return INT
        if name in SPECIAL_TYPES:
            return SPECIAL_TYPES[name]
        td = self.resolve_type(ctx, name)
        if td is None and self.opaque():
            return KType("user")  # an external type: a struct whose members are unknown
        return KType("user", typedef=td) if td else ANY

    def attr_type(self, ctx: TypeDef, a: Attr, *, element: bool = False) -> KType:
        t = self.attr_elem_type(ctx, a)
        return KType("array", elem=t) if a.repeat and not element else t

    def attr_elem_type(self, ctx: TypeDef, a: Attr) -> KType:
        if a.kind == "value":
            if a.enum:
                e = self.resolve_enum(ctx, a.enum)
                return KType("enum", enum=e) if e else ANY
            if a.value is None:
                return ANY
            if id(a) in self.inferring:
                raise Cycle(f"value instance '{a.id}' is defined in terms of itself")
            cached = self.value_types.get(id(a))
            if cached is not None:
                return cached
            self.inferring.add(id(a))
            try:
                t = self.type_of(ctx, parse_expr(a.value.text), {})
            except Cycle:
                raise
            except (ExpressionError, Fail):
                t = ANY
            finally:
                self.inferring.discard(id(a))
            self.value_types[id(a)] = t
            return t
        if a.switch is not None:
            kinds: list[KType] = []
            if (a.size is not None or a.size_eos) and all(k.text != "_" for k, _ in a.switch.cases):
                kinds.append(BYTES)  # unmatched values keep their raw bytes
            for _, tn in a.switch.cases:
                t = self.type_name(ctx, strip_args(tn), a.enum)
                if not any(same(t, k) for k in kinds):
                    kinds.append(t)
            if len(kinds) == 1:
                return kinds[0]
            if kinds and all(k.kind in ("user", "struct") for k in kinds):
                return STRUCT
            return ANY
        if a.type is None:
            return BYTES
        return self.type_name(ctx, strip_args(a.type), a.enum)

    def member(self, td: TypeDef, name: str) -> KType | None:
        for a in (*td.seq, *td.instances):
            if a.id == name:
                return self.attr_type(td, a)
        for p in td.params:
            if p.id == name:
                if p.enum:
                    e = self.resolve_enum(td, p.enum)
                    return KType("enum", enum=e) if e else ANY
                return self.type_name(td, p.type) if p.type else ANY
        return None

    def find_attr(self, td: TypeDef, name: str) -> Attr | None:
        return next((a for a in (*td.seq, *td.instances) if a.id == name), None)

    # -- static sizes (for _sizeof) --------------------------------------------------------
    def type_bits(self, td: TypeDef) -> int | None:
        if id(td) in self.sizing:
            return None
        self.sizing.add(id(td))
        try:
            total = 0
            for a in td.seq:
                bits = self.attr_bits(td, a)
                if bits is None:
                    return None
                total += bits
            return total
        finally:
            self.sizing.discard(id(td))

    def attr_bits(self, ctx: TypeDef, a: Attr) -> int | None:
        if a.if_expr is not None:
            return None
        count = 1
        if a.repeat == "expr" and a.repeat_expr is not None and a.repeat_expr.text.isdigit():
            count = int(a.repeat_expr.text)
        elif a.repeat:
            return None
        if a.size is not None:
            return count * 8 * int(a.size.text) if a.size.text.isdigit() else None
        if a.contents is not None:
            return count * 8 * len(a.contents)
        if a.switch is not None or a.type is None:
            return None
        name = strip_args(a.type)
        m = PRIM_RE.match(name)
        if m:
            if m.group(5):
                return count * int(m.group(6))
            return count * 8 * int(m.group(2) or m.group(4))
        td = self.resolve_type(ctx, name)
        if td is None:
            return None
        bits = self.type_bits(td)
        return None if bits is None else count * bits

    # -- expressions -----------------------------------------------------------------------
    def type_of(self, ctx: TypeDef, node: A.Node, local: dict[str, KType]) -> KType:
        if isinstance(node, A.IntLit):
            return INT
        if isinstance(node, A.FloatLit):
            return FLOAT
        if isinstance(node, A.BoolLit):
            return BOOL
        if isinstance(node, A.StrLit):
            return STR
        if isinstance(node, A.FStr):
            for part in node.parts:
                if isinstance(part, A.Node):
                    self.type_of(ctx, part, local)
            return STR
        if isinstance(node, A.ListLit):
            items = [self.type_of(ctx, i, local) for i in node.items]
            return KType("array", elem=items[0] if items else ANY)
        if isinstance(node, A.Name):
            return self.name(ctx, node, local)
        if isinstance(node, A.Attr):
            return self.attr(ctx, node, local)
        if isinstance(node, A.Call):
            return self.call(ctx, node, local)
        if isinstance(node, A.Index):
            ot = self.type_of(ctx, node.obj, local)
            it = self.type_of(ctx, node.index, local)
            if it.kind not in ("int", "any"):
                raise Fail(f"invalid type: expected integer index, got {show(it)}", node.index.col)
            if ot.kind == "bytes":
                return INT
            if ot.kind == "array":
                return ot.elem or ANY
            if ot.kind != "any":
                raise Fail(f"can't index {show(ot)}", node.col)
            return ANY
        if isinstance(node, A.UnaryOp):
            t = self.type_of(ctx, node.operand, local)
            if node.op == "not":
                if t.kind not in ("bool", "any"):
                    raise Fail(f"unable to apply unary operator not to {show(t)}", node.col)
                return BOOL
            if t.kind not in ("int", "float", "any"):
                raise Fail(f"unable to apply unary operator {node.op} to {show(t)}", node.col)
            return t
        if isinstance(node, A.BinOp):
            return self.binop(ctx, node, local)
        if isinstance(node, A.Ternary):
            ct = self.type_of(ctx, node.cond, local)
            if ct.kind not in ("bool", "any"):
                raise Fail(f"invalid type: expected boolean condition, got {show(ct)}", node.col)
            a = self.type_of(ctx, node.if_true, local)
            b = self.type_of(ctx, node.if_false, local)
            if same(a, b):
                return a
            if {a.kind, b.kind} <= {"int", "float"}:
                return FLOAT if "float" in (a.kind, b.kind) else INT
            if {a.kind, b.kind} <= {"user", "struct"}:
                return STRUCT
            if "any" in (a.kind, b.kind):
                return ANY
            if not comparable(a, b):
                raise Fail(f"can't combine output types: {show(a)} vs {show(b)}", node.col)
            return BYTES if "bytes" in (a.kind, b.kind) else b
        if isinstance(node, A.EnumRef):
            return self.enum_ref(ctx, node)
        if isinstance(node, A.Cast):
            t = self.type_ref(ctx, node.type)  # the target first, as the official compiler
            with contextlib.suppress(Cycle):  # a cast is how a spec cuts a recursive type
                self.type_of(ctx, node.obj, local)
            return KType("array", elem=t) if node.type.is_array else t
        if isinstance(node, A.SizeOf | A.BitSizeOf):
            t = self.type_ref(ctx, node.type)
            if t.kind == "user" and t.typedef is not None and self.type_bits(t.typedef) is None:
                name = "::".join(node.type.path)
                raise Fail(f"unable to derive sizeof of `{name}`: dynamic sized type", node.col)
            return INT
        return ANY

    def type_ref(self, ctx: TypeDef, ref: A.TypeRef) -> KType:
        name = ("::" if ref.absolute else "") + "::".join(ref.path)
        if len(ref.path) == 1 and (PRIM_RE.match(name) or name in SPECIAL_TYPES):
            return self.type_name(ctx, name)
        td = self.resolve_type(ctx, name)
        if td is None:
            if self.opaque():
                return ANY
            raise Fail(f"unable to find type '{name}', searching from {ctx.name}", ref.col)
        return KType("user", typedef=td)

    def enum_ref(self, ctx: TypeDef, node: A.EnumRef) -> KType:
        name = ("::" if node.absolute else "") + "::".join([*node.type_path, node.enum])
        e = self.resolve_enum(ctx, name)
        if e is None:
            raise Fail(f"unable to find enum '{name}', searching from {ctx.name}", node.col)
        if node.label not in e.values.values():
            raise Fail(
                f"unable to find enum member '{node.enum}::{node.label}'"
                f" (enum '{e.name}' defined at {e.path})",
                node.col,
            )
        return KType("enum", enum=e)

    def name(self, ctx: TypeDef, node: A.Name, local: dict[str, KType]) -> KType:
        n = node.name
        if n in local:
            return local[n]
        if n == "_root":
            return KType("user", typedef=self.u.root_of(ctx))
        if n == "_parent":
            p = self.parent_type(ctx)
            return KType("user", typedef=p) if p else STRUCT
        if n == "_io":
            return IO
        if n == "_index":
            return INT
        if n == "_":
            raise Fail("`_` is only defined in repeat-until and valid expressions", node.col)
        if n == "_is_le":
            return BOOL
        if n == "_sizeof":
            if self.type_bits(ctx) is None:
                raise Fail(
                    f"unable to derive sizeof for type `{ctx.name}`: dynamic sized type", node.col
                )
            return INT
        if not n.startswith("_") and not id_ok(n):
            raise Fail(f"invalid ID: '{n}', expected /^[a-z][a-z0-9_]*$/", node.col)
        t = self.member(ctx, n)
        if t is None:
            raise Fail(
                f"unable to access '{n}' in {ctx.name} context{self._hint(ctx, n)}", node.col
            )
        return t

    def _hint(self, td: TypeDef, name: str) -> str:
        """``; did you mean 'x'?`` for a name close to a field, instance or param of ``td``."""
        names = [a.id for a in (*td.seq, *td.instances) if a.id] + [p.id for p in td.params]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
        return f"; did you mean '{close[0]}'?" if close else ""

    def attr(self, ctx: TypeDef, node: A.Attr, local: dict[str, KType]) -> KType:
        ot = self.type_of(ctx, node.obj, local)
        name = node.name
        if name == "_sizeof":
            return self.sizeof_of(ctx, node, ot)
        if ot.kind == "any":
            return ANY
        if ot.kind == "user" and ot.typedef is None:
            return ANY
        if ot.kind == "user" and ot.typedef is not None:
            td = ot.typedef
            if name == "_parent":
                p = self.parent_type(td)
                return KType("user", typedef=p) if p else STRUCT
            if name == "_root":
                return KType("user", typedef=self.u.root_of(td))
            if name == "_io":
                return IO
            t = self.member(td, name)
            if t is None:
                hint = self._hint(td, name)
                raise Fail(f"unable to access '{name}' in {td.name} context{hint}", node.col)
            return t
        if ot.kind == "struct":
            if name in ("_io", "_root", "_parent"):
                return IO if name == "_io" else STRUCT
            raise Fail(
                f"don't know how to call method '{name}' of object type '{show(ot)}'", node.col
            )
        methods = METHODS.get(ot.kind, {})
        if name not in methods:
            raise Fail(
                f"don't know how to call method '{name}' of object type '{show(ot)}'", node.col
            )
        result = methods[name]
        if result is None:
            return ot.elem or ANY if ot.kind == "array" else ot
        return result

    def sizeof_of(self, ctx: TypeDef, node: A.Attr, ot: KType) -> KType:
        owner: TypeDef | None = None
        field = ""
        if isinstance(node.obj, A.Name) and not node.obj.name.startswith("_"):
            owner, field = ctx, node.obj.name
        elif isinstance(node.obj, A.Attr):
            inner = self.type_of(ctx, node.obj.obj, {})
            if inner.kind == "user":
                owner, field = inner.typedef, node.obj.name
        a = self.find_attr(owner, field) if owner is not None and field else None
        if a is not None:
            if a.kind == "value" or self.attr_bits(owner, a) is None:  # type: ignore[arg-type]
                raise Fail(f"unable to derive sizeof of `{field}`: dynamic sized type", node.col)
        elif ot.kind == "user" and ot.typedef is not None and self.type_bits(ot.typedef) is None:
            raise Fail(
                f"unable to derive sizeof for type `{ot.typedef.name}`: dynamic sized type",
                node.col,
            )
        return INT

    def call(self, ctx: TypeDef, node: A.Call, local: dict[str, KType]) -> KType:
        ot = self.type_of(ctx, node.func.obj, local)
        args = [self.type_of(ctx, a, local) for a in node.args]
        name = node.func.name
        if ot.kind == "any":
            return ANY
        if ot.kind == "array" and ot.elem is not None and ot.elem.kind == "int":
            ot = BYTES  # a list literal of bytes: [0x41, 0x42].to_s("ASCII")
        if ot.kind == "bytes" and name == "to_s":
            if len(args) != 1 or args[0].kind not in ("str", "any"):
                got = ", ".join(show(a) for a in args)
                raise Fail(
                    "wrong arguments to method call `to_s` on byte array:"
                    f" expected (string), got ({got})",
                    node.col,
                )
            if not isinstance(node.args[0], A.StrLit):
                raise Fail(
                    "to_s: argument #0: expected string literal (the encoding)", node.args[0].col
                )
            return STR
        if ot.kind == "str" and name == "substring" and len(args) == 2:
            return STR
        if ot.kind == "str" and name == "to_i" and len(args) <= 1:
            return INT
        raise Fail(f"don't know how to call method '{name}' of object type '{show(ot)}'", node.col)

    def binop(self, ctx: TypeDef, node: A.BinOp, local: dict[str, KType]) -> KType:
        lt = self.type_of(ctx, node.left, local)
        rt = self.type_of(ctx, node.right, local)
        op = node.op
        if op in ("and", "or"):
            for t, side in ((lt, node.left), (rt, node.right)):
                if t.kind not in ("bool", "any"):
                    raise Fail(
                        f"invalid type: expected boolean operand of '{op}', got {show(t)}", side.col
                    )
            return BOOL
        if op in _COMPARE:
            if op in _ORDER_NAMES and "enum" in (lt.kind, rt.kind):
                raise Fail(f"can't use comparison operator {op} on enums", node.col)
            if not comparable(lt, rt):
                raise Fail(f"can't compare {show(lt)} and {show(rt)}", node.col)
            return BOOL
        kinds = {lt.kind, rt.kind}
        if "any" in kinds:
            return ANY
        if op == "+" and kinds <= {"str"}:
            return STR
        if op == "+" and kinds <= {"bytes", "array"}:
            return lt
        if kinds <= {"int", "float"}:
            return FLOAT if "float" in kinds else INT
        if kinds <= {"int", "bool", "enum"} and op in ("&", "|", "^"):
            return lt if same(lt, rt) else INT
        raise Fail(f"can't apply operator '{op}' to {show(lt)} and {show(rt)}", node.col)
