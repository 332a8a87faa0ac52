"""``pktscope capture``: live records (stubbed here) as summary lines or a pcapng file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


@pytest.fixture
def fake_live(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Replace the interface by the records of the DHCP sample; remember the call."""
    from pktscope.capture.open import open_records
    from pktscope.commands import capture

    calls: list[tuple[Any, ...]] = []

    def records(args: Any) -> Iterator[Any]:
        calls.append((args.iface, args.count, args.bpf))
        rf = open_records(CAPTURES / "wswiki__dhcp.pcap")
        recs = list(rf)
        return iter(recs[: args.count] if args.count else recs)

    monkeypatch.setattr(capture, "_records", records)
    return calls


def test_summary_lines(capsys: pytest.CaptureFixture[str], fake_live: list[Any]) -> None:
    code = main(["capture", "-i", "eth0", "-c", "2", "-f", "udp port 67"])
    out = capsys.readouterr().out
    assert code == 0
    assert fake_live == [("eth0", 2, "udp port 67")]
    assert out.splitlines() == [
        "    1   0.000000      0.0.0.0 → 255.255.255.255 DHCP 314 "
        "DHCP Discover - Transaction ID 0x3d1d",
        "    2   0.000295  192.168.0.1 → 192.168.0.10 DHCP 342 "
        "DHCP Offer    - Transaction ID 0x3d1d",
    ]


def test_display_filter(capsys: pytest.CaptureFixture[str], fake_live: list[Any]) -> None:
    assert main(["capture", "-i", "eth0", "-Y", "udp.src_port == 67"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == ["2", "4"]


def test_write_pcapng(
    capsys: pytest.CaptureFixture[str], fake_live: list[Any], tmp_path: Path
) -> None:
    import pktscope

    target = tmp_path / "out.pcapng"
    assert main(["capture", "-i", "eth0", "-w", str(target)]) == 0
    assert capsys.readouterr().err == f"pktscope: 4 frames written to {target}\n"
    assert target.read_bytes()[:4] == b"\x0a\x0d\x0d\x0a"
    with (
        pktscope.open_capture(target) as cap,
        pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap") as orig,
    ):
        assert [bytes(p.buffer) for p in cap] == [bytes(p.buffer) for p in orig]
        assert [p.frame.time_ns for p in cap] == [p.frame.time_ns for p in orig]


def test_bad_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["capture", "-i", "eth0", "-c", "0"]) == 2
    assert capsys.readouterr().err == "pktscope: -c must be 1 or more, got 0\n"
