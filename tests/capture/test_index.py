"""open_records: mmap index over files, lazy and background indexing, streams, bad files."""

from __future__ import annotations

import io
import os
import resource
import struct
import threading
import time
from pathlib import Path

import pytest
from capture_helpers import CAPTURE_FILES, read_all, truth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.capture.open import RecordFile, open_records
from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcapng
from pktscope.errors import CaptureError


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
def test_index_matches_sans_io_reader(path: Path) -> None:
    expected = read_all(path.read_bytes())[0]
    with open_records(path) as rf:
        assert rf.seekable
        assert len(rf) == len(truth(path)) == len(expected)
        assert rf.complete and rf.warning is None
        assert list(rf) == expected
        assert rf[-1] == expected[-1]
        assert rf[0] == expected[0]
        assert rf[::2] == expected[::2]


def test_lazy_then_background_indexing(tmp_path: Path) -> None:
    path = tmp_path / "arp.pcap"
    path.write_bytes((Path(CAPTURE_FILES[0]).parent / "wswiki__arp-storm.pcap").read_bytes())
    rf = open_records(path)
    assert rf.indexed == 0 and not rf.complete
    assert rf.index_to(10) == 10
    assert rf.indexed == 10 and not rf.complete
    assert rf[99].number == 100  # indexes just far enough
    assert rf.indexed == 100
    rf.start_indexing()
    assert rf.wait(timeout=30)
    assert rf.indexed == len(rf) == 622
    rf.close()


def test_index_to_past_the_end(tmp_path: Path) -> None:
    rf = open_records(CAPTURE_FILES[0])
    assert rf.index_to(10_000) == len(truth(CAPTURE_FILES[0]))
    assert rf.complete
    with pytest.raises(IndexError):
        rf[10_000]
    with pytest.raises(IndexError):
        rf[-10_000]


def _cut_in_last_frame(tmp_path: Path, name: str) -> Path:
    data = next(p for p in CAPTURE_FILES if p.name == name).read_bytes()
    last = read_all(data)[0][-1]
    path = tmp_path / name
    path.write_bytes(data[: last.file_offset + 2])
    return path


@pytest.mark.parametrize(
    "name", ["wswiki__dns.cap", "pcpp__IcmpPackets.pcap", "tcpdump__dhcp-option-108.pcapng"]
)
def test_truncated_file_keeps_earlier_records(tmp_path: Path, name: str) -> None:
    full = read_all(next(p for p in CAPTURE_FILES if p.name == name).read_bytes())[0]
    rf = open_records(_cut_in_last_frame(tmp_path, name))
    assert list(rf) == full[:-1]
    assert isinstance(rf.warning, CaptureError)
    assert rf.warning.record_index == len(full) - 1
    assert "file has" in str(rf.warning) or "ends inside" in str(rf.warning)


def test_corrupt_block_in_the_middle(tmp_path: Path) -> None:
    src = next(p for p in CAPTURE_FILES if p.name == "pcpp__IcmpPackets.pcap")
    full = read_all(src.read_bytes())[0]
    data = bytearray(src.read_bytes())
    # the 4th EPB: its length field is just before its type-specific body
    block_start = full[3].file_offset - 28
    data[block_start + 4 : block_start + 8] = struct.pack("<I", 13)
    path = tmp_path / "bad.pcapng"
    path.write_bytes(bytes(data))
    rf = open_records(path)
    assert len(rf) == 3
    assert list(rf) == full[:3]
    assert rf.warning is not None
    assert rf.warning.file_offset == block_start + 4
    assert "not a multiple of 4" in str(rf.warning)


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"", "empty file"),
        (b"hello world, this is text", "magic 68656c6c"),
        (b"\xd4\xc3\xb2\xa1\x02\x00", "needs 24 bytes"),
        (b"\x0a\x0d\x0d\x0a\x1c\x00\x00\x00\x4d\x3c\x2b\x1a", "inside the section header"),
        (b"\x0a\x0d\x0d\x0a\x1c\x00\x00\x00\x01\x02\x03\x04", "byte-order magic 01020304"),
        (b"\x0a\x0d\x0d\x0a\x08\x00\x00\x00\x4d\x3c\x2b\x1a" + bytes(16), "outside 12.."),
    ],
)
def test_not_a_capture(tmp_path: Path, content: bytes, text: str) -> None:
    path = tmp_path / "x.pcap"
    path.write_bytes(content)
    with pytest.raises(CaptureError, match=text) as info:
        open_records(path)
    assert str(path) in str(info.value)


def test_missing_file() -> None:
    with pytest.raises(CaptureError, match="cannot open"):
        open_records("/nonexistent/x.pcap")


def test_bytes_source() -> None:
    data = CAPTURE_FILES[0].read_bytes()
    rf = open_records(data)
    assert list(rf) == read_all(data)[0]


def test_pipe_is_read_as_a_stream() -> None:
    data = next(p for p in CAPTURE_FILES if p.name == "pcpp__dns_over_tcp.pcapng").read_bytes()
    read_fd, write_fd = os.pipe()

    def feed() -> None:
        with os.fdopen(write_fd, "wb") as w:
            for pos in range(0, len(data), 100):
                w.write(data[pos : pos + 100])
                w.flush()

    writer = threading.Thread(target=feed)
    writer.start()
    with os.fdopen(read_fd, "rb") as r:
        rf = open_records(r)
        assert not rf.seekable
        with pytest.raises(CaptureError, match="no random access"):
            rf[0]
        assert list(rf) == read_all(data)[0]
        assert rf.format == "pcapng"
        with pytest.raises(CaptureError, match="already read"):
            list(rf)
    writer.join()


def test_non_seekable_file_object() -> None:
    data = CAPTURE_FILES[0].read_bytes()
    rf = open_records(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]
    assert isinstance(rf, RecordFile) and not rf.seekable
    assert list(rf) == read_all(data)[0]


def _many(tmp_path: Path, count: int, ng: bool) -> Path:
    frame = bytes.fromhex("ffffffffffff00163e6f43f40800") + bytes(46)
    path = tmp_path / ("many.pcapng" if ng else "many.pcap")
    if ng:
        # a real first frame from the writer, then the same EPB repeated (fast to build)
        one = io.BytesIO()
        write_pcapng(one, [Record(1, 0.0, 1000, len(frame), len(frame), 0, 1, frame, None, 0)])
        data = one.getvalue()
        epb_len = 12 + 20 + len(frame)
        path.write_bytes(data + data[-epb_len:] * (count - 1))
    else:
        head = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
        path.write_bytes(head + (struct.pack("<IIII", 1, 2, 60, 60) + frame) * count)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("ng", [False, True], ids=["pcap", "pcapng"])
def test_million_frames_first_screen_and_jumps(tmp_path: Path, ng: bool) -> None:
    path = _many(tmp_path, 1_000_000, ng)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    rf = open_records(path)
    rf.index_to(100)
    screen = [rf[i] for i in range(60)]
    first_screen = time.perf_counter() - t0
    rf.start_indexing()
    assert rf.wait(timeout=60)
    t1 = time.perf_counter()
    last, middle = rf[-1], rf[654_321]
    jump = time.perf_counter() - t1
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert screen[59].number == 60 and last.number == 1_000_000 and middle.number == 654_322
    assert first_screen < 0.5, first_screen
    assert jump < 0.05, jump
    assert grown_mb < 120, grown_mb  # 8 MB of offsets; walked pages go back to the kernel
    rf.close()


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
def test_frames_is_the_lean_view_of_records(path: Path) -> None:
    with open_records(path) as rf:
        assert list(rf.frames()) == [(r.number, r.linktype, bytes(r.data)) for r in rf]


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("source", ["file", "stream"])
def test_records_as_builds_from_the_same_fields(path: Path, source: str) -> None:
    expected = read_all(path.read_bytes())[0]
    rf = open_records(
        path if source == "file" else io.BufferedReader(io.BytesIO(path.read_bytes()))
    )  # type: ignore[arg-type]
    with rf:
        made = list(rf.records_as(Record))
        assert made == expected
        assert all(type(r.data) is bytes for r in made)
    with open_records(path) as rf:
        tuples = list(rf.records_as(lambda *fields: fields))
    assert tuples == [tuple(getattr(r, f) for f in Record.__slots__) for r in expected]


CORPUS = {p.name: p.read_bytes() for p in CAPTURE_FILES}


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(CORPUS)),
    edits=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=4),
    cut=st.integers(0, 1 << 20),
)
def test_index_on_mutated_captures_only_capture_error(
    name: str, edits: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(CORPUS[name])
    for pos, value in edits:
        data[pos % len(data)] = value
    data = data[: max(1, cut % (len(data) + 1))]
    try:
        rf = open_records(bytes(data))
    except CaptureError:
        return
    got = []
    try:
        got.extend(rf)
        assert len(rf) == len(got)
        if got:
            assert rf[-1] == got[-1]
    except CaptureError:
        pass
    # whatever the index yields, the sans-IO reader yields too (same framing rules)
    try:
        streamed = read_all(bytes(data))[0]
    except CaptureError:
        streamed = None
    if streamed is not None:
        assert got == streamed[: len(got)]


@pytest.mark.parametrize("ng", [False, True], ids=["pcap", "pcapng"])
def test_indexed_read_does_not_wait_for_the_indexer(
    tmp_path: Path, ng: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The background walker holds the index lock for a whole step; reads of records already
    indexed must not wait for it (the walk is parked mid-step here until the read is done)."""
    rf = open_records(_many(tmp_path, 5000, ng))
    assert rf.index_to(100) == 100
    index = rf._index
    assert index is not None
    in_walk, release = threading.Event(), threading.Event()
    extend = index.extend

    def parked_extend(count: int) -> int:
        got = extend(10)  # index a few more records, then stall inside the locked step
        in_walk.set()
        release.wait(timeout=30)
        return got

    monkeypatch.setattr(index, "extend", parked_extend)
    rf.start_indexing()
    assert in_walk.wait(timeout=10)
    assert not rf._lock.acquire(blocking=False)  # the walker is mid-step, holding the lock
    read: list[Record] = []
    reader = threading.Thread(target=lambda: read.extend([rf[42], rf[105], rf[0]]))
    reader.start()
    reader.join(timeout=5)
    stalled = reader.is_alive()
    progress = (rf.indexed, rf.complete)  # the cheap views, mid-walk
    release.set()
    monkeypatch.setattr(index, "extend", extend)
    reader.join()
    assert not stalled, "reading an indexed record waited for the indexing step"
    assert [r.number for r in read] == [43, 106, 1]
    assert progress == (110, False)
    assert rf.wait(timeout=30) and rf.indexed == 5000
    rf.close()
