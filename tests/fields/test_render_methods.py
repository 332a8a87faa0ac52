"""Field/Packet hex strings and hexdumps, metadata (spec_path, error), against xxd-style refs."""

from __future__ import annotations

import io
from pathlib import Path

import pktscope
from pktscope.render.hexdump import render_hexdump

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def dhcp() -> pktscope.Packet:
    return pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]


def test_hex_variants() -> None:
    f = dhcp()["dhcp.chaddr"]
    assert f.hex() == "000b8201fc4200000000000000000000"
    assert f.hex(":")[:17] == "00:0b:82:01:fc:42"
    assert f.hex(" ", group=2, upper=True)[:14] == "000B 8201 FC42"
    assert dhcp()["eth.src"].hex("-") == "00-0b-82-01-fc-42"


def test_field_hexdump_alone_with_absolute_offsets() -> None:
    pkt = dhcp()
    f = pkt["dhcp.chaddr"]
    text = f.hexdump()
    assert text == render_hexdump(f.copy(), fmt="classic", base_offset=70)
    assert text is not None and text.startswith("00000046: 00 0B 82 01 FC 42")
    out = io.StringIO()
    assert f.hexdump(out, fmt="xxd") is None
    assert out.getvalue().startswith("00000046: 000b 8201 fc42")
    buf = bytearray()
    f.hexdump_to(buf)
    assert buf.decode() == text


def test_packet_hexdump_highlights_field() -> None:
    pkt = dhcp()
    plain = pkt.hexdump()
    assert plain == render_hexdump(bytes(pkt.buffer), fmt="classic")
    marked = pkt.hexdump(highlight="dhcp.chaddr")
    assert marked is not None and "dhcp.chaddr" in marked and marked != plain
    out = io.StringIO()
    assert pkt.hexdump(highlight=["ipv4.version"], file=out, fmt="canonical") is None
    assert "ipv4.version" in out.getvalue()


def test_metadata() -> None:
    pkt = dhcp()
    f = pkt["dhcp.options[0].code"]
    assert f.spec_path.startswith("/types/") and f.spec_path.endswith("/seq/0")
    assert pkt["dhcp.op"].spec_path == "/seq/0"
    assert f.error is None and not f.transformed
    assert f.layer is not None and f.layer.name == "dhcp"
    assert [c.name for c in pkt["dhcp.options[0]"].children][:2] == ["code", "length"]


def test_layer_error_reachable_from_fields() -> None:
    pkt = pktscope.open_capture(CAPTURES / "tcpdump__bootp_asan.pcap")[0]
    f = pkt["dhcp.chaddr"]
    assert f.error is not None and f.error.field_path.startswith("dhcp.")
    assert f.error.offset is not None and f.error.offset >= f.end
