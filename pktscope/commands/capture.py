"""``pktscope capture -i IFACE``: live capture, printed as summary lines or written to pcapng.

Records come from :func:`pktscope.capture.live.live_records` (``-f`` is a BPF capture filter,
``-c`` the number of frames to capture). Without ``-w`` each frame is decoded and printed as a
``show`` summary line as it arrives (``-Y`` filters what is printed); with ``-w OUT.pcapng`` the
frames are streamed to the file unchanged and the count is reported on stderr.
"""

from __future__ import annotations

# ruff: noqa: PLC0415 - heavy modules (dissect, render, rich) load on use: `pktscope --help` stays fast
import argparse
import sys
from collections.abc import Iterator
from typing import IO, Any

from pktscope.commands._common import (
    check_spec_options,
    compile_display_filter,
    guarded,
    layer_sources,
)

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "capture",
        help="capture live from an interface (summary lines, or -w a pcapng file)",
        description="Capture from a network interface: print summary lines, or write pcapng.",
    )
    p.add_argument("-i", "--interface", metavar="IFACE", required=True, dest="iface")
    p.add_argument("-c", "--count", metavar="N", type=int, help="stop after N frames")
    p.add_argument("-w", "--write", metavar="OUT.pcapng", dest="write", help="write pcapng here")
    p.add_argument("-f", "--capture-filter", metavar="BPF", dest="bpf", help="BPF capture filter")
    p.add_argument(
        "-Y",
        "--display-filter",
        metavar="FILTER",
        dest="display_filter",
        help="print only packets matching this display filter (not with -w)",
    )
    p.add_argument("--decode-as", metavar="RULE", action="append", default=[], dest="decode_as")
    p.add_argument("--spec-dir", metavar="DIR", action="append", default=[], dest="spec_dirs")
    p.set_defaults(run=guarded(run))


def _records(args: argparse.Namespace) -> Iterator[Any]:
    from pktscope.capture.live import live_records

    return iter(live_records(args.iface, args.count, args.bpf))


def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    out = out if out is not None else sys.stdout
    if args.count is not None and args.count < 1:
        from pktscope.commands._common import UsageError

        raise UsageError(f"-c must be 1 or more, got {args.count}")
    if args.write:
        from pktscope.capture.writer import write_pcapng

        n = write_pcapng(args.write, _records(args))
        sys.stderr.write(f"pktscope: {n} frames written to {args.write}\n")
        return 0
    from pktscope.commands.show import summary_line
    from pktscope.dissect.capture import packet_from_record
    from pktscope.dissect.chain import Chain
    from pktscope.dissect.decode_as import DecodeAsRules
    from pktscope.render.conversations import Conversations

    check_spec_options(args)
    flt = compile_display_filter(args.display_filter, layer_sources(args))
    chain = Chain(None, DecodeAsRules(args.decode_as, args.spec_dirs))
    t0: int | None = None
    conversations = Conversations()
    for rec in _records(args):
        pkt = packet_from_record(rec, chain)
        if t0 is None:
            t0 = pkt.frame.time_ns
        notes = conversations.see(pkt.frame.number, pkt.layers, pkt.frame.time_ns)
        if flt is not None and not flt.matches(pkt):
            continue
        out.write(summary_line(pkt, t0, notes=notes) + "\n")
        out.flush()
    return 0
