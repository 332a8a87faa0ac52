"""``pktscope fields``: exact output on real captures, values taken from tshark's truth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pktscope.cli import main
from pktscope.commands._common import UsageError
from pktscope.commands.fields import Format, parse_format

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = str(CAPTURES / "wswiki__dhcp.pcap")


def _truth(name: str) -> list[dict[str, Any]]:
    text = (CAPTURES / "truth" / f"{name}.truth.jsonl").read_text()
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _chaddr(row: dict[str, Any]) -> str:
    return row["dhcp.hw.mac_addr"][0].replace(":", "") + row["dhcp.hw.addr_padding"][0]


@pytest.mark.parametrize(
    "name",
    [
        "wswiki__dhcp.pcap",
        "tcpdump__dhcp-mud.pcap",
        "tcpdump__dhcp-option-108.pcapng",
        "tcpdump__dhcp-rfc3004.pcap",
    ],
)
def test_chaddr_lines_are_the_truth(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, err = _run(capsys, "fields", str(CAPTURES / name), "-e", "dhcp.chaddr")
    assert (code, err) == (0, "")
    assert out == "".join(_chaddr(r) + "\n" for r in _truth(name))


def test_dhcp_chaddr_exact(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "fields", DHCP, "-e", "dhcp.chaddr")
    assert out.splitlines() == ["000b8201fc4200000000000000000000"] * 4


def test_columns_header_and_separator(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "fields",
        DHCP,
        "-e",
        "dhcp.message_type",
        "-e",
        "ipv4.src",
        "-e",
        "eth.dst",
        "-E",
        "header=y",
        "-E",
        "separator=,",
    )
    assert code == 0
    assert out == (
        "dhcp.message_type,ipv4.src,eth.dst\n"
        "1,0.0.0.0,ff:ff:ff:ff:ff:ff\n"
        "2,192.168.0.1,00:0b:82:01:fc:42\n"
        "3,0.0.0.0,ff:ff:ff:ff:ff:ff\n"
        "5,192.168.0.1,00:0b:82:01:fc:42\n"
    )


def test_names_and_quote(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(
        capsys,
        "fields",
        DHCP,
        "-e",
        "dhcp.message_type",
        "-e",
        "dhcp.op",
        "--names",
        "-E",
        "quote=d",
        "-c",
        "2",
    )
    assert out == '"discover"\t"boot_request"\n"offer"\t"boot_reply"\n'


def test_repeated_field_is_comma_joined(capsys: pytest.CaptureFixture[str]) -> None:
    """ICMP errors quote an IPv4 header: ipv4.src occurs twice, in frame order."""
    name = "pcpp__IcmpPackets.pcap"
    _, out, _ = _run(capsys, "fields", str(CAPTURES / name), "-e", "ipv4.src", "-e", "icmp.type")
    want = [
        f"{','.join(r.get('ip.src', []))}\t{','.join(r.get('icmp.type', []))}" for r in _truth(name)
    ]
    assert out.splitlines() == want
    assert want[1] == "10.2.99.99,10.2.10.2\t5,8"  # redirect quoting an ICMP echo


def test_occurrence_first_and_last(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(CAPTURES / "pcpp__IcmpPackets.pcap")
    _, first, _ = _run(capsys, "fields", path, "-e", "ipv4.src", "-E", "occurrence=f")
    _, last, _ = _run(capsys, "fields", path, "-e", "ipv4.src", "-E", "occurrence=l")
    assert first.splitlines()[1] == "10.2.99.99"
    assert last.splitlines()[1] == "10.2.10.2"


def test_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "fields",
        DHCP,
        "--json",
        "-e",
        "dhcp.chaddr",
        "-e",
        "dhcp.message_type",
        "-e",
        "ipv4.src",
        "-e",
        "udp.src_port",
        "-e",
        "dns.id",
        "-e",
        "frame.malformed",
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {
        "dhcp.chaddr": "000b8201fc4200000000000000000000",
        "dhcp.message_type": 1,
        "ipv4.src": "0.0.0.0",
        "udp.src_port": 68,
        "dns.id": None,
        "frame.malformed": False,
    }
    assert [r["dhcp.message_type"] for r in rows] == [1, 2, 3, 5]


def test_json_list_for_repeats_and_names(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(
        capsys,
        "fields",
        DHCP,
        "--json",
        "--names",
        "-e",
        "dhcp.options.code",
        "-e",
        "dhcp.message_type",
        "-c",
        "1",
    )
    assert json.loads(out) == {
        "dhcp.options.code": [
            "dhcp_message_type",
            "client_identifier",
            "requested_ip_address",
            "parameter_request_list",
            "end",
        ],
        "dhcp.message_type": "discover",
    }


def test_dns_names_json(capsys: pytest.CaptureFixture[str]) -> None:
    name = "wswiki__dns.cap"
    _, out, _ = _run(capsys, "fields", str(CAPTURES / name), "--json", "-e", "dns.queries.name")
    got = [json.loads(line)["dns.queries.name"] for line in out.splitlines()]
    want = [r["dns.qry.name"][0] for r in _truth(name)]
    assert got == want


def test_filter_and_count(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "fields", DHCP, "-e", "frame.number", "-Y", "udp.src_port == 68")
    assert out == "1\n3\n"
    _, out, _ = _run(capsys, "fields", DHCP, "-e", "frame.number", "-c", "3")
    assert out == "1\n2\n3\n"
    name = str(CAPTURES / "wswiki__arp-storm.pcap")
    _, out, _ = _run(
        capsys, "fields", name, "-e", "arp.target_ip", "-c", "2", "-Y", "arp.opcode == 1"
    )
    assert out == "24.166.173.159\n24.166.172.141\n"


def test_bad_path_suggests_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "fields", DHCP, "-e", "dhcp.chadr")
    assert (code, out) == (2, "")
    assert err == (
        "pktscope: unknown field path 'dhcp.chadr': no such field; did you mean: dhcp.chaddr, "
        "dhcp.ciaddr, dhcp.yiaddr, dhcp.siaddr, dhcp.giaddr\n"
    )


def test_bad_layer(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "fields", DHCP, "-e", "ipv5.src")
    assert code == 2
    assert err.startswith("pktscope: unknown field path 'ipv5.src': no protocol 'ipv5'")
    assert err.endswith("; did you mean: ipv6, ipv4, icmpv6\n")


def test_bad_filter_shows_caret(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "fields", DHCP, "-e", "dhcp.xid", "-Y", "udp.src_port ==")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith("pktscope: bad display filter: col ")
    assert lines[1] == "  udp.src_port =="
    assert lines[2].endswith("^")


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "fields", "/nonexistent/x.pcap", "-e", "eth.src")
    assert (code, out) == (1, "")
    assert err == "pktscope: cannot open /nonexistent/x.pcap: no such file\n"


def test_not_a_capture(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "fields", str(CAPTURES / "README.md"), "-e", "eth.src")
    assert code == 1
    assert "not a pcap or pcapng capture" in err


@pytest.mark.parametrize(
    ("opts", "want"),
    [
        ([], Format()),
        (["header=y", "separator=/s"], Format(header=True, separator=" ")),
        (["separator=/t", "aggregator=;", "quote=s"], Format(aggregator=";", quote="'")),
        (["occurrence=l"], Format(occurrence="l")),
    ],
)
def test_parse_format(opts: list[str], want: Format) -> None:
    assert parse_format(opts) == want


@pytest.mark.parametrize("opt", ["header", "header=maybe", "quote=x", "colour=red"])
def test_parse_format_rejects(opt: str) -> None:
    with pytest.raises(UsageError, match="-E"):
        parse_format([opt])


def test_only_needed_layers_are_decoded() -> None:
    """Frame items decode no layer; a layer path decodes the chain (every occurrence counts)
    but no DHCP option is evaluated beyond what the path names."""
    import pktscope
    from pktscope.commands.fields import format_row

    with pktscope.open_capture(DHCP) as cap:
        pkt = cap[0]
        assert format_row(pkt, ["frame.number", "frame.len"], Format()) == "1\t314"
        assert pkt._layers == []
        assert format_row(pkt, ["eth.src"], Format()) == "00:0b:82:01:fc:42"
        assert [layer.name for layer in pkt._layers] == ["eth", "ipv4", "udp", "dhcp"]


BOOTP_HEAD = """\
meta:
  id: bootp_head
  endian: be
seq:
  - id: op
    type: u1
  - id: htype
    type: u1
  - id: hlen
    type: u1
  - id: hops
    type: u1
  - id: xid
    type: u4
"""


def test_decode_as_with_spec_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A user spec from --spec-dir applied by a decode-as rule; its paths are accepted."""
    (tmp_path / "bootp_head.ksy").write_text(BOOTP_HEAD)
    code, out, err = _run(
        capsys,
        "fields",
        DHCP,
        "-e",
        "frame.protocols",
        "-e",
        "bootp_head.xid",
        "--decode-as",
        "udp.port==67:bootp_head",
        "--spec-dir",
        str(tmp_path),
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"eth:ipv4:udp:bootp_head\t{x}" for x in (0x3D1D, 0x3D1D, 0x3D1E, 0x3D1E)
    ]


def test_decode_as_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(
        capsys,
        "fields",
        DHCP,
        "-e",
        "frame.protocols",
        "-c",
        "1",
        "--decode-as",
        "udp.port==67:dns",
    )
    assert out == "eth:ipv4:udp:dns\n"


def test_truncated_capture_fields_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """A BOOTP header cut by the snaplen: the fields before the cut print, the error is named
    with its path and offset, and the frame counts as truncated, not malformed."""
    path = str(CAPTURES / "tcpdump__bootp_asan.pcap")
    code, out, _ = _run(
        capsys,
        "fields",
        path,
        "--json",
        "-e",
        "udp.dst_port",
        "-e",
        "dhcp.xid",
        "-e",
        "frame.errors",
        "-e",
        "frame.truncated",
        "-e",
        "frame.malformed",
    )
    assert code == 0
    row = json.loads(out)
    assert row["udp.dst_port"] == 68
    assert row["dhcp.xid"] == 0x14000000
    assert row["frame.errors"] == ["dhcp.sname @ 0x0056: need 64 bytes, 4 available"]
    assert (row["frame.truncated"], row["frame.malformed"]) == (True, False)


# -- the extraction plan (pktscope.extract) and the full decode give the same ---------------
def _both(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, str, str]:
    from pktscope.commands.fields import FAST_ENV

    monkeypatch.delenv(FAST_ENV, raising=False)
    fast = _run(capsys, *argv)
    monkeypatch.setenv(FAST_ENV, "1")
    slow = _run(capsys, *argv)
    monkeypatch.delenv(FAST_ENV)
    assert fast == slow
    return fast


@pytest.fixture
def plan_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PKTSCOPE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_plan_serves_plain_paths_and_caches_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, plan_dir: Path
) -> None:
    args = ("fields", DHCP, "-e", "dhcp.chaddr", "-e", "dhcp.message_type", "-e", "ipv4.src")
    code, out, _ = _both(capsys, monkeypatch, *args)
    assert code == 0
    assert out.splitlines() == [
        "000b8201fc4200000000000000000000\t1\t0.0.0.0",
        "000b8201fc4200000000000000000000\t2\t192.168.0.1",
        "000b8201fc4200000000000000000000\t3\t0.0.0.0",
        "000b8201fc4200000000000000000000\t5\t192.168.0.1",
    ]
    assert len(list(plan_dir.glob("extract-*.bin"))) == 1  # built once, then reused
    assert _run(capsys, *args)[1] == out
    assert len(list(plan_dir.glob("extract-*.bin"))) == 1


def test_plan_options_count_header_names_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, plan_dir: Path
) -> None:
    base = ("fields", DHCP, "-e", "dhcp.message_type", "-e", "eth.src", "-e", "udp.length")
    _, out, _ = _both(capsys, monkeypatch, *base, "-c", "2", "--names", "-E", "header=y",
                      "-E", "separator=,", "-E", "quote=s")  # fmt: skip
    assert out.splitlines() == [
        "dhcp.message_type,eth.src,udp.length",
        "'discover','00:0b:82:01:fc:42','280'",
        "'offer','00:08:74:ad:f1:9b','308'",
    ]
    _, out, _ = _both(capsys, monkeypatch, *base, "--json", "-c", "1")
    assert json.loads(out) == {
        "dhcp.message_type": 1,
        "eth.src": "00:0b:82:01:fc:42",
        "udp.length": 280,
    }


def test_plan_errors_match_the_full_decode(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, plan_dir: Path
) -> None:
    code, _, err = _both(capsys, monkeypatch, "fields", DHCP, "-e", "dhcp.chadr")
    assert code == 2 and "did you mean: dhcp.chaddr" in err
    assert not list(plan_dir.glob("extract-*.bin"))  # nothing cached for a bad path
    code, _, err = _both(capsys, monkeypatch, "fields", "/no/such.pcap", "-e", "dhcp.chaddr")
    assert (code, err) == (1, "pktscope: cannot open /no/such.pcap: no such file\n")
