"""Edges every capture command shares: a file that ends inside a record, ``--frame`` on
``fields``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = CAPTURES / "wswiki__dhcp.pcap"


@pytest.mark.parametrize("command", ["show", "hexdump", "fields"])
@pytest.mark.parametrize(("size", "frames", "record"), [(1000, 2, 2), (100, 0, 0)])
def test_file_cut_inside_a_record_is_a_warning(  # noqa: PLR0917 - parametrised
    command: str,
    size: int,
    frames: int,
    record: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "cut.pcap"
    path.write_bytes(DHCP.read_bytes()[:size])
    extra = ["-e", "frame.number"] if command == "fields" else []
    assert main([command, str(path), *extra]) == 0
    out, err = capsys.readouterr()
    if command != "hexdump":
        assert len(out.splitlines()) == frames
    assert err.startswith(f"pktscope: warning: {path}: record {record}, file offset ")
    assert "record claims cap_len 314" in err


def test_no_warning_when_count_stops_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.pcap"
    path.write_bytes(DHCP.read_bytes()[:1000])
    assert main(["show", str(path), "-c", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_fields_frame_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fields", str(DHCP), "-e", "ipv4.src", "-e", "frame.number", "--frame", "2"]) == 0
    assert capsys.readouterr().out == "192.168.0.1\t2\n"
    assert main(["fields", str(DHCP), "-e", "ipv4.src", "--frame", "9"]) == 1
    assert capsys.readouterr().err == f"pktscope: no frame 9 in {DHCP} (4 frames)\n"


def test_frame_time_keeps_every_digit(capsys: pytest.CaptureFixture[str]) -> None:
    nano = CAPTURES / "tcpdump__tcp-handshake-nano.pcap"
    assert main(["fields", str(nano), "-e", "frame.time", "-e", "frame.time_epoch", "-c", "1"]) == 0
    assert capsys.readouterr().out == "2014-12-09T17:16:09.924505488Z\t1418145369.924505488\n"
