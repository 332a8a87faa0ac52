"""DHCP client hardware address edge cases, crafted by editing a real frame with ``Field.set``.

``dhcp.client_hw_addr`` exists only for 1 <= hlen <= 16; ``dhcp.chaddr`` is always all 16
bytes. Each crafted frame is also written to a pcap and checked against tshark.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import pktscope
from pktscope.fields.packet import Packet

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
PADDED = bytes.fromhex("00163e6f43f40102030405060708090a")

# (htype, hlen, chaddr or None to keep)
CASES = [
    (6, 6, None),
    (32, 6, None),
    (1, 0, None),
    (1, 16, PADDED),
    (1, 20, None),
    (1, 6, PADDED),
    (6, 1, PADDED),
]


def crafted(htype: int, hlen: int, chaddr: bytes | None) -> Packet:
    pkt = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]
    pkt["dhcp.htype"].set(htype)
    pkt["dhcp.hlen"].set(hlen)
    if chaddr is not None:
        pkt["dhcp.chaddr"].set(chaddr)
    return pkt


@pytest.mark.parametrize(("htype", "hlen", "chaddr"), CASES)
def test_client_hw_addr_presence(htype: int, hlen: int, chaddr: bytes | None) -> None:
    pkt = crafted(htype, hlen, chaddr)
    full = pkt["dhcp.chaddr"]
    assert (full.offset, full.size) == (70, 16)
    if chaddr is not None:
        assert full.copy() == chaddr and full.display == chaddr.hex()
    assert pkt["dhcp.htype"].value == htype and pkt["dhcp.hlen"].value == hlen
    if 1 <= hlen <= 16:
        f = pkt["dhcp.client_hw_addr"]
        assert (f.offset, f.size) == (70, hlen)
        assert f.copy() == full.copy()[:hlen]
    else:
        assert "dhcp.client_hw_addr" not in pkt
        with pytest.raises(KeyError):
            pkt["dhcp.client_hw_addr"]
    assert not pkt.malformed
    assert pkt.protocols == "eth:ipv4:udp:dhcp"


def test_set_changes_only_the_span() -> None:
    pkt = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]
    before = bytes(pkt.buffer)
    pkt["dhcp.chaddr"].set(PADDED)
    after = bytes(pkt.buffer)
    assert after[:70] == before[:70] and after[86:] == before[86:]
    assert after[70:86] == PADDED


@pytest.mark.tools
def test_crafted_frames_agree_with_tshark(tmp_path: Path, tshark: str) -> None:
    from pktscope.capture.records import Record
    from pktscope.capture.writer import write_pcap

    pkts = [crafted(*case) for case in CASES]
    records = [
        Record(i + 1, 0.0, 0, len(p.buffer), len(p.buffer), 0, 1, bytes(p.buffer), None, 0)
        for i, p in enumerate(pkts)
    ]
    out = tmp_path / "crafted.pcap"
    write_pcap(out, records)
    fields = [
        "dhcp.hw.type",
        "dhcp.hw.len",
        "dhcp.hw.mac_addr",
        "dhcp.hw.addr",
        "dhcp.hw.addr_padding",
    ]
    argv = [tshark, "-n", "-r", str(out), "-T", "json", "-x"]
    argv += [a for f in fields for a in ("-e", f)]
    data = json.loads(subprocess.run(argv, capture_output=True, check=True, timeout=60).stdout)
    for pkt, entry in zip(pkts, data, strict=True):
        layer = entry["_source"]["layers"]
        hlen = pkt["dhcp.hlen"].value
        assert layer["dhcp.hw.len"] == [str(hlen)]
        # tshark shows a 6-byte MAC (htype 1/6, hlen 6) as dhcp.hw.mac_addr + padding; other
        # cases as dhcp.hw.addr: hlen bytes for htype 1, all 16 for other types. A second
        # mac_addr comes from option 61.
        pad = layer.get("dhcp.hw.addr_padding", [""])[0]
        if "dhcp.hw.addr" in layer:
            full = layer["dhcp.hw.addr"][0].replace(":", "")
            full = full if len(full) == 32 else full + pad
        elif 1 <= hlen <= 16:
            full = layer["dhcp.hw.mac_addr"][0].replace(":", "") + pad
        else:
            assert "dhcp.client_hw_addr" not in pkt
            continue
        assert pkt["dhcp.chaddr"].hex() == full
        assert pkt["dhcp.client_hw_addr"].hex() == full[: 2 * hlen]
