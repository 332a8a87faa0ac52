"""Reading decoded objects that may be partial: a missing or failing step gives None.

The packet-list wording (:mod:`pktscope.render.info`, :mod:`pktscope.render.conversations`)
reads a few fields of whatever decoded, broken frames included, and must never fail a line.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["as_int", "attr_path"]


def as_int(v: Any) -> int | None:
    """``v`` as a plain int (an enum member's value), or None for anything else."""
    if isinstance(v, enum.Enum):
        v = v.value
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def attr_path(obj: Any, *names: str) -> Any:
    """``obj.a.b...`` or None when any step is absent or fails (a partial object, an instance
    that cannot evaluate)."""
    for name in names:
        if obj is None:
            return None
        try:
            obj = getattr(obj, name)
        except Exception:  # never read, or cannot evaluate: absent
            return None
    return obj
