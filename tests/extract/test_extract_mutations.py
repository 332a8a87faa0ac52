"""The extraction plan against the full decode on built and mangled frames (hypothesis).

Frames are Ethernet/IPv4/UDP/DHCP as the benchmark generator makes them, varied where the plan
has to notice that its shortcut does not hold: option 52 (overload) before or after option 53,
no option 53, odd option lengths, pads, a missing End, VLAN tags, IPv4 options (ihl > 5), other
ports and protocols; then bytes flipped and frames cut. Both paths must print the same lines
(text and JSON) and nothing but output may come out.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from extract_helpers import Both, make_both
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import make_bench_pcap  # noqa: E402 - scripts/ is not a package
import netframes  # noqa: E402

PATHS = [
    "dhcp.chaddr", "dhcp.message_type", "ipv4.src", "eth.src", "eth.ether_type", "ipv4.ihl",
    "ipv4.total_length", "ipv4.protocol", "udp.length", "udp.dst_port", "dhcp.op",
    "dhcp.client_hw_addr", "dhcp.hlen", "arp.opcode",
]  # fmt: skip
BENCH = ["dhcp.chaddr", "dhcp.message_type", "ipv4.src"]

options = st.lists(
    st.one_of(
        st.tuples(st.just(53), st.binary(min_size=0, max_size=2)),
        st.tuples(st.just(52), st.binary(min_size=0, max_size=2)),
        st.tuples(st.sampled_from([1, 3, 6, 12, 51, 54, 55, 57, 61, 99]), st.binary(max_size=9)),
        st.tuples(st.just(0), st.just(b"")),
    ),
    max_size=6,
)


@pytest.fixture
def both(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Both:
    return make_both(tmp_path_factory, monkeypatch, capsys)


@st.composite
def frames(draw: st.DrawFn) -> bytes:
    opts = []
    for code, value in draw(options):
        opts.append(b"\0" if code == 0 else netframes.dhcp_option(code, value))
    hlen_mac = draw(st.binary(min_size=0, max_size=16))
    msg = netframes.bootp(
        draw(st.sampled_from([1, 2, 3])),
        draw(st.integers(0, 2**32 - 1)),
        hlen_mac,
        opts,
        min_size=draw(st.sampled_from([0, 300])),
    )
    if draw(st.booleans()):  # plain BOOTP: no magic cookie, no options
        msg = msg[:236]
    if draw(st.booleans()):
        msg = msg[:-1]  # no End option (or a shorter BOOTP body)
    sport, dport = draw(st.sampled_from([(68, 67), (67, 68), (1000, 67), (53, 9), (9, 9)]))
    src, dst = netframes.ip4("10.0.0.1"), netframes.ip4("255.255.255.255")
    datagram = netframes.udp(src, dst, sport, dport, msg)
    ip = netframes.ipv4(src, dst, draw(st.sampled_from([17, 17, 6, 1])), datagram)
    words = draw(st.integers(0, 3))
    if words:  # IPv4 options: NOPs and one option of its own length
        opt = bytes([1] * (words * 4 - 4)) + bytes([7, 4, 0, 0])
        head = bytes([0x45 + words]) + ip[1:2] + struct.pack("!H", len(ip) + len(opt)) + ip[4:20]
        ip = head + opt + ip[20:]
    frame = netframes.ethernet("ff:ff:ff:ff:ff:ff", "00:16:3e:00:00:01", 0x0800, ip)
    tags = draw(st.integers(0, 2))
    for _ in range(tags):
        frame = frame[:12] + struct.pack("!HH", 0x8100, draw(st.integers(0, 0xFFFF))) + frame[12:]
    return frame


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    frame = bytearray(draw(frames()))
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(frame) - 1))
        frame[i] ^= draw(st.integers(1, 255))
    if draw(st.booleans()):
        frame = frame[: draw(st.integers(0, len(frame)))]
    return bytes(frame)


def _pcap(path: Path, data: list[bytes]) -> str:
    records = [Record(i, float(i), i * 10**9, len(d), len(d), 0, 1, d, None, 0)
               for i, d in enumerate(data, 1)]  # fmt: skip
    write_pcap(path, records, 1)
    return str(path)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mangled")


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.lists(mangled(), min_size=1, max_size=4))
def test_mangled_frames_print_the_same(both: Both, workdir: Path, data: list[bytes]) -> None:
    cap = _pcap(workdir / "m.pcap", data)
    args = [a for p in PATHS for a in ("-e", p)]
    text = both.same([cap, *args])
    assert text.count("\n") == len(data)
    both.same([cap, *args, "--json", "--names"])
    both.same([cap, *[a for p in BENCH for a in ("-e", p)]])


def test_bench_frames_print_the_same(both: Both, workdir: Path) -> None:
    data = list(make_bench_pcap.frames(3000, 7))
    cap = _pcap(workdir / "bench.pcap", data)
    out = both.same([cap, *[a for p in BENCH for a in ("-e", p)]])
    assert len(out.splitlines()) == 3000
    first = out.splitlines()[0].split("\t")
    assert first[0].startswith("00163e") and len(first[0]) == 32
    both.same([cap, "--json", *[a for p in PATHS for a in ("-e", p)]])


def test_overload_falls_back_and_agrees(both: Both, workdir: Path) -> None:
    """Option 52 with no option 53 in `options`: message_type may sit in `file`; only the full
    decode can say, and the line says what it finds there."""
    mac = bytes.fromhex("00163e000001")
    file_opts = netframes.dhcp_option(53, b"\x05") + b"\xff"
    msg = bytearray(netframes.bootp(2, 1, mac, [netframes.dhcp_option(52, b"\x01")]))
    msg[108 : 108 + len(file_opts)] = file_opts
    src = netframes.ip4("10.0.0.1")
    ip = netframes.ipv4(src, src, 17, netframes.udp(src, src, 67, 68, bytes(msg)))
    frame = netframes.ethernet(mac, mac, 0x0800, ip)
    cap = _pcap(workdir / "overload.pcap", [frame])
    out = both.same([cap, "-e", "dhcp.message_type", "-e", "dhcp.chaddr"])
    assert out == "5\t00163e00000100000000000000000000\n"
