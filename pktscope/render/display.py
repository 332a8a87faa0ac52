"""Typed display of field values: MAC, IPv4, IPv6, enums, integers, text (DESIGN "Value rendering").

One function per kind plus :func:`display_value`, which dispatches first on a display hint
(``-pktscope-display: mac`` in a spec) and otherwise on the Python type of the value. Rendering
never raises for a value that does not fit its hint (a 16-byte ``chaddr`` with a ``mac`` hint is
still shown, colon-separated; a 3-byte ``ipv4`` falls back to hex): a display is for reading.

Choices where the design leaves room: booleans are ``true``/``false`` (as in JSON), several
values are joined with ``,`` (as ``tshark -T fields`` does), an integer that is not a member of
its enum shows as ``unknown (7)``, byte text is cut at its first NUL.
"""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Iterable
from typing import Any

from pktscope.render.hexstr import hexstr

__all__ = [
    "HINTS",
    "display_value",
    "format_enum",
    "format_hex",
    "format_ipv4",
    "format_ipv6",
    "format_mac",
    "format_text",
]

Bytesish = bytes | bytearray | memoryview


def format_mac(b: Bytesish) -> str:
    """Colon-separated lowercase hex: ``format_mac(bytes.fromhex("00163e6f43f4"))`` gives
    ``"00:16:3e:6f:43:f4"``. Any length is accepted (EUI-64, a full 16-byte ``chaddr``)."""
    return hexstr(b, ":")


def format_ipv4(b: Bytesish | int) -> str:
    """Dotted quad from 4 bytes (network order) or an integer: ``"192.168.0.1"``.

    Raises ``ValueError`` for another length or an integer outside 0..2**32-1.
    """
    if isinstance(b, int):
        if not 0 <= b <= 0xFFFFFFFF:
            raise ValueError(f"ipv4 address out of range: {b}")
        return str(ipaddress.IPv4Address(b))
    raw = bytes(b)
    if len(raw) != 4:
        raise ValueError(f"ipv4 address needs 4 bytes, got {len(raw)}: {raw.hex()}")
    return f"{raw[0]}.{raw[1]}.{raw[2]}.{raw[3]}"


def format_ipv6(b: Bytesish | int) -> str:
    """RFC 5952 text of 16 bytes (or an integer): ``"2001:db8::1"``, ``"::ffff:192.0.2.1"``.

    Raises ``ValueError`` for another length.
    """
    if isinstance(b, int):
        if not 0 <= b < 1 << 128:
            raise ValueError(f"ipv6 address out of range: {b}")
        return _ipv6_text(ipaddress.IPv6Address(b))
    raw = bytes(b)
    if len(raw) != 16:
        raise ValueError(f"ipv6 address needs 16 bytes, got {len(raw)}: {raw.hex()}")
    return _ipv6_text(ipaddress.IPv6Address(raw))


def _ipv6_text(addr: ipaddress.IPv6Address) -> str:
    # RFC 5952 section 5: IPv4-mapped addresses end in dotted decimal (Python < 3.13 does not)
    mapped = addr.ipv4_mapped
    if mapped is not None:
        return f"::ffff:{mapped}"
    return str(addr)


def format_enum(value: int | enum.Enum, enum_type: type[enum.IntEnum] | None = None) -> str:
    """``name (value)`` for an enum member: ``"dhcp_discover (1)"``.

    A plain integer is looked up in ``enum_type`` when given; one that is no member shows as
    ``"unknown (7)"``.
    """
    if isinstance(value, enum.Enum):
        return f"{value.name} ({value.value})"
    if enum_type is not None:
        try:
            member = enum_type(value)
        except ValueError:
            pass
        else:
            return f"{member.name} ({int(member)})"
    return f"unknown ({value})"


def format_hex(value: Bytesish | int, size: int | None = None) -> str:
    """Bytes as contiguous lowercase hex; an integer as ``0x`` hex, zero-padded to ``size``
    bytes when given: ``format_hex(0x1a, 2) == "0x001a"``."""
    if isinstance(value, int):
        if value < 0:
            return "-" + format_hex(-value, size)
        width = 2 * size if size else 1
        return f"0x{value:0{width}x}"
    return hexstr(value)


def format_text(value: str | Bytesish) -> str:
    """Text through :func:`escape_text`; bytes cut at the first NUL and decoded as UTF-8 (bad
    bytes as ``\\xNN``)."""
    if isinstance(value, str):
        return escape_text(value)
    raw = bytes(value)
    nul = raw.find(0)
    if nul >= 0:
        raw = raw[:nul]
    return escape_text(raw.decode("utf-8", errors="backslashreplace"))


_C_ESCAPES = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}


def escape_text(text: str) -> str:
    """``text`` with what would break a line or a column shown as Wireshark's format_text()
    shows it: C escapes for the usual control characters, ``\\ooo`` for the other ASCII ones,
    ``\\uXXXX`` for any other unprintable character; printable text is unchanged.

    >>> escape_text("go\\tgle.com"), escape_text("a\\x01b")
    ('go\\\\tgle.com', 'a\\\\001b')
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        o = ord(ch)
        if ch.isprintable():
            out.append(ch)
        elif o in _C_ESCAPES:
            out.append(_C_ESCAPES[o])
        elif o < 0x80:
            out.append(f"\\{o:03o}")
        else:
            out.append(f"\\u{o:04x}")
    return "".join(out)


def _by_hint(value: Any, hint: str, *, enum_names: bool, size: int | None) -> str | None:
    """The display of ``value`` under ``hint``, or None when the value does not fit it."""
    is_bytes = isinstance(value, Bytesish)
    if hint == "mac":
        return format_mac(value) if is_bytes else None
    if hint == "ipv4":
        if (is_bytes and len(value) == 4) or (isinstance(value, int) and 0 <= value < 1 << 32):
            return format_ipv4(value)
        return None
    if hint == "ipv6":
        if (is_bytes and len(value) == 16) or (isinstance(value, int) and 0 <= value < 1 << 128):
            return format_ipv6(value)
        return None
    if hint == "hex":
        return format_hex(value, size) if is_bytes or isinstance(value, int) else None
    if hint == "text":
        return format_text(value) if is_bytes or isinstance(value, str) else None
    if hint == "int":
        return str(int(value)) if isinstance(value, int) else None
    if hint == "bool":
        return ("true" if value else "false") if isinstance(value, int) else None
    if hint == "enum":
        if isinstance(value, int):
            return format_enum(value) if enum_names else str(int(value))
        return None
    return None


HINTS = frozenset({"mac", "ipv4", "ipv6", "hex", "text", "int", "bool", "enum"})


def display_value(
    value: Any,
    hint: str | None = None,
    *,
    enum_names: bool = True,
    size: int | None = None,
) -> str:
    """The display string of a field value.

    >>> display_value(bytes.fromhex("00163e6f43f4"), "mac")
    '00:16:3e:6f:43:f4'
    >>> display_value(bytes.fromhex("c0a80001"), "ipv4")
    '192.168.0.1'
    >>> display_value(bytes.fromhex("00163e6f43f400000000000000000000"))
    '00163e6f43f400000000000000000000'

    ``hint`` (one of :data:`HINTS`) wins when the value fits it; otherwise the Python type
    decides: bytes -> contiguous lowercase hex, ``str`` -> itself, ``bool`` -> ``true``/``false``,
    ``IntEnum`` -> ``name (value)`` (its integer when ``enum_names`` is false), ``int`` ->
    decimal, ``float`` -> shortest repr, list/tuple -> each element rendered alike and joined
    with ``,``, ``None`` -> ``""``. ``size`` zero-pads integers shown under the ``hex`` hint.
    """
    if isinstance(value, list | tuple):
        return ",".join(
            display_value(v, hint, enum_names=enum_names, size=size) for v in _flat(value)
        )
    if hint is not None:
        shown = _by_hint(value, hint, enum_names=enum_names, size=size)
        if shown is not None:
            return shown
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        if enum_names:
            return format_enum(value)
        return str(value.value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, Bytesish):
        return hexstr(value)
    return str(value)


def _flat(values: Iterable[Any]) -> Iterable[Any]:
    for v in values:
        if isinstance(v, list | tuple):
            yield from _flat(v)
        else:
            yield v
