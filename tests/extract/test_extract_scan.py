"""The fast record loop reads classic pcap files as the capture package does."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from extract_helpers import Both, make_both

from pktscope.capture import pcap, records
from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap, write_pcapng
from pktscope.extract import scan

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = CAPTURES / "wswiki__dhcp.pcap"


@pytest.fixture
def both(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Both:
    return make_both(tmp_path_factory, monkeypatch, capsys)


def test_constants_are_the_capture_packages() -> None:
    assert scan.MAX_RECORD_SIZE == records.MAX_RECORD_SIZE
    assert scan.FILE_HEADER_SIZE == pcap.FILE_HEADER_SIZE
    for magic, (endian, ns) in scan.MAGICS.items():
        assert pcap.MAGICS[magic] == (endian, ns, 16)


def _frames() -> list[bytes]:
    return [r.data for r in _records()]


def _records() -> list[Record]:
    from pktscope.capture.open import open_records

    with open_records(str(DHCP)) as rf:
        return [Record(r.number, r.time, r.time_ns, r.cap_len, r.len, 0, 1, bytes(r.data),
                       None, 0) for r in rf]  # fmt: skip


def test_cut_last_record_bad_version_and_pcapng(both: Both, tmp_path: Path) -> None:
    buf = io.BytesIO()
    write_pcap(buf, _records(), 1)
    data = buf.getvalue()
    cut = tmp_path / "cut.pcap"
    cut.write_bytes(data[:-10])  # the last record claims more bytes than the file has
    assert both.same([str(cut), "-e", "dhcp.message_type"]) == "1\n2\n3\n"
    cut.write_bytes(data[:-300] + b"\0" * 7)  # ends inside a record header
    out = both.same([str(cut), "-e", "dhcp.xid", "--json"])
    assert out.count("\n") == 3
    bad = tmp_path / "v3.pcap"
    bad.write_bytes(data[:4] + struct.pack("<H", 3) + data[6:])
    code, _, err = both.run([str(bad), "-e", "dhcp.xid"], slow=False)
    assert code == 1 and "unsupported pcap version 3" in err
    assert both.run([str(bad), "-e", "dhcp.xid"], slow=True)[2] == err
    ng = tmp_path / "d.pcapng"
    write_pcapng(ng, _records())
    assert both.same([str(ng), "-e", "dhcp.message_type", "-e", "ipv4.src"]).count("\n") == 4
    big = tmp_path / "big-endian.pcap"
    header = bytes.fromhex("a1b2c3d4") + struct.pack(">HHiIII", 2, 4, 0, 0, 65535, 1)
    body = b"".join(struct.pack(">IIII", 1, 0, len(f), len(f)) + f for f in _frames())
    big.write_bytes(header + body)
    assert both.same([str(big), "-e", "dhcp.chaddr"]).count("000b8201fc42") == 4
