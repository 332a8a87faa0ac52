"""The packet-list wording never fails a line: mangled frames of real captures (bytes flipped,
frames cut) still give one ``show`` line each, with no exception, through the TCP tracker, the
echo matching and every protocol's Info text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pktscope
from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap
from pktscope.cli import main
from pktscope.render.conversations import Conversations
from pktscope.render.info import protocol_and_info

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
SOURCES = [
    "tcpdump__pptp.pcap",
    "pcpp__IcmpPackets.pcap",
    "wswiki__dns.cap",
    "wswiki__dhcp.pcap",
    "tcpdump__icmpv6.pcap",
    "tcpdump__dns_tcp.pcap",
]
_FRAMES = {
    name: [bytes(p.buffer) for p in pktscope.open_capture(CAPTURES / name)] for name in SOURCES
}

# (frame index, byte position, new byte) edits, and frame cuts
edits = st.lists(
    st.tuples(st.integers(0, 200), st.integers(0, 400), st.integers(0, 255)), max_size=12
)
cuts = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 120)), max_size=3)


def _mangled(
    name: str, flips: list[tuple[int, int, int]], cut: list[tuple[int, int]]
) -> list[bytes]:
    frames = [bytearray(f) for f in _FRAMES[name]]
    for i, pos, value in flips:
        frame = frames[i % len(frames)]
        frame[pos % len(frame)] = value
    for i, keep in cut:
        del frames[i % len(frames)][keep:]
    return [bytes(f) for f in frames]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.sampled_from(SOURCES), flips=edits, cut=cuts)
def test_show_prints_a_line_per_mangled_frame(
    name: str,
    flips: list[tuple[int, int, int]],
    cut: list[tuple[int, int]],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    frames = _mangled(name, flips, cut)
    path = tmp_path_factory.mktemp("mangled") / "m.pcap"
    records = [
        Record(i + 1, float(i), i * 10**6, len(f), len(f), 0, 1, f, None, 0)
        for i, f in enumerate(frames)
    ]
    write_pcap(path, records)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(frames)
    conversations = Conversations()
    for pkt in pktscope.open_capture(path):  # the same wording with and without notes
        notes = conversations.see(pkt.frame.number, pkt.layers, pkt.frame.time_ns)
        for given_notes in (notes, None):
            protocol, info = protocol_and_info(pkt.layers, given_notes)
            assert isinstance(protocol, str) and (info is None or isinstance(info, str))


def test_notes_of_an_unreadable_frame_are_empty() -> None:
    """A layer object that fails on every read gives no notes, not an exception."""

    class Broken:
        name = "tcp"

        @property
        def root(self) -> object:
            raise RuntimeError("unreadable")

    class Ip:
        name = "ipv4"
        root = None

    notes = Conversations().see(1, [Ip(), Broken()])
    assert notes.tcp is None and notes.echo_request is None
