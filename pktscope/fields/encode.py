"""Encoding a new value for a fixed-size field into its bytes, for ``Field.set``.

Only fields whose byte layout is fully fixed by the spec can be written: integers and floats of
a fixed width (with their endianness), bit fields (read-modify-write of the bytes they touch),
and byte/string fields with a literal ``size``. Everything else (sizes computed from other
fields, ``process:``-ed bytes, value instances, arrays as a whole) is refused with a
:class:`FieldError` saying why. Values are checked against the type's range; for byte fields a
``mac``/``ipv4``/``ipv6`` display hint also lets the value be given as text.
"""

from __future__ import annotations

import ipaddress
import struct
from typing import Any

from pktscope.errors import PktscopeError
from pktscope.fields.schema import FieldMeta
from pktscope.spec.types import int_range

__all__ = ["FieldError", "encode_value", "writable_reason"]


class FieldError(PktscopeError, ValueError):
    """A field cannot be read as asked or written with the given value (``path`` names it)."""

    def __init__(self, message: str, *, path: str = "") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


def writable_reason(meta: FieldMeta | None, *, whole_array: bool, transformed: bool) -> str | None:
    """Why a field cannot be ``set`` (None when it can)."""
    if meta is None:
        return "has no spec field behind it (a frame property or a layer)"
    if meta.kind == "value":
        return "is computed (a value instance), it has no bytes of its own"
    if transformed or meta.process:
        return "is transformed by process: (its bytes cannot be written back)"
    if whole_array and meta.repeat is not None:
        return "is a whole array; set its elements (path[i]) one by one"
    t = meta.type
    if t is None:
        return "has no fixed type (switch-on or untyped), write its raw bytes with blit()"
    if _int_width(t) is not None or t in ("f4be", "f4le", "f8be", "f8le", "f4", "f8"):
        return None
    if t == "bool" or _bit_width(t) is not None:
        return None
    if t in ("bytes", "str", "strz"):
        if meta.size is None:
            return (
                "is variable-size (its size is computed from other fields); blit() writes "
                "raw bytes of its current size"
            )
        return None
    return f"is a {t} (a structure), set its fields instead"


def _int_width(t: str) -> int | None:
    if t[:1] in ("u", "s") and t[1:2].isdigit():
        return int(t[1])
    return None


def _bit_width(t: str) -> int | None:
    if t[:1] == "b" and t[1:].isdigit():
        return int(t[1:])
    return None


def encode_value(
    meta: FieldMeta,
    value: Any,
    current: bytes,
    *,
    bit_offset: int | None,
    bit_size: int | None,
    start: int,
    path: str = "",
) -> bytes:
    """The new bytes for the span ``current`` (``start`` is its absolute byte offset).

    ``bit_offset``/``bit_size`` are the absolute bit position and width of a bit field.
    """
    t = meta.type or ""
    width = _int_width(t)
    if width is not None:
        ival = _as_int(value, meta, path)
        signed = t[0] == "s"
        lo, hi = int_range(t) or (0, 256**width - 1)
        if not lo <= ival <= hi:
            raise FieldError(f"value {ival} out of range for {t} ({lo}..{hi})", path=path)
        little = meta.endian == "le" or t.endswith("le")
        out = ival.to_bytes(width, "little" if little else "big", signed=signed)
        return _check_len(out, current, path)
    if t[:1] == "f" and t[1:2] in ("4", "8"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(f"expected a number for {t}, got {type(value).__name__}", path=path)
        fmt = ("<" if (meta.endian == "le" or t.endswith("le")) else ">") + (
            "f" if t[1] == "4" else "d"
        )
        try:
            out = struct.pack(fmt, value)
        except (OverflowError, struct.error) as exc:
            raise FieldError(f"value {value} does not fit {t}: {exc}", path=path) from exc
        return _check_len(out, current, path)
    bits = 1 if t == "bool" else _bit_width(t)
    if bits is not None:
        ival = _as_int(value, meta, path)
        if not 0 <= ival < (1 << bits):
            raise FieldError(f"value {ival} out of range for {t} (0..{(1 << bits) - 1})", path=path)
        if bit_offset is None or bit_size is None:
            if len(current) * 8 != bits:
                raise FieldError(f"bit field without a bit span ({t})", path=path)
            return _check_len(ival.to_bytes(len(current), "big"), current, path)
        return _write_bits(current, start, bit_offset, bit_size, ival, meta.bit_endian or "be")
    if t in ("bytes", "str", "strz"):
        data = _as_bytes(value, meta, path)
        if t == "strz" and len(data) < len(current):
            # a sized strz ends at its terminator: a shorter text is written with it, the
            # rest of the slot zero-filled (what reading it back ignores)
            data = data.ljust(len(current), b"\0")
        return _check_len(data, current, path)
    raise FieldError(f"cannot encode a value of type {t or 'unknown'}", path=path)


def _check_len(data: bytes, current: bytes, path: str) -> bytes:
    if len(data) != len(current):
        raise FieldError(
            f"wrong length: the field holds {len(current)} bytes, the value has {len(data)}",
            path=path,
        )
    return data


def _as_int(value: Any, meta: FieldMeta, path: str) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str) and meta.enum is not None:
        raise FieldError(
            f"{value!r} is no name of the field's enum: give a member name, an int or a member",
            path=path,
        )
    if isinstance(value, str) and meta.display_hint == "ipv4":
        try:
            return int(ipaddress.IPv4Address(value))
        except ValueError as exc:
            raise FieldError(f"not an IPv4 address: {value!r}", path=path) from exc
    raise FieldError(f"expected an integer, got {type(value).__name__} {value!r}", path=path)


def _as_bytes(value: Any, meta: FieldMeta, path: str) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        hint = meta.display_hint
        try:
            if hint == "mac":
                return bytes.fromhex(value.replace(":", "").replace("-", ""))
            if hint == "ipv4":
                return ipaddress.IPv4Address(value).packed
            if hint == "ipv6":
                return ipaddress.IPv6Address(value).packed
        except ValueError as exc:
            raise FieldError(f"not a valid {hint} value: {value!r}", path=path) from exc
        if meta.type in ("str", "strz"):
            try:
                return value.encode(meta.encoding or "utf-8")
            except (LookupError, UnicodeEncodeError) as exc:
                raise FieldError(f"cannot encode {value!r}: {exc}", path=path) from exc
        raise FieldError("give bytes for a byte field (text needs a display hint)", path=path)
    raise FieldError(f"expected bytes, got {type(value).__name__}", path=path)


def _write_bits(  # noqa: PLR0917 - private helper, all six are needed
    current: bytes, start: int, bit_offset: int, bit_size: int, value: int, bit_endian: str
) -> bytes:
    total = 8 * len(current)
    rel = bit_offset - 8 * start
    if bit_endian == "le":
        word = int.from_bytes(current, "little")
        shift = rel
        mask = ((1 << bit_size) - 1) << shift
        word = (word & ~mask) | (value << shift)
        return word.to_bytes(len(current), "little")
    word = int.from_bytes(current, "big")
    shift = total - rel - bit_size
    mask = ((1 << bit_size) - 1) << shift
    word = (word & ~mask) | (value << shift)
    return word.to_bytes(len(current), "big")
