"""encode_value: every writable type, range and length checks, refusals with reasons."""

from __future__ import annotations

import enum
import struct

import pytest

from pktscope.fields.encode import FieldError, encode_value, writable_reason
from pktscope.fields.schema import FieldMeta


class Color(enum.IntEnum):
    red = 1
    blue = 2


def meta(t: str, **kw: object) -> FieldMeta:
    return FieldMeta(attr="x", id="x", type=t, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("t", "kw", "value", "current", "expected"),
    [
        ("u1", {}, 255, "00", "ff"),
        ("u2be", {"endian": "be"}, 0x1234, "0000", "1234"),
        ("u2le", {"endian": "le"}, 0x1234, "0000", "3412"),
        ("s2be", {"endian": "be"}, -2, "0000", "fffe"),
        ("s4le", {"endian": "le"}, -1, "00000000", "ffffffff"),
        ("u8be", {"endian": "be"}, 2**64 - 1, "00" * 8, "ff" * 8),
        ("u1", {"enum": "Color"}, Color.blue, "00", "02"),
        ("u1", {}, True, "00", "01"),
        ("f4be", {"endian": "be"}, 1.5, "00000000", struct.pack(">f", 1.5).hex()),
        ("f8le", {"endian": "le"}, -0.25, "00" * 8, struct.pack("<d", -0.25).hex()),
        ("bytes", {"size": 3}, b"abc", "000000", "616263"),
        (
            "bytes",
            {"size": 6, "hints": {"display": "mac"}},
            "00:16:3e:6f:43:f4",
            "00" * 6,
            "00163e6f43f4",
        ),
        ("bytes", {"size": 4, "hints": {"display": "ipv4"}}, "10.0.0.1", "00" * 4, "0a000001"),
        ("bytes", {"size": 16, "hints": {"display": "ipv6"}}, "::1", "00" * 16, "00" * 15 + "01"),
        ("u4be", {"endian": "be", "hints": {"display": "ipv4"}}, "1.2.3.4", "00" * 4, "01020304"),
        ("str", {"size": 2, "encoding": "ASCII"}, "hi", "0000", "6869"),
        # a sized strz ends at its terminator: a shorter text round-trips, zero-filled
        ("strz", {"size": 6, "encoding": "ASCII"}, "hi", "686900000000", "686900000000"),
        ("strz", {"size": 6, "encoding": "ASCII"}, "abcdef", "00" * 6, "616263646566"),
        ("strz", {"size": 4, "encoding": "UTF-16LE"}, "z", "00" * 4, "7a000000"),
    ],
)
def test_encode(t: str, kw: dict[str, object], value: object, current: str, expected: str) -> None:
    m = meta(t, **kw)
    assert writable_reason(m, whole_array=False, transformed=False) is None
    out = encode_value(m, value, bytes.fromhex(current), bit_offset=None, bit_size=None, start=0)
    assert out.hex() == expected


@pytest.mark.parametrize(
    ("bit_endian", "bit_offset", "bit_size", "value", "current", "expected"),
    [
        ("be", 0, 4, 0x6, "45", "65"),  # high nibble
        ("be", 4, 4, 0xF, "45", "4f"),
        ("be", 3, 13, 0x1FFF, "4000", "5fff"),  # frag_offset after 3 flag bits
        ("be", 8 * 2 + 7, 1, 1, "0000", "0100"),  # byte 2 (start=2): its last bit
        ("le", 0, 3, 0x7, "00", "07"),
        ("le", 6, 4, 0xF, "0000", "c003"),
    ],
)
def test_bits(  # noqa: PLR0917 - pytest parameters
    bit_endian: str, bit_offset: int, bit_size: int, value: int, current: str, expected: str
) -> None:
    m = meta(f"b{bit_size}", bit_size=bit_size, bit_endian=bit_endian)
    start = bit_offset // 8 if bit_offset >= 16 else 0
    out = encode_value(
        m, value, bytes.fromhex(current), bit_offset=bit_offset, bit_size=bit_size, start=start
    )
    assert out.hex() == expected


@pytest.mark.parametrize(
    ("t", "kw", "value", "current", "message"),
    [
        ("u1", {}, 256, "00", "out of range for u1"),
        ("u2be", {}, -1, "0000", "out of range"),
        ("s1", {}, 128, "00", "out of range for s1"),
        ("u1", {}, "x", "00", "expected an integer"),
        ("u1", {"enum": "Color"}, "red", "00", "no name of the field.s enum"),
        ("bytes", {"size": 2}, b"abc", "0000", "wrong length: the field holds 2 bytes"),
        ("bytes", {"size": 2}, "ab", "0000", "give bytes"),
        ("bytes", {"size": 4, "hints": {"display": "ipv4"}}, "1.2.3", "00" * 4, "not a valid ipv4"),
        ("f4be", {}, "1.0", "00000000", "expected a number"),
        ("b3", {"bit_size": 3}, 8, "00", "out of range for b3"),
    ],
)
def test_refused_values(
    t: str, kw: dict[str, object], value: object, current: str, message: str
) -> None:
    with pytest.raises(FieldError, match=message):
        encode_value(
            meta(t, **kw),
            value,
            bytes.fromhex(current),
            bit_offset=0,
            bit_size=kw.get("bit_size"),  # type: ignore[arg-type]
            start=0,
            path="p.x",
        )


@pytest.mark.parametrize(
    ("m", "whole", "transformed", "reason"),
    [
        (None, False, False, "no spec field"),
        (FieldMeta(attr="x", id="x", kind="value"), False, False, "computed"),
        (FieldMeta(attr="x", id="x", type="bytes", process=True, size=2), False, False, "process:"),
        (FieldMeta(attr="x", id="x", type="u1", repeat="eos"), True, False, "whole array"),
        (FieldMeta(attr="x", id="x", type="bytes"), False, False, "variable-size"),
        (FieldMeta(attr="x", id="x", type=None), False, False, "blit"),
        (FieldMeta(attr="x", id="x", type="Dhcp.Option"), False, False, "structure"),
        (FieldMeta(attr="x", id="x", type="u1"), False, True, "process:"),
    ],
)
def test_writable_reason(m: FieldMeta | None, whole: bool, transformed: bool, reason: str) -> None:
    text = writable_reason(m, whole_array=whole, transformed=transformed)
    assert text is not None and reason in text
