"""Packet-list rows: the DHCP Info column names the message type in Wireshark's words (BOOTP
without one: tests/render/test_info.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.tui.source import CaptureSource

DHCP = Path(__file__).resolve().parents[2].parent / "shared" / "captures" / "wswiki__dhcp.pcap"


@pytest.mark.parametrize(
    ("index", "info"),
    [
        (0, "DHCP Discover - Transaction ID 0x3d1d"),
        (1, "DHCP Offer    - Transaction ID 0x3d1d"),
        (2, "DHCP Request  - Transaction ID 0x3d1e"),
        (3, "DHCP ACK      - Transaction ID 0x3d1e"),
    ],
)
def test_dhcp_info_names_the_message_type(index: int, info: str) -> None:
    src = CaptureSource(DHCP)
    try:
        assert src.summary(index).info == info
    finally:
        src.close()


def test_udp_length_below_its_header_reads_as_in_show() -> None:
    # the list said "Len=-5"; `show` and tshark say the length is bad
    from pktscope.render.info import udp_text

    assert udp_text(1234, 53, 3) == "1234 → 53 [BAD UDP LENGTH 3 < 8]"
    assert udp_text(1234, 53, 37) == "1234 → 53 Len=29"


@pytest.mark.parametrize("width", [78, 98, 118, 158])
def test_info_keeps_room_in_a_narrow_list(width: int) -> None:
    # at 80 columns the fixed columns left Info 3 cells ("DHC…")
    from pktscope.tui.packet_list import format_row, header_text

    src = CaptureSource(DHCP)
    try:
        row = format_row(src.summary(0), width)
    finally:
        src.close()
    assert len(row) == len(header_text(width)) == width
    assert "DHCP Discover" in row and row.index("DHCP Discover") <= width - 14
    assert header_text(width).rstrip().endswith("Info")
