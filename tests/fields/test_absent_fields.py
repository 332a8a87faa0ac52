"""Why a field is missing, and the span of an array cut inside an element."""

from __future__ import annotations

from pathlib import Path

import pytest

import pktscope

SPEC = """\
meta: {id: tlvs, endian: be}
seq:
  - {id: magic, contents: [0x4d, 0x50]}
  - {id: count, type: u1}
  - {id: items, type: item, repeat: expr, repeat-expr: count}
  - {id: flag, type: u1, if: count > 1}
types:
  item:
    seq:
      - {id: len, type: u1}
      - {id: value, size: len}
"""


@pytest.fixture(scope="module")
def cls() -> type:
    return pktscope.compile_spec(SPEC).Tlvs


def test_field_after_a_decode_error_says_so(cls: type) -> None:
    pkt = pktscope.decode(b"XY\x01\x00", spec=cls)
    with pytest.raises(KeyError) as info:
        pkt["tlvs.count"]
    text = str(info.value)
    assert text.startswith("field 'tlvs.count' in frame 1: not decoded, the layer stopped at ")
    assert "tlvs.magic @ 0x0000: validation failed" in text
    assert "did you mean" not in text


def test_absent_conditional_field_or_index(cls: type) -> None:
    pkt = pktscope.decode(b"MP\x01\x01a", spec=cls)
    for path in ("tlvs.flag", "tlvs.items[3].value"):
        with pytest.raises(KeyError, match="absent \\(a conditional field, or an index past"):
            pkt[path]
    with pytest.raises(KeyError, match=r"did you mean: tlvs\.count"):
        pkt["tlvs.cont"]


def test_array_span_covers_its_cut_last_element(cls: type) -> None:
    # two items: the first whole (3 bytes), the second cut in its value (5 bytes, 1 there):
    # the element's span runs up to the error, at its value; the array's span takes it in
    pkt = pktscope.decode(b"MP\x02\x02ab\x05c", spec=cls)
    items = pkt["tlvs.items"]
    last = pkt["tlvs.items[1]"]
    assert (last.offset, last.end) == (6, 7)
    assert (items.offset, items.end) == (3, 7)


def test_failed_eager_instance_is_the_layers_error() -> None:
    # DHCP options overloaded into `sname` (an eager instance, read with the seq), the first
    # with a length past its 64 bytes: the layer failed there, as tshark's dissector does
    # (malformed), and keeps what it read, every time it is asked
    captures = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
    raw = bytearray(
        pktscope.open_capture(captures / "wswiki__PRIV_bootp-both_overload.pcap")[0].buffer
    )
    raw[87] = 200
    pkt = pktscope.decode(bytes(raw))
    assert pkt.malformed
    (err,) = pkt.errors
    assert err.field_path == "dhcp.sname_options.options[0].body"
    assert "need 200 bytes, 62 available" in str(err)
    for _ in range(2):
        with pytest.raises(KeyError, match=r"not decoded, the layer stopped at .*need 200 bytes"):
            pkt["dhcp.sname_options.options[0].body"]
        assert pkt["dhcp.sname_options.options[0].length"].value == 200
        area = pkt["dhcp.sname_options"]
        assert (area.offset, area.size) == (pkt["dhcp.sname"].offset, 2)
    assert pkt["dhcp.options.code"].value  # the seq before it is whole


def test_field_of_a_later_layer_that_stopped_names_its_error() -> None:
    # an ICMP error quotes an IPv4 header, cut here inside it: `ipv4[1].ttl` said "absent"
    # (the first ipv4 layer's error was looked up, and it had none)
    captures = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
    frame = bytes(pktscope.open_capture(captures / "pcpp__IcmpPackets.pcap")[12].buffer)
    pkt = pktscope.decode(frame[:50])
    for path in ("ipv4[1].ttl", "ipv4[-1].ttl"):
        with pytest.raises(
            KeyError, match=r"not decoded, the layer stopped at ipv4\[1\]\.ttl"
        ) as info:
            pkt[path]
        assert info.value.error is pkt.layer("ipv4", 1).error  # type: ignore[attr-defined]
    assert pkt["ipv4[0].ttl"].value == pkt["ipv4.ttl"].value


def test_types_nested_past_the_recursion_limit_keep_what_was_read() -> None:
    # a RecursionError escaped from_bytes untranslated, and the layer kept no field at all:
    # reaching the shared stream through a thousand parents recursed once more
    spec = (
        "meta: {id: myrec}\nseq:\n  - {id: n, type: u1}\n  - {id: child, type: myrec, if: n != 0}\n"
    )
    pkt = pktscope.decode(b"\x01" * 1400 + b"\x00", spec=pktscope.compile_spec(spec).Myrec)
    (err,) = pkt.errors
    assert "types nested too deep to decode" in str(err)
    assert err.field_path.startswith("myrec.child.child.") and err.offset is not None
    assert pkt["myrec.n"].value == 1 and pkt["myrec.child.child.child.n"].value == 1
    ok = pktscope.decode(b"\x01" * 300 + b"\x00", spec=pktscope.compile_spec(spec).Myrec)
    assert not ok.errors and ok["myrec.child.n"].value == 1


def test_partial_element_span_counts_its_bit_fields() -> None:
    # the span of a partial element ends where its reads did: its group of bit fields and
    # the length byte after it, up to the error in its data
    spec = (
        "meta: {id: bg, endian: be}\nseq:\n  - {id: a, type: u1}\n"
        "  - {id: items, type: item, repeat: expr, repeat-expr: 2}\ntypes:\n  item:\n    seq:\n"
        "      - {id: hi, type: b4}\n      - {id: lo, type: b4}\n      - {id: n, type: u1}\n"
        "      - {id: data, size: n}\n"
    )
    pkt = pktscope.decode(b"\x01\x12\x01x\x34\x09ab", spec=pktscope.compile_spec(spec).Bg)
    (err,) = pkt.errors
    assert (err.field_path, err.offset) == ("bg.items[1].data", 6)
    last = pkt["bg.items[1]"]
    assert (last.offset, last.end) == (4, 6)
    assert pkt["bg.items[1].lo"].value == 4
