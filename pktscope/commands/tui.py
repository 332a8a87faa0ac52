"""``pktscope tui [CAPTURE]``: browse a capture in the terminal (the bundled sample by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pktscope.errors import CaptureError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "tui",
        help="browse a capture: packet list, field tree, hex pane",
        description="Browse a capture in the terminal. Without CAPTURE, opens the bundled "
        "sample (EC2 DHCP, ARP, DNS, TCP, ICMP). Press ? inside for the keys.",
    )
    p.add_argument("capture", nargs="?", type=Path, help="pcap or pcapng file")
    p.add_argument(
        "--decode-as",
        action="append",
        default=[],
        metavar="KEY==VALUE:SPEC",
        help="decode a port as a spec, e.g. udp.port==9000:myproto (repeatable)",
    )
    p.add_argument(
        "--spec-dir",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="where decode-as spec names are looked up (after it: the capture's directory, "
        "then the current one)",
    )
    p.add_argument("-Y", "--display-filter", metavar="FILTER", help="start with this filter")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # imported here so `pktscope --help` does not pay for Textual
    from pktscope.dissect.decode_as import parse_rules  # noqa: PLC0415
    from pktscope.filter import FilterError, compile_filter  # noqa: PLC0415
    from pktscope.tui.app import PktscopeApp  # noqa: PLC0415
    from pktscope.tui.source import SAMPLE_CAPTURE  # noqa: PLC0415

    path: Path = args.capture or SAMPLE_CAPTURE
    if not path.is_file():
        raise CaptureError(f"no such capture file: {path}")
    parse_rules(args.decode_as)  # a malformed rule is a PktscopeError before the screen opens
    try:
        flt = compile_filter(args.display_filter) if args.display_filter else None
    except FilterError as exc:
        caret = "\n".join("  " + line for line in exc.caret_lines().splitlines())
        print(f"pktscope: bad display filter: {exc}\n{caret}", file=sys.stderr)
        return 2
    spec_dirs = [*args.spec_dir, path.parent, Path.cwd()]
    app = PktscopeApp(path, rules=args.decode_as, spec_dirs=spec_dirs, initial_filter=flt)
    app.run()
    return 0
