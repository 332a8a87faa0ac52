"""Writers round-trip through the readers; multi-interface pcapng agrees with tshark."""

from __future__ import annotations

import io
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from capture_helpers import CAPTURE_FILES, read_all
from hypothesis import given, settings
from hypothesis import strategies as st

from pktscope.capture.open import open_records
from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap, write_pcapng
from pktscope.errors import CaptureError


def rec(
    number: int,
    time_ns: int,
    data: bytes,
    *,
    iface: int = 0,
    linktype: int = 1,
    orig: int | None = None,
    comment: str | None = None,
) -> Record:
    return Record(
        number,
        time_ns / 1e9,
        time_ns,
        len(data),
        orig or len(data),
        iface,
        linktype,
        data,
        comment,
        0,
    )


def same(a: Record, b: Record) -> bool:
    keys = ("number", "time_ns", "cap_len", "len", "interface_id", "linktype", "comment")
    return all(getattr(a, k) == getattr(b, k) for k in keys) and bytes(a.data) == bytes(b.data)


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
def test_corpus_round_trips_through_pcapng(path: Path) -> None:
    original = read_all(path.read_bytes())[0]
    out = io.BytesIO()
    assert write_pcapng(out, original) == len(original)
    again, reader = read_all(out.getvalue())
    assert reader.format == "pcapng"
    assert len(again) == len(original)
    assert all(same(a, b) for a, b in zip(original, again, strict=True))


@pytest.mark.parametrize("path", CAPTURE_FILES, ids=lambda p: p.name)
def test_corpus_round_trips_through_pcap(path: Path) -> None:
    original = read_all(path.read_bytes())[0]
    nano = any(r.time_ns % 1000 for r in original)
    out = io.BytesIO()
    write_pcap(out, original, nanosecond=nano)
    again, _ = read_all(out.getvalue())
    # pcap has no interfaces or comments; everything else survives
    assert [(r.time_ns, r.len, bytes(r.data)) for r in again] == [
        (r.time_ns, r.len, bytes(r.data)) for r in original
    ]


def test_pcap_microseconds_truncate() -> None:
    out = io.BytesIO()
    write_pcap(out, [rec(1, 1_500_000_999, b"ab")])
    (back,) = read_all(out.getvalue())[0]
    assert back.time_ns == 1_500_000_000
    assert out.getvalue()[:4] == bytes.fromhex("d4c3b2a1")


def test_pcap_refuses_mixed_link_types() -> None:
    with pytest.raises(CaptureError, match="link type 101"):
        write_pcap(io.BytesIO(), [rec(1, 0, b"a"), rec(2, 0, b"b", linktype=101)])


def test_pcap_refuses_times_out_of_range() -> None:
    with pytest.raises(CaptureError, match="does not fit"):
        write_pcap(io.BytesIO(), [rec(1, -1, b"a")])


def test_empty_outputs_are_valid() -> None:
    for writer in (write_pcap, write_pcapng):
        out = io.BytesIO()
        assert writer(out, []) == 0
        records, reader = read_all(out.getvalue())
        assert records == [] and reader.warning is None


TWO_IFACES = [
    rec(
        1,
        1_600_000_000_123_456_789,
        bytes.fromhex("ffffffffffff00163e6f43f40806") + bytes(28),
        comment="ethernet, µs clock",
    ),
    rec(
        2,
        1_600_000_001_000_000_000,
        bytes.fromhex("450000140000400040110000") + bytes(8),
        iface=1,
        linktype=101,
    ),
    rec(
        3,
        1_600_000_002_250_000_000,
        bytes.fromhex("ffffffffffff00163e6f43f40800") + bytes(20),
        orig=1514,
        comment="two\nlines",
    ),
]


def test_two_interfaces_with_different_link_types_and_resolutions(tmp_path: Path) -> None:
    path = tmp_path / "two.pcapng"
    write_pcapng(path, TWO_IFACES, tsresol={0: 6, 1: 0x80 | 10})
    with open_records(path) as rf:
        back = list(rf)
    assert [(r.interface_id, r.linktype) for r in back] == [(0, 1), (1, 101), (0, 1)]
    assert [r.time_epoch for r in back] == [
        "1600000000.123456000",  # µs clock drops the last 3 digits
        "1600000001.000000000",  # 2^-10 s represents whole seconds exactly
        "1600000002.250000000",
    ]
    assert [r.comment for r in back] == ["ethernet, µs clock", None, "two\nlines"]
    assert [(r.cap_len, r.len) for r in back] == [(42, 42), (20, 20), (34, 1514)]


@pytest.mark.tools
def test_two_interfaces_agree_with_tshark(tmp_path: Path, tshark: str) -> None:
    path = tmp_path / "two.pcapng"
    write_pcapng(path, TWO_IFACES, tsresol={0: 6, 1: 0x80 | 10})
    out = subprocess.run(
        [
            tshark,
            "-n",
            "-r",
            str(path),
            "-T",
            "fields",
            "-e",
            "frame.interface_id",
            "-e",
            "frame.time_epoch",
            "-e",
            "frame.len",
            "-e",
            "frame.cap_len",
            "-e",
            "frame.comment",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    ours = [
        f"{r.interface_id}\t{r.time_epoch}\t{r.len}\t{r.cap_len}\t{(r.comment or '')}"
        for r in open_records(path)
    ]
    assert [line.replace("\\n", "\n") for line in out] == ours


def _ng_with_tsoffset(resol: int, offset_s: int, ts: int) -> bytes:
    def block(btype: int, body: bytes) -> bytes:
        return struct.pack("<II", btype, 12 + len(body)) + body + struct.pack("<I", 12 + len(body))

    opts = struct.pack("<HHB3x", 9, 1, resol) + struct.pack("<HHq", 14, 8, offset_s) + bytes(4)
    data = bytes(14)
    epb = struct.pack("<IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(data), len(data)) + data
    shb = struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)
    return (
        block(0x0A0D0D0A, shb)
        + block(1, struct.pack("<HHI", 1, 0, 0) + opts)
        + block(6, epb + b"\0" * (-len(data) % 4))
    )


TSRESOL_CASES = [
    (6, 0, 1_234_567_890_123_456),
    (9, 100, 1_234_567_890_123_456_789),
    (0x80 | 20, 0, 1_700_000_000 * (1 << 20) + 12345),
    (0x80 | 32, -5, 1_700_000_000 * (1 << 32) + 0x12345678),
    (3, 1_000_000_000, 42_123),
    (0, 7, 1_700_000_000),
]


@pytest.mark.parametrize(("resol", "offset_s", "ts"), TSRESOL_CASES)
def test_tsresol_forms(resol: int, offset_s: int, ts: int) -> None:
    (back,) = read_all(_ng_with_tsoffset(resol, offset_s, ts))[0]
    if resol & 0x80:
        expected = (ts * 10**9 >> (resol & 0x7F)) + offset_s * 10**9
    else:
        expected = ts * 10 ** (9 - resol) + offset_s * 10**9
    assert back.time_ns == expected


@pytest.mark.tools
def test_tsresol_forms_agree_with_tshark(tmp_path: Path, tshark: str) -> None:
    # one section per case, so a single tshark run checks them all
    path = tmp_path / "ts.pcapng"
    path.write_bytes(b"".join(_ng_with_tsoffset(*case) for case in TSRESOL_CASES))
    out = subprocess.run(
        [tshark, "-r", str(path), "-T", "fields", "-e", "frame.time_epoch"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    back = read_all(path.read_bytes())[0]
    assert [r.time_epoch for r in back] == out
    assert len(out) == len(TSRESOL_CASES)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, (1 << 63) - 1),
            st.binary(max_size=80),
            st.integers(0, 3),
            st.none() | st.text(max_size=20),
            st.integers(0, 100),
        ),
        max_size=12,
    )
)
def test_pcapng_round_trip_property(
    items: list[tuple[int, bytes, int, str | None, int]],
) -> None:
    records = [
        rec(
            n,
            t,
            data,
            iface=iface,
            linktype=LINKTYPES[iface],
            orig=len(data) + extra,
            comment=comment,
        )
        for n, (t, data, iface, comment, extra) in enumerate(items, 1)
    ]
    out = io.BytesIO()
    write_pcapng(out, records)
    back, reader = read_all(out.getvalue(), chunks=[7, 1, 300])
    assert reader.warning is None
    assert [
        (b.time_ns, bytes(b.data), b.len, b.linktype, b.comment, b.interface_id) for b in back
    ] == [(r.time_ns, r.data, r.len, r.linktype, r.comment, r.interface_id) for r in records]


LINKTYPES = [1, 101, 113, 228]


def test_interface_clash_gets_a_new_slot() -> None:
    records = [rec(1, 0, b"a", iface=1), rec(2, 0, b"b", iface=1, linktype=101)]
    for source in (records, iter(records)):
        out = io.BytesIO()
        write_pcapng(out, source)
        back = read_all(out.getvalue())[0]
        assert [(b.interface_id, b.linktype) for b in back] == [(1, 1), (2, 101)]


def test_one_pass_iterable_keeps_ids_in_order() -> None:
    records = [rec(1, 0, b"a", iface=0), rec(2, 0, b"b", iface=2, linktype=101)]
    out = io.BytesIO()
    write_pcapng(out, iter(records))
    assert [b.interface_id for b in read_all(out.getvalue())[0]] == [0, 2]


@pytest.mark.parametrize("writer", [write_pcap, write_pcapng], ids=["pcap", "pcapng"])
def test_interrupted_source_leaves_a_valid_file(tmp_path: Path, writer: object) -> None:
    def source() -> Iterator[Record]:
        yield rec(1, 10**9, b"first")
        yield rec(2, 2 * 10**9, b"second")
        raise KeyboardInterrupt  # Ctrl-C during a live capture

    path = tmp_path / "cut.cap"
    with pytest.raises(KeyboardInterrupt):
        writer(path, source())  # type: ignore[operator]
    back = list(open_records(path))
    assert [bytes(r.data) for r in back] == [b"first", b"second"]


def test_slow_source_is_written_as_it_comes(tmp_path: Path) -> None:
    path = tmp_path / "live.pcapng"
    seen_sizes = []

    def source() -> Iterator[Record]:
        yield rec(1, 10**9, b"a" * 10)
        time.sleep(0.3)
        seen_sizes.append(path.stat().st_size)  # the first frame is already on disk
        yield rec(2, 2 * 10**9, b"b" * 10)

    write_pcapng(path, source())
    assert seen_sizes[0] > 0
    assert len(read_all(path.read_bytes()[: seen_sizes[0]])[0]) == 1
