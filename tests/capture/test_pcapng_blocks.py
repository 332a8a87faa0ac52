"""pcapng block kinds beyond EPB: OPB, SPB (snaplen), NRB/ISB/unknown skipped, several comments,
a big-endian second section with its own interfaces; checked by value and against tshark."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest
from capture_helpers import read_all

from pktscope.capture.open import open_records
from pktscope.capture.records import Record

FRAME = bytes.fromhex("ffffffffffff00163e6f43f40800") + bytes(range(86))  # 100 bytes
IP = bytes.fromhex("4500001c00000000401100007f0000017f000001") + bytes(8)


def _pad(b: bytes) -> bytes:
    return b + b"\0" * (-len(b) % 4)


def _block(e: str, btype: int, body: bytes) -> bytes:
    n = 12 + len(body)
    return struct.pack(e + "II", btype, n) + body + struct.pack(e + "I", n)


def _opt(e: str, code: int, value: bytes) -> bytes:
    return struct.pack(e + "HH", code, len(value)) + _pad(value)


def _shb(e: str) -> bytes:
    return _block(e, 0x0A0D0D0A, struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1))


def _idb(e: str, linktype: int, snaplen: int, tsresol: int) -> bytes:
    body = struct.pack(e + "HHI", linktype, 0, snaplen) + _opt(e, 9, bytes([tsresol]))
    return _block(e, 1, body + _opt(e, 0, b""))


def mixed() -> bytes:
    e = "<"
    ms1, ms2 = 1_700_000_000_123, 1_700_000_001_500
    nrb = struct.pack(e + "HH", 1, 8) + bytes([127, 0, 0, 1]) + b"lo\0\0" + bytes(4)
    opb = struct.pack(e + "HHIIII", 0, 0, ms1 >> 32, ms1 & 0xFFFFFFFF, 60, 60) + FRAME[:60]
    epb = struct.pack(e + "IIIII", 0, ms2 >> 32, ms2 & 0xFFFFFFFF, 100, 100) + _pad(FRAME)
    out = _shb(e) + _idb(e, 1, 64, 3)  # ms clock, snaplen 64
    out += _block(e, 4, nrb)  # name resolution: ignored
    out += _block(e, 0x7ABC0001, b"unknown!")  # unknown type: skipped
    out += _block(e, 2, opb + _opt(e, 1, b"obsolete packet block") + _opt(e, 0, b""))
    out += _block(e, 3, struct.pack(e + "I", 100) + FRAME[:64])  # SPB cut to the snaplen
    out += _block(e, 5, struct.pack(e + "III", 0, 0, 0))  # interface statistics: ignored
    out += _block(e, 6, epb + _opt(e, 1, b"first") + _opt(e, 1, b"second") + _opt(e, 0, b""))
    e = ">"
    ts = 1_700_000_002 * 1024 + 512  # 2^-10 s clock
    big = struct.pack(e + "IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(IP), len(IP)) + _pad(IP)
    return out + _shb(e) + _idb(e, 101, 0, 0x80 | 10) + _block(e, 6, big)


EXPECTED = [
    # interface, time, len, cap_len, comment, linktype
    (0, "1700000000.123000000", 60, 60, "obsolete packet block", 1),
    (0, "0.000000000", 100, 64, None, 1),  # SPBs carry no timestamp
    (0, "1700000001.500000000", 100, 100, "first\nsecond", 1),
    (0, "1700000002.500000000", 28, 28, None, 101),  # 2nd section: interfaces restart at 0
]


def _rows(records: list[Record]) -> list[tuple[object, ...]]:
    return [
        (r.interface_id, r.time_epoch, r.len, r.cap_len, r.comment, r.linktype) for r in records
    ]


def test_block_kinds_by_value() -> None:
    records, reader = read_all(mixed())
    assert reader.warning is None
    assert _rows(records) == EXPECTED
    assert records[1].data == FRAME[:64]
    assert records[3].data == IP


def test_block_kinds_one_byte_at_a_time_and_indexed(tmp_path: Path) -> None:
    data = mixed()
    assert read_all(data, chunks=[1])[0] == read_all(data)[0]
    path = tmp_path / "mixed.pcapng"
    path.write_bytes(data)
    with open_records(path) as rf:
        assert list(rf) == read_all(data)[0]
        assert rf[-1].linktype == 101 and rf[0].comment == "obsolete packet block"


@pytest.mark.tools
def test_block_kinds_agree_with_tshark(tmp_path: Path, tshark: str) -> None:
    path = tmp_path / "mixed.pcapng"
    path.write_bytes(mixed())
    out = subprocess.run(
        [tshark, "-r", str(path), "-T", "fields", "-e", "frame.interface_id",
         "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    ours = [f"{i}\t{t}\t{n}\t{c}" for i, t, n, c, _, _ in EXPECTED]
    ours[1] = ours[1].replace("0.000000000", "")  # tshark prints no time for an SPB
    assert out == ours
