"""Crafted frames written to a pcap, and what tshark makes of them (shared by the tests that
compare pktscope's malformed/short flags and chains with tshark's on such frames)."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap


def write_frames(path: Path, frames: Sequence[bytes], cuts: Sequence[int] = ()) -> Path:
    """An Ethernet pcap of ``frames``; ``cuts[i]`` bytes the capture cut off frame ``i`` (its
    original length is that much more; negative: less than the captured bytes)."""
    records = []
    for i, frame in enumerate(frames):
        cut = cuts[i] if i < len(cuts) else 0
        records.append(Record(i + 1, 0.0, 0, len(frame), len(frame) + cut, 0, 1, frame, None, 0))
    write_pcap(path, records)
    return path


def tshark_rows(tshark: str, pcap: Path, *fields: str) -> list[list[str]]:
    """``tshark -T fields`` on ``pcap``: a row of the ``fields`` per frame ('' when absent)."""
    argv = [tshark, "-n", "-r", str(pcap), "-T", "fields", "-E", "separator=|"]
    for name in fields:
        argv += ["-e", name]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=60).stdout
    return [line.split("|") for line in out.splitlines()]
