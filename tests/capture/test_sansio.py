"""Sans-IO behaviour: any chunking gives the same records, broken framing gives CaptureError
with offset and record index, nothing else escapes, and memory stays bounded by the input."""

from __future__ import annotations

import struct

import pytest
from capture_helpers import CAPTURE_FILES, read_all
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.capture.pcap import PcapReader
from pktscope.capture.pcapng import PcapngReader
from pktscope.capture.reader import CaptureReader
from pktscope.errors import CaptureError

CORPUS = {p.name: p.read_bytes() for p in CAPTURE_FILES}
WHOLE = {name: read_all(data)[0] for name, data in CORPUS.items()}


# -- hand-built pcap / pcapng pieces -----------------------------------------------------------
def pcap_header(magic: int = 0xA1B2C3D4, major: int = 2, endian: str = "<") -> bytes:
    return struct.pack(endian + "IHHiIII", magic, major, 4, 0, 0, 65535, 1)


def pcap_record(data: bytes, ts: int = 1, cap_len: int | None = None) -> bytes:
    return struct.pack("<IIII", ts, 0, len(data) if cap_len is None else cap_len, len(data)) + data


def block(btype: int, body: bytes, total: int | None = None, trailer: int | None = None) -> bytes:
    size = 12 + len(body) if total is None else total
    end = size if trailer is None else trailer
    return struct.pack("<II", btype, size) + body + struct.pack("<I", end)


def shb(major: int = 1, bom: bytes = b"\x4d\x3c\x2b\x1a") -> bytes:
    return block(0x0A0D0D0A, bom + struct.pack("<HHq", major, 0, -1))


def idb(linktype: int = 1, options: bytes = b"") -> bytes:
    return block(1, struct.pack("<HHI", linktype, 0, 0) + options)


def epb(data: bytes, iface: int = 0, ts: int = 0, cap_len: int | None = None) -> bytes:
    cap = len(data) if cap_len is None else cap_len
    body = struct.pack("<IIIII", iface, ts >> 32, ts & 0xFFFFFFFF, cap, len(data))
    return block(6, body + data + b"\0" * (-len(data) % 4))


NG_OK = shb() + idb() + epb(b"\x01\x02\x03") + epb(b"\x04" * 8, ts=5)
PCAP_OK = pcap_header() + pcap_record(b"abc") + pcap_record(b"defg", ts=2)


# -- chunking --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_one_byte_at_a_time_equals_whole(name: str) -> None:
    records, reader = read_all(CORPUS[name], chunks=[1])
    assert records == WHOLE[name]
    assert reader.warning is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(CORPUS)),
    chunks=st.lists(st.integers(1, 700), min_size=1, max_size=20),
)
def test_random_chunkings_equal_whole(name: str, chunks: list[int]) -> None:
    assert read_all(CORPUS[name], chunks=chunks)[0] == WHOLE[name]


def test_streaming_keeps_only_the_tail() -> None:
    data = CORPUS["wswiki__arp-storm.pcap"]
    reader = CaptureReader()
    most = 0
    for pos in range(0, len(data), 1000):
        reader.feed(data[pos : pos + 1000])
        list(reader.records())
        most = max(most, reader.buffered())
    assert most < 1000 + 16 + max(r.cap_len for r in WHOLE["wswiki__arp-storm.pcap"])
    assert reader.close() is None


# -- trailing partial records ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "cut", "kept", "offset"),
    [
        (PCAP_OK, len(PCAP_OK) - 1, 1, 24 + 19),  # inside the 2nd record's data
        (PCAP_OK, 24 + 19 + 5, 1, 24 + 19),  # inside the 2nd record's header
        (PCAP_OK, 10, 0, 0),  # inside the file header
        (NG_OK, len(NG_OK) - 3, 1, len(NG_OK) - 40),  # inside the 2nd EPB
    ],
    ids=["pcap data", "pcap header", "file header", "pcapng epb"],
)
def test_trailing_partial_record_is_a_warning(
    data: bytes, cut: int, kept: int, offset: int
) -> None:
    records, reader = read_all(data[:cut])
    assert len(records) == kept
    assert records == read_all(data)[0][:kept]
    assert isinstance(reader.warning, CaptureError)
    assert reader.warning.file_offset == offset
    assert reader.warning.record_index == kept
    assert "bytes left over" in str(reader.warning)


# -- framing errors --------------------------------------------------------------------------
BAD = [
    ("bad magic", b"\x00\x01\x02\x03" + bytes(40), 0, 0, "magic 00010203"),
    ("pcap v1", pcap_header(major=1) + pcap_record(b"x"), 4, 0, "pcap version 1.4"),
    ("pcap huge cap_len", pcap_header() + pcap_record(b"x", cap_len=0xFFFF_FFFF), 32, 0, "cap_len"),
    (
        "pcap huge after good",
        PCAP_OK + pcap_record(b"", cap_len=300 << 20),
        24 + 19 + 20 + 8,
        2,
        "byte limit",
    ),
    ("ng len % 4", shb() + block(6, bytes(21), total=33), 32, 0, "not a multiple of 4"),
    ("ng len < 12", shb() + block(6, b"", total=8), 32, 0, "outside 12.."),
    ("ng 4 GiB block", shb() + struct.pack("<II", 6, 0xFFFF_FFFC), 32, 0, "outside 12.."),
    ("ng trailer", shb() + idb() + block(5, bytes(8), trailer=24), 64, 0, "trailing"),
    ("ng no idb", shb() + epb(b"abcd"), 36, 0, "names interface 0"),
    ("ng bad iface", NG_OK + epb(b"x", iface=5), len(NG_OK) + 8, 2, "names interface 5"),
    ("ng cap_len", shb() + idb() + epb(b"abcd", cap_len=9), 68, 0, "cap_len 9 exceeds"),
    ("ng bom", shb(bom=b"\x01\x02\x03\x04"), 8, 0, "byte-order magic 01020304"),
    ("ng major 2", shb(major=2), 12, 0, "pcapng version 2.0"),
    ("ng short epb", shb() + idb() + block(6, bytes(8)), 52, 0, "too small (need 32)"),
]


@pytest.mark.parametrize(
    ("data", "offset", "index", "text"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_framing_errors(data: bytes, offset: int, index: int, text: str) -> None:
    reader = CaptureReader()
    records = []
    with pytest.raises(CaptureError) as info:
        reader.feed(data)
        records.extend(reader.records())
    assert text in str(info.value)
    assert info.value.file_offset == offset
    assert info.value.record_index == index
    assert [r.number for r in records] == list(range(1, index + 1))  # all before the break
    # the error sticks: asking again raises the same error
    with pytest.raises(CaptureError) as again:
        reader.next_record()
    assert again.value is info.value


def test_refuses_giant_block_before_it_arrives() -> None:
    reader = PcapngReader()
    reader.feed(shb() + struct.pack("<II", 6, 0xFFFF_FFFC))
    with pytest.raises(CaptureError, match="outside 12"):
        reader.next_record()
    assert reader.buffered() < 64


def test_large_legal_block_waits_without_allocating() -> None:
    reader = PcapngReader()
    reader.feed(shb() + idb() + struct.pack("<II", 6, 200 << 20))
    assert reader.next_record() is None
    assert reader.buffered() == 8
    assert len(reader._buf) < 1024  # nothing was reserved for the claimed 200 MiB


def test_feed_after_close() -> None:
    reader = PcapReader()
    reader.close()
    with pytest.raises(CaptureError, match="after close"):
        reader.feed(b"x")


def test_empty_input_warns() -> None:
    reader = CaptureReader()
    warning = reader.close()
    assert warning is not None and "no bytes" in str(warning)


# -- robustness --------------------------------------------------------------------------------
def _read_or_capture_error(data: bytes) -> list[object]:
    try:
        return list(read_all(data)[0])
    except CaptureError as exc:
        assert exc.file_offset is None or 0 <= exc.file_offset <= len(data)
        return []


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_only_capture_error(data: bytes) -> None:
    _read_or_capture_error(data)


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from([b"\xd4\xc3\xb2\xa1\x02\x00\x04\x00", b"\x0a\x0d\x0d\x0a", NG_OK[:40]]),
    rest=st.binary(max_size=300),
)
def test_random_after_magic_only_capture_error(prefix: bytes, rest: bytes) -> None:
    _read_or_capture_error(prefix + rest)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(CORPUS)),
    edits=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=6),
    cut=st.integers(0, 1 << 20),
)
def test_mutated_captures_only_capture_error(
    name: str, edits: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(CORPUS[name])
    for pos, value in edits:
        data[pos % len(data)] = value
    first = min(pos % len(data) for pos, _ in edits)
    data = data[: max(first + 1, cut % (len(data) + 1))]
    records = _read_or_capture_error(bytes(data))
    if name.endswith((".pcap", ".cap")) and name != "pcpp__IcmpPackets.pcap" and first >= 24:
        # records wholly before the first edit are unchanged (pcap: data ends each record)
        before = [r for r in WHOLE[name] if r.file_offset + r.cap_len <= first]
        if records:
            assert records[: len(before)] == before


@pytest.mark.parametrize("name", ["wswiki__arp-storm.pcap", "pcpp__IcmpPackets.pcap"])
def test_feeding_while_iterating(name: str) -> None:
    # a consumer may feed() between two records of the same records() loop
    data = CORPUS[name]
    reader = CaptureReader()
    reader.feed(data[:5000])
    got = []
    pos = 5000
    for rec in reader.records():
        got.append(rec)
        if pos < len(data):
            reader.feed(data[pos : pos + 333])
            pos += 333
    while pos < len(data):
        reader.feed(data[pos : pos + 333])
        pos += 333
    got.extend(reader.records())
    assert got == WHOLE[name]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(CORPUS)),
    pos=st.integers(0, 1 << 20),
    value=st.sampled_from([0xFF, 0x7F, 0x10, 0x00]),
)
def test_memory_bounded_by_input(name: str, pos: int, value: int) -> None:
    import tracemalloc

    data = bytearray(CORPUS[name])
    # corrupt one byte of a length field's high end: claims of up to gigabytes
    data[pos % len(data)] = value
    tracemalloc.start()
    try:
        _read_or_capture_error(bytes(data))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(data) + (1 << 20), (peak, len(data))
