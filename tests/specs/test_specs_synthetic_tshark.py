"""The crafted frames of test_specs_decode.py, written to pcaps and dissected by tshark too.

The captures have no VLAN tags, LLC/SNAP, IPv4 options, IPv6 fragment headers, SACK blocks,
DNS compression in CNAME data, null/loop/raw/SLL2 link layers: these frames do, and tshark's
reading of them must match the specs' (every FIELDS / EXTRA_FIELDS name; differences below).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from specs_chain import decode_chain, require_tool, specs_for
from specs_truth_map import DHCP_HW, EXTRA_FIELDS, FIELDS, extract, extract_extra
from test_specs_decode import CASES
from test_specs_tshark_fields import EXTRA_QUIRKS

# (case name, field) -> why tshark differs
SYNTHETIC_QUIRKS: dict[tuple[str, str], str] = {
    ("802.1Q tag", "eth.type"): (
        "tshark's eth.type is the first type field (0x8100, the tag's TPID); the inner type "
        "is vlan.etype (0x0800, compared separately). The spec's eth.ether_type is the type "
        "after the tags by design (specs/README.md); the raw field is eth.type_or_length."
    ),
    ("QinQ", "eth.type"): "as for '802.1Q tag': tshark's eth.type is the outer TPID 0x88a8",
    ("DHCP hlen 16, overload into file", "dhcp.option.type"): EXTRA_QUIRKS[
        ("wswiki__PRIV_bootp-both_overload.pcap", 1, "dhcp.option.type")
    ],
    ("802.3 + LLC + SNAP", "eth.type"): (
        "an 802.3 frame has a length, not a type: tshark gives eth.len and puts the SNAP "
        "EtherType in llc.type (compared separately, equal); the spec's eth.ether_type is the "
        "type that selects the payload, here the SNAP one, so that the chain can use it."
    ),
}


def write_pcap(path: Path, linktype: int, frames: list[bytes]) -> None:
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
    for i, frame in enumerate(frames):
        out += struct.pack("<IIII", i, 0, len(frame), len(frame)) + frame
    path.write_bytes(bytes(out))


def tshark_rows(path: Path, names: list[str]) -> list[dict[str, list[str]]]:
    argv = ["tshark", "-n", "-r", str(path), "-T", "fields", "-E", "separator=/t"]
    for opt in ("ip.defragment:FALSE", "ipv6.defragment:FALSE", "tcp.desegment_tcp_streams:FALSE"):
        argv += ["-o", opt]
    argv += ["-E", "occurrence=a", "-E", "aggregator=\x1f"]
    for name in names:
        argv += ["-e", name]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True).stdout
    return [
        {n: c.split("\x1f") for n, c in zip(names, line.split("\t"), strict=True) if c}
        for line in out.splitlines()
    ]


@pytest.mark.tools
@pytest.mark.parametrize("compiler", ["pktscope", "official"])
def test_crafted_frames_agree_with_tshark(
    compiler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_tool("tshark", shutil.which("tshark") is not None, "apt-get install tshark")
    specs = specs_for(compiler)
    hints = {k: s.hints for k, s in specs.items()}
    names = sorted(set(FIELDS) | set(EXTRA_FIELDS) | set(DHCP_HW))
    diffs: dict[tuple[str, str], tuple[object, object]] = {}
    compared = 0
    for linktype in sorted({case[1] for case in CASES}):
        cases = [case for case in CASES if case[1] == linktype]
        pcap = tmp_path / f"dlt{linktype}.pcap"
        write_pcap(pcap, linktype, [case[2] for case in cases])
        rows = tshark_rows(pcap, names)
        assert len(rows) == len(cases)
        for case, theirs in zip(cases, rows, strict=True):
            layers = decode_chain(specs, linktype, case[2])
            ours = extract(layers, hints) | extract_extra(layers)
            for name in sorted(set(theirs) | set(ours)):
                compared += 1
                if theirs.get(name) != ours.get(name):
                    diffs[(case[0], name)] = (theirs.get(name), ours.get(name))
    with capsys.disabled():
        sys.stderr.write(
            f"\ncrafted frames vs tshark ({compiler} compiler): "
            f"{compared - len(diffs)}/{compared} agree ({len(CASES)} frames)\n"
        )
    unexplained = {k: v for k, v in diffs.items() if k not in SYNTHETIC_QUIRKS}
    stale = sorted(k for k in SYNTHETIC_QUIRKS if k not in diffs)
    assert not unexplained, "disagreements with tshark (tshark, ours):\n" + "\n".join(
        f"  {k}: {v}" for k, v in sorted(unexplained.items())
    )
    assert not stale, f"listed differences that no longer happen (remove them): {stale}"
    assert compared > 150
