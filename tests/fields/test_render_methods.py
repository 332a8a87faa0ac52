"""Field/Packet hex strings and hexdumps, metadata (spec_path, error), against xxd-style refs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import pktscope
from pktscope.fields.encode import FieldError
from pktscope.fields.lookup import FieldNotFound
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


def test_highlight_of_a_path_no_spec_has_is_refused() -> None:
    # a typo was silently ignored (the dump came out plain); a known path absent from this
    # frame is still fine (`show -x --field` asks every frame), however deep it goes
    pkt = dhcp()
    with pytest.raises(FieldNotFound, match=r"did you mean: dhcp\.chaddr"):
        pkt.hexdump(highlight="dhcp.chadr")
    with pytest.raises(FieldNotFound, match=r"did you mean: dns\.queries"):
        pkt.hexdump(highlight="dns.querys")  # a layer this frame lacks: its spec's paths
    plain = pkt.hexdump()
    assert pkt.hexdump(highlight="dns.answers.name.labels.target.labels.value") == plain
    assert pkt.hexdump(highlight="dhcp.message_type") != plain  # an alias


def test_raw_is_a_read_only_view() -> None:
    # a write through the view left every decoded value stale; set()/blit() decode again
    pkt = dhcp()
    f = pkt["ipv4.ttl"]
    assert bytes(f.raw) == bytes(pkt.buffer[f.offset : f.end])
    with pytest.raises(TypeError):
        f.raw[0] = 7
    f.blit(b"\x07")
    assert pkt["ipv4.ttl"].value == 7


def test_blit_refuses_a_bit_field_sharing_its_byte() -> None:
    pkt = dhcp()
    with pytest.raises(FieldError, match=r"4 bits of them: use set\(\)"):
        pkt["ipv4.ihl"].blit(b"\x60")
    assert (pkt["ipv4.version"].value, pkt["ipv4.ihl"].value) == (4, 5)
    pkt["ipv4.dscp"].set(46)  # set writes its own bits alone
    assert (pkt["ipv4.dscp"].value, pkt["ipv4.ecn"].value, pkt["ipv4.ihl"].value) == (46, 0, 5)


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
