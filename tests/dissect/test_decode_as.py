"""Decode-as rules, user spec directories and the spec registry."""

from __future__ import annotations

from pathlib import Path

import pytest

import pktscope
from pktscope.dissect.decode_as import parse_rule
from pktscope.dissect.registry import bundled_dir, bundled_ids, layer_name, load_spec
from pktscope.errors import PktscopeError, SpecError

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = CAPTURES / "wswiki__dhcp.pcap"

MYPROTO = """\
meta:
  id: myproto
  endian: be
seq:
  - id: op
    type: u1
  - id: word
    type: u2
  - id: masked
    size: 2
    process: xor(0xff)
    type: pair
types:
  pair:
    seq:
      - id: a
        type: u1
      - id: b
        type: u1
"""


@pytest.fixture
def spec_dir(tmp_path: Path) -> Path:
    (tmp_path / "myproto.ksy").write_text(MYPROTO)
    return tmp_path


@pytest.mark.parametrize(
    ("text", "targets", "value", "spec"),
    [
        ("udp.port==9000:myproto", (("udp", ("dst_port", "src_port")),), 9000, "myproto"),
        ("tcp.port == 0x50 : http", (("tcp", ("dst_port", "src_port")),), 80, "http"),
        ("eth.type==0x88b5:local", (("eth", ("ether_type",)),), 0x88B5, "local"),
        (
            "ip.proto==253:exp",
            (("ipv4", ("protocol",)), ("ipv6", ("payload_protocol",))),
            253,
            "exp",
        ),
        ("udp.src_port==7:/x/echo.ksy", (("udp", ("src_port",)),), 7, "/x/echo.ksy"),
    ],
)
def test_parse_rule(text: str, targets: object, value: int, spec: str) -> None:
    rule = parse_rule(text)
    assert (rule.targets, rule.value, rule.spec) == (targets, value, spec)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("udp.port=9000:x", "expected SELECTOR==VALUE:SPEC"),
        ("udp.port==nine:x", "not an integer"),
        ("udp.port==9:", "no spec"),
        ("port==9:x", "not LAYER.FIELD"),
    ],
)
def test_bad_rules(text: str, message: str) -> None:
    with pytest.raises(PktscopeError, match=message):
        parse_rule(text)


def test_decode_as_user_spec_dir(spec_dir: Path) -> None:
    cap = pktscope.open_capture(DHCP, decode_as=["udp.port==67:myproto"], spec_dirs=[spec_dir])
    pkt = cap[0]
    assert pkt.protocols == "eth:ipv4:udp:myproto"
    op = pkt["myproto.op"]
    assert (op.offset, op.value) == (42, 1)
    masked = pkt["myproto.masked.a"]
    assert masked.transformed and pkt["myproto.masked"].transformed
    assert not pkt["myproto.word"].transformed
    assert masked.value == pkt.buffer[45] ^ 0xFF
    assert (pkt["myproto.masked"].offset, pkt["myproto.masked"].size) == (45, 2)


def test_decode_as_by_path_and_single_packet(spec_dir: Path) -> None:
    buf = bytes(pktscope.open_records(DHCP)[1].data)
    rule = f"udp.dstport==68:{spec_dir / 'myproto.ksy'}"
    pkt = pktscope.decode(buf, decode_as=[rule])
    assert pkt.protocols == "eth:ipv4:udp:myproto"
    assert pktscope.decode(buf).protocols == "eth:ipv4:udp:dhcp"


def test_registry() -> None:
    d = bundled_dir()
    assert d is not None and (d / "dhcp.ksy").is_file()
    assert {"eth", "ipv4", "udp", "dhcp", "dns"} <= set(bundled_ids())
    cls = load_spec("dhcp")
    assert cls is load_spec("dhcp") and layer_name(cls) == "dhcp"
    assert load_spec(cls) is cls
    with pytest.raises(PktscopeError, match="unknown spec 'nosuch'"):
        load_spec("nosuch")
    with pytest.raises(SpecError):
        load_spec("/nonexistent/dir/x.ksy")


def test_decode_by_linktype() -> None:
    rec = pktscope.open_records(CAPTURES / "tcpdump__tcp-handshake-nano.pcap")[0]
    pkt = pktscope.decode(rec.data, linktype=rec.linktype)
    assert pkt.protocols.startswith("sll:ipv4:tcp")
    assert pkt.frame.linktype == 113
