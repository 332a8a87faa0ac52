"""Bogus IP headers, against tshark.

An IPv4 header length below 5 words: the payload's start is unknown, so the chain stops at
the IPv4 layer (it decoded TCP at offset 34 against a 16-byte header). tshark does the same,
with an expert error ("Bogus IP header length") and without calling the frame malformed.
A header of another IP version stops the chain too (it was decoded through to the payload).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from crafted import tshark_rows, write_frames

import pktscope

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def frames() -> list[bytes]:
    out = []
    for ihl in (0, 4, 5):
        pkt = pktscope.open_capture(CAPTURES / "tcpdump__dns_tcp.pcap")[0]
        pkt["ipv4.ihl"].set(ihl)
        out.append(bytes(pkt.buffer))
    return out


def test_chain_stops_at_a_bogus_header_length() -> None:
    got = [pktscope.decode(f) for f in frames()]
    assert [p.protocols for p in got] == ["eth:ipv4", "eth:ipv4", "eth:ipv4:tcp"]
    assert not any(p.malformed for p in got)
    assert got[1]["ipv4.body"].offset == 34  # the payload stays data, where it was


@pytest.mark.tools
def test_agrees_with_tshark(tmp_path: Path, tshark: str) -> None:
    pcap = write_frames(tmp_path / "ihl.pcap", frames())
    rows = tshark_rows(tshark, pcap, "frame.protocols", "_ws.malformed", "_ws.expert.message")
    assert [("tcp" in r[0].split(":"), bool(r[1])) for r in rows] == [
        (False, False),
        (False, False),
        (True, False),
    ]
    assert all("Bogus IP header length" in r[2] for r in rows[:2])


def version_frames() -> list[bytes]:
    v4 = bytes(pktscope.open_capture(CAPTURES / "tcpdump__dns_tcp.pcap")[0].buffer)
    v6 = next(
        bytes(p.buffer)
        for p in pktscope.open_capture(CAPTURES / "wswiki__v6.pcap")
        if p.protocols.startswith("eth:ipv6")
    )
    return [v4[:14] + b"\x65" + v4[15:], v6[:14] + b"\x40" + v6[15:]]


def test_wrong_ip_version_stops_the_chain() -> None:
    # an IPv4 header saying version 6 (or the reverse) was decoded through to its payload
    got = [pktscope.decode(f) for f in version_frames()]
    assert [p.protocols for p in got] == ["eth:ipv4", "eth:ipv6"]
    assert [p["ipv4.version" if i == 0 else "ipv6.version"].value for i, p in enumerate(got)] == [
        6,
        4,
    ]


@pytest.mark.tools
def test_wrong_version_against_tshark(tmp_path: Path, tshark: str) -> None:
    data = version_frames()
    pcap = write_frames(tmp_path / "version.pcap", data)
    rows = tshark_rows(tshark, pcap, "frame.protocols", "_ws.malformed", "_ws.expert.message")
    # Neither layer's payload is dissected as its own protocol's (no udp/tcp under it). Two
    # differences, by choice: packet-ip.c hands an IPv4 header of version 6 to the IPv6
    # dissector ("Bogus IPv4 version"); packet-ipv6.c calls a version-4 header malformed
    # ("Bogus IPv6 version"), where the spec reads the header and stops, without a decode
    # error to report (a `valid:` check would send every IPv6 frame of `fields` to the slow
    # path, which cannot prove it).
    assert rows[0][0].startswith("eth:ethertype:ip:ipv6") and "Bogus IPv4 version" in rows[0][2]
    assert rows[1][0] == "eth:ethertype:data" and rows[1][1] and "Bogus IPv6 version" in rows[1][2]
    assert [pktscope.decode(f).protocols for f in data] == ["eth:ipv4", "eth:ipv6"]
