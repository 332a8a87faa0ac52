"""More fields than the truth files hold, straight from tshark: every capture, ~70 fields.

The truth files carry the fields DESIGN.md names; this runs tshark itself (same options as the
truth: no reassembly) for the rest of what the specs decode — IP/TCP/UDP/ICMP header fields,
TCP options, DHCP option codes and lengths, DNS counts and resource records, SLL — and
compares them with the hand-chained specs (``specs_truth_map.EXTRA_FIELDS``). Every
disagreement is listed in :data:`EXTRA_QUIRKS` with its reason and evidence.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from specs_chain import capture_files, decode_chain, read_capture, require_tool, specs_for
from specs_truth_map import EXTRA_FIELDS, extract_extra
from test_specs_truth import TSHARK_QUIRKS, Key

_RETRANSMISSION = TSHARK_QUIRKS[("pcpp__dns_over_tcp.pcapng", 4, "dns.id")]
_BOOTP_CUT = TSHARK_QUIRKS[("tcpdump__bootp_asan.pcap", 1, "dhcp.id")]
_DNS_CUT = (
    "the 7th answer is cut after its TTL (cap_len 200 < len 238); tshark reads an RR's whole "
    "fixed part before adding any of its fields (tshark -V lists 6 answers, then '[Packet "
    "size limited during capture: DNS truncated]'); we keep the name, type, class and TTL "
    "that were captured."
)
_OVERLOAD_ORDER = (
    "option 52 = 3: tshark dissects the sname and file options where option 52 sits "
    "(tshark -V: 'Option: (52) Option Overload' > 'Server host name option overload' > "
    "(56), (255); 'Boot file name option overload' > (56), (255); then the rest of the "
    "options field); the spec keeps `options`, then `file_options`, then `sname_options`, "
    "the order RFC 2131 section 4.1 gives for reading them."
)

EXTRA_QUIRKS: dict[Key, str] = {
    **{
        ("pcpp__dns_over_tcp.pcapng", 4, f): _RETRANSMISSION
        for f in (
            "dns.a",
            "dns.count.add_rr",
            "dns.count.answers",
            "dns.count.auth_rr",
            "dns.count.queries",
            "dns.flags.opcode",
            "dns.flags.rcode",
            "dns.qry.class",
            "dns.resp.len",
            "dns.resp.name",
            "dns.resp.ttl",
            "dns.resp.type",
        )
    },
    ("pcpp__dns_over_tcp.pcapng", 3, "dns.resp.type"): (
        "tshark also labels the entries of NSEC3 type bitmaps (RFC 5155 3.2.1) dns.resp.type: "
        "after each NSEC3 (50) record it lists 2, 6, 46, 48, 51 / 2, 43, 46 (NS, SOA, RRSIG, "
        "DNSKEY, NSEC3PARAM / NS, DS, RRSIG); the spec keeps NSEC3 rdata as bytes, so only "
        "the records' own types are listed."
    ),
    **{
        ("tcpdump__bootp_asan.pcap", 1, f): _BOOTP_CUT
        for f in ("dhcp.flags", "dhcp.hops", "dhcp.secs")
    },
    **{
        ("dpkt__truncated_dns.pcap", 1, f): _DNS_CUT
        for f in ("dns.resp.name", "dns.resp.type", "dns.resp.ttl")
    },
    ("pcpp__IcmpPackets.pcap", 13, "tcp.seq_raw"): (
        "in the TCP header quoted by an ICMP error (8 bytes) tshark shows 'Sequence Number: "
        "585665' (tcp.seq) but not tcp.seq_raw (tshark -V on frame 13); we decode seq = "
        "585665 from the same bytes."
    ),
    ("wswiki__PRIV_bootp-both_overload.pcap", 1, "dhcp.option.type"): _OVERLOAD_ORDER,
    ("wswiki__PRIV_bootp-both_overload.pcap", 1, "dhcp.option.length"): _OVERLOAD_ORDER,
}


@cache
def tshark_fields(path: Path) -> list[dict[str, list[str]]]:
    names = list(EXTRA_FIELDS)
    argv = ["tshark", "-n", "-r", str(path)]
    for opt in ("ip.defragment:FALSE", "ipv6.defragment:FALSE", "tcp.desegment_tcp_streams:FALSE"):
        argv += ["-o", opt]
    argv += ["-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=\x1f"]
    for name in names:
        argv += ["-e", name]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True).stdout
    rows = []
    for line in out.splitlines():
        cols = line.split("\t")
        rows.append({n: c.split("\x1f") for n, c in zip(names, cols, strict=True) if c})
    return rows


@pytest.mark.tools
@pytest.mark.slow
@pytest.mark.parametrize("compiler", ["pktscope", "official"])
def test_more_fields_agree_with_tshark(compiler: str, capsys: pytest.CaptureFixture[str]) -> None:
    require_tool("tshark", shutil.which("tshark") is not None, "apt-get install tshark")
    specs = specs_for(compiler)
    diffs: dict[Key, tuple[object, object]] = {}
    compared = 0
    lines = []
    for path in capture_files():
        rows = tshark_fields(path)
        frames = list(read_capture(path))
        assert len(rows) == len(frames)
        before = len(diffs)
        n = 0
        for frame, theirs in zip(frames, rows, strict=True):
            ours = extract_extra(decode_chain(specs, frame.linktype, frame.data))
            for name in sorted(set(theirs) | set(ours)):
                n += 1
                if theirs.get(name) != ours.get(name):
                    diffs[(path.name, frame.number, name)] = (theirs.get(name), ours.get(name))
        compared += n
        lines.append(f"  {path.name:45s} {n - (len(diffs) - before):5d}/{n:<5d}")
    with capsys.disabled():
        sys.stderr.write(
            f"\nmore fields vs tshark ({compiler} compiler): "
            f"{compared - len(diffs)}/{compared} agree\n" + "\n".join(lines) + "\n"
        )
    unexplained = {k: v for k, v in diffs.items() if k not in EXTRA_QUIRKS}
    stale = sorted(k for k in EXTRA_QUIRKS if k not in diffs)
    assert not unexplained, "disagreements with tshark (tshark, ours):\n" + "\n".join(
        f"  {k}: {v}" for k, v in sorted(unexplained.items())
    )
    assert not stale, f"listed differences that no longer happen (remove them): {stale}"
    assert compared > 6000
