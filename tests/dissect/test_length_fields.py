"""Length fields that disagree with the bytes, against tshark's malformed and short flags.

A payload cut by the *capture* is short (truncated); a length field that points past the bytes
of a whole frame is a wrong length. tshark calls the second malformed for UDP and 802.3 ("Bad
length value", "Length field value goes past the end of the payload") but only notes it for
IPv4/IPv6 ("total length exceeds packet length"); the specs say which with ``overrun``. A layer
that then runs out of bytes in a whole frame is malformed, not short.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from crafted import tshark_rows, write_frames

import pktscope

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import netframes as nf  # noqa: E402 - scripts/ is not a package

SRC, DST = nf.ip4("10.0.0.1"), nf.ip4("10.0.0.2")
DNS = nf.dns_message(0x1234, 0x0100, [("example.com", 1)])
MACS = nf.mac("66:77:88:99:aa:bb") + nf.mac("00:11:22:33:44:55")


def ether(payload: bytes, ether_type: int = 0x0800) -> bytes:
    return MACS + struct.pack("!H", ether_type) + payload


def patch(frame: bytes, offset: int, value: bytes) -> bytes:
    return frame[:offset] + value + frame[offset + len(value) :]


BASE = ether(nf.ipv4(SRC, DST, 17, nf.udp(SRC, DST, 1234, 53, DNS)))
IPV6 = ether(
    nf.ipv6(nf.ip6("::1"), nf.ip6("::2"), 17, nf.udp(nf.ip6("::1"), nf.ip6("::2"), 1234, 53, DNS)),
    0x86DD,
)
SNAP = b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + BASE[14:]


def syn(options: bytes) -> bytes:
    seg = nf.tcp(SRC, DST, 1, 80, seq=1, ack=0, flags=0x02, window=8192, options=options)
    return ether(nf.ipv4(SRC, DST, 6, seg))


# name -> (frame, bytes the capture cut off the end (< 0: a frame length below the captured
# bytes), error paths we give, protocols)
CASES: dict[str, tuple[bytes, int, list[str], str]] = {
    "whole": (BASE, 0, [], "eth:ipv4:udp:dns"),
    "IPv4 total length cuts the UDP datagram": (
        patch(BASE, 16, b"\x00\x1e"),
        0,
        ["udp.length", "dns.qr"],
        "eth:ipv4:udp:dns",
    ),
    "UDP length past the IP payload": (
        patch(BASE, 38, b"\x01\xf4"),
        0,
        ["udp.length"],
        "eth:ipv4:udp:dns",
    ),
    "UDP length past the IP payload, frame captured short": (
        patch(BASE, 38, b"\x01\xf4"),
        10,
        ["udp.length"],
        "eth:ipv4:udp:dns",
    ),
    "UDP length below its header": (
        patch(BASE, 38, b"\x00\x03"),
        0,
        ["udp.length"],
        "eth:ipv4:udp",
    ),
    "IPv4 total length below its header": (
        patch(BASE, 16, b"\x00\x0a"),
        0,
        [],
        "eth:ipv4",
    ),
    "IPv4 total length past the frame": (
        patch(BASE, 16, b"\x00\xc8"),
        0,
        [],
        "eth:ipv4:udp:dns",
    ),
    "IPv4 total length past the frame, frame captured short": (
        patch(BASE, 16, b"\x00\xc8"),
        143,
        [],
        "eth:ipv4:udp:dns",
    ),
    "IPv6 payload length past the frame": (
        patch(IPV6, 18, b"\x01\xf4"),
        0,
        [],
        "eth:ipv6:udp:dns",
    ),
    "802.3 length past the frame": (
        MACS + b"\x00\xc8" + SNAP,
        0,
        ["eth.payload_end"],
        "eth:ipv4:udp:dns",
    ),
    # an option too short for its kind: tshark's note "too-short option length", not malformed
    "TCP MSS option with length 0": (syn(b"\x02\x00\x01\x01"), 0, [], "eth:ipv4:tcp"),
    "TCP timestamps option with length 6": (syn(b"\x08\x06" + bytes(4)), 0, [], "eth:ipv4:tcp"),
    # a partial SACK block is malformed in tshark ("suboption would go past end of option")
    "TCP SACK option with a partial block": (
        syn(b"\x05\x0b" + bytes(9) + b"\x00"),
        0,
        ["tcp.options.items[0].body.blocks[1].left_edge"],
        "eth:ipv4:tcp",
    ),
    "captured length more than the frame's": (BASE, -61, ["frame.cap_len"], "eth:ipv4:udp:dns"),
    "captured short inside DNS": (BASE[:-4], 4, ["dns.queries[0].type"], "eth:ipv4:udp:dns"),
}


def decoded(name: str) -> pktscope.Packet:
    import tempfile

    frame, cut, _, _ = CASES[name]
    with tempfile.TemporaryDirectory() as tmp:
        data = write_frames(Path(tmp) / "one.pcap", [frame], [cut]).read_bytes()
    return pktscope.open_capture(data)[0]


@pytest.mark.parametrize("name", list(CASES))
def test_length_field_errors(name: str) -> None:
    _, cut, paths, protocols = CASES[name]
    pkt = decoded(name)
    assert pkt.protocols == protocols
    assert [e.field_path for e in pkt.errors] == paths
    assert pkt.truncated == (cut > 0)
    for err in pkt.errors:  # each error is located at its length field's own bytes
        if err.field_path in ("udp.length",):
            assert err.offset == pkt[err.field_path].offset


@pytest.mark.tools
def test_malformed_and_short_agree_with_tshark(tmp_path: Path, tshark: str) -> None:
    names = list(CASES)
    frames = [CASES[name][0] for name in names]
    pcap = write_frames(tmp_path / "lengths.pcap", frames, [CASES[name][1] for name in names])
    theirs = []
    for malformed, short, protos in tshark_rows(
        tshark, pcap, "_ws.malformed", "_ws.short", "frame.protocols"
    ):
        top = protos.split(":")[-1]
        theirs.append((bool(malformed), bool(short), {"ip": "ipv4"}.get(top, top)))
    ours = []
    for pkt in pktscope.open_capture(pcap):
        short = any(la.truncated and la.error is not None for la in pkt.layers)
        ours.append((pkt.malformed, short, pkt.protocols.split(":")[-1]))
    assert dict(zip(names, ours, strict=True)) == dict(zip(names, theirs, strict=True))


def test_summary_of_a_udp_length_below_its_header() -> None:
    from pktscope.commands.show import summary_line

    line = summary_line(decoded("UDP length below its header"), 0)
    assert "UDP 71 1234 → 53 [BAD UDP LENGTH 3 < 8]" in line  # as tshark (it said Len=-5)
