"""The text and Rich field trees of real packets."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

import pktscope
from pktscope.render.tree import render_tree, rich_tree, tree_rows

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def dhcp_packet() -> pktscope.Packet:
    return pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]


def test_text_tree_lines() -> None:
    text = render_tree(dhcp_packet())
    lines = text.splitlines()
    assert lines[0] == "frame 1: 314 bytes (314 captured), eth:ipv4:udp:dhcp"
    assert "eth  @0+314" in lines
    assert "  dst: ff:ff:ff:ff:ff:ff  @0+6" in lines
    assert "  protocol: udp (17)  @23+1" in lines
    assert "  version: 4  @14+1 b0+4" in lines
    assert "  chaddr: 000b8201fc4200000000000000000000  @70+16" in lines
    assert "  options: 5 items  @282+25" in lines
    assert "    [0]  @282+3" in lines
    assert "      code: dhcp_message_type (53)  @282+1" in lines
    assert "  [ether_type]: 2048  @12+2" in lines  # a value instance with its source's bytes
    assert "  [is_8023]: false" in lines
    assert text.endswith("\n")


def test_tree_of_selected_fields_and_options() -> None:
    text = render_tree(dhcp_packet(), fields=["dhcp.options[0]"], frame=False, offsets=False)
    assert text.splitlines()[:3] == [
        "dhcp.options[0]",
        "  code: dhcp_message_type (53)",
        "  length: 1",
    ]
    assert "[ether_type]" not in render_tree(dhcp_packet(), computed=False)


def test_malformed_layer_flagged_with_error() -> None:
    pkt = pktscope.open_capture(CAPTURES / "tcpdump__bootp_asan.pcap")[0]
    lines = render_tree(pkt).splitlines()
    # the capture cut the frame: truncated, not malformed, the error still shown
    assert lines[0].endswith(", eth:ipv4:udp:dhcp  <truncated>")
    i = next(k for k, line in enumerate(lines) if line.startswith("dhcp  @42+48"))
    assert lines[i] == "dhcp  @42+48  <truncated>"
    assert lines[i + 1].startswith("  ! dhcp.")
    assert "  chaddr: 00100022000000221d01100022000000  @70+16" in lines


def test_rows_cover_every_walked_field() -> None:
    pkt = dhcp_packet()
    assert [r.field.path for r in tree_rows(pkt)] == [f.path for f in pkt.walk()]


def test_rich_tree_renders() -> None:
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(rich_tree(dhcp_packet(), fields=["udp"]))
    text = out.getvalue()
    assert "udp  @34+280" in text and "dst_port: 67  @36+2" in text


def test_malformed_layer_keeps_fields_read_before_the_break() -> None:
    pkt = dhcp_packet()
    pkt["dhcp.options[1].length"].set(250)  # runs past the end of the frame
    lines = render_tree(pkt, fields=["dhcp"]).splitlines()
    assert lines[0].endswith("eth:ipv4:udp:dhcp  <malformed>")
    assert lines[1] == "dhcp  @42+272  <malformed>"
    assert lines[2].startswith("  ! dhcp.options[1].")
    assert lines[3] == "  op: boot_request (1)  @42+1"
    assert "      code: dhcp_message_type (53)  @282+1" in lines
