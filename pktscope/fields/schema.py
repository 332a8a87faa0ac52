"""Static metadata of generated parser classes, as the field model reads it (docs/spans.md).

A generated class carries ``SEQ_FIELDS``, ``_PKT_INSTANCES``, ``_PKT_FIELDS`` and ``_PKT_HINTS``.
:func:`type_info` turns those into a cached :class:`TypeInfo`: fields in spec order, looked up by
spec id (what users write in paths) or by Python attribute name (what the object stores), and
resolves a field's declared user type (``"Dhcp.Option"``) to its class for static path listings.
Classes that lack the attributes (hand-written stand-ins, official compiler output) get an
empty schema rather than an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FieldMeta", "TypeInfo", "is_struct", "type_info"]

_PRIMITIVE_TYPES = frozenset({"bytes", "str", "strz", "bool"})


@dataclass(frozen=True, slots=True)
class FieldMeta:
    """What the spec says about one seq field or instance (docs/spans.md ``_PKT_FIELDS``)."""

    attr: str
    id: str
    spec_path: str = ""
    kind: str = "seq"
    type: str | None = None
    size: int | None = None
    bit_size: int | None = None
    repeat: str | None = None
    enum: str | None = None
    encoding: str | None = None
    endian: str | None = None
    bit_endian: str | None = None
    process: bool = False
    hints: Mapping[str, Any] = field(default_factory=dict)
    cases: tuple[str, ...] = ()  # a switch-on field: the user types it may hold

    @property
    def is_user_type(self) -> bool:
        """True when the declared type is a generated class, not a primitive."""
        t = self.type
        if t is None or t in _PRIMITIVE_TYPES:
            return False
        return not _is_number_type(t)

    @property
    def display_hint(self) -> str | None:
        """The ``-pktscope-display`` hint (``mac``, ``ipv4``, ``hex``...), if any."""
        hint = self.hints.get("display")
        return hint if isinstance(hint, str) else None


def _is_number_type(t: str) -> bool:
    if t[:1] in ("u", "s") and t[1:2].isdigit():
        return True
    if t[:1] == "f" and t[1:2] in ("4", "8"):
        return True
    return t[:1] == "b" and t[1:].isdigit()


class TypeInfo:
    """The schema of one generated class: its fields in spec order and its type-level hints."""

    __slots__ = ("by_attr", "by_id", "cls", "hints", "instances", "order", "seq")

    def __init__(self, cls: type) -> None:
        self.cls = cls
        raw: Mapping[str, Mapping[str, Any]] = getattr(cls, "_PKT_FIELDS", None) or {}
        seq = list(getattr(cls, "SEQ_FIELDS", None) or [])
        inst = list(getattr(cls, "_PKT_INSTANCES", None) or [])
        hints = getattr(cls, "_PKT_HINTS", None)
        self.hints: Mapping[str, Any] = hints if isinstance(hints, Mapping) else {}
        self.seq: list[FieldMeta] = [_meta(a, raw.get(a), "seq") for a in seq]
        self.instances: list[FieldMeta] = [_meta(a, raw.get(a), "instance") for a in inst]
        self.order: list[FieldMeta] = self.seq + self.instances
        self.by_attr: dict[str, FieldMeta] = {m.attr: m for m in self.order}
        self.by_id: dict[str, FieldMeta] = {}
        for m in self.order:
            self.by_id.setdefault(m.id, m)
            self.by_id.setdefault(m.attr, m)

    def lookup(self, name: str) -> FieldMeta | None:
        """The field named ``name`` (spec id or Python attribute), or None."""
        return self.by_id.get(name)

    def case_classes(self, meta: FieldMeta) -> list[type]:
        """The generated classes a switch-on field may hold (empty for other fields)."""
        found = (resolve_qualname(self.cls, name) for name in meta.cases)
        return [c for c in found if c is not None]

    def child_class(self, meta: FieldMeta) -> type | None:
        """The generated class a field's declared user type names, or None if unknown."""
        if not meta.is_user_type or meta.type is None:
            return None
        return resolve_qualname(self.cls, meta.type)

    def __iter__(self) -> Iterator[FieldMeta]:
        return iter(self.order)

    def __repr__(self) -> str:
        return f"TypeInfo({self.cls.__qualname__}, {[m.id for m in self.order]})"


def _meta(attr: str, raw: Mapping[str, Any] | None, default_kind: str) -> FieldMeta:
    if not raw:
        return FieldMeta(attr=attr, id=attr.lstrip("_") or attr, kind=default_kind)
    hints = raw.get("hints")
    return FieldMeta(
        attr=attr,
        id=str(raw.get("id") or attr),
        spec_path=str(raw.get("spec_path") or ""),
        kind=str(raw.get("kind") or default_kind),
        type=raw.get("type"),
        size=raw.get("size"),
        bit_size=raw.get("bit_size"),
        repeat=raw.get("repeat"),
        enum=raw.get("enum"),
        encoding=raw.get("encoding"),
        endian=raw.get("endian"),
        bit_endian=raw.get("bit_endian"),
        process=bool(raw.get("process")),
        hints=hints if isinstance(hints, Mapping) else {},
        cases=tuple(str(c) for c in raw.get("cases") or ()),
    )


_INFO: dict[type, TypeInfo] = {}


def type_info(cls: type) -> TypeInfo:
    """The cached :class:`TypeInfo` of a generated class."""
    info = _INFO.get(cls)
    if info is None:
        info = _INFO[cls] = TypeInfo(cls)
    return info


_STRUCT_TYPES: dict[type, bool] = {}


def is_struct(value: object) -> bool:
    """True when ``value`` is a parsed object of a generated class (has spans)."""
    t = type(value)
    known = _STRUCT_TYPES.get(t)
    if known is None:
        known = _STRUCT_TYPES[t] = hasattr(t, "_pkt_span")
    return known


def resolve_qualname(anchor: type, qualname: str) -> type | None:
    """Find the class ``qualname`` (``"Dhcp.Option"``) in the module that defines ``anchor``.

    Works for modules compiled in memory and never put in ``sys.modules``: the namespace is
    taken from a function defined in the class body.
    """
    namespace: Mapping[str, Any] | None = None
    for name in ("_read", "__init__"):
        fn = anchor.__dict__.get(name)
        glob = getattr(fn, "__globals__", None)
        if isinstance(glob, dict):
            namespace = glob
            break
    if namespace is None:
        module = sys.modules.get(anchor.__module__)
        namespace = vars(module) if module is not None else {}
    parts = qualname.split(".")
    obj: Any = namespace.get(parts[0])
    for part in parts[1:]:
        if obj is None:
            break
        obj = getattr(obj, part, None)
    return obj if isinstance(obj, type) else None
