"""The small vocabulary of spec validation's type checker: how a :class:`KType` is shown in
messages, type identity and comparability, what a parameter accepts, which attribute-style methods
each kind has, and a few name helpers shared by :mod:`pktscope.spec.validate_types` and
:mod:`pktscope.spec.validate_attrs`."""

from __future__ import annotations

import re
from typing import Any

from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_type_ref
from pktscope.spec.model import Spec
from pktscope.spec.types import ANY, BOOL, BYTES, INT, IO, STR, STRUCT, KType

__all__ = [
    "METHODS",
    "SPECIAL_TYPES",
    "TYPE_NAME_RE",
    "Fail",
    "comparable",
    "id_ok",
    "param_accepts",
    "raw_attr",
    "same",
    "show",
    "strip_args",
    "type_args",
]

SPECIAL_TYPES = {
    "str": STR,
    "strz": STR,
    "bytes": BYTES,
    "bool": BOOL,
    "io": IO,
    "struct": STRUCT,
    "any": ANY,
}
TYPE_NAME_RE = re.compile(r"^(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*$")
METHODS: dict[str, dict[str, KType | None]] = {
    # kind -> attribute-style method -> result (None: same as the object)
    "int": {"to_s": STR},
    "float": {"to_i": INT, "to_s": STR},
    "bool": {"to_i": INT},
    "enum": {"to_i": INT},
    "str": {"length": INT, "reverse": STR, "to_i": INT, "to_s": STR},
    "bytes": {"length": INT, "size": INT, "first": INT, "last": INT, "min": INT, "max": INT},
    "array": {"size": INT, "first": None, "last": None, "min": None, "max": None},
    "io": {"size": INT, "pos": INT, "eof": BOOL},
}


class Fail(Exception):
    def __init__(self, message: str, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.col = col


def show(t: KType) -> str:
    if t.kind == "enum":
        return f"enum {t.enum.name}" if t.enum else "enum"
    if t.kind == "user":
        return f"user type {t.typedef.name}" if t.typedef else "struct"
    if t.kind == "array":
        return f"array of {show(t.elem)}" if t.elem else "array"
    return {"int": "integer", "bool": "boolean", "str": "string", "bytes": "byte array"}.get(
        t.kind, t.kind
    )


def same(a: KType | None, b: KType | None) -> bool:
    """Type identity without comparing TypeDefs field by field (they are cyclic)."""
    if a is None or b is None:
        return a is b
    return a.kind == b.kind and a.typedef is b.typedef and a.enum is b.enum and same(a.elem, b.elem)


def comparable(a: KType, b: KType) -> bool:
    if "any" in (a.kind, b.kind):
        return True
    num = {"int", "float"}
    if a.kind in num and b.kind in num:
        return True
    if a.kind == "enum" or b.kind == "enum":
        return a.kind == b.kind and (a.enum is None or b.enum is None or a.enum is b.enum)
    if {a.kind, b.kind} <= {"bytes", "array"}:
        if a.kind == b.kind == "array":
            return comparable(a.elem or ANY, b.elem or ANY)
        # bytes against a list literal of bytes
        return all(t.elem is None or t.elem.kind in ("int", "any") for t in (a, b) if t.elem)
    if {a.kind, b.kind} <= {"user", "struct"}:
        return True
    return a.kind == b.kind


def raw_attr(spec: Spec, path: str) -> dict[Any, Any]:
    data: Any = spec.loaded.data
    for part in path.strip("/").split("/"):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return {}
    return data if isinstance(data, dict) else {}


def id_ok(name: str) -> bool:
    return (
        name[:1].isascii()
        and name[:1].islower()
        and all(c.isascii() and (c.islower() or c.isdigit() or c == "_") for c in name)
    )


def strip_args(type_text: str) -> str:
    i = type_text.find("(")
    return (type_text[:i] if i >= 0 else type_text).strip()


def type_args(text: str) -> tuple[str, list[A.Node]]:
    """Split a ``type:`` value into its name and parsed arguments (ExpressionError if bad)."""
    ref, args = parse_type_ref(text)
    name = ("::" if ref.absolute else "") + "::".join(ref.path)
    return name + ("[]" if ref.is_array else ""), list(args)


def param_accepts(param_type: KType, arg: KType) -> bool:
    if "any" in (param_type.kind, arg.kind):
        return True
    if param_type.kind == "float":
        return arg.kind in ("int", "float")
    if param_type.kind in ("user", "struct"):
        return arg.kind in ("user", "struct")
    if param_type.kind == "bytes":
        return arg.kind in ("bytes", "array")
    if param_type.kind == "enum":
        return arg.kind == "enum"
    return (comparable(param_type, arg) and param_type.kind == arg.kind) or (
        param_type.kind == "array" and arg.kind == "array"
    )
