"""The sans-IO readers against tshark's truth for every capture of the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from capture_helpers import CAPTURE_FILES, read_all, summary, truth

from pktscope.capture.pcap import PcapReader
from pktscope.capture.pcapng import PcapngReader
from pktscope.capture.reader import CaptureReader, detect_format

FORMATS = {
    "pcpp__IcmpPackets.pcap": "pcapng",  # .pcap name, pcapng inside
    "pcpp__dns_over_tcp.pcapng": "pcapng",
    "tcpdump__dhcp-option-108.pcapng": "pcapng",
    "tcpdump__icmp-length-zero.pcapng": "pcapng",
}


def test_corpus_is_there() -> None:
    assert len(CAPTURE_FILES) == 22


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
def test_matches_tshark_truth(path: Path) -> None:
    records, reader = read_all(path.read_bytes())
    expected = truth(path)
    assert reader.format == FORMATS.get(path.name, "pcap")
    assert reader.warning is None
    assert [summary(r) for r in records] == [
        (t["frame"], t["len"], t["cap_len"], t["time_epoch"], t.get("interface_id", 0))
        for t in expected
    ]
    for rec in records:
        assert len(rec.data) == rec.cap_len
        assert rec.linktype == (113 if "nano" in path.name else 1)
        assert abs(rec.time - rec.time_ns / 1e9) < 1e-6


def test_truncated_frames_flagged() -> None:
    by_name = {p.name: p for p in CAPTURE_FILES}
    records, _ = read_all(by_name["dpkt__truncated_dns.pcap"].read_bytes())
    assert [(r.cap_len, r.len, r.truncated) for r in records] == [(200, 238, True)]
    records, _ = read_all(by_name["tcpdump__udp-length-heapoverflow.pcap"].read_bytes())
    assert records[0].len == 262144
    assert records[0].truncated


@pytest.mark.parametrize(
    "name", ["wswiki__dhcp.pcap", "tcpdump__pptp.pcap", "tcpdump__tcp-handshake-nano.pcap"]
)
def test_pcap_file_offsets_follow_the_headers(name: str) -> None:
    path = next(p for p in CAPTURE_FILES if p.name == name)
    expected, offset = [], 24  # file header, then 16-byte record headers
    for t in truth(path):
        expected.append(offset + 16)
        offset += 16 + t["cap_len"]
    assert [r.file_offset for r in read_all(path.read_bytes())[0]] == expected


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
def test_file_offset_of_every_record(path: Path) -> None:
    data = path.read_bytes()
    for rec in read_all(data)[0]:
        assert data[rec.file_offset : rec.file_offset + rec.cap_len] == rec.data


def test_big_endian_pcap_header() -> None:
    path = next(p for p in CAPTURE_FILES if p.name == "tcpdump__pptp.pcap")
    reader = PcapReader()
    reader.feed(path.read_bytes())
    first = next(iter(reader))
    assert reader.header is not None
    assert (reader.header.endian, reader.header.nanosecond) == (">", False)
    assert first.time_epoch == truth(path)[0]["time_epoch"]


def test_nanosecond_pcap() -> None:
    path = next(p for p in CAPTURE_FILES if p.name == "tcpdump__tcp-handshake-nano.pcap")
    reader = PcapReader()
    reader.feed(path.read_bytes())
    records = list(reader)
    assert reader.header is not None and reader.header.nanosecond
    assert records[0].time_ns % 1000 != 0  # real sub-microsecond digits survive


def test_pcapng_three_interfaces() -> None:
    path = next(p for p in CAPTURE_FILES if p.name == "pcpp__dns_over_tcp.pcapng")
    reader = PcapngReader()
    reader.feed(path.read_bytes())
    records = list(reader)
    assert [r.interface_id for r in records] == [t["interface_id"] for t in truth(path)]
    assert len(reader.parser.sections[0].interfaces) == 3
    assert [i.snaplen for i in reader.parser.sections[0].interfaces] != [0, 0, 0]


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        ("d4c3b2a1", "pcap"),
        ("a1b2c3d4", "pcap"),
        ("4d3cb2a1", "pcap"),
        ("a1b23c4d", "pcap"),
        ("0a0d0d0a", "pcapng"),
    ],
)
def test_detect_format(head: str, fmt: str) -> None:
    assert detect_format(bytes.fromhex(head)) == fmt
    reader = CaptureReader()
    reader.feed(bytes.fromhex(head)[:3])
    assert reader.format is None
    reader.feed(bytes.fromhex(head)[3:])
    assert reader.format == fmt
