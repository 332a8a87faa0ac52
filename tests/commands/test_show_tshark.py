"""``pktscope show`` against ``tshark -n -r``: the same line, frame by frame, for every shared
capture, wherever tshark's Protocol column names a protocol pktscope bundles a spec for.

Left out, each case named below: segments that an application dissector pktscope has no spec
for holds back for reassembly; and a capture-cut frame's remark, where tshark says ``[Packet
size limited during capture]`` and pktscope names the field the cut stopped (``[Truncated:
dns.answers[6].rdlength @ 0x00c8: ...]``). What needs the frames before is compared: echo links
(``(request in 9)``), TCP's relative numbers, scaled windows and analysis marks (``[TCP Dup ACK
6#1]``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
FILES = sorted(p for p in CAPTURES.iterdir() if p.suffix in (".pcap", ".pcapng", ".cap"))

# Protocol column values pktscope words itself
WORDED = {"ARP", "IPv4", "IPv6", "ICMP", "ICMPv6", "UDP", "TCP", "DHCP", "BOOTP", "DNS"}
# a segment an application dissector pktscope has no spec for (SSH) asked to reassemble
_REASSEMBLED = " [TCP segment of a reassembled PDU]"
_SHORT = "[Packet size limited during capture]"

# (file, frame) -> why the lines differ (none now: frame 4 of pcpp__dns_over_tcp.pcapng, a
# retransmission whose payload Wireshark does not dissect again, was one until show did that too)
KNOWN: dict[tuple[str, int], str] = {}


def _protocol(line: str) -> str:
    return line.split(" → ", 1)[1].split()[1]


def _ours(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    assert main(["show", str(path)]) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.tools
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_summary_lines_equal_tshark(
    path: Path, tshark: str, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = subprocess.run(
        [tshark, "-n", "-r", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    ours = _ours(capsys, path)
    assert len(ours) == len(theirs)
    for number, (mine, want) in enumerate(zip(ours, theirs, strict=True), start=1):
        if _protocol(want) not in WORDED or (path.name, number) in KNOWN:
            continue
        if want.endswith(_REASSEMBLED):
            continue
        if want.endswith(_SHORT):  # the cut: compare what both show before their remark
            want = want[: -len(_SHORT)].rstrip()
            mine = re.sub(r" \[(?:Truncated|Malformed): .*\]$", "", mine)
        assert mine == want, f"frame {number}"


@pytest.mark.tools
def test_most_lines_are_compared(tshark: str) -> None:
    """The comparison above is not vacuous: most frames of the corpus are worded by pktscope."""
    compared = total = 0
    for path in FILES:
        lines = subprocess.run(
            [tshark, "-n", "-r", str(path)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        total += len(lines)
        compared += sum(_protocol(line) in WORDED for line in lines)
    assert total > 900
    assert compared > 0.85 * total
