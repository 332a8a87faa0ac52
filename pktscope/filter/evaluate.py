"""Filter AST × packet → bool.

A path names every occurrence of a field (``dns.queries.name`` is each query's name); a
comparison holds when it holds for *any* occurrence, as in Wireshark, except ``!=``, which
holds when the field is present and *every* occurrence differs (Wireshark 3.6+: ``a != b`` is
``all_ne``; ``~=``/``any_ne`` is the any-occurrence form). Right-hand literals are typed
against the field's value: ints (``67``, ``0x43``), bytes (``00:16:3e:00:00:01``,
``00163e...``, ``10.0.0.1`` for 4-byte fields), strings, IP addresses and CIDR networks
(``192.168.0.0/24``: ``==`` is "in", for 4- and 16-byte address fields), enum names.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pktscope.errors import FilterError, PktscopeError
from pktscope.filter.parser import And, Compare, Literal, Node, Not, Or, Present, parse

__all__ = ["Filter", "compile_filter", "field_values", "layer_names"]

_HEX_SEP = re.compile(r"[0-9A-Fa-f]{1,2}([:\-.][0-9A-Fa-f]{1,2})+")
_HEX_PLAIN = re.compile(r"(?:[0-9A-Fa-f]{2})+")
_IPV4 = re.compile(r"\d{1,3}(\.\d{1,3}){3}")


def layer_names(packet: Any) -> list[str]:
    """Names of the packet's decoded layers (``['eth', 'ipv4', 'udp', 'dhcp']``)."""
    names = []
    for layer in getattr(packet, "layers", ()) or ():
        if isinstance(layer, str):
            names.append(layer)
        else:
            name = getattr(layer, "name", None) or getattr(layer, "path", "")
            names.append(str(name).split(".")[0])
    return names


def field_values(packet: Any, path: str) -> list[Any]:
    """Every field at ``path`` in ``packet`` (an unindexed array step means every element)."""
    find_all = getattr(packet, "get_all", None) or getattr(packet, "find_all", None)
    try:
        if find_all is not None:
            return list(find_all(path))
        found = packet[path]
    except (KeyError, IndexError, PktscopeError):
        return []
    if isinstance(found, list | tuple):
        return list(found)
    return [found]


@dataclass(slots=True)
class _Typed:
    """A literal pre-converted to every type a field value may have (None: not convertible)."""

    text: str
    quoted: bool
    as_int: int | None = None
    as_bytes: bytes | None = None
    as_ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None = None
    as_float: float | None = None
    as_net: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    regex: re.Pattern[str] | None = field(default=None)


def _typed(lit: Literal, op: str, source: str) -> _Typed:
    t = lit.text
    out = _Typed(t, lit.quoted)
    if op == "matches":
        try:
            out.regex = re.compile(t)
        except re.error as exc:
            raise FilterError(f"bad regular expression: {exc}", text=source, col=lit.col) from exc
        return out
    if lit.quoted:
        out.as_bytes = t.encode()
        return out
    try:
        out.as_int = int(t, 0)
    except ValueError:
        if t.isdigit():
            out.as_int = int(t, 10)
    with contextlib.suppress(ValueError):
        out.as_float = float(t)
    with contextlib.suppress(ValueError):
        out.as_ip = ipaddress.ip_address(t)
    if "/" in t:
        with contextlib.suppress(ValueError):
            out.as_net = ipaddress.ip_network(t, strict=False)
    if isinstance(out.as_ip, ipaddress.IPv4Address) and _IPV4.fullmatch(t):
        out.as_bytes = out.as_ip.packed
        out.as_int = int(out.as_ip)
    elif out.as_ip is not None:
        out.as_bytes = out.as_ip.packed
    else:
        out.as_bytes = bytes_literal(t)
    return out


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: bool(a == b),
    "!=": lambda a, b: bool(a != b),
    "~=": lambda a, b: bool(a != b),
    ">": lambda a, b: bool(a > b),
    "<": lambda a, b: bool(a < b),
    ">=": lambda a, b: bool(a >= b),
    "<=": lambda a, b: bool(a <= b),
}


def _display(f: Any) -> str:
    return str(getattr(f, "display", "") or getattr(f, "value", ""))


def _compare_one(f: Any, op: str, lit: _Typed) -> bool:
    value = getattr(f, "value", None)
    if op == "matches":
        assert lit.regex is not None
        return lit.regex.search(value if isinstance(value, str) else _display(f)) is not None
    if lit.as_net is not None and op in ("==", "!=", "~="):
        return _in_network(value, lit.as_net) is (op == "==")
    if isinstance(value, bytes | bytearray | memoryview):
        rhs_b = lit.as_bytes
        if rhs_b is None:
            return False
        lhs_b = bytes(value)
        return rhs_b in lhs_b if op == "contains" else _ORDER[op](lhs_b, rhs_b)
    if isinstance(value, str):
        return lit.text in value if op == "contains" else _ORDER[op](value, lit.text)
    if op == "contains":
        if lit.as_bytes is not None and not isinstance(value, int | float):
            try:  # a layer or a structure: its bytes (`udp contains 00:01`)
                return lit.as_bytes in f.copy()
            except Exception:  # a field without bytes
                return False
        return lit.text in _display(f)
    if isinstance(value, bool):
        rhs_bool = {"true": True, "1": True, "false": False, "0": False}.get(lit.text.lower())
        return rhs_bool is not None and _ORDER[op](value, rhs_bool)
    if isinstance(value, int):
        if lit.as_int is not None:
            return _ORDER[op](int(value), lit.as_int)
        if isinstance(value, Enum) and op in ("==", "!=", "~="):
            return _ORDER[op](value.name.lower(), lit.text.lower())
        return False
    if isinstance(value, float):
        return lit.as_float is not None and _ORDER[op](value, lit.as_float)
    if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
        ip = lit.as_ip
        return ip is not None and ip.version == value.version and _ORDER[op](value, ip)
    return op in ("==", "!=", "~=") and _ORDER[op](_display(f), lit.text)


def _in_network(value: Any, net: ipaddress.IPv4Network | ipaddress.IPv6Network) -> bool:
    """Whether an address value (4 or 16 bytes, an int of an IPv4 field, an address) is in
    ``net``; a value of another kind is in no network."""
    try:
        if isinstance(value, bytes | bytearray | memoryview):
            if len(value) != (4 if net.version == 4 else 16):
                return False
            addr = ipaddress.ip_address(bytes(value))
        elif isinstance(value, int) and not isinstance(value, bool) and net.version == 4:
            addr = ipaddress.IPv4Address(value)
        elif isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
            addr = value
        else:
            return False
    except ValueError:
        return False
    return addr.version == net.version and addr in net


def bytes_literal(text: str) -> bytes | None:
    """The bytes an unquoted filter literal spells (``00:0b:82``, ``00-0b``, ``0x000b``,
    ``000b``), or None."""
    if _HEX_SEP.fullmatch(text):
        return bytes(int(p, 16) for p in re.split(r"[:\-.]", text))
    if text.lower().startswith("0x") and _HEX_PLAIN.fullmatch(text[2:]):
        return bytes.fromhex(text[2:])
    if _HEX_PLAIN.fullmatch(text):
        return bytes.fromhex(text)
    return None


Predicate = Callable[[Any], bool]
FRAME_FLAGS = frozenset({"frame.malformed", "frame.truncated"})


def _build(node: Node, source: str) -> Predicate:
    if isinstance(node, Present):
        path = node.path
        if path == "frame":
            return lambda p: True
        if "." not in path and "[" not in path:
            return lambda p: path in layer_names(p) or bool(field_values(p, path))
        if path in FRAME_FLAGS:  # always there: a bare flag tests its value, as tshark's
            # _ws.malformed / _ws.short are there only when true
            return lambda p: any(getattr(f, "value", None) is True for f in field_values(p, path))
        return lambda p: bool(field_values(p, path))
    if isinstance(node, Compare):
        path, op, lit = node.path, node.op, _typed(node.literal, node.op, source)
        if op == "!=":  # all_ne: present, and no occurrence equal

            def all_ne(p: Any) -> bool:
                found = field_values(p, path)
                return bool(found) and all(_compare_one(f, op, lit) for f in found)

            return all_ne
        return lambda p: any(_compare_one(f, op, lit) for f in field_values(p, path))
    if isinstance(node, Not):
        inner = _build(node.operand, source)
        return lambda p: not inner(p)
    parts: Sequence[Predicate] = [_build(n, source) for n in node.operands]
    if isinstance(node, And):
        return lambda p: all(f(p) for f in parts)
    assert isinstance(node, Or)
    return lambda p: any(f(p) for f in parts)


class Filter:
    """A compiled display filter: ``Filter.matches(packet) -> bool``."""

    def __init__(self, text: str, node: Node) -> None:
        self.text = text
        self.node = node
        self._pred = _build(node, text)

    def matches(self, packet: Any) -> bool:
        """True when ``packet`` satisfies the filter; a field missing from it never matches."""
        return self._pred(packet)

    def __repr__(self) -> str:
        return f"Filter({self.text!r})"


def compile_filter(text: str) -> Filter:
    """Compile display-filter ``text``; raises :class:`FilterError` (with ``col``) when invalid.

    >>> compile_filter("udp and not (dns or dhcp)")
    Filter('udp and not (dns or dhcp)')
    """
    return Filter(text, parse(text))
