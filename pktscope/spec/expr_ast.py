"""The Kaitai expression language as an abstract syntax tree.

`pktscope.spec.expr.parse_expr` builds these nodes; the compiler's type checker and Python
translator consume them. Spec text never reaches generated code except through these nodes, so
every identifier and literal is checked before it is emitted.

Every node carries ``col``: the 0-based column of its first character in the expression text.
Method calls without parentheses (``x.to_s``, ``a.size``) are plain :class:`Attr` nodes, as the
Kaitai grammar does not tell a field from a zero-argument method; with parentheses they are
:class:`Call` nodes whose ``func`` is an :class:`Attr`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Attr",
    "BinOp",
    "BitSizeOf",
    "BoolLit",
    "Call",
    "Cast",
    "EnumRef",
    "FStr",
    "FloatLit",
    "Index",
    "IntLit",
    "ListLit",
    "Name",
    "Node",
    "SizeOf",
    "StrLit",
    "Ternary",
    "TypeRef",
    "UnaryOp",
]


@dataclass(frozen=True)
class Node:
    col: int = field(default=0, kw_only=True, compare=False)


@dataclass(frozen=True)
class IntLit(Node):
    value: int


@dataclass(frozen=True)
class FloatLit(Node):
    value: float


@dataclass(frozen=True)
class StrLit(Node):
    """A string literal, escapes already decoded (``"a\\n"`` -> ``a`` + newline)."""

    value: str


@dataclass(frozen=True)
class FStr(Node):
    """``f"x={a}"``: literal text parts and expression parts, in order."""

    parts: tuple[str | Node, ...]


@dataclass(frozen=True)
class BoolLit(Node):
    value: bool


@dataclass(frozen=True)
class ListLit(Node):
    """``[1, 2, 0x41]``: an array literal (becomes bytes where bytes are expected)."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Name(Node):
    """An identifier: a field, instance or param name, or ``_root``, ``_parent``, ``_io``,
    ``_index``, ``_``, ``_on``, ``_is_le``, ``_sizeof``."""

    name: str


@dataclass(frozen=True)
class Attr(Node):
    """``obj.name``: field access or a zero-argument method (``to_s``, ``length``, ``size``...)."""

    obj: Node
    name: str


@dataclass(frozen=True)
class Call(Node):
    """``obj.name(args)``; ``func`` is the :class:`Attr` naming the method."""

    func: Attr
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Index(Node):
    obj: Node
    index: Node


@dataclass(frozen=True)
class UnaryOp(Node):
    """``op`` is one of ``-``, ``~``, ``not``."""

    op: str
    operand: Node


@dataclass(frozen=True)
class BinOp(Node):
    """``op`` is one of ``+ - * / % << >> & | ^ == != < <= > >= and or``."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Ternary(Node):
    """``cond ? if_true : if_false``."""

    cond: Node
    if_true: Node
    if_false: Node


@dataclass(frozen=True)
class TypeRef(Node):
    """A type name as written in ``.as<>``, ``sizeof<>`` and ``bitsizeof<>``.

    ``path`` is the ``::``-separated name (``("foo", "bar")`` for ``foo::bar``; ``("u4",)`` for a
    builtin); ``is_array`` is true for ``foo[]``; ``absolute`` for a leading ``::``.
    """

    path: tuple[str, ...]
    is_array: bool = False
    absolute: bool = False


@dataclass(frozen=True)
class EnumRef(Node):
    """``enum_name::label``, optionally qualified by types: ``foo::bar::animal::cat`` has
    ``type_path=("foo", "bar")``, ``enum="animal"``, ``label="cat"``; ``absolute`` for a leading
    ``::``."""

    type_path: tuple[str, ...]
    enum: str
    label: str
    absolute: bool = False


@dataclass(frozen=True)
class Cast(Node):
    """``obj.as<type>``."""

    obj: Node
    type: TypeRef


@dataclass(frozen=True)
class SizeOf(Node):
    """``sizeof<type>`` (bytes)."""

    type: TypeRef


@dataclass(frozen=True)
class BitSizeOf(Node):
    """``bitsizeof<type>`` (bits)."""

    type: TypeRef
