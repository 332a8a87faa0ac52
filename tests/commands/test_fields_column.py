"""``fields`` columns (a path compiled once, read without Field objects where it can) print
exactly what the field model gives for the same path, on every frame of real captures."""

from __future__ import annotations

from pathlib import Path

import pytest

import pktscope
from pktscope.commands.fields import Column, field_text, occurrences

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"

PATHS = [
    "eth.src",
    "eth.dst",
    "eth.ether_type",
    "eth.type_or_length",
    "ipv4.src",
    "ipv4.protocol",
    "ipv4.flags",
    "ipv4.ttl",
    "ipv4.header_length",
    "ipv6.src",
    "udp.src_port",
    "udp.length",
    "udp.payload_length",
    "tcp.flags",
    "tcp.seq",
    "icmp.type",
    "arp.sender_ip",
    "dhcp.op",
    "dhcp.chaddr",
    "dhcp.xid",
    "dhcp.magic",
    "dhcp.client_hw_addr",
    "dhcp.message_type",
    "dhcp.options",
    "dhcp.options.code",
    "dns.id",
    "dns.queries.name",
    "frame.number",
    "frame.protocols",
    "nosuch.field",
]


def _expected(frame: bytes, linktype: int, path: str, names: bool) -> list[str]:
    pkt = pktscope.decode(frame, linktype=linktype)
    return [field_text(f, names) for f in occurrences(pkt, path)]


@pytest.mark.parametrize(
    "name",
    [
        "wswiki__dhcp.pcap",
        "wswiki__PRIV_bootp-both_overload.pcap",
        "tcpdump__bootp_asan.pcap",
        "tcpdump__dns_udp.pcap",
        "tcpdump__print-flags.pcap",
        "pcpp__IcmpPackets.pcap",
        "wswiki__arp-storm.pcap",
        "wswiki__v6.pcap",
        "tcpdump__udp-length-heapoverflow.pcap",
    ],
)
@pytest.mark.parametrize("names", [False, True])
def test_column_texts_equal_field_model(name: str, names: bool) -> None:
    columns = [Column(p, names) for p in PATHS]
    seen = 0
    for rec in list(pktscope.open_records(CAPTURES / name))[:30]:
        frame = bytes(rec.data)
        pkt = pktscope.decode(frame, linktype=rec.linktype)  # one packet for every column
        for column in columns:
            got = column.texts(pkt)
            assert got == _expected(frame, rec.linktype, column.path, names), column.path
            seen += len(got)
    assert seen > 0


@pytest.mark.parametrize("names", [False, True])
def test_column_on_cut_frames_equals_field_model(names: bool) -> None:
    """A frame cut anywhere (inside the DHCP fixed run too) reads the same both ways."""
    frame = bytes(pktscope.open_records(CAPTURES / "wswiki__dhcp.pcap")[0].data)
    paths = ("dhcp.op", "dhcp.chaddr", "dhcp.message_type", "ipv4.src")
    columns = [Column(p, names) for p in paths]
    for cut in range(0, len(frame), 7):
        pkt = pktscope.decode(frame[:cut])
        for column in columns:
            assert column.texts(pkt) == _expected(frame[:cut], 1, column.path, names), (
                cut,
                column.path,
            )
