"""What generated extractor code calls: the fallback exception and a few bounded reads.

``_FB`` is raised (by ``_fb()`` and by every failed check) when a frame needs the full decode;
the driver catches it per frame. ``_rd``/``_rdb`` read a ``pos:`` instance inside its stream
bounds or fall back (where the parser would fail); ``_toi`` is ``.to_i`` of an integer or enum.
"""

from __future__ import annotations

import struct
from typing import Any, NoReturn

__all__ = ["Fallback", "namespace"]


class Fallback(Exception):
    """This frame takes the full decode (never escapes the extract package)."""


_NO: Any = object()


def _fb() -> NoReturn:
    raise Fallback


def _toi(value: Any) -> int:
    if type(value) is int:
        return value
    raise Fallback


def _rd(  # noqa: PLR0917 - mirrors one generated call
    buf: Any, at: int, size: int, order: Any, signed: bool, start: int, end: int
) -> int:
    if type(at) is not int or at < start or at + size > end:
        raise Fallback
    return int.from_bytes(buf[at : at + size], order, signed=signed)


def _rdb(buf: Any, at: int, size: int, start: int, end: int) -> bytes:
    if type(at) is not int or type(size) is not int or size < 0 or at < start or at + size > end:
        raise Fallback
    return bytes(buf[at : at + size])


def namespace() -> dict[str, Any]:
    """A fresh globals dict for one generated module."""
    return {
        "__builtins__": __builtins__,
        "_FB": Fallback,
        "_struct": struct,
        "_NO": _NO,
        "_fb": _fb,
        "_toi": _toi,
        "_rd": _rd,
        "_rdb": _rdb,
    }
