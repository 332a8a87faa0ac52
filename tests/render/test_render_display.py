"""Typed display: MAC, IPv4, IPv6 (RFC 5952), enums, hints and Python-type dispatch."""

from __future__ import annotations

import enum
from typing import Any

import pytest

from pktscope.render.display import (
    display_value,
    format_enum,
    format_hex,
    format_ipv4,
    format_ipv6,
    format_mac,
    format_text,
)


class MessageType(enum.IntEnum):
    dhcp_discover = 1
    dhcp_offer = 2


def test_format_mac_and_ipv4() -> None:
    assert format_mac(bytes.fromhex("00163e6f43f4")) == "00:16:3e:6f:43:f4"
    assert format_ipv4(bytes.fromhex("c0a80001")) == "192.168.0.1"
    assert format_ipv4(0xC0A80001) == "192.168.0.1"
    assert format_ipv4(bytearray(4)) == "0.0.0.0"
    with pytest.raises(ValueError, match="needs 4 bytes, got 3"):
        format_ipv4(b"\x01\x02\x03")
    with pytest.raises(ValueError, match="out of range"):
        format_ipv4(1 << 32)


@pytest.mark.parametrize(
    ("hexdata", "expected"),
    [
        ("20010db8000000000000000000000001", "2001:db8::1"),
        ("00000000000000000000000000000000", "::"),
        ("00000000000000000000ffffc0000201", "::ffff:192.0.2.1"),
        ("fe800000000000000216 3eff fe6f 43f4".replace(" ", ""), "fe80::216:3eff:fe6f:43f4"),
        ("20010db8000000010000000000000001", "2001:db8:0:1::1"),
        ("20010db8000000000001000000000001", "2001:db8::1:0:0:1"),
    ],
)
def test_format_ipv6_rfc5952(hexdata: str, expected: str) -> None:
    assert format_ipv6(bytes.fromhex(hexdata)) == expected


def test_format_ipv6_bad_length() -> None:
    with pytest.raises(ValueError, match="needs 16 bytes, got 4"):
        format_ipv6(bytes(4))


def test_format_enum_members_and_unknown() -> None:
    assert format_enum(MessageType.dhcp_offer) == "dhcp_offer (2)"
    assert format_enum(1, MessageType) == "dhcp_discover (1)"
    assert format_enum(7, MessageType) == "unknown (7)"
    assert format_enum(7) == "unknown (7)"


def test_format_hex_and_text() -> None:
    assert format_hex(bytes.fromhex("00ff")) == "00ff"
    assert format_hex(0x1A, 2) == "0x001a"
    assert format_hex(0x1A) == "0x1a"
    assert format_text(b"boot.img\x00\x00junk") == "boot.img"
    assert format_text(b"caf\xc3\xa9\xff") == "café\\xff"
    assert format_text("x") == "x"


CHADDR = bytes.fromhex("00163e6f43f400000000000000000000")

DISPATCH: list[tuple[Any, str | None, dict[str, Any], str]] = [
    (CHADDR, None, {}, "00163e6f43f400000000000000000000"),
    (CHADDR[:6], "mac", {}, "00:16:3e:6f:43:f4"),
    (CHADDR, "mac", {}, "00:16:3e:6f:43:f4:00:00:00:00:00:00:00:00:00:00"),
    (bytes.fromhex("c0a80001"), "ipv4", {}, "192.168.0.1"),
    (3232235521, "ipv4", {}, "192.168.0.1"),
    (bytes.fromhex("c0a800"), "ipv4", {}, "c0a800"),  # does not fit: hex
    (bytes.fromhex("20010db8000000000000000000000001"), "ipv6", {}, "2001:db8::1"),
    (b"\x12\x34", "hex", {}, "1234"),
    (0x1234, "hex", {"size": 4}, "0x00001234"),
    (b"host\x00", "text", {}, "host"),
    (MessageType.dhcp_offer, "int", {}, "2"),
    (1, "bool", {}, "true"),
    (0, "bool", {}, "false"),
    (MessageType.dhcp_discover, None, {}, "dhcp_discover (1)"),
    (MessageType.dhcp_discover, None, {"enum_names": False}, "1"),
    (True, None, {}, "true"),
    (67, None, {}, "67"),
    (-5, None, {}, "-5"),
    (1.5, None, {}, "1.5"),
    ("eth:ipv4:udp:dhcp", None, {}, "eth:ipv4:udp:dhcp"),
    (None, None, {}, ""),
    ([1, 2, 3], None, {}, "1,2,3"),
    ([b"\x01", b"\x02"], "mac", {}, "01,02"),
    ([[1, 2], 3], None, {}, "1,2,3"),
    (bytearray(b"\xab"), None, {}, "ab"),
    (memoryview(b"\xab\xcd"), None, {}, "abcd"),
]


@pytest.mark.parametrize(("value", "hint", "kw", "expected"), DISPATCH)
def test_display_value(value: Any, hint: str | None, kw: dict[str, Any], expected: str) -> None:
    assert display_value(value, hint, **kw) == expected
