"""A value instance with ``-pktscope-bytes`` has the bytes of the field it comes from.

``eth.ether_type`` is computed (the type after the tags, or the SNAP protocol id), so it had
no bytes: ``hex()`` failed and a highlight marked nothing. Its hint names where it comes from.
"""

from __future__ import annotations

import pytest

import pktscope
from pktscope.fields.encode import FieldError

MACS = bytes.fromhex("ffffffffffff000b8201fc42")
IP = bytes.fromhex("450000140001000040110000") + bytes(8)
PLAIN = MACS + b"\x08\x00" + IP
QINQ = MACS + bytes.fromhex("88a8 0064 8100 00c8 0800") + IP
SNAP = MACS + (8 + len(IP)).to_bytes(2, "big") + bytes.fromhex("aaaa03 000000 0800") + IP
LLC = MACS + (3 + len(IP)).to_bytes(2, "big") + bytes.fromhex("424203") + IP


@pytest.mark.parametrize(
    ("frame", "source", "offset"),
    [(PLAIN, "eth.type_or_length", 12), (QINQ, "eth.vlan[1].type_or_length", 20),
     (SNAP, "eth.llc.snap.protocol_id", 20)],
)  # fmt: skip
def test_ether_type_has_the_bytes_it_comes_from(frame: bytes, source: str, offset: int) -> None:
    pkt = pktscope.decode(frame)
    f = pkt["eth.ether_type"]
    assert f.source() is not None and f.source().path == source  # type: ignore[union-attr]
    assert (f.offset, f.size, f.hex()) == (offset, 2, "0800")
    assert "eth.ether_type" in (pkt.hexdump(highlight="eth.ether_type") or "")
    f.set(0x86DD)  # sets the field it comes from
    assert pkt[source].value == 0x86DD and pkt["eth.ether_type"].value == 0x86DD
    assert pkt.protocols == "eth:ipv6"


def test_no_ether_type_no_bytes() -> None:
    pkt = pktscope.decode(LLC)  # 802.3 + LLC without SNAP: no EtherType at all
    assert "eth.ether_type" not in pkt
    ihl = pkt["eth.is_8023"]  # a value instance without the hint: still no bytes
    assert ihl.source() is None and ihl.offset is None
    with pytest.raises(FieldError, match="has no bytes"):
        ihl.hex()


def test_hint_checked_against_the_value() -> None:
    # a source path whose value differs from the instance's is not its bytes
    spec = (
        "meta: {id: v, endian: be}\nseq:\n  - {id: a, type: u1}\n  - {id: b, type: u1}\n"
        "instances:\n  twice:\n    value: a * 2\n    -pktscope-bytes: [b, a]\n"
    )
    cls = pktscope.compile_spec(spec).V
    assert pktscope.decode(b"\x02\x04", spec=cls)["v.twice"].offset == 1  # b == 4 == a * 2
    assert pktscope.decode(b"\x02\x05", spec=cls)["v.twice"].offset is None  # neither is 4
