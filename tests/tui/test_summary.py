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
