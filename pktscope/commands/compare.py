"""``pktscope compare CAPTURE``: pktscope against tshark, field by field.

The comparison core is shared with the truth tests (tests/truth): :data:`FIELD_MAP` (in
:mod:`._tshark_map`) maps tshark field names to pktscope paths and a value kind; both sides are
normalised per kind (integers that tshark prints in hex, MAC/IP text, hex bytes) and compared
as lists of occurrences in frame order. Frame-level items compare ``frame.len``, ``cap_len``,
``time_epoch``, ``interface_id``, ``protocols`` (tshark's names mapped to spec ids,
pseudo-layers dropped) and ``frame.malformed`` against tshark's malformed/short flags.

Some differences are tshark's own behaviour, not pktscope errors; :data:`KNOWN_QUIRKS` lists
them, each with the reason and the evidence. They are reported apart and do not fail the
command; any other disagreement makes it exit 1.
"""

from __future__ import annotations

# ruff: noqa: PLC0415 - heavy modules (dissect, render, rich) load on use: `pktscope --help` stays fast
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pktscope.commands._common import guarded
from pktscope.commands._tshark_map import (
    DERIVED,
    FIELD_MAP,
    FRAME_ITEMS,
    TSHARK_FIELDS,
    FieldMap,
    our_values,
    truth_values,
)
from pktscope.errors import PktscopeError, ToolError

__all__ = [
    "FIELD_MAP",
    "KNOWN_QUIRKS",
    "TSHARK_FIELDS",
    "Disagreement",
    "FieldMap",
    "Quirk",
    "Report",
    "add_parser",
    "compare_capture",
    "compare_frame",
    "our_values",
    "run",
    "run_tshark",
    "truth_values",
]


# -- comparison --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Disagreement:
    capture: str
    frame: int
    field: str
    ours: tuple[str, ...]
    theirs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Quirk:
    """A known tshark behaviour that makes the two sides differ, with its evidence."""

    name: str
    applies: Callable[[Disagreement, Mapping[str, Any]], bool]
    reason: str
    evidence: str


@dataclass
class Report:
    """Per-field tallies and the disagreements (explained ones with their quirk)."""

    agree: dict[str, int] = field(default_factory=dict)
    differ: dict[str, int] = field(default_factory=dict)
    known: dict[str, int] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    explained: list[tuple[Disagreement, Quirk]] = field(default_factory=list)

    @property
    def total_agree(self) -> int:
        return sum(self.agree.values())

    @property
    def total(self) -> int:
        return self.total_agree + sum(self.differ.values()) + sum(self.known.values())

    def merge(self, other: Report) -> None:
        for mine, theirs in (
            (self.agree, other.agree),
            (self.differ, other.differ),
            (self.known, other.known),
        ):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        self.disagreements.extend(other.disagreements)
        self.explained.extend(other.explained)


def _short_dhcp(d: Disagreement, row: Mapping[str, Any]) -> bool:
    return (
        d.field.startswith("dhcp.")
        and bool(row.get("short") or row.get("malformed"))
        and not d.theirs
        and "dhcp" in row.get("protocols", [])
    )


_TAG_TPIDS = ("33024", "34984", "37120")  # 0x8100 (802.1Q), 0x88a8 (802.1ad), 0x9100 (QinQ)


def _outer_eth_type(d: Disagreement, row: Mapping[str, Any]) -> bool:
    if d.field != "eth.type":
        return False
    if d.theirs and d.theirs[0] in _TAG_TPIDS:  # tagged: tshark's is the first tag's TPID
        return True
    return not d.theirs and "llc" in row.get("protocols", [])  # 802.3: tshark has eth.len


def _tso_length(d: Disagreement, row: Mapping[str, Any]) -> bool:
    return (
        d.field == "ip.len"
        and len(d.ours) == len(d.theirs)
        and all(a in (b, "0") for a, b in zip(d.ours, d.theirs, strict=True))
    )


def _retransmission(d: Disagreement, row: Mapping[str, Any]) -> bool:
    retrans = any("retransmission" in str(e.get("message", "")) for e in row.get("expert", ()))
    if not retrans:
        return False
    if d.field == "frame.protocols":
        return bool(d.ours and d.theirs) and d.ours[0].startswith(d.theirs[0] + ":")
    return d.field.startswith("dns.") and not d.theirs


KNOWN_QUIRKS: tuple[Quirk, ...] = (
    Quirk(
        "tso-total-length",
        _tso_length,
        "an IPv4 total length of 0 (a TSO/GSO-offloaded capture) is shown by tshark as the "
        "length it presumes from the captured bytes; pktscope's ipv4.total_length is the "
        "field's real value, 0 (the chain uses the captured size as the payload end, as tshark)",
        "tcpdump__icmp-length-zero.pcapng frame 1: bytes 16-17 are 00 00 and `tshark -V` prints "
        "'[Total Length: 84 bytes (reported as 0, presumed to be because of \"TCP segmentation "
        "offload\" (TSO))]'",
    ),
    Quirk(
        "tcp-retransmission-not-dissected",
        _retransmission,
        "tshark's stateful TCP analysis does not hand the payload of a suspected retransmission "
        "to the next dissector; pktscope dissects every frame on its own",
        "pcpp__dns_over_tcp.pcapng frame 4: expert note 'This frame is a (suspected) "
        "retransmission', protocols eth:ethertype:ipv6:tcp; with `-o "
        "tcp.analyze_sequence_numbers:FALSE` tshark gives eth:ethertype:ipv6:tcp:dns for it",
    ),
    Quirk(
        "eth-type-is-the-outer-type",
        _outer_eth_type,
        "tshark's eth.type is the type field right after the addresses: the first tag's "
        "protocol identifier (0x8100, 0x88a8) on a tagged frame, absent on an 802.3 frame "
        "(which has eth.len); pktscope's eth.ether_type is the type after the tags (tshark's "
        "last vlan.etype), 0 on 802.3",
        "an 802.1Q-tagged IPv4 frame: `tshark -T fields -e eth.type -e vlan.etype` prints "
        "'0x8100 0x0800'; an 802.1ad+802.1Q frame '0x88a8 0x0800'; an 802.3/LLC frame prints "
        "no eth.type and eth.len 6",
    ),
    Quirk(
        "truncated-bootp-no-fields",
        _short_dhcp,
        "tshark's DHCP dissector adds no field at all when the BOOTP header is cut short, by the "
        "capture or by the IP/UDP length (it throws before the first item, calling the frame "
        "short or malformed), while pktscope keeps every field before the cut",
        "tcpdump__bootp_asan.pcap frame 1: `tshark -V` shows 'Dynamic Host Configuration "
        "Protocol' with only '[Packet size limited during capture: DHCP/BOOTP truncated]' "
        "under it, although 48 bytes of the BOOTP header (op..chaddr) are in the frame",
    ),
)


def compare_frame(
    capture: str,
    *,
    number: int,
    ours: Mapping[str, list[str]],
    theirs: Mapping[str, list[str]],
    row: Mapping[str, Any],
    report: Report,
    quirks: Sequence[Quirk] = KNOWN_QUIRKS,
) -> None:
    """Compare one frame's two sides item by item into ``report``."""
    items = [m.tshark for m in FIELD_MAP] + list(DERIVED) + list(FRAME_ITEMS)
    for item in items:
        a = tuple(ours.get(item, ()))
        b = tuple(theirs.get(item, ()))
        if item == "frame.interface_id" and not b:
            continue  # pcap files have no interface ids
        if not a and not b:
            continue
        if a == b:
            report.agree[item] = report.agree.get(item, 0) + 1
            continue
        d = Disagreement(capture, number, item, a, b)
        quirk = next((q for q in quirks if q.applies(d, row)), None)
        if quirk is not None:
            report.known[item] = report.known.get(item, 0) + 1
            report.explained.append((d, quirk))
        else:
            report.differ[item] = report.differ.get(item, 0) + 1
            report.disagreements.append(d)


def compare_capture(
    capture_path: str, rows: Iterable[Mapping[str, Any]], name: str | None = None
) -> Report:
    """Decode ``capture_path`` with pktscope and compare with tshark ``rows`` (truth format)."""
    from pktscope.dissect.capture import open_capture

    label = name or capture_path
    report = Report()
    by_frame = {int(r["frame"]): r for r in rows}
    with open_capture(capture_path) as cap:
        seen = 0
        for pkt in cap:
            seen += 1
            row = by_frame.get(pkt.frame.number)
            if row is None:
                report.disagreements.append(
                    Disagreement(label, pkt.frame.number, "frame", ("present",), ())
                )
                continue
            compare_frame(
                label,
                number=pkt.frame.number,
                ours=our_values(pkt),
                theirs=truth_values(row),
                row=row,
                report=report,
            )
    if seen != len(by_frame):
        report.disagreements.append(
            Disagreement(label, 0, "frame count", (str(seen),), (str(len(by_frame)),))
        )
    return report


# -- tshark ------------------------------------------------------------------------------------
def run_tshark(path: str, tshark: str = "tshark") -> list[dict[str, Any]]:
    """tshark's per-frame truth for ``path`` in the captures/README.md format."""
    head = [
        "frame.number",
        "frame.len",
        "frame.cap_len",
        "frame.time_epoch",
        "frame.interface_id",
        "frame.protocols",
        "_ws.malformed",
        "_ws.short",
    ]
    argv = [
        tshark,
        "-n",
        "-r",
        path,
        "-o",
        "ip.defragment:FALSE",
        "-o",
        "ipv6.defragment:FALSE",
        "-o",
        "tcp.desegment_tcp_streams:FALSE",
        "-T",
        "fields",
        "-E",
        "separator=/t",
        "-E",
        "occurrence=a",
        "-E",
        "aggregator=\x1f",
    ]
    for f in (*head, *TSHARK_FIELDS):
        argv += ["-e", f]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=600)
    except FileNotFoundError:
        raise ToolError("tshark is not installed (apt-get install tshark)", argv=argv) from None
    said = _tshark_said(proc.stderr)
    if proc.returncode != 0:
        if not proc.stdout:
            raise ToolError(
                "tshark failed", argv=argv, returncode=proc.returncode, stderr_tail=said[-500:]
            )
        # tshark read some frames, then stopped (a file cut inside a record): compare those
        print(f"pktscope: warning: tshark: {said.strip()}", file=sys.stderr)
    rows = []
    for line in proc.stdout.splitlines():
        cols = line.split("\t")
        num, flen, clen, epoch, ifid, protos, malformed, short = cols[:8]
        row: dict[str, Any] = {
            "frame": int(num),
            "len": int(flen),
            "cap_len": int(clen),
            "time_epoch": epoch,
            "protocols": protos.split(":"),
            "malformed": bool(malformed),
            "short": bool(short),
        }
        if ifid:
            row["interface_id"] = int(ifid)
        for name, text in zip(TSHARK_FIELDS, cols[8:], strict=False):
            if text:
                row[name] = text.split("\x1f")
        rows.append(row)
    return rows


def _tshark_said(stderr: str) -> str:
    """tshark's stderr without its notice about running as root."""
    return "".join(
        line for line in stderr.splitlines(keepends=True) if not line.startswith("Running as user")
    )


# -- command -----------------------------------------------------------------------------------
def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "compare",
        help="compare pktscope's fields with tshark's, field by field",
        description="Decode CAPTURE with pktscope and with tshark and tabulate, per field, "
        "the frames that agree and disagree. Exit 1 on any disagreement that is not a known "
        "tshark quirk.",
    )
    p.add_argument("capture", metavar="CAPTURE")
    p.add_argument("--tshark", default="tshark", help="tshark executable (default: on PATH)")
    p.add_argument("--json", action="store_true", help="the report as one JSON object")
    p.add_argument(
        "--max-diffs",
        type=_non_negative,
        default=20,
        metavar="N",
        help="list at most N disagreements (default 20)",
    )
    p.set_defaults(run=guarded(run))


def _non_negative(text: str) -> int:
    """``--max-diffs``: 0 lists none; a negative count listed all but the last ones."""
    try:
        n = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {n}")
    return n


def format_report(report: Report, max_diffs: int = 20) -> str:
    """The per-field table, then the disagreements and the known quirks."""
    names = sorted(set(report.agree) | set(report.differ) | set(report.known))
    width = max([len(n) for n in names] + [5])
    lines = [f"{'field':<{width}}  {'agree':>6}  {'differ':>6}  {'quirk':>6}"]
    for n in names:
        lines.append(
            f"{n:<{width}}  {report.agree.get(n, 0):>6}  {report.differ.get(n, 0):>6}"
            f"  {report.known.get(n, 0):>6}"
        )
    pct = 100.0 * report.total_agree / report.total if report.total else 100.0
    lines.append(
        f"{'total':<{width}}  {report.total_agree:>6}  {sum(report.differ.values()):>6}"
        f"  {sum(report.known.values()):>6}   ({pct:.1f}% agree)"
    )
    for d in report.disagreements[:max_diffs]:
        lines.append(
            f"DIFFER frame {d.frame} {d.field}: pktscope {list(d.ours)} tshark {list(d.theirs)}"
        )
    if len(report.disagreements) > max_diffs:
        lines.append(f"... {len(report.disagreements) - max_diffs} more disagreements")
    quirks = {q.name: q for _, q in report.explained}
    for q in quirks.values():
        lines.append(f"quirk {q.name}: {q.reason}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    out = out if out is not None else sys.stdout
    if args.capture != "-":
        return _report(args, args.capture, out)
    # both sides read the capture: standard input is kept in a file first
    with tempfile.NamedTemporaryFile(prefix="pktscope-", suffix=".pcap") as tmp:
        shutil.copyfileobj(sys.stdin.buffer, tmp)
        tmp.flush()
        return _report(args, tmp.name, out)


def _report(args: argparse.Namespace, path: str, out: IO[str]) -> int:
    if not Path(path).is_file():
        why = "is a directory" if Path(path).is_dir() else "no such file"
        raise PktscopeError(f"cannot open {path}: {why}")
    rows = run_tshark(path, args.tshark)
    report = compare_capture(path, rows)
    if args.json:
        obj = {
            "agree": report.agree,
            "differ": report.differ,
            "quirk": report.known,
            "disagreements": [
                {
                    "frame": d.frame,
                    "field": d.field,
                    "pktscope": list(d.ours),
                    "tshark": list(d.theirs),
                }
                for d in report.disagreements
            ],
        }
        out.write(json.dumps(obj, sort_keys=True) + "\n")
    else:
        out.write(format_report(report, args.max_diffs))
    return 1 if report.disagreements else 0
