"""Decode-as rules, user spec directories and the spec registry."""

from __future__ import annotations

from pathlib import Path

import pytest

import pktscope
from pktscope.dissect.decode_as import parse_rule
from pktscope.dissect.registry import bundled_dir, bundled_ids, layer_name, load_spec
from pktscope.errors import PktscopeError, SpecError
from pktscope.render.tree import render_tree

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


@pytest.mark.parametrize("linktype", [101, 12, 14])
def test_dlt_raw_values_are_raw_ip(linktype: int) -> None:
    # files written with a platform's DLT_RAW (12; 14 on OpenBSD) showed one DATA layer;
    # libpcap and tshark read them as raw IP
    rec = pktscope.open_records(CAPTURES / "tcpdump__tcp-handshake-nano.pcap")[0]
    ip = bytes(rec.data)[16:]  # past the 16-byte SLL header
    assert pktscope.decode(ip, linktype=linktype).protocols == "raw:ipv4:tcp"


# -- user spec directories in the chain (found by a spec author's session: a `next` table could
# only name bundled specs, `decode(spec_dirs=...)` ignored the first spec, a user spec named
# like a bundled one was checked but not decoded) ------------------------------------------------
OUTER = """\
meta: {id: outer, endian: be}
-pktscope-payload: {field: rest, next-on: [kind], next: {1: inner}}
seq:
  - {id: kind, type: u1}
  - {id: rest, size-eos: true}
"""
INNER = "meta: {id: inner}\nseq:\n  - {id: a, type: u1}\n  - {id: b, type: u1}\n"


def test_next_table_names_a_spec_in_a_user_directory(tmp_path: Path) -> None:
    (tmp_path / "outer.ksy").write_text(OUTER)
    (tmp_path / "inner.ksy").write_text(INNER)
    pkt = pktscope.decode(b"\x01\x07\x08", spec="outer", spec_dirs=[tmp_path])
    assert pkt.protocols == "outer:inner"
    assert (pkt["inner.b"].value, pkt["inner.b"].offset) == (8, 2)


def test_next_spec_that_does_not_load_is_a_layer_note(tmp_path: Path) -> None:
    (tmp_path / "outer.ksy").write_text(OUTER)
    (tmp_path / "inner.ksy").write_text("seq: [\n")
    pkt = pktscope.decode(b"\x01\x07\x08", spec="outer", spec_dirs=[tmp_path])
    assert pkt.protocols == "outer"
    (outer,) = pkt.layers
    assert outer.note is not None
    assert outer.note.startswith("next layer 'inner' unavailable: ")
    assert "inner.ksy:" in outer.note  # the spec error, located
    assert f"note: {outer.note}" in render_tree(pkt)


def test_user_spec_overrides_a_bundled_one_of_that_name(tmp_path: Path) -> None:
    udp = (bundled_dir() or Path()) / "udp.ksy"
    (tmp_path / "udp.ksy").write_text(udp.read_text().replace("dst_port", "dport"))
    cap = pktscope.open_capture(DHCP, spec_dirs=[tmp_path])
    pkt = cap[0]
    assert pkt["udp.dport"].value == 67
    assert "udp.dst_port" not in pkt
    assert pkt.protocols == "eth:ipv4:udp:dhcp"  # its `next` table still chains


def test_decode_first_spec_from_user_directory_or_module(spec_dir: Path) -> None:
    data = b"\x05\x00\x09\xfe\xfd"
    pkt = pktscope.decode(data, spec="myproto", spec_dirs=[spec_dir])
    assert pkt["myproto.word"].value == 9
    module = pktscope.compile_spec(spec_dir / "myproto.ksy")
    assert pktscope.decode(data, spec=module)["myproto.masked.b"].value == 2


def test_spec_file_named_unlike_its_id(tmp_path: Path) -> None:
    # the root class is found by meta.id (it was the runtime's _PktStruct: an empty layer)
    path = tmp_path / "my.ksy"
    path.write_text("meta: {id: myproto, endian: be}\nseq:\n  - {id: magic, type: u2}\n")
    assert load_spec(path).__name__ == "Myproto"
    pkt = pktscope.decode(b"\x01\x02", spec=str(path))
    assert pkt["my.magic"].value == 0x0102  # the layer is named by the file, as --spec-dir finds it


def test_broken_user_spec_for_the_first_layer_is_a_note(tmp_path: Path) -> None:
    (tmp_path / "eth.ksy").write_text("seq: [\n")
    pkt = pktscope.open_capture(DHCP, spec_dirs=[tmp_path])[0]
    assert pkt.protocols == "eth:ipv4:udp:dhcp"  # the bundled eth decodes
    first = pkt.layers[0]
    assert first.note is not None and first.note.startswith("user spec 'eth' not used: ")
    assert pkt.layers[1].note is None
