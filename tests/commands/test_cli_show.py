"""``pktscope show``: tshark-style summary lines, -V trees with offsets, -x dumps, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = str(CAPTURES / "wswiki__dhcp.pcap")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dhcp_summary_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "show", DHCP)
    assert (code, err) == (0, "")
    assert out == (
        "    1   0.000000      0.0.0.0 → 255.255.255.255 DHCP 314 "
        "DHCP Discover - Transaction ID 0x3d1d\n"
        "    2   0.000295  192.168.0.1 → 192.168.0.10 DHCP 342 "
        "DHCP Offer    - Transaction ID 0x3d1d\n"
        "    3   0.070031      0.0.0.0 → 255.255.255.255 DHCP 314 "
        "DHCP Request  - Transaction ID 0x3d1e\n"
        "    4   0.070345  192.168.0.1 → 192.168.0.10 DHCP 342 "
        "DHCP ACK      - Transaction ID 0x3d1e\n"
    )


def test_columns_match_tshark_layout(capsys: pytest.CaptureFixture[str], tshark: str) -> None:
    """Number, relative time, source, destination and length sit where tshark puts them."""
    import subprocess

    path = str(CAPTURES / "tcpdump__dns_udp.pcap")
    theirs = subprocess.run(
        [tshark, "-n", "-r", path], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    _, out, _ = _run(capsys, "show", path)
    ours = out.splitlines()
    assert len(ours) == len(theirs) == 2
    for a, b in zip(ours, theirs, strict=True):
        assert a.split(" DNS ")[0] == b.split(" DNS ")[0]
        assert a.split()[6] == b.split()[6]  # frame length


def test_arp_filter_and_count(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(CAPTURES / "wswiki__arp-storm.pcap")
    _, out, _ = _run(capsys, "show", path, "-c", "2", "-Y", "arp.opcode == 1")
    assert out == (
        "    1   0.000000 00:07:0d:af:f4:54 → ff:ff:ff:ff:ff:ff ARP 60 "
        "Who has 24.166.173.159? Tell 24.166.172.1\n"
        "    2   0.098594 00:07:0d:af:f4:54 → ff:ff:ff:ff:ff:ff ARP 60 "
        "Who has 24.166.172.141? Tell 24.166.172.1\n"
    )


def test_field_option(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(
        capsys,
        "show",
        DHCP,
        "-Y",
        "dhcp.message_type == 5",
        "--field",
        "dhcp.yiaddr",
        "--field",
        "dhcp.chaddr",
    )
    assert out.splitlines()[1:] == [
        "    dhcp.yiaddr: 192.168.0.10",
        "    dhcp.chaddr: 000b8201fc4200000000000000000000",
    ]
    assert out.startswith("    4 ")


def test_verbose_tree_has_absolute_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", DHCP, "-V", "--frame", "1")
    lines = out.splitlines()
    assert "eth  @0+314" in lines
    assert "  dst: ff:ff:ff:ff:ff:ff  @0+6" in lines
    assert "  version: 4  @14+1 b0+4" in lines  # a bit field: byte + bit offset and width
    assert "  protocol: udp (17)  @23+1" in lines  # enum as name (value)
    assert "dhcp  @42+272" in lines
    assert "  chaddr: 000b8201fc4200000000000000000000  @70+16" in lines
    assert "      code: dhcp_message_type (53)  @282+1" in lines
    assert "        message_type: discover (1)  @284+1" in lines


def test_malformed_shows_error_row_with_caret(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(CAPTURES / "tcpdump__bootp_asan.pcap")
    code, out, _ = _run(capsys, "show", path, "-V")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("dhcp  @42+48  <") for line in lines)  # flagged layer
    i = next(i for i, line in enumerate(lines) if line.startswith("decode error: "))
    assert lines[i] == ("decode error: dhcp.sname @ 0x0056: need 64 bytes, 4 available")
    # 0x56 = 86 is past the 90-byte frame's last row start (0x50): the row 0x50, caret at 6.
    assert lines[i + 1].startswith("00000050: ")
    assert lines[i + 2] == " " * (10 + 3 * 6) + "^"


def test_hex_option_highlights_field(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", DHCP, "-x", "-c", "1", "--field", "dhcp.chaddr", "--no-color")
    lines = out.splitlines()
    assert (
        lines[2] == "00000000: FF FF FF FF FF FF 00 0B  82 01 FC 42 08 00 45 00  ...........B..E."
    )
    row = lines.index(
        "00000040: 00 00 00 00 00 00 00 0B  82 01 FC 42 00 00 00 00  ...........B...."
    )
    assert lines[row + 1].strip().startswith("^^")
    assert lines[-1].endswith("0x0046..0x0055  16 bytes  dhcp.chaddr")


def test_color_forced(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", DHCP, "-x", "-c", "1", "--field", "dhcp.chaddr", "--color")
    assert "\x1b[" in out


def test_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "show", "/nonexistent.pcap") == (
        1,
        "",
        "pktscope: cannot open /nonexistent.pcap: no such file\n",
    )
    code, _, err = _run(capsys, "show", DHCP, "--frame", "9")
    assert (code, err) == (1, f"pktscope: no frame 9 in {DHCP} (4 frames)\n")
    code, _, err = _run(capsys, "show", DHCP, "--field", "dhcp.xd")
    assert code == 2 and "did you mean: dhcp.xid" in err
    with pytest.raises(SystemExit) as exc:
        main(["show", DHCP, "-c", "0"])
    assert exc.value.code == 2


def test_field_that_fails_to_decode(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--field on an instance past the frame: the error with the row and caret, not 'absent'."""
    spec = "meta:\n  id: bootp_far\nseq:\n  - id: op\n    type: u1\n"
    spec += "instances:\n  far:\n    pos: 290\n    size: 8\n"
    (tmp_path / "bootp_far.ksy").write_text(spec)
    _, out, _ = _run(
        capsys,
        "show",
        DHCP,
        "-c",
        "2",
        "--field",
        "bootp_far.far",
        "--decode-as",
        "udp.port==67:bootp_far",
        "--spec-dir",
        str(tmp_path),
    )
    lines = out.splitlines()
    assert lines[1] == (
        "    bootp_far.far: field 'bootp_far.far' in frame 1 did not decode: "
        "bootp_far.far @ 0x014c: position 290 is past the end of its data (272 bytes)"
    )
    assert lines[2] == "    00000130: 06 2A FF 00 00 00 00 00  00 00                    .*........"
    assert lines[3] == "    " + " " * 41 + "^"
    assert lines[5] == "    bootp_far.far: 0000000000000000"  # frame 2 is long enough


def test_summary_tells_truncated_from_malformed(capsys: pytest.CaptureFixture[str]) -> None:
    # Cut by the 200-byte snap length (tshark: _ws.short, not malformed).
    assert main(["show", str(CAPTURES / "dpkt__truncated_dns.pcap")]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(
        "[Truncated: dns.answers[6].rdlength @ 0x00c8: need 2 bytes, 0 available]"
    )
    assert "Malformed" not in out


def test_field_without_a_value_of_its_own_shows_its_subtree(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", DHCP, "-c", "1", "--field", "dhcp.options[1]"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert lines[:3] == [
        "    dhcp.options[1]  @285+9",
        "      code: client_identifier (61)  @285+1",
        "      length: 7  @286+1",
    ]
    assert "        identifier: 000b8201fc42  @288+6" in lines


def test_verbose_tree_shows_an_empty_string(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", str(CAPTURES / "wswiki__dns.cap"), "-V", "--frame", "1")
    assert '            [suffix]: ""' in out.splitlines()  # the root label of google.com.


@pytest.mark.parametrize(
    "name", ["tcpdump__tcp-handshake-nano.pcap", "tcpdump__icmp-length-zero.pcapng"]
)
def test_stdin_shows_the_times_of_the_file(name: str) -> None:
    # from stdin the times had 6 decimals whatever the capture's clock (9 for a ns pcap)
    import subprocess
    import sys

    path = CAPTURES / name
    argv = [sys.executable, "-m", "pktscope", "show"]
    data = path.read_bytes()
    piped = subprocess.run([*argv, "-"], input=data, capture_output=True, timeout=60, check=False)
    direct = subprocess.run([*argv, str(path)], capture_output=True, timeout=60, check=False)
    assert piped.returncode == direct.returncode == 0
    assert piped.stdout == direct.stdout


def test_a_broken_pcapng_names_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # "pktscope: record 0, file offset 0x38: ..." did not say which file broke
    import struct

    shb = struct.pack("<IIIHHqI", 0x0A0D0D0A, 28, 0x1A2B3C4D, 1, 0, -1, 28)
    idb = struct.pack("<IIHHII", 1, 20, 1, 0, 65535, 20)
    epb = struct.pack("<IIIIIII", 6, 36, 3, 0, 0, 4, 4) + b"abcd" + struct.pack("<I", 36)
    bad = tmp_path / "bad_ifid.pcapng"
    bad.write_bytes(shb + idb + epb)
    code, _, err = _run(capsys, "show", str(bad))
    assert code == 1
    assert err.startswith(f"pktscope: {bad}: record 0, file offset 0x38: packet block names")


@pytest.mark.parametrize("data", [b"", b"ab"])
def test_no_capture_on_stdin_is_an_error_as_for_a_file(data: bytes, tmp_path: Path) -> None:
    # an empty pipe exited 0 with a warning, an empty file 1 with an error
    import subprocess
    import sys

    argv = [sys.executable, "-m", "pktscope", "show", "-"]
    done = subprocess.run(argv, input=data, capture_output=True, timeout=60, check=False)
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr.decode().startswith(
        "pktscope: <stdin>: file offset 0x0: input ends before the capture file header"
    )


def test_frame_past_the_end_of_a_cut_file_says_the_file_ends_early(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cut = tmp_path / "cut.pcap"
    data = Path(DHCP).read_bytes()
    cut.write_bytes(data[: len(data) - 10])  # the last record loses 10 bytes
    code, _, err = _run(capsys, "show", str(cut), "--frame", "4")
    assert code == 1
    assert err.startswith(f"pktscope: no frame 4 in {cut} (3 frames); the file ends early: ")


def test_dns_length_prefix_alone_is_not_a_query(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a TCP segment with only the 2-byte length read "Standard query 0x0000"
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import netframes as nf

    src, dst = nf.ip4("10.0.0.1"), nf.ip4("10.0.0.2")
    seg = nf.tcp(src, dst, 1111, 53, seq=1, ack=1, flags=0x18, window=512, payload=b"\x00\x1d")
    frame = nf.ethernet("00:00:5e:00:53:01", "00:00:5e:00:53:02", 0x0800, nf.ipv4(src, dst, 6, seg))
    from pktscope.capture.records import Record
    from pktscope.capture.writer import write_pcap

    pcap = tmp_path / "prefix.pcap"
    write_pcap(pcap, [Record(1, 0.0, 0, len(frame), len(frame), 0, 1, frame, None, 0)])
    code, out, _ = _run(capsys, "show", str(pcap))
    assert code == 0 and out.rstrip().endswith(
        "DNS 56 DNS message of 29 bytes, not in this segment"
    )
