"""IPv4 fragments in ``show`` against tshark (single pass, reassembly on, as tshark's default):
a fragment that does not complete its datagram is "Fragmented IP protocol (...)"; the one that
does is described by the reassembled datagram's layers (UDP, DNS, ICMP...). Generated
captures: datagrams cut into fragments sent in order, reversed, shuffled and duplicated, some
never completed, one captured short, interleaved with each other."""

from __future__ import annotations

import random
import re
import struct
import subprocess
from pathlib import Path

import pytest

from pktscope.cli import main

_SHORT = "[Packet size limited during capture]"
MAC = b"\x00\x11\x22\x33\x44\x55\x00\x66\x77\x88\x99\xaa\x08\x00"


def _csum(data: bytes) -> int:
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    s = (s >> 16) + (s & 0xFFFF)
    return ~(s + (s >> 16)) & 0xFFFF


def _fragment(  # noqa: PLR0917 - one header's fields
    payload: bytes, ident: int, off: int, mf: bool, proto: int, src: int
) -> bytes:
    hdr = struct.pack(
        "!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, (0x2000 if mf else 0) | off // 8,
        64, proto, 0, bytes([10, 0, 0, src]), bytes([10, 0, 0, 9]),
    )  # fmt: skip
    return MAC + hdr[:10] + struct.pack("!H", _csum(hdr)) + hdr[12:] + payload


def _datagrams(rnd: random.Random) -> list[tuple[int, bytes]]:
    """(protocol, payload) of a few datagrams: DNS over UDP, a plain UDP one, an ICMP echo."""
    query = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
    query += b"".join(bytes([len(p)]) + p for p in (b"a" * 60, b"example", b"com")) + b"\0"
    query += struct.pack("!HH", 1, 1) + b"\0" * rnd.randint(0, 40)
    dns = struct.pack("!HHHH", 5353, 53, 8 + len(query), 0) + query
    blob = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(100, 700)))
    udp = struct.pack("!HHHH", 4000, 9999, 8 + len(blob), 0) + blob
    echo = struct.pack("!BBHHH", 8, 0, 0, 7, 1) + blob
    echo = echo[:2] + struct.pack("!H", _csum(echo + b"\0" * (len(echo) % 2))) + echo[4:]
    return [(17, dns), (17, udp), (1, echo)]


def _capture(seed: int) -> bytes:
    rnd = random.Random(seed)
    queues: list[list[bytes]] = []
    ident = 100
    for proto, payload in _datagrams(rnd):
        ident += 1
        size = rnd.choice([24, 48, 96])
        cuts = list(range(0, len(payload), size))
        pieces = [
            _fragment(payload[c : c + size], ident, c, c + size < len(payload), proto, seed % 7)
            for c in cuts
        ]
        order = rnd.choice(["in", "reversed", "shuffled", "duplicate", "incomplete", "cut"])
        if order == "reversed":
            pieces.reverse()
        elif order == "shuffled":
            rnd.shuffle(pieces)
        elif order == "duplicate":
            pieces.insert(1, pieces[0])
        elif order == "incomplete":
            del pieces[len(pieces) // 2]
        elif order == "cut":  # captured short: Wireshark cannot reassemble that fragment
            k = rnd.randrange(len(pieces))
            pieces[k] = pieces[k] + b"CUT"
        queues.append(pieces)
    frames: list[bytes] = []
    while any(queues):  # the datagrams interleave, each in the order chosen for it
        frames.append(rnd.choice([q for q in queues if q]).pop(0))
    out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
    for i, f in enumerate(frames):
        size = len(f)
        if f.endswith(b"CUT"):  # 3 bytes short of its original length
            f, size = f[:-13], size - 3
        out += struct.pack("<IIII", 1000 + i, 0, len(f), size) + f
    return out


@pytest.mark.tools
@pytest.mark.parametrize("seed", range(12))
def test_fragment_lines_equal_tshark(
    seed: int, tmp_path: Path, tshark: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"frag{seed}.pcap"
    path.write_bytes(_capture(seed))
    want = subprocess.run(
        [tshark, "-n", "-r", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert main(["show", str(path)]) == 0
    ours = capsys.readouterr().out.splitlines()
    assert len(ours) == len(want)
    for mine, theirs in zip(ours, want, strict=True):
        if theirs.endswith(_SHORT):  # a cut frame: both lines up to their remarks
            theirs = theirs[: -len(_SHORT)].rstrip()
            mine = re.sub(r" *\[(?:Truncated|Malformed): .*\]$", "", mine)
        assert mine == theirs
    assert any("Fragmented IP protocol" in line for line in ours)
    assert any(" DNS " in line or " UDP " in line or " ICMP " in line for line in ours)
