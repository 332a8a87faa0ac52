"""The generated parsers' fast paths (arrays of fixed-size elements read in one go, switch
tables, window streams) give the same values, spans and errors as the element-by-element code."""

from __future__ import annotations

from typing import Any

import pytest

from pktscope.compile.build import compile_spec
from pktscope.errors import TruncatedError

ARRAYS = """
meta: {id: arrs, endian: be}
seq:
  - {id: n, type: u1}
  - {id: body, size: n, type: inner}
  - {id: tail, type: u2le, repeat: expr, repeat-expr: 2}
types:
  inner:
    seq:
      - {id: words, type: u2, repeat: eos}
enums:
  e: {1: one, 2: two}
"""

CODES = """
meta: {id: codes, endian: le}
seq:
  - {id: codes, type: u1, enum: e, repeat: eos}
enums:
  e: {1: one, 2: two}
"""

ADDRS = """
meta: {id: addrs}
seq:
  - {id: addrs, size: 4, repeat: eos}
"""

_mods: dict[str, Any] = {}


def _cls(text: str, name: str) -> Any:
    if text not in _mods:
        _mods[text] = compile_spec(text)
    return getattr(_mods[text], name)


@pytest.mark.parametrize(
    ("hexdata", "words", "tail"),
    [
        ("04 0001 0203 0100 0200", [1, 0x203], [1, 2]),
        ("00 0100 0200", [], [1, 2]),
        ("02 ffff 0500 0000", [0xFFFF], [5, 0]),
    ],
)
def test_fixed_arrays_values_and_spans(hexdata: str, words: list[int], tail: list[int]) -> None:
    data = bytes.fromhex(hexdata)
    obj = _cls(ARRAYS, "Arrs").from_bytes(data)
    assert obj.body.words == words
    assert obj.tail == tail
    n = data[0]
    assert obj._pkt_span("body") == (1, 1 + n, None, None)
    assert obj.body._pkt_span("words") == (1, 1 + n, None, None)
    for i in range(len(words)):
        assert obj.body._pkt_span("words", i) == (1 + 2 * i, 3 + 2 * i, None, None)
    assert obj.body._pkt_span("words", len(words)) is None
    assert obj._pkt_span("tail", 1) == (3 + n, 5 + n, None, None)
    assert obj._pkt_span("tail") == (1 + n, 5 + n, None, None)


@pytest.mark.parametrize(
    ("hexdata", "field_path", "partial"),
    [
        ("03 0001 02 0100 0200", "body.words[1]", [1]),  # odd-sized body: last word cut
        ("00 0100 02", "tail[1]", [1]),  # repeat-expr cut short
    ],
)
def test_fixed_arrays_cut_short_keep_partial(
    hexdata: str, field_path: str, partial: list[int]
) -> None:
    with pytest.raises(TruncatedError) as exc:
        _cls(ARRAYS, "Arrs").from_bytes(bytes.fromhex(hexdata))
    assert exc.value.field_path == field_path
    root = exc.value.partial
    got = root.body.words if field_path.startswith("body") else root.tail
    assert got == partial


def test_enum_array_in_one_go() -> None:
    cls = _cls(CODES, "Codes")
    obj = cls.from_bytes(bytes.fromhex("01 02 07"))
    assert obj.codes == [cls.E.one, cls.E.two, 7]
    assert isinstance(obj.codes[0], cls.E)
    assert obj._pkt_span("codes", 2) == (2, 3, None, None)
    assert obj._pkt_span("codes") == (0, 3, None, None)


def test_byte_array_elements() -> None:
    obj = _cls(ADDRS, "Addrs").from_bytes(bytes.fromhex("0a000001 c0a80101"))
    assert obj.addrs == [b"\x0a\x00\x00\x01", b"\xc0\xa8\x01\x01"]
    assert obj._pkt_span("addrs", 1) == (4, 8, None, None)
    with pytest.raises(TruncatedError) as exc:
        _cls(ADDRS, "Addrs").from_bytes(bytes.fromhex("0a000001 c0a8"))
    assert exc.value.partial.addrs == [b"\x0a\x00\x00\x01"]
    assert exc.value.field_path == "addrs[1]"


TLV = """
meta: {id: tlv, endian: be}
seq:
  - {id: items, type: item, repeat: eos}
types:
  item:
    seq:
      - {id: code, type: u1, enum: code}
      - {id: len, type: u1}
      - id: body
        size: len
        type:
          switch-on: code
          cases:
            'code::word': word
            'code::word2': word
            'code::text': text
  word:
    seq:
      - {id: v, type: u2}
  text:
    seq:
      - {id: s, type: str, size-eos: true, encoding: ASCII}
enums:
  code: {1: word, 2: text, 3: word2}
"""


@pytest.mark.parametrize(
    ("hexdata", "bodies"),
    [
        ("0102abcd 02026869 0302 0001 0902 ffff", [0xABCD, "hi", 1, b"\xff\xff"]),
        ("02 00", [""]),
    ],
)
def test_switch_table_picks_class(hexdata: str, bodies: list[object]) -> None:
    cls = _cls(TLV, "Tlv")
    obj = cls.from_bytes(bytes.fromhex(hexdata))
    got = [getattr(it.body, "v", getattr(it.body, "s", it.body)) for it in obj.items]
    assert got == bodies
    assert obj.items[-1]._pkt_span("body")[1] == len(bytes.fromhex(hexdata))


def test_switch_table_error_keeps_partial_body() -> None:
    with pytest.raises(TruncatedError) as exc:
        _cls(TLV, "Tlv").from_bytes(bytes.fromhex("0102abcd 0101 ff"))
    assert exc.value.field_path == "items[1].body.v"
    assert exc.value.partial.items[1].code == 1


BITS = """
meta: {id: bits, bit-endian: %s}
seq:
  - {id: a, type: b4}
  - {id: b, type: b3}
  - {id: c, type: b1}
  - {id: d, type: b8, enum: e}
  - {id: pad, type: u1}
  - {id: odd, type: b3}
  - {id: g, type: b4}
  - {id: h, type: b9}
enums:
  e: {5: five}
"""


def _bits_expected(data: bytes, endian: str) -> dict[str, int]:
    out: dict[str, int] = {}
    widths = [("a", 4), ("b", 3), ("c", 1), ("d", 8)]
    x = int.from_bytes(data[:2], "big" if endian == "be" else "little")
    off = 0
    for name, w in widths:
        shift = 16 - off - w if endian == "be" else off
        out[name] = (x >> shift) & ((1 << w) - 1)
        off += w
    return out


@pytest.mark.parametrize("endian", ["be", "le"])
@pytest.mark.parametrize("hexdata", ["a505 00 ffff", "0000 01 0000", "5bff 02 8001"])
def test_bit_groups_match_field_by_field(endian: str, hexdata: str) -> None:
    data = bytes.fromhex(hexdata)
    cls = _cls(BITS % endian, "Bits")
    obj = cls.from_bytes(data)
    exp = _bits_expected(data, endian)
    assert (obj.a, obj.b, obj.d) == (exp["a"], exp["b"], exp["d"])
    assert obj.c is bool(exp["c"])
    assert isinstance(obj.d, cls.E) == (exp["d"] == 5)
    assert obj._pkt_span("b") == (0, 1, 4, 3)
    assert obj._pkt_span("d") == (1, 2, 8, 8)
    # odd/g/h start byte-aligned but add up to 16 bits: also grouped
    assert obj._pkt_span("h") == (3, 5, 31, 9)


@pytest.mark.parametrize("endian", ["be", "le"])
def test_bit_group_cut_short_keeps_complete_fields(endian: str) -> None:
    with pytest.raises(TruncatedError) as exc:
        _cls(BITS % endian, "Bits").from_bytes(bytes.fromhex("a5"))
    assert exc.value.field_path == "d"
    assert exc.value.partial.a is not None
    assert exc.value.partial._pkt_span("c") == (0, 1, 7, 1)


@pytest.mark.parametrize("endian", ["be", "le"])
@pytest.mark.parametrize("hexdata", ["a505 00 ffff", "5bff 02 8001", "5bff 02 80", "5b"])
def test_bit_groups_same_as_unoptimised(endian: str, hexdata: str) -> None:
    """``if: true`` keeps a field out of a group: both parsers must agree on everything."""
    fast = _cls(BITS % endian, "Bits")
    slow = _cls((BITS % endian).replace("type: b", "if: true, type: b"), "Bits")
    data = bytes.fromhex(hexdata)

    def run(cls: Any) -> Any:
        try:
            return cls.from_bytes(data), None
        except TruncatedError as exc:
            return exc.partial, (exc.field_path, exc.offset)

    (f, ferr), (s, serr) = run(fast), run(slow)
    assert ferr == serr
    for name in fast.SEQ_FIELDS:
        assert getattr(f, name, None) == getattr(s, name, None), name
        assert f._pkt_span(name) == s._pkt_span(name), name
