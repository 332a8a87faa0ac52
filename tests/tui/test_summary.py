"""Packet-list rows: the DHCP Info column reads the spec alias dhcp.message_type."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from pktscope.tui.source import CaptureSource
from pktscope.tui.summary import _info

DHCP = Path(__file__).resolve().parents[2].parent / "shared" / "captures" / "wswiki__dhcp.pcap"


@pytest.mark.parametrize(
    ("index", "info"),
    [
        (0, "DHCP DISCOVER - Transaction ID 0x00003d1d"),
        (1, "DHCP OFFER    - Transaction ID 0x00003d1d"),
        (2, "DHCP REQUEST  - Transaction ID 0x00003d1e"),
        (3, "DHCP ACK      - Transaction ID 0x00003d1e"),
    ],
)
def test_dhcp_info_names_the_message_type(index: int, info: str) -> None:
    src = CaptureSource(DHCP)
    try:
        assert src.summary(index).info == info
    finally:
        src.close()


def test_dhcp_without_message_type_is_bootp() -> None:
    xid = SimpleNamespace(value=0x1234, display="0x00001234")
    pkt = SimpleNamespace(get=lambda path: xid if path == "dhcp.xid" else None)
    assert _info(pkt, "dhcp") == "DHCP BOOTP    - Transaction ID 0x00001234"
