"""``pktscope tui [CAPTURE]``: browse a capture in the terminal (the bundled sample by default)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pktscope.commands._common import (
    check_spec_options,
    compile_display_filter,
    guarded,
    layer_sources,
)
from pktscope.commands.hexdump import is_capture
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
    p.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    # imported here so `pktscope --help` does not pay for Textual
    from pktscope.tui.app import PktscopeApp  # noqa: PLC0415
    from pktscope.tui.source import SAMPLE_CAPTURE  # noqa: PLC0415

    path: Path = args.capture or SAMPLE_CAPTURE
    if path.is_dir():
        raise CaptureError(f"{path} is a directory, not a capture file")
    if not path.is_file():
        raise CaptureError(f"no such capture file: {path}")
    if not is_capture(str(path)):
        raise CaptureError(f"{path} is not a pcap or pcapng capture")
    # what the command line says wrong is said before the screen opens
    args.spec_dirs = list(args.spec_dir)
    check_spec_options(args)
    flt = compile_display_filter(args.display_filter, layer_sources(args))
    spec_dirs = [*args.spec_dir, path.parent, Path.cwd()]
    app = PktscopeApp(path, rules=args.decode_as, spec_dirs=spec_dirs, initial_filter=flt)
    app.run()
    return 0
