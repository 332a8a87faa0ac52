"""Capture: len, indexing, slices, iteration, the bounded packet cache, frame metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pktscope
from pktscope.dissect.capture import Capture
from pktscope.errors import CaptureError

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def test_indexing_and_cache() -> None:
    recs = pktscope.open_records(CAPTURES / "wswiki__arp-storm.pcap")
    cap = Capture(recs, cache_size=3)
    assert len(cap) == 622
    first = cap[0]
    assert cap[0] is first and first.frame.number == 1
    assert cap[-1].frame.number == 622
    assert [p.frame.number for p in cap[10:13]] == [11, 12, 13]
    assert len(cap._cache) == 3  # bounded
    assert cap[0] is not first  # evicted, decoded afresh
    with pytest.raises(IndexError):
        cap[622]
    assert sum(1 for _ in cap) == 622
    assert len(cap._cache) == 3  # iteration does not fill the cache
    assert cap[5]["arp.opcode"].value == 1


def test_frame_metadata_pcapng_interfaces() -> None:
    path = CAPTURES / "pcpp__dns_over_tcp.pcapng"
    rows = [json.loads(x) for x in (CAPTURES / "truth" / f"{path.name}.truth.jsonl").open()]
    with pktscope.open_capture(path) as cap:
        for pkt, row in zip(cap, rows, strict=True):
            assert pkt.frame.interface_id == row["interface_id"]
            assert pkt["frame.interface_id"].value == row["interface_id"]
            assert pkt.frame.linktype == 1
            assert pkt.frame.time_epoch == row["time_epoch"]
            assert pkt["frame.number"].value == row["frame"]


def test_not_a_capture(tmp_path: Path) -> None:
    bad = tmp_path / "x.pcap"
    bad.write_bytes(b"not a capture at all")
    with pytest.raises(CaptureError):
        list(pktscope.open_capture(bad))


@pytest.mark.parametrize(
    "name", ["wswiki__dhcp.pcap", "pcpp__dns_over_tcp.pcapng", "wswiki__arp-storm.pcap"]
)
def test_iteration_builds_the_packets_random_access_builds(name: str) -> None:
    """Iteration makes packets straight from the index (no records); they equal ``cap[i]``'s,
    and a packet already in the cache is the one iteration yields."""
    path = CAPTURES / name
    with pktscope.open_capture(path) as cap, pktscope.open_capture(path) as other:
        cached = cap[2]
        seen = list(cap)
        assert seen[2] is cached
        assert len(seen) == len(other)
        for i, pkt in enumerate(seen):
            ref = other[i]
            assert pkt.frame == ref.frame
            assert pkt.frame.number == i + 1
            assert pkt.buffer == ref.buffer and type(pkt.buffer) is bytearray
            assert pkt.protocols == ref.protocols
            assert [str(e) for e in pkt.errors] == [str(e) for e in ref.errors]


def test_packet_buffer_made_on_first_use_and_writable() -> None:
    """A capture packet keeps its frame's bytes until ``buffer`` is asked for; writes through
    the buffer (``Field.set``) re-decode from the new bytes."""
    with pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap") as cap:
        pkt = next(iter(cap))
        assert pkt._buffer is None  # decoding alone copies nothing
        xid = pkt["dhcp.xid"]
        assert pkt._buffer is None
        buf = pkt.buffer
        assert pkt.buffer is buf and bytes(buf) == pkt._data()
        xid.set(0x01020304)
        assert pkt["dhcp.xid"].value == 0x01020304
        assert bytes(pkt.buffer[xid.offset : xid.end]) == bytes.fromhex("01020304")
        assert pkt._data() == bytes(pkt.buffer)


def test_edits_through_capture_index_are_kept() -> None:
    """An edited packet survives the LRU cache letting it go (it was silently re-read)."""
    cap = pktscope.open_capture(CAPTURES / "wswiki__arp-storm.pcap")
    cap._cache_size = 4  # a small cache, to let frame 0 go
    cap[0]["eth.src"].set("02:00:00:00:00:01")
    for i in range(1, 20):
        cap[i]
    assert cap[0]["eth.src"].display == "02:00:00:00:00:01"
    assert next(iter(cap))["eth.src"].display == "02:00:00:00:00:01"
    assert cap[1]["eth.src"].display != "02:00:00:00:00:01"
