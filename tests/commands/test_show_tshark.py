"""``pktscope show`` against ``tshark -n -r``: the same line, frame by frame, for every shared
capture, wherever tshark's Protocol column names a protocol pktscope bundles a spec for.

What one frame cannot show is left out, each case named below: tshark links an echo reply to
its request (``(request in 9)``) and numbers TCP sequences from each stream's first segment,
which needs the frames before; it calls a capture-cut frame ``[Packet size limited during
capture]`` where pktscope names the field the cut stopped (``[Truncated: dns.answers[6].rdlength
@ 0x00c8: ...]``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
FILES = sorted(p for p in CAPTURES.iterdir() if p.suffix in (".pcap", ".pcapng", ".cap"))

# Protocol column values pktscope words itself (TCP: tshark's numbers need earlier frames)
WORDED = {"ARP", "IPv4", "IPv6", "ICMP", "ICMPv6", "UDP", "DHCP", "BOOTP", "DNS"}
_LINKED = re.compile(r" \((?:request|reply) in \d+\)$")
_SHORT = "[Packet size limited during capture]"

# (file, frame) -> why the lines differ
KNOWN = {
    ("pcpp__dns_over_tcp.pcapng", 4): (
        "tshark recognises frame 4 as a TCP retransmission of frame 1 (state across frames) "
        "and does not dissect its DNS payload again; pktscope decodes the DNS message"
    ),
}


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
        want = _LINKED.sub("", want)
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
