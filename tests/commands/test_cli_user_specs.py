"""The CLI with user specs (``--spec-dir``, ``--decode-as``) and the checks a spec author leans
on: a mistyped path or filter field is an error naming close matches, for user specs as for
bundled ones; ``--frame`` works on a stream too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = str(CAPTURES / "wswiki__dhcp.pcap")
MYPROTO = """\
meta: {id: myproto, endian: be}
seq:
  - {id: op, type: u1, enum: op}
  - {id: word, type: u2}
enums:
  op: {1: request, 2: reply}
"""


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    (tmp_path / "myproto.ksy").write_text(MYPROTO)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_fields_checks_user_spec_paths(specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = ["--decode-as", "udp.port==67:myproto", "--spec-dir", str(specs)]
    code, out, err = _run(capsys, "fields", DHCP, *rule, "-e", "myproto.wrd")
    assert (code, out) == (2, "")
    assert "unknown field path 'myproto.wrd': no such field; did you mean: myproto.word" in err
    code, out, _ = _run(capsys, "fields", DHCP, *rule, "-e", "myproto.op", "-c", "1")
    assert (code, out) == (0, "1\n")


def test_decode_as_spec_that_does_not_exist(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(
        capsys, "fields", DHCP, "--decode-as", "udp.port==67:nosuch", "-e", "nosuch.a"
    )
    assert code == 2
    assert "no spec 'nosuch' in the --spec-dir directories or the bundled specs" in err
    # without a path naming it, the rule itself is refused (the payloads stayed UDP, silently)
    code, out, err = _run(capsys, "show", DHCP, "--decode-as", "udp.port==67:nosuch")
    assert (code, out) == (2, "")
    assert "--decode-as 'udp.port==67:nosuch': unknown spec 'nosuch'" in err


@pytest.mark.parametrize(
    ("flt", "message"),
    [
        (
            "dhcp.mesage_type == 1",
            "unknown field path 'dhcp.mesage_type': no such field; did you mean: dhcp.message_type",
        ),
        ("dhcpp", "unknown field path 'dhcpp': no protocol 'dhcpp'; did you mean: dhcp"),
        ("udp and not myproto.wrd", "did you mean: myproto.word"),
    ],
)
def test_filter_fields_are_checked(
    flt: str, message: str, specs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "show", DHCP, "--spec-dir", str(specs), "-Y", flt)
    assert (code, out) == (2, "")
    assert message in err


def test_filter_on_user_spec_field(specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = ["--decode-as", "udp.port==67:myproto", "--spec-dir", str(specs)]
    code, out, _ = _run(capsys, "show", DHCP, *rule, "-Y", "myproto.op == reply")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["2", "4"]


def test_frame_option_reads_a_stream() -> None:
    data = Path(DHCP).read_bytes()
    run = [sys.executable, "-m", "pktscope", "show", "-", "--frame"]
    proc = subprocess.run([*run, "3"], input=data, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().split()[:1] == ["3"]
    assert "Request" in proc.stdout.decode()
    proc = subprocess.run([*run, "9"], input=data, capture_output=True, check=False)
    assert proc.returncode == 1
    assert proc.stderr.decode() == "pktscope: no frame 9 in <stdin> (4 frames)\n"


def test_paths_through_a_switch_field(capsys: pytest.CaptureFixture[str]) -> None:
    # `body` is a switch-on field: its case types' paths are known paths (they were rejected)
    code, out, _ = _run(
        capsys,
        "fields",
        DHCP,
        "-e",
        "dhcp.options[0].body.message_type",
        "-e",
        "dhcp.options[3].body.codes",
        "-c",
        "1",
    )
    assert (code, out) == (0, "1\t1,3,6,42\n")
    code, out, _ = _run(capsys, "show", DHCP, "-Y", "dhcp.options.body.message_type == request")
    assert code == 0 and out.split()[0] == "3"
    code, _, err = _run(capsys, "fields", DHCP, "-e", "dhcp.options.body.mesage_type")
    assert code == 2 and "did you mean: dhcp.options.body.message_type" in err


@pytest.mark.parametrize(
    ("flt", "message"),
    [
        ("ipv4.src == 1.2.3", "col 13: '1.2.3' is not an IPv4 address or network (for ipv4.src)"),
        ("dhcp.message_type == bogus", "col 22: 'bogus' is no value of dhcp.message_type"),
        ("ipv6.dst == 10.0.0.1", "'10.0.0.1' is not an IPv6 address or network"),
        # each of these exited 0 with no output (tshark refuses them all)
        ("eth.src == 00:00", "col 12: '00:00' is 2 bytes; the field holds 6 (for eth.src)"),
        ("eth.src == 00:00:00:00:00:00:00", "'00:00:00:00:00:00:00' is 7 bytes; the field holds 6"),
        ("eth.src == nomac", "'nomac' is not a MAC address"),
        ('dhcp.xid == "abc"', "col 13: 'abc' is text; the field is an integer (u4be)"),
        ("dhcp.xid == 1e3", "'1e3' is not an integer (u4be)"),
        ("dhcp.secs > 99999999999999999999", "is out of range for a u2be (0..65535)"),
        ("ipv4.ihl == 16", "16 is out of range for a b4 (0..15) (for ipv4.ihl)"),
        ("ipv4.ttl contains 4", "contains needs a field of bytes or text"),
        ('dhcp.message_type == "bogus"', "'bogus' is no value of dhcp.message_type"),
    ],
)
def test_filter_values_a_field_cannot_hold(
    flt: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "show", DHCP, "-Y", flt)
    assert (code, out) == (2, "")
    assert message in err and "^" in err


def test_suggestions_keep_the_typed_index(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "fields", DHCP, "-e", "dhcp.options[2].cod")
    assert code == 2 and "did you mean: dhcp.options[2].code," in err


@pytest.mark.parametrize(
    ("flt", "first"),
    [
        ('dhcp.message_type == "request"', "3"),  # an enum name may be quoted
        ("udp contains 00:43", "1"),  # a layer contains bytes: its own (it never matched)
        ("dhcp.xid == 0x3d1e", "3"),
    ],
)
def test_filter_values_that_compare(
    flt: str, first: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "show", DHCP, "-Y", flt)
    assert code == 0 and out.split()[0] == first
