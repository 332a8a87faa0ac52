"""``pktscope compare``: pktscope against a live tshark run (needs tshark)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pktscope.cli import main
from pktscope.commands.compare import run_tshark

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


@pytest.mark.tools
def test_live_tshark_rows_equal_the_stored_truth(tshark: str) -> None:
    """Our tshark invocation reproduces truth/*.jsonl (same version, same options)."""
    name = "wswiki__dhcp.pcap"
    rows = run_tshark(str(CAPTURES / name), tshark)
    stored = [
        json.loads(x) for x in (CAPTURES / "truth" / f"{name}.truth.jsonl").read_text().splitlines()
    ]
    keep = (
        "frame",
        "len",
        "cap_len",
        "time_epoch",
        "protocols",
        "malformed",
        "short",
        "eth.src",
        "ip.src",
        "dhcp.hw.mac_addr",
        "dhcp.hw.addr_padding",
        "dhcp.id",
    )
    assert [{k: r.get(k) for k in keep} for r in rows] == [
        {k: r.get(k) for k in keep} for r in stored
    ]


@pytest.mark.tools
def test_compare_agrees(capsys: pytest.CaptureFixture[str], tshark: str) -> None:
    code = main(["compare", str(CAPTURES / "wswiki__dhcp.pcap"), "--tshark", tshark])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["field", "agree", "differ", "quirk"]
    assert "dhcp.chaddr" in out
    row = next(line for line in lines if line.startswith("dhcp.chaddr "))
    assert row.split() == ["dhcp.chaddr", "4", "0", "0"]
    assert lines[-1].startswith("total") and lines[-1].endswith("(100.0% agree)")


@pytest.mark.tools
def test_compare_quirks_reported(capsys: pytest.CaptureFixture[str], tshark: str) -> None:
    code = main(
        [
            "compare",
            str(CAPTURES / "tcpdump__icmp-length-zero.pcapng"),
            "--tshark",
            tshark,
            "--json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["quirk"] == {"ip.len": 1}
    assert report["disagreements"] == []


@pytest.mark.tools
def test_compare_exit_1_on_disagreement(
    capsys: pytest.CaptureFixture[str], tshark: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A (simulated) tshark that disagrees on one field makes compare exit 1 and name it."""
    from pktscope.commands import compare

    real = compare.run_tshark

    def doctored(path: str, exe: str = "tshark") -> list[dict[str, object]]:
        rows = real(path, exe)
        rows[1]["dhcp.id"] = ["0x00000001"]
        return rows

    monkeypatch.setattr(compare, "run_tshark", doctored)
    code = main(["compare", str(CAPTURES / "wswiki__dhcp.pcap"), "--tshark", tshark])
    out = capsys.readouterr().out
    assert code == 1
    assert "DIFFER frame 2 dhcp.id: pktscope ['15645'] tshark ['1']" in out


def test_missing_tshark(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", str(CAPTURES / "wswiki__dhcp.pcap"), "--tshark", "/no/tshark"])
    assert code == 1
    assert capsys.readouterr().err.startswith("pktscope: tshark is not installed")
