"""The static per-field tables of docs/spans.md (``_PKT_FIELDS``, ``_PKT_HINTS`` values)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pktscope.errors import SpecError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.model import Attr, TypeDef, parse_type_ref
from pktscope.spec.types import PRIM_RE, prim_size

if TYPE_CHECKING:
    from pktscope.compile.python import ModuleGen
    from pktscope.compile.reads import ReadEmitter

__all__ = ["field_meta", "plain"]


def plain(v: Any, depth: int = 0) -> Any:
    """YAML hint values reduced to repr-safe plain data."""
    if depth > 20:
        return None
    if isinstance(v, dict):
        return {str(k): plain(x, depth + 1) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [plain(x, depth + 1) for x in v]
    if v is None or isinstance(v, bool | int | float | str):
        return v
    return str(v)


def field_meta(gen: ModuleGen, t: TypeDef, a: Attr, reads: ReadEmitter) -> dict[str, Any]:
    typ: str | None = None
    size: int | None = None
    bit_size: int | None = None
    endian: str | None = None
    bit_endian: str | None = None
    if a.kind == "value":
        pass
    elif a.switch is not None:
        typ = None
    elif a.type is None:
        typ = "bytes"
    else:
        name, _ = parse_type_ref(a.type)
        m = PRIM_RE.match(name)
        if m and m.group(5):
            bit_size = int(m.group(6))
            bit_endian = m.group(7) or t.bit_endian()
            typ = f"b{bit_size}"
        elif m:
            size = prim_size(name)
            typ = name
            if size and size > 1:
                e = reads.endian_of(a, name)
                if e != "switch":
                    endian = e
                    kind = (m.group(1) or m.group(3)) + (m.group(2) or m.group(4))
                    typ = kind + e
        elif name in ("str", "strz"):
            typ = name
        else:
            ut = gen.uni.resolve_type(t, name)
            typ = gen.cls_ref(ut) if ut is not None else None
    if a.contents is not None:
        size = len(a.contents)
    elif a.size is not None:
        try:
            node = parse_expr(a.size.text)
        except SpecError:
            node = None
        if isinstance(node, A.IntLit):
            size = node.value
    enum: str | None = None
    if a.enum:
        edef = gen.uni.resolve_enum(t, a.enum)
        enum = gen.enum_ref(edef) if edef else None
    meta: dict[str, Any] = {
        "id": gen.aid(a),
        "spec_path": a.path,
        "kind": a.kind,
        "type": typ,
        "size": size,
        "repeat": a.repeat,
        "enum": enum,
        "process": a.process is not None,
        "hints": plain(a.hints),
    }
    if bit_size is not None:
        meta["bit_size"] = bit_size
        meta["bit_endian"] = bit_endian
    if endian is not None:
        meta["endian"] = endian
    if typ in ("str", "strz"):
        meta["encoding"] = a.encoding or t.encoding()
    if a.switch is not None:  # the user types it may hold, for path checks and suggestions
        cases: list[str] = []
        for _, ref in a.switch.cases:
            name, _ = parse_type_ref(ref)
            ut = None if PRIM_RE.match(name) else gen.uni.resolve_type(t, name)
            ref_text = gen.cls_ref(ut) if ut is not None else None
            if ref_text is not None and ref_text not in cases:
                cases.append(ref_text)
        if cases:
            meta["cases"] = cases
    return meta
