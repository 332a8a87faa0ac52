"""``pktscope hexdump``: a field's rows with absolute offsets, whole frames, plain files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = str(CAPTURES / "wswiki__dhcp.pcap")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_field_rows_have_absolute_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "hexdump", DHCP, "--frame", "1", "--field", "dhcp.chaddr")
    assert (code, err) == (0, "")
    assert out == (
        "dhcp.chaddr @ 70, 16 bytes: 000b8201fc4200000000000000000000\n"
        "00000046: 00 0B 82 01 FC 42 00 00  00 00 00 00 00 00 00 00  .....B..........\n"
    )


@pytest.mark.parametrize(
    ("fmt", "want"),
    [
        (
            "canonical",
            "0000002e  00 00 3d 1d                                       |..=.|\n00000032\n",
        ),
        ("xxd", "0000002e: 0000 3d1d                                ..=.\n"),
    ],
)
def test_field_formats(capsys: pytest.CaptureFixture[str], fmt: str, want: str) -> None:
    import pktscope

    _, out, _ = _run(capsys, "hexdump", DHCP, "--frame", "1", "--field", "dhcp.xid", "--fmt", fmt)
    shown = pktscope.open_capture(DHCP)[0]["dhcp.xid"].display  # the spec's display hint
    assert out == f"dhcp.xid @ 46, 4 bytes: {shown}\n" + want


def test_field_colored(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "hexdump", DHCP, "--frame", "1", "--field", "dhcp.chaddr", "--color")
    assert "\x1b[" in out and "0x0046..0x0055  16 bytes  dhcp.chaddr" in out


def test_whole_frame(capsys: pytest.CaptureFixture[str]) -> None:
    import pktscope

    _, out, _ = _run(capsys, "hexdump", DHCP, "--frame", "2", "--no-color")
    head, dump = out.split("\n", 1)
    assert head == "frame 2: 342 bytes (eth:ipv4:udp:dhcp)"
    with pktscope.open_capture(DHCP) as cap:
        assert dump == pktscope.hexdump(bytes(cap[1].buffer), result="return") + "\n"


def test_all_frames_separated(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "hexdump", DHCP, "-c", "2")
    assert [line for line in out.splitlines() if line.startswith("frame ")] == [
        "frame 1: 314 bytes (eth:ipv4:udp:dhcp)",
        "frame 2: 342 bytes (eth:ipv4:udp:dhcp)",
    ]


def test_plain_file_matches_xxd(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = bytes(range(256)) * 3 + b"tail"
    f = tmp_path / "blob.bin"
    f.write_bytes(data)
    _, out, _ = _run(capsys, "hexdump", str(f), "--fmt", "xxd")
    xxd = shutil.which("xxd")
    if xxd is None:
        pytest.skip("xxd not installed")
    assert out == subprocess.run([xxd, str(f)], capture_output=True, text=True, check=True).stdout


def test_plain_file_canonical_matches_hexdump_c(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "blob.bin"
    f.write_bytes(b"pktscope\x00\x01" * 7)
    _, out, _ = _run(capsys, "hexdump", str(f), "--fmt", "canonical")
    tool = shutil.which("hexdump")
    if tool is None:
        pytest.skip("hexdump not installed")
    assert (
        out
        == subprocess.run([tool, "-C", str(f)], capture_output=True, text=True, check=True).stdout
    )


def test_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "hexdump", DHCP, "--frame", "1", "--field", "dns.id")
    assert (code, out) == (1, "")
    assert err == "pktscope: no field 'dns.id' in frame 1 (eth:ipv4:udp:dhcp)\n"
    code, _, err = _run(capsys, "hexdump", DHCP, "--frame", "1", "--field", "dhcp.chadr")
    assert code == 2 and "did you mean: dhcp.chaddr" in err
    f = tmp_path / "x.bin"
    f.write_bytes(b"abc")
    code, _, err = _run(capsys, "hexdump", str(f), "--frame", "1")
    assert code == 2 and "is not a pcap/pcapng capture" in err
    code, _, err = _run(capsys, "hexdump", str(tmp_path / "missing.bin"))
    assert code == 1 and "cannot open" in err and "missing.bin" in err


FAR = """\
meta:
  id: bootp_far
seq:
  - id: op
    type: u1
instances:
  far:
    pos: 290
    size: 8
"""


def test_decode_error_shows_row_and_caret(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An instance reading past the frame: the error names path and offset, then the row of
    that offset (here past the end: the last row, caret after its last byte)."""
    (tmp_path / "bootp_far.ksy").write_text(FAR)
    code, out, err = _run(
        capsys,
        "hexdump",
        DHCP,
        "--frame",
        "1",
        "--field",
        "bootp_far.far",
        "--decode-as",
        "udp.port==67:bootp_far",
        "--spec-dir",
        str(tmp_path),
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "pktscope: field 'bootp_far.far' in frame 1 did not decode: "
        "bootp_far.far @ 0x014c: position 290 is past the end of its data (272 bytes)",
        "00000130: 06 2A FF 00 00 00 00 00  00 00                    .*........",
        " " * (10 + 3 * 10 + 1) + "^",
    ]


def test_structure_field_header_shows_its_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["hexdump", DHCP, "--frame", "1", "--field", "dhcp.options[0]"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == "dhcp.options[0] @ 282, 3 bytes: 350101"
    main(["hexdump", DHCP, "--frame", "1", "--field", "dhcp.hops"])
    assert capsys.readouterr().out.splitlines()[0] == "dhcp.hops @ 45, 1 byte: 0"


@pytest.mark.parametrize("data", [b"hello world\n", b"ab", b""])
def test_plain_data_on_stdin(data: bytes, tmp_path: Path) -> None:
    # `hexdump -` refused anything but a capture ("not a pcap or pcapng capture"), although
    # its help says a plain file is dumped; the file path form dumped it
    import subprocess
    import sys

    plain = tmp_path / "plain.bin"
    plain.write_bytes(data)
    argv = [sys.executable, "-m", "pktscope", "hexdump"]
    piped = subprocess.run([*argv, "-"], input=data, capture_output=True, timeout=60, check=False)
    direct = subprocess.run([*argv, str(plain)], capture_output=True, timeout=60, check=False)
    assert (piped.returncode, piped.stderr) == (0, b"")
    assert piped.stdout == direct.stdout
