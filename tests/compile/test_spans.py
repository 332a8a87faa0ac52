"""Spans of generated parsers: every field's bytes re-parse to the field's value.

Hypothesis builds small specs (fixed ints of each width and endianness, bit fields be/le,
nested sized user types, repeats, strz, pos instances) with matching random inputs; for each field
``buf[start:end]`` (or the bits at ``bit_offset``) must decode to the parsed value.
"""

from __future__ import annotations

import struct
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.compile.build import compile_spec
from pktscope.errors import TruncatedError

INTS = {
    "u1": "B",
    "s1": "b",
    "u2": "H",
    "s2": "h",
    "u4": "I",
    "s4": "i",
    "u8": "Q",
    "s8": "q",
}

_modules: dict[str, Any] = {}


def _compile(text: str) -> Any:
    if text not in _modules:
        _modules[text] = compile_spec(text)
    return _modules[text]


def _field_specs() -> st.SearchStrategy[list[tuple[str, str]]]:
    one = st.one_of(
        st.sampled_from(sorted(INTS))
        .flatmap(lambda t: st.sampled_from([t] if t.endswith("1") else [t + "be", t + "le"]))
        .map(lambda t: ("int", t)),
        st.integers(1, 6).map(lambda n: ("bytes", str(n))),
        st.just(("strz", "")),
        st.integers(1, 12).map(lambda n: ("bits", str(n))),
        st.sampled_from(["u2be", "u4le"]).map(lambda t: ("sub", t)),
    )
    return st.lists(one, min_size=1, max_size=8)


def _spec(fields: list[tuple[str, str]], bit_endian: str) -> str:
    lines = [f"meta: {{id: gen, bit-endian: {bit_endian}, encoding: ISO-8859-1}}", "seq:"]
    for i, (kind, arg) in enumerate(fields):
        if kind == "int":
            lines.append(f"  - {{id: f{i}, type: {arg}}}")
        elif kind == "bytes":
            lines.append(f"  - {{id: f{i}, size: {arg}}}")
        elif kind == "strz":
            lines.append(f"  - {{id: f{i}, type: strz}}")
        elif kind == "bits":
            lines.append(f"  - {{id: f{i}, type: b{arg}}}")
        else:
            lines.append(f"  - {{id: f{i}, type: inner, size: 6}}")
    lines += [
        "types:",
        "  inner:",
        "    seq:",
        "      - {id: a, type: u2be}",
        "      - {id: b, type: u1, repeat: expr, repeat-expr: 2}",
        "      - {id: c, size: 1}",
        "    instances:",
        "      at0: {pos: 0, type: u1}",
    ]
    return "\n".join(lines) + "\n"


def _bits_value(buf: bytes, bit_offset: int, size: int, endian: str) -> int:
    if endian == "be":
        total = int.from_bytes(buf, "big")
        return (total >> (len(buf) * 8 - bit_offset - size)) & ((1 << size) - 1)
    total = int.from_bytes(buf, "little")
    return (total >> bit_offset) & ((1 << size) - 1)


def _check_field(obj: Any, name: str, buf: bytes, bit_endian: str) -> None:
    meta = obj._PKT_FIELDS[name]
    span = obj._pkt_span(name)
    assert span is not None, name
    start, end, bit_offset, bit_size = span
    value = getattr(obj, name)
    typ = meta["type"]
    if typ.startswith("b") and typ != "bytes":
        assert bit_size == meta["bit_size"]
        got = _bits_value(buf, bit_offset, bit_size, bit_endian)
        assert got == int(value), name
        assert start == bit_offset // 8 and end == (bit_offset + bit_size + 7) // 8
        return
    assert bit_offset is None
    raw = buf[start:end]
    if typ == "bytes":
        assert raw == value
    elif typ == "strz":
        assert raw == value.encode("latin-1") + b"\0"
    elif typ[:2] in INTS:
        code = INTS[typ[:2]]
        fmt = ("<" if typ.endswith("le") else ">") + code
        assert struct.unpack(fmt, raw)[0] == value, name
    else:  # nested user type, sized 6
        assert end - start == 6
        assert obj._pkt_span_self()[0] <= start
        inner = value
        assert inner._pkt_span_self() == (start, start + 5)  # bytes its _read consumed
        assert struct.unpack(">H", buf[slice(*inner._pkt_span("a")[:2])])[0] == inner.a
        for k in range(2):
            s, e, _, _ = inner._pkt_span("b", k)
            assert buf[s] == inner.b[k] and e == s + 1
        s, e, _, _ = inner._pkt_span("b")
        assert (s, e) == (start + 2, start + 4)
        assert buf[slice(*inner._pkt_span("c")[:2])] == inner.c
        assert inner._pkt_span("at0") is None  # not evaluated yet
        assert buf[start] == inner.at0
        assert inner._pkt_span("at0")[:2] == (start, start + 1)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=_field_specs(),
    bit_endian=st.sampled_from(["be", "le"]),
    data=st.binary(min_size=0, max_size=80),
)
def test_spans_reparse(fields: list[tuple[str, str]], bit_endian: str, data: bytes) -> None:
    mod = _compile(_spec(fields, bit_endian))
    buf = data + bytes(range(1, 64)) + b"\0" * 8  # strz terminators eventually
    try:
        obj = mod.Gen.from_bytes(buf)
    except TruncatedError as exc:
        assert exc.partial is not None
        assert 0 <= exc.offset <= len(buf)
        return
    for name in obj.SEQ_FIELDS:
        _check_field(obj, name, buf, bit_endian)
    assert obj._pkt_span_self()[0] == 0


SPEC_NESTED = """
meta: {id: nest, endian: be}
seq:
  - {id: hdr, type: u2}
  - {id: outer, type: mid, size: 8}
  - {id: tail, type: u1}
instances:
  late: {pos: 10, type: u1}
types:
  mid:
    seq:
      - {id: pad, size: 2}
      - {id: body, type: leaf, size: 4}
  leaf:
    seq:
      - {id: x, type: u2}
      - {id: xs, type: u1, repeat: eos}
"""


def test_spans_nested_substreams() -> None:
    mod = _compile(SPEC_NESTED)
    buf = bytes(range(16))
    obj = mod.Nest.from_bytes(buf)
    leaf = obj.outer.body
    assert leaf._pkt_span("x") == (4, 6, None, None)
    assert [leaf._pkt_span("xs", i)[:2] for i in range(2)] == [(6, 7), (7, 8)]
    assert leaf._pkt_span("xs") == (6, 8, None, None)
    assert obj._pkt_span("outer") == (2, 10, None, None)
    assert obj._pkt_span("tail") == (10, 11, None, None)
    assert obj.late == 10 and obj._pkt_span("late") == (10, 11, None, None)


def test_truncated_error_path_and_partial() -> None:
    mod = _compile(SPEC_NESTED)
    with pytest.raises(TruncatedError) as info:
        mod.Nest.from_bytes(bytes(range(5)))
    err = info.value
    assert err.field_path == "outer"
    assert err.offset == 2
    assert err.partial.hdr == 0x0001
    assert err.spec_path == "/seq/1"


def test_process_marks_transformed() -> None:
    mod = compile_spec(
        "meta: {id: px}\nseq:\n  - {id: a, size: 2, process: xor(0xff), type: t}\n"
        "types:\n  t:\n    seq:\n      - {id: v, type: u1}\n"
    )
    obj = mod.Px.from_bytes(b"\xfe\x00")
    assert obj.a.v == 1
    assert obj._pkt_transformed("a")
    assert obj.a._pkt_span("v")[:2] == (0, 2)
    assert obj.a._pkt_transformed("v")
