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


@pytest.mark.tools
def test_compare_reads_stdin(tshark: str) -> None:
    import subprocess
    import sys

    data = (CAPTURES / "wswiki__dhcp.pcap").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "pktscope", "compare", "-", "--tshark", tshark, "--json"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["disagreements"] == [] and report["agree"]["dhcp.id"] == 4


@pytest.mark.tools
def test_compare_a_file_cut_inside_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tshark: str
) -> None:
    path = tmp_path / "cut.pcap"
    path.write_bytes((CAPTURES / "wswiki__dhcp.pcap").read_bytes()[:1000])
    assert main(["compare", str(path), "--tshark", tshark, "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["agree"]["dhcp.id"] == 2  # the two whole frames
    assert err.startswith("pktscope: warning: tshark: ")
    assert "cut short in the middle of a packet" in err
    assert "Running as user" not in err


@pytest.mark.tools
def test_tagged_and_8023_frames_are_a_quirk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tshark: str
) -> None:
    import struct

    udp = struct.pack("!HHHH", 1000, 2000, 12, 0) + b"abcd"
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, b"\x0a\0\0\1",
                     b"\x0a\0\0\2") + udp  # fmt: skip
    macs = bytes.fromhex("001122334455 00aabbccddee".replace(" ", ""))
    frames = [
        macs + bytes.fromhex("8100 0005 0800") + ip,  # 802.1Q
        macs + bytes.fromhex("88a8 0007 8100 0005 0800") + ip,  # 802.1ad + 802.1Q
        macs + bytes.fromhex("0026 4242 03") + b"\0" * 35,  # 802.3 + LLC (STP), 60 bytes
    ]
    out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
    for i, f in enumerate(frames):
        out += struct.pack("<IIII", i, 0, len(f), len(f)) + f
    path = tmp_path / "tags.pcap"
    path.write_bytes(out)
    assert main(["compare", str(path), "--tshark", tshark, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["disagreements"] == []
    assert report["quirk"].get("eth.type") == 2  # the tagged frames; 802.3 has neither side


def test_max_diffs_is_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    # -1 was accepted and listed all but the last disagreement ("... 15 more" of 14)
    with pytest.raises(SystemExit) as info:
        main(["compare", str(CAPTURES / "wswiki__dhcp.pcap"), "--max-diffs", "-1"])
    assert info.value.code == 2
    assert "--max-diffs: must be 0 or more, got -1" in capsys.readouterr().err
