"""Type resolution and expression type inference over a set of loaded specs.

A :class:`Universe` holds every spec of one compilation (the main spec and its imports, by
``meta.id``) and answers: which :class:`TypeDef` does the type name ``foo::bar`` mean from a
given type (:meth:`Universe.resolve_type`), which enum ``foo::animal`` means
(:meth:`Universe.resolve_enum`), what type an attribute has (:meth:`Universe.attr_type`) and what
type an expression has (:meth:`Universe.expr_type`). Types are :class:`KType` values; ``kind``
``"any"`` means unknown, and the translator then falls back to runtime-generic code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, EnumDef, Spec, TypeDef, parse_type_ref

__all__ = ["PRIM_RE", "KType", "Universe", "int_range", "prim_size"]

PRIM_RE = re.compile(r"^(?:([us])([1248])|(f)([48])|(b)([1-9][0-9]*))(be|le)?$")


@dataclass(frozen=True)
class KType:
    """``kind``: int, float, bool, str, bytes, array, user, enum, io, struct (any user), any."""

    kind: str
    elem: KType | None = None
    typedef: TypeDef | None = field(default=None, compare=False)
    enum: EnumDef | None = field(default=None, compare=False)


#: the answer noted for a question that raised
_FAILED = object()

ANY = KType("any")
INT = KType("int")
FLOAT = KType("float")
BOOL = KType("bool")
STR = KType("str")
BYTES = KType("bytes")
IO = KType("io")
STRUCT = KType("struct")


def prim_size(name: str) -> int | None:
    """Byte size of ``u2``/``s4le``/``f8``; ``None`` for bits and non-primitives."""
    m = PRIM_RE.match(name)
    if not m or m.group(5):
        return None
    return int(m.group(2) or m.group(4))


def int_range(name: str) -> tuple[int, int] | None:
    """``(min, max)`` of the integer type ``u2be``/``s4``/``b13``; ``None`` for any other."""
    m = PRIM_RE.match(name)
    if not m or m.group(3):
        return None
    if m.group(5):
        return 0, (1 << int(m.group(6))) - 1
    bits = 8 * int(m.group(2))
    if m.group(1) == "s":
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def parse_enum_path(name: str) -> list[str]:
    return list(name.split("::"))


class Universe:
    """Every spec of one compilation, keyed by ``meta.id``."""

    def __init__(self) -> None:
        self.specs: dict[str, Spec] = {}
        self.imports: dict[str, list[str]] = {}  # spec id -> ids it imports
        self._parents: dict[int, TypeDef | None] | None = None
        self._inferring: set[int] = set()
        #: when a list: every answer that depends on which specs are here, noted as
        #: ``(question, argument, name, answer)`` (pktscope.compile.gencache replays them)
        self.trace: list[tuple[str, object, str, object]] | None = None

    def add(self, spec: Spec, imported_ids: list[str]) -> None:
        self.specs[spec.id] = spec
        self.imports[spec.id] = imported_ids
        self._parents = None

    # -- names --------------------------------------------------------------------------
    def root_of(self, t: TypeDef) -> TypeDef:
        return t.chain()[-1]

    def spec_of(self, t: TypeDef) -> Spec:
        try:
            found = self.specs[self.root_of(t).name]
        except KeyError:
            self._note("spec_of", t, "", _FAILED)
            raise
        self._note("spec_of", t, "", found)
        return found

    def _note(self, question: str, arg: object, name: str, answer: object) -> None:
        if self.trace is not None:
            self.trace.append((question, arg, name, answer))

    def visible_roots(self, t: TypeDef) -> list[TypeDef]:
        sid = self.root_of(t).name
        out = []
        for iid in self.imports.get(sid, []):
            if iid in self.specs:
                out.append(self.specs[iid].root)
        return out

    def resolve_type(self, ctx: TypeDef, name: str) -> TypeDef | None:
        """``foo``, ``foo::bar`` or ``::foo`` as seen from ``ctx``; ``None`` if unknown."""
        found = self._resolve_type(ctx, name)
        if self.trace is not None:
            self.trace.append(("resolve_type", ctx, name, found))
        return found

    def _resolve_type(self, ctx: TypeDef, name: str) -> TypeDef | None:
        parts = list(name.split("::"))
        absolute = parts[0] == ""
        if absolute:
            parts = parts[1:]
        first = parts[0]
        found: TypeDef | None = None
        scopes = [self.root_of(ctx)] if absolute else ctx.chain()
        for scope in scopes:
            if first in scope.types:
                found = scope.types[first]
                break
            if scope.parent is None and scope.name == first:
                found = scope
                break
        if found is None:
            for r in self.visible_roots(ctx):
                if r.name == first:
                    found = r
                    break
        if found is None and first in self.specs:
            found = self.specs[first].root  # imported indirectly
        if found is None:
            return None
        for p in parts[1:]:
            nxt = found.types.get(p)
            if nxt is None:
                return None
            found = nxt
        return found

    def resolve_enum(self, ctx: TypeDef, name: str) -> EnumDef | None:
        parts = name.split("::")
        absolute = parts[0] == ""
        if absolute:
            parts = parts[1:]
        if len(parts) == 1:
            for scope in [self.root_of(ctx)] if absolute else ctx.chain():
                if parts[0] in scope.enums:
                    return scope.enums[parts[0]]
            return None
        owner = self.resolve_type(ctx, ("::" if absolute else "") + "::".join(parts[:-1]))
        if owner is None:
            return None
        return owner.enums.get(parts[-1])

    def enum_owner(self, e: EnumDef) -> TypeDef:
        for spec in self.specs.values():
            for t in _walk(spec.root):
                if t.enums.get(e.name) is e:
                    self._note("enum_owner", e, "", t)
                    return t
        self._note("enum_owner", e, "", _FAILED)
        raise KeyError(e.name)

    def parent_type(self, t: TypeDef) -> TypeDef | None:
        """The one type that uses ``t`` as a field type, if exactly one does."""
        if self._parents is None:
            trace, self.trace = self.trace, None  # only the answer matters, not how it is found
            try:
                self._find_parents()
            finally:
                self.trace = trace
        found = self._parents.get(id(t)) if self._parents is not None else None
        self._note("parent_type", t, "", found)
        return found

    def _find_parents(self) -> None:
        if self._parents is None:
            users: dict[int, set[int]] = {}
            objs: dict[int, TypeDef] = {}
            for spec in self.specs.values():
                for owner in _walk(spec.root):
                    objs[id(owner)] = owner
                    for a in [*owner.seq, *owner.instances]:
                        names = [a.type] if a.type else []
                        if a.switch:
                            names = [c for _, c in a.switch.cases]
                        for n in names:
                            tn, _ = parse_type_ref(n)
                            u = self.resolve_type(owner, tn)
                            if u is not None:
                                users.setdefault(id(u), set()).add(id(owner))
            self._parents = {
                k: (objs[next(iter(v))] if len(v) == 1 else None) for k, v in users.items()
            }

    # -- attribute and expression types -------------------------------------------------
    def attr_type(self, ctx: TypeDef, a: Attr, *, element: bool = False) -> KType:
        t = self._attr_elem_type(ctx, a)
        if a.repeat and not element:
            return KType("array", elem=t)
        return t

    def _attr_elem_type(self, ctx: TypeDef, a: Attr) -> KType:
        if a.kind == "value":
            if a.enum:
                e = self.resolve_enum(ctx, a.enum)
                return KType("enum", enum=e) if e else INT
            if a.value is None or id(a) in self._inferring:
                return ANY
            self._inferring.add(id(a))
            try:
                return self.expr_type(ctx, parse_expr(a.value.text))
            except Exception:
                return ANY
            finally:
                self._inferring.discard(id(a))
        if a.switch is not None:
            kinds = set()
            for _, tn in a.switch.cases:
                kinds.add(self.type_name_type(ctx, tn, a))
            if len(kinds) == 1:
                return kinds.pop()
            if all(k.kind in ("user", "struct") for k in kinds):
                return STRUCT
            if all(k.kind == "int" for k in kinds):
                return INT
            return BYTES if a.size is not None and not kinds else ANY
        if a.type is None:
            return BYTES
        return self.type_name_type(ctx, a.type, a)

    def type_name_type(self, ctx: TypeDef, name: str, a: Attr | None = None) -> KType:
        name, _ = parse_type_ref(name)
        m = PRIM_RE.match(name)
        if m:
            if a is not None and a.enum:
                e = self.resolve_enum(ctx, a.enum)
                return KType("enum", enum=e) if e else INT
            if m.group(3):
                return FLOAT
            if m.group(5) and m.group(6) == "1":
                return BOOL
            return INT
        if name in ("str", "strz"):
            return STR
        if name == "bytes":
            return BYTES
        if name == "bool":
            return BOOL
        if name == "io":
            return IO
        if name == "struct":
            return STRUCT
        if name == "any":
            return ANY
        if name.endswith("[]"):
            return KType("array", elem=self.type_name_type(ctx, name[:-2]))
        t = self.resolve_type(ctx, name)
        return KType("user", typedef=t) if t else STRUCT

    def member_type(self, t: TypeDef, name: str) -> KType | None:
        for a in [*t.seq, *t.instances]:
            if a.id == name:
                return self.attr_type(t, a)
        for p in t.params:
            if p.id == name:
                if p.enum:
                    e = self.resolve_enum(t, p.enum)
                    return KType("enum", enum=e) if e else INT
                return self.type_name_type(t, p.type) if p.type else ANY
        return None

    def expr_type(self, ctx: TypeDef, node: A.Node, local: dict[str, KType] | None = None) -> KType:
        local = local or {}
        if isinstance(node, A.IntLit):
            return INT
        if isinstance(node, A.FloatLit):
            return FLOAT
        if isinstance(node, A.BoolLit):
            return BOOL
        if isinstance(node, A.StrLit | A.FStr):
            return STR
        if isinstance(node, A.ListLit):
            if node.items and all(
                isinstance(i, A.IntLit) and 0 <= i.value <= 255 for i in node.items
            ):
                return BYTES
            el = self.expr_type(ctx, node.items[0], local) if node.items else ANY
            return KType("array", elem=el)
        if isinstance(node, A.Name):
            n = node.name
            if n in local:
                return local[n]
            if n == "_root":
                return KType("user", typedef=self.root_of(ctx))
            if n == "_parent":
                p = self.parent_type(ctx)
                return KType("user", typedef=p) if p else STRUCT
            if n == "_io":
                return IO
            if n in ("_index", "_sizeof"):
                return INT
            if n == "_is_le":
                return BOOL
            return self.member_type(ctx, n) or ANY
        if isinstance(node, A.Attr):
            ot = self.expr_type(ctx, node.obj, local)
            return self.attr_result(ot, node.name)
        if isinstance(node, A.Call):
            ot = self.expr_type(ctx, node.func.obj, local)
            m = node.func.name
            if m == "to_s":
                return STR
            if m == "to_i":
                return INT
            if m in ("substring", "reverse"):
                return ot
            if m == "index_of":
                return INT
            return ANY
        if isinstance(node, A.Index):
            ot = self.expr_type(ctx, node.obj, local)
            if ot.kind == "bytes":
                return INT
            if ot.kind == "array" and ot.elem is not None:
                return ot.elem
            return ANY
        if isinstance(node, A.UnaryOp):
            return BOOL if node.op == "not" else self.expr_type(ctx, node.operand, local)
        if isinstance(node, A.BinOp):
            if node.op in ("==", "!=", "<", "<=", ">", ">=", "and", "or"):
                return BOOL
            lt = self.expr_type(ctx, node.left, local)
            rt = self.expr_type(ctx, node.right, local)
            if node.op == "+" and lt.kind in ("str", "bytes", "array"):
                return lt
            if lt.kind == "float" or rt.kind == "float":
                return FLOAT
            if lt.kind in ("int", "enum", "bool") and rt.kind in ("int", "enum", "bool"):
                return INT
            return ANY
        if isinstance(node, A.Ternary):
            a = self.expr_type(ctx, node.if_true, local)
            b = self.expr_type(ctx, node.if_false, local)
            if a == b:
                return a
            if {a.kind, b.kind} <= {"int", "float"}:
                return FLOAT
            if a.kind in ("user", "struct") and b.kind in ("user", "struct"):
                return STRUCT
            return ANY
        if isinstance(node, A.EnumRef):
            path = "::".join([*node.type_path, node.enum])
            e = self.resolve_enum(ctx, ("::" if node.absolute else "") + path)
            return KType("enum", enum=e) if e else INT
        if isinstance(node, A.Cast):
            tn = "::".join(node.type.path)
            if node.type.absolute:
                tn = "::" + tn
            t = self.type_name_type(ctx, tn)
            return KType("array", elem=t) if node.type.is_array else t
        if isinstance(node, A.SizeOf | A.BitSizeOf):
            return INT
        return ANY

    def attr_result(self, ot: KType, name: str) -> KType:
        if ot.kind == "user" and ot.typedef is not None:
            if name in ("_parent",):
                p = self.parent_type(ot.typedef)
                return KType("user", typedef=p) if p else STRUCT
            if name == "_root":
                return KType("user", typedef=self.root_of(ot.typedef))
            if name == "_io":
                return IO
            if name == "_sizeof":
                return INT
            mt = self.member_type(ot.typedef, name)
            if mt is not None:
                return mt
            return ANY
        if ot.kind == "io":
            return BOOL if name == "eof" else INT
        if name in ("size", "length", "to_i", "_sizeof"):
            return INT
        if name == "to_s":
            return STR
        if name in ("first", "last", "min", "max"):
            if ot.kind == "bytes":
                return INT
            if ot.kind == "array" and ot.elem is not None:
                return ot.elem
            return ANY
        if name == "reverse":
            return ot
        if name == "_io":
            return IO
        return ANY


def _walk(t: TypeDef) -> list[TypeDef]:
    out = [t]
    for sub in t.types.values():
        out.extend(_walk(sub))
    return out


def walk_types(t: TypeDef) -> list[TypeDef]:
    """``t`` and every type nested in it, depth first."""
    return _walk(t)
