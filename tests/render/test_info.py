"""Protocol and Info columns in Wireshark's words: crafted frames (real frames edited with
``Field.set``) that the shared captures do not cover, each checked against ``tshark -n -r``."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import pktscope
from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap
from pktscope.cli import main
from pktscope.fields.packet import Packet
from pktscope.render.info import protocol_and_info

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def _frame(name: str, index: int, *edits: tuple[str, object]) -> Packet:
    pkt = pktscope.open_capture(CAPTURES / name)[index]
    for path, value in edits:
        pkt[path].set(value)
    return pkt


_TCP = "tcpdump__print-flags.pcap"
_TS = "TSval=1306300950 TSecr=1306300950"


def _raw_edit(name: str, index: int, offset: int, value: int) -> Packet:
    """A frame with one byte changed where no field can be set (inside a name's text)."""
    data = bytearray(pktscope.open_capture(CAPTURES / name)[index].buffer)
    data[offset] = value
    return pktscope.decode(bytes(data), "eth")


def _no53(*edits: tuple[str, object]) -> Packet:
    """The DHCP Discover with its message-type option turned into option 60 (same length)."""
    return _frame("wswiki__dhcp.pcap", 0, ("dhcp.options[0].code", 60), *edits)


# (frame maker, expected Protocol, expected Info)
CASES: list[tuple[Callable[[], Packet], str, str]] = [
    (
        _no53,
        "BOOTP",
        "Boot Request from 00:0b:82:01:fc:42 (00:0b:82:01:fc:42)",
    ),
    (lambda: _no53(("dhcp.op", 2)), "BOOTP", "Boot Reply"),
    (lambda: _no53(("dhcp.op", 0)), "BOOTP", "Unknown BOOTP message type (0)"),
    (
        lambda: _no53(("dhcp.htype", 2), ("dhcp.hlen", 4)),
        "BOOTP",
        "Boot Request from 000b8201",
    ),
    (lambda: _no53(("dhcp.hlen", 0)), "BOOTP", "Boot Request from <No address>"),
    (
        lambda: _frame("wswiki__dhcp.pcap", 0, ("dhcp.options[0].body.message_type", 99)),
        "DHCP",
        "DHCP Unknown Message Type (0x63) - Transaction ID 0x3d1d",
    ),
    (
        lambda: _frame("wswiki__dhcp.pcap", 1, ("dhcp.options[0].body.message_type", 9)),
        "DHCP",
        "DHCP Force Renew - Transaction ID 0x3d1d",
    ),
    (
        lambda: _frame("wswiki__dns.cap", 0, ("dns.rcode", 3)),  # a query: no rcode text
        "DNS",
        "Standard query 0x1032 TXT google.com",
    ),
    (
        lambda: _raw_edit("wswiki__dns.cap", 0, 57, 9),  # a tab in the query name
        "DNS",
        "Standard query 0x1032 TXT go\\tgle.com",
    ),
    (
        lambda: _frame("wswiki__dns.cap", 1, ("dns.rcode", 12)),
        "DNS",
        "Standard query response 0x1032 Unknown error (12) TXT google.com TXT",
    ),
    (
        lambda: _frame("pcpp__IcmpPackets.pcap", 5, ("icmp.code", 99)),
        "ICMP",
        "Destination unreachable (Unknown code: 99)",
    ),
    (
        lambda: _frame("pcpp__IcmpPackets.pcap", 3, ("icmp.code", 5)),
        "ICMP",
        "Router advertisement (Unknown code: 5)",
    ),
    (
        lambda: _frame(
            "wswiki__v6.pcap",
            3,
            ("icmpv6.msg.flag_router", 0),
            ("icmpv6.msg.flag_solicited", 0),
        ),
        "ICMPv6",
        "Neighbor Advertisement fe80::260:97ff:fe07:69ea (none)",
    ),
    (
        lambda: _frame("wswiki__v6.pcap", 106, ("icmpv6.code", 9)),
        "ICMPv6",
        "Destination Unreachable (Unknown)",
    ),
    # TCP, without the notes of earlier frames: numbers as on the wire (``show`` makes them
    # relative, as tshark does; the line comparison below checks that)
    (
        lambda: _frame(_TCP, 2, ("tcp.flags", 0x030), ("tcp.urgent_pointer", 7)),
        "TCP",
        f"55920 → 80 [ACK, URG] Seq=928549247 Ack=930778610 Win=8192 Urg=7 Len=0 {_TS}",
    ),
    (
        lambda: _frame(_TCP, 2, ("tcp.data_offset", 4)),
        "TCP",
        "55920 → 80 [ACK] Seq=928549247 Ack=930778610 Win=8192, "
        "bogus TCP header length (16, must be at least 20)",
    ),
    (
        lambda: _frame(_TCP, 2, ("tcp.flags", 0x200)),
        "TCP",
        f"55920 → 80 [Reserved] Seq=928549247 Win=8192 Len=0 {_TS}",
    ),
    (
        lambda: _frame(_TCP, 2, ("tcp.flags", 0)),
        "TCP",
        f"55920 → 80 [<None>] Seq=928549247 Win=8192 Len=0 {_TS}",
    ),
]


@pytest.mark.parametrize(("make", "protocol", "info"), CASES)
def test_protocol_and_info(make: Callable[[], Packet], protocol: str, info: str) -> None:
    pkt = make()
    assert protocol_and_info(pkt.layers) == (protocol, info)


@pytest.mark.tools
def test_crafted_lines_equal_tshark(
    tmp_path: Path, tshark: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pkts = [make() for make, _, _ in CASES]
    records = [
        Record(
            i + 1, float(i), i * 10**9, len(p.buffer), len(p.buffer), 0, 1, bytes(p.buffer), None, 0
        )
        for i, p in enumerate(pkts)
    ]
    out = tmp_path / "crafted.pcap"
    write_pcap(out, records)
    theirs = subprocess.run(
        [tshark, "-n", "-r", str(out)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert main(["show", str(out)]) == 0
    ours = capsys.readouterr().out.splitlines()
    assert ours == theirs
