"""``pkt.walk()`` builds its fields without the constructor and skips the span call of value
instances: every walked field must equal the one a path lookup finds, and the parsers must
indeed give no span for a value instance (docs/spans.md), on real captures."""

from __future__ import annotations

from pathlib import Path

import pytest

import pktscope
from pktscope.fields.field import Field

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
NAMES = [
    "wswiki__dhcp.pcap",
    "tcpdump__dhcp-option-33.pcap",
    "pcpp__dns_over_tcp.pcapng",
    "wswiki__arp-storm.pcap",
]


def _facts(f: Field) -> tuple[object, ...]:
    return (f.path, f.offset, f.size, f.end, f.bit_offset, f.bit_size, f.display, f.is_array)


@pytest.mark.parametrize("name", NAMES)
def test_walked_fields_equal_looked_up_fields(name: str) -> None:
    values = 0
    with pktscope.open_capture(CAPTURES / name) as cap:
        for pkt in list(cap)[:30]:
            fresh = {}
            for f in pkt.walk():
                assert f.packet is pkt and f._gen == pkt._generation
                if f.meta is not None and f.meta.kind == "value":
                    values += 1
                    assert f.owner._pkt_span(f.meta.attr, f.index) is None
                    if f.source() is not None:  # -pktscope-bytes: its source's bytes
                        assert (f.offset, f.size) == (f.source().offset, f.source().size)  # type: ignore[union-attr]
                    elif not f.children:
                        assert f.offset is None and not f.has_bytes
                fresh.setdefault(f.path, f)
            for path, f in fresh.items():
                if "." not in path:
                    continue
                g = pkt[path]
                assert _facts(g) == _facts(f), path
                assert g.value == f.value or g.value is f.value
    assert values > 0 or name == "wswiki__arp-storm.pcap"


def test_walk_after_a_write_sees_the_new_bytes() -> None:
    with pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap") as cap:
        pkt = cap[0]
        before = {f.path: f for f in pkt.walk()}
        xid = before["dhcp.xid"]
        xid.set(0x0A0B0C0D)
        after = {f.path: f for f in pkt.walk()}
        assert after["dhcp.xid"].value == 0x0A0B0C0D
        assert after["dhcp.xid"] is not xid
        assert xid.value == 0x0A0B0C0D  # the old field re-resolves its path
        assert {p: (f.offset, f.size) for p, f in after.items()} == {
            p: (f.offset, f.size) for p, f in before.items()
        }
