"""The bundled specs against Wireshark: every frame of ../shared/captures, field by field.

Each frame is decoded by chaining the specs by hand (``specs_chain.decode_chain``, the
``specs/README.md`` algorithm) and every tshark truth field we can produce is compared with
tshark's printout (``specs_truth_map``), plus the protocol stack. Runs once with pktscope's own
compiler (when ``pktscope.compile.build.compile_spec`` exists) and once with the official
compiler (``--debug`` output, so partial objects survive a failed ``_read()``).

Every disagreement must be listed below with the reason and the evidence; the test fails on
an unlisted disagreement *and* on a listed one that no longer happens (stale entry).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from specs_chain import (
    CAPTURES,
    Layer,
    Spec,
    capture_files,
    compiler_params,
    decode_chain,
    read_capture,
    read_truth,
    specs_for,
)
from specs_truth_map import DHCP_HW, FIELDS, extract, protocols, tshark_protocols

Key = tuple[str, int, str]  # (capture file, frame number, tshark field or "protocols")

_DNS4 = ("dns.id", "dns.flags.response", "dns.qry.name", "dns.qry.type", "protocols")
_BOOTP_HDR = (
    "dhcp.type",
    "dhcp.hw.type",
    "dhcp.hw.len",
    "dhcp.id",
    "dhcp.ip.client",
    "dhcp.ip.your",
    "dhcp.ip.server",
    "dhcp.ip.relay",
)  # dhcp.hw.addr_padding: hlen is 0 there, tshark and we both give none

# Where tshark and the specs legitimately disagree. Evidence is reproducible with tshark 4.0.
TSHARK_QUIRKS: dict[Key, str] = {
    **{
        ("pcpp__dns_over_tcp.pcapng", 4, f): (
            "tshark's stateful TCP sequence analysis calls frame 4 a suspected retransmission "
            "(PcapPlusPlus concatenated two captures of the same stream; truth expert note "
            "'This frame is a (suspected) retransmission') and then skips the DNS dissector; "
            "with -o tcp.analyze_sequence_numbers:FALSE tshark shows dns.qry.name github.com, "
            "as we do. Per-packet decoding has no stream state."
        )
        for f in _DNS4
    },
    ("tcpdump__icmp-length-zero.pcapng", 1, "ip.len"): (
        "the IPv4 total length on the wire is 0 (a TSO/GSO-offloaded packet captured before "
        "the NIC filled it in); tshark prints the captured size (84) as ip.len, we print the "
        "header field (0). Both then use the captured size for the payload (ipv4.payload_end)."
    ),
    **{
        ("tcpdump__bootp_asan.pcap", 1, f): (
            "the frame is cut 48 bytes into the BOOTP header (cap_len 90); tshark's DHCP "
            "dissector reads the options area first (for the message type) and throws before "
            "adding any header field (tshark -V shows only '[Packet size limited during "
            "capture: DHCP/BOOTP truncated]'); we keep op..chaddr, which were captured."
        )
        for f in _BOOTP_HDR
    },
}


def expected_differences(compiler: str) -> dict[Key, str]:
    """The same for both compilers: a difference between them is a compiler bug, not a quirk."""
    del compiler
    return dict(TSHARK_QUIRKS)


def frames_with_truth(path: Path) -> Iterator[tuple[int, int, bytes, dict[str, Any]]]:
    truth = read_truth(CAPTURES / "truth" / f"{path.name}.truth.jsonl")
    frames = list(read_capture(path))
    assert len(frames) == len(truth), f"{path.name}: {len(frames)} frames, truth {len(truth)}"
    for frame, t in zip(frames, truth, strict=True):
        assert frame.number == t["frame"]
        yield frame.number, frame.linktype, frame.data, t


def compare_capture(
    specs: dict[str, Spec], path: Path
) -> tuple[int, dict[Key, tuple[Any, Any]], list[list[Layer]]]:
    """Compare one capture; return (fields compared, disagreements, decoded chains)."""
    hints = {k: s.hints for k, s in specs.items()}
    compared = 0
    diffs: dict[Key, tuple[Any, Any]] = {}
    chains: list[list[Layer]] = []
    for number, linktype, data, truth in frames_with_truth(path):
        layers = decode_chain(specs, linktype, data)
        chains.append(layers)
        ours = extract(layers, hints)
        names = {k for k in truth if k in FIELDS or k in DHCP_HW} | set(ours)
        for name in sorted(names):
            compared += 1
            if truth.get(name) != ours.get(name):
                diffs[(path.name, number, name)] = (truth.get(name), ours.get(name))
        compared += 1
        if protocols(layers) != tshark_protocols(truth):
            diffs[(path.name, number, "protocols")] = (truth["protocols"], protocols(layers))
    return compared, diffs, chains


def _report(compiler: str, rows: list[tuple[str, int, int]]) -> None:
    total = sum(r[1] for r in rows)
    agreed = sum(r[2] for r in rows)
    lines = [f"\nspecs vs tshark ({compiler} compiler): {agreed}/{total} field values agree"]
    lines += [f"  {name:45s} {a:5d}/{c:<5d}" for name, c, a in rows]
    sys.stderr.write("\n".join(lines) + "\n")


@pytest.mark.parametrize("compiler", compiler_params())
def test_specs_agree_with_tshark(compiler: str, capsys: pytest.CaptureFixture[str]) -> None:
    specs = specs_for(compiler)
    expected = expected_differences(compiler)
    rows: list[tuple[str, int, int]] = []
    all_diffs: dict[Key, tuple[Any, Any]] = {}
    for path in capture_files():
        compared, diffs, _ = compare_capture(specs, path)
        rows.append((path.name, compared, compared - len(diffs)))
        all_diffs.update(diffs)
    with capsys.disabled():
        _report(compiler, rows)
    unexplained = {k: v for k, v in all_diffs.items() if k not in expected}
    stale = sorted(k for k in expected if k not in all_diffs)
    assert not unexplained, "disagreements with tshark (tshark, ours):\n" + "\n".join(
        f"  {k}: {v}" for k, v in sorted(unexplained.items())
    )
    assert not stale, f"listed differences that no longer happen (remove them): {stale}"
    assert sum(r[1] for r in rows) > 9000  # the corpus really was compared


@pytest.mark.parametrize("compiler", compiler_params())
def test_decode_errors_match_tshark_truncation(compiler: str) -> None:
    """A frame tshark calls short is truncated or failed for us; a clean frame decodes cleanly.

    Errors in layers quoted by an ICMP error (``quoted: true``) are expected and ignored.
    """
    specs = specs_for(compiler)
    problems: list[str] = []
    for path in capture_files():
        _, _, chains = compare_capture(specs, path)
        truths = read_truth(CAPTURES / "truth" / f"{path.name}.truth.jsonl")
        for layers, truth in zip(chains, truths, strict=True):
            ours_bad = [
                layer.spec
                for layer in layers
                if not layer.quoted and (layer.error is not None or layer.payload_truncated)
            ]
            severe = [e for e in truth.get("expert", []) if e["severity"] in ("error", "warn")]
            tshark_bad = truth["short"] or truth["malformed"] or bool(severe)
            if truth["short"] and not ours_bad:
                problems.append(f"{path.name} #{truth['frame']}: tshark short, we decoded all")
            if ours_bad and not tshark_bad:
                problems.append(f"{path.name} #{truth['frame']}: our {ours_bad} failed/truncated")
    assert not problems, "\n".join(problems)


def test_quirk_tables_name_real_fields() -> None:
    """The expected-difference tables only name captures and fields that exist."""
    names = {p.name for p in capture_files()}
    for capture, frame, name in TSHARK_QUIRKS:
        assert capture in names
        assert frame >= 1
        assert name == "protocols" or name in FIELDS or name in DHCP_HW
