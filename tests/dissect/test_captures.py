"""The chain and field model over every real capture in ../shared/captures, against tshark."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import pktscope
from pktscope.errors import PktscopeError

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CAPTURES = SHARED / "captures"
ALL = sorted(p for p in CAPTURES.glob("*") if p.suffix in (".pcap", ".pcapng", ".cap"))
DHCP = [p for p in ALL if "dhcp" in p.name or "bootp" in p.name]


def truth(path: Path) -> list[dict[str, Any]]:
    lines = (CAPTURES / "truth" / f"{path.name}.truth.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_field_is_its_bytes(path: Path) -> None:
    """Walk every field of every frame: raw == buffer[offset:end], nothing else escapes."""
    cap = pktscope.open_capture(path)
    rows = truth(path)
    assert len(cap) == len(rows)
    for pkt, row in zip(cap, rows, strict=True):
        assert pkt.frame.number == row["frame"]
        assert pkt["frame.len"].value == row["len"]
        assert pkt["frame.cap_len"].value == row["cap_len"]
        assert pkt["frame.time_epoch"].value == row["time_epoch"]
        assert pkt["frame.truncated"].value == (row["cap_len"] < row["len"]) == pkt.truncated
        n = 0
        for f in pkt.walk():
            n += 1
            if f.offset is not None:
                assert f.end is not None
                assert 0 <= f.offset <= f.end <= len(pkt.buffer), f.path
                assert bytes(f.raw) == bytes(pkt.buffer[f.offset : f.end]), f.path
            assert isinstance(f.display, str)
        assert n > 0
        for layer in pkt.layers:
            assert 0 <= layer.offset <= layer.end <= len(pkt.buffer)
            if layer.error is not None:
                assert isinstance(layer.error, PktscopeError)
                assert layer.error.field_path.startswith(layer.name)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_addresses_match_tshark(path: Path) -> None:
    """First-occurrence addresses and ports agree with tshark's truth where both have them."""
    pairs = {
        "eth.src": "eth.src",
        "eth.dst": "eth.dst",
        "ip.src": "ipv4.src",
        "ip.dst": "ipv4.dst",
        "ipv6.src": "ipv6.src",
        "ipv6.dst": "ipv6.dst",
        "udp.srcport": "udp.src_port",
        "udp.dstport": "udp.dst_port",
        "tcp.srcport": "tcp.src_port",
        "tcp.dstport": "tcp.dst_port",
    }
    for pkt, row in zip(pktscope.open_capture(path), truth(path), strict=True):
        for theirs, ours in pairs.items():
            if theirs not in row:
                continue
            got = [f.display for f in pkt.get_all(ours)]
            assert got[:1] == row[theirs][:1], (pkt.frame.number, ours, got, row[theirs])


@pytest.mark.parametrize("path", DHCP, ids=lambda p: p.name)
def test_dhcp_chaddr_matches_tshark(path: Path) -> None:
    for pkt, row in zip(pktscope.open_capture(path), truth(path), strict=True):
        if "dhcp.hw.len" not in row:
            assert "dhcp.chaddr" not in pkt or pkt.malformed or pkt.truncated
            continue
        hlen = int(row["dhcp.hw.len"][0])
        addr = row["dhcp.hw.addr"][0] if "dhcp.hw.addr" in row else row["dhcp.hw.mac_addr"][0]
        pad = row.get("dhcp.hw.addr_padding", [""])[0]
        expected = addr.replace(":", "") + pad
        f = pkt["dhcp.chaddr"]
        assert f.hex() == expected and f.display == expected
        assert f.copy() == bytes.fromhex(expected) and f.size == 16
        assert pkt["dhcp.hlen"].value == hlen
        assert pkt["dhcp.client_hw_addr"].hex() == expected[: 2 * hlen]
        assert pkt["dhcp.client_hw_addr"].offset == f.offset
        if "dhcp.option.dhcp" in row:
            assert pkt["dhcp.message_type"].display_plain == row["dhcp.option.dhcp"][0]


@pytest.mark.tools
@pytest.mark.parametrize("path", DHCP, ids=lambda p: p.name)
def test_dhcp_chaddr_offset_matches_tshark_pdml(path: Path, tshark: str) -> None:
    """tshark's own position of the client hardware address (PDML ``pos``)."""
    out = subprocess.run(
        [tshark, "-n", "-r", str(path), "-T", "pdml"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    positions: list[int | None] = []
    for packet in ET.fromstring(out).iter("packet"):
        pos = None
        for field in packet.iter("field"):
            if field.get("name") in ("dhcp.hw.mac_addr", "dhcp.hw.addr"):
                pos = int(field.get("pos", "-1"))
                break
        positions.append(pos)
    for pkt, pos in zip(pktscope.open_capture(path), positions, strict=True):
        if pos is not None:
            assert pkt["dhcp.chaddr"].offset == pos


def test_truncated_bootp_keeps_what_decoded() -> None:
    pkt = pktscope.open_capture(CAPTURES / "tcpdump__bootp_asan.pcap")[0]
    assert pkt.truncated and pkt["frame.truncated"].value is True
    assert pkt.protocols.startswith("eth:ipv4:udp")
    assert pkt["udp.dst_port"].value == 68
    assert pkt["ipv4.src"].display == "18.0.0.15"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_malformed_and_truncated_like_tshark(path: Path) -> None:
    """tshark's "short" frames are truncated here; its "malformed" ones malformed."""
    for pkt, row in zip(pktscope.open_capture(path), truth(path), strict=True):
        assert pkt.truncated == row["short"] == pkt["frame.truncated"].value
        # an ICMP error's quoted datagram (quoted: true) may end mid-header: truncated, as tshark
        assert pkt.malformed == row["malformed"], (row["frame"], [str(e) for e in pkt.errors])
        assert pkt["frame.malformed"].value == pkt.malformed
        assert pkt["frame.errors"].value == [str(e) for e in pkt.errors]


def test_truncated_by_declared_length() -> None:
    """IPv4 total length beyond the bytes of a whole frame: the payload is what is there, the
    length noted (tshark: "IPv4 total length exceeds packet length", not malformed); it is
    not truncated, since the capture cut nothing."""
    pkt = pktscope.open_capture(CAPTURES / "tcpdump__ipv4_invalid_total_length.pcap")[0]
    ipv4 = pkt.layer("ipv4")
    udp = pkt.layer("udp")
    assert ipv4 is not None and udp is not None
    assert pkt["ipv4.total_length"].value > len(pkt.buffer) - ipv4.offset
    assert not udp.truncated and udp.end == len(pkt.buffer)
    assert not pkt.truncated and not pkt.malformed  # the capture did not cut it (tshark too)
    assert ipv4.note is not None and "is past the" in ipv4.note


DNS = [p for p in ALL if "dns" in p.name]


@pytest.mark.parametrize("path", DNS, ids=lambda p: p.name)
def test_dns_names_and_ids_match_tshark(path: Path) -> None:
    """Array steps without an index give every element; names show their text value."""
    for pkt, row in zip(pktscope.open_capture(path), truth(path), strict=True):
        if "dns" not in row["protocols"]:
            continue  # e.g. a TCP retransmission, which tshark leaves undissected
        names = pkt.get_all("dns.queries.name")
        assert [f.display for f in names] == row.get("dns.qry.name", [])
        assert [f.value for f in names] == row.get("dns.qry.name", [])
        if "dns.id" in row:
            assert int(row["dns.id"][0], 16) == pkt["dns.id"].value
        if names:
            assert pkt["dns.queries.name"].path == "dns.queries[0].name"
            assert pkt["dns.queries[0].name"].offset == names[0].offset


def test_quoted_payload_is_truncated_not_malformed() -> None:
    pkt = pktscope.open_capture(CAPTURES / "pcpp__IcmpPackets.pcap")[12]
    assert pkt.protocols == "eth:ipv4:icmp:ipv4:tcp"
    tcp = pkt.layer("tcp")
    assert tcp is not None and tcp.error is not None and tcp.truncated and not tcp.malformed
    assert not pkt.malformed and not pkt.truncated  # as tshark: neither malformed nor short
    assert pkt["ipv4[1].src"].display == "1.2.3.4" and pkt.layer("ipv4", 1) is not None
    assert [f.display for f in pkt.get_all("ipv4.src")] == ["10.0.0.7", "1.2.3.4"]
