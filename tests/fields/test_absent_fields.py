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


def test_failed_instance_fails_every_time() -> None:
    # DHCP options overloaded into `sname`, the first with a length past its 64 bytes: the
    # instance failed once, then was cached as its partial object and looked absent or empty
    captures = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
    raw = bytearray(
        pktscope.open_capture(captures / "wswiki__PRIV_bootp-both_overload.pcap")[0].buffer
    )
    raw[87] = 200
    pkt = pktscope.decode(bytes(raw))
    for path in ("dhcp.sname_options.options[0].body", "dhcp.sname_options.options[0].body",
                 "dhcp.sname_options"):  # fmt: skip
        with pytest.raises(KeyError, match=r"did not decode: .* need 200 bytes, 62 available"):
            pkt[path]
