"""Display text of a field's value: the field-model side of DESIGN.md "Value rendering".

Scalars go through :func:`pktscope.render.display.display_value` with the field's
``-pktscope-display`` hint; this module adds what only the field model knows: a structure shows
the value of its type's ``-pktscope-value`` instance (a DNS name as text) or nothing, and a
whole array shows its elements' displays comma-joined.
"""

from __future__ import annotations

from typing import Any

from pktscope.fields.schema import FieldMeta, is_struct, type_info
from pktscope.render.display import display_value

__all__ = ["display_of", "display_scalar"]


def display_of(value: Any, meta: FieldMeta | None, *, enum_names: bool = True) -> str:
    """Text for ``value`` held by a field described by ``meta`` (None for frame fields)."""
    if is_struct(value):
        info = type_info(type(value))
        inst = info.hints.get("value")
        if not isinstance(inst, str):
            return ""
        imeta = info.lookup(inst)
        try:
            inner = getattr(value, imeta.attr if imeta is not None else inst)
        except Exception:
            return ""
        return display_of(inner, imeta, enum_names=enum_names)
    if isinstance(value, list):
        parts = [display_of(v, meta, enum_names=enum_names) for v in value]
        return ",".join(p for p in parts if p)
    if meta is None:
        return display_value(value, enum_names=enum_names)
    return display_value(value, meta.display_hint, enum_names=enum_names, size=meta.size)


def display_scalar(
    value: Any, hint: str | None, *, enum_names: bool = True, size: int | None = None
) -> str:
    """One scalar's text, by the shared renderer (``size`` zero-pads ``hex`` integers)."""
    return display_value(value, hint, enum_names=enum_names, size=size)
