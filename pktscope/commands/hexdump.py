"""``pktscope hexdump CAPTURE|FILE``: hexdumps of frames, of one field, or of any file.

On a capture: every frame (or ``--frame N``) is dumped with absolute offsets, the bytes of each
``--field PATH`` highlighted (coloured on a terminal, see ``--color``); with ``--field`` and
``--frame`` only the field's own rows are shown, still with the frame's absolute offsets. On a
file that is not a pcap/pcapng capture the raw file is dumped (``--fmt xxd`` matches ``xxd``,
``canonical`` ``hexdump -C``). All rendering is :mod:`pktscope.render.hexdump`'s.
"""

from __future__ import annotations

# ruff: noqa: PLC0415 - heavy modules (dissect, render, rich) load on use: `pktscope --help` stays fast
import argparse
import sys
from pathlib import Path
from typing import IO, Any

from pktscope.commands._common import (
    UsageError,
    add_capture_options,
    add_color_option,
    check_paths,
    guarded,
    iter_packets,
    layer_sources,
    lookup_error_text,
    open_packets,
    use_color,
    warn_if_cut,
)
from pktscope.errors import DecodeError, PktscopeError

__all__ = ["add_parser", "is_capture", "run"]

FORMATS = ("classic", "canonical", "xxd")


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "hexdump",
        help="hexdump frames or a field of a capture (or any file)",
        description="Hexdump the frames of a capture with fields highlighted, one field's "
        "bytes, or a plain file.",
    )
    p.add_argument("capture", metavar="CAPTURE|FILE", help="a pcap/pcapng capture or any file")
    p.add_argument(
        "--field",
        metavar="PATH",
        action="append",
        default=[],
        dest="fields",
        help="with --frame: dump only this field's bytes; else highlight it (repeatable)",
    )
    p.add_argument("--fmt", choices=FORMATS, default="classic", help="dump layout")
    add_capture_options(p, frame=True)
    add_color_option(p)
    p.set_defaults(run=guarded(run))


def is_capture(path: str) -> bool:
    """True when the file (``-``: standard input, peeked at) starts with a pcap or pcapng
    magic."""
    if path == "-":
        stdin = sys.stdin.buffer
        peek = getattr(stdin, "peek", None)
        return peek is None or _capture_magic(peek(4)[:4])
    try:
        with Path(path).open("rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise PktscopeError(f"cannot open {path}: {exc.strerror or exc}") from None
    return _capture_magic(head)


def _capture_magic(head: bytes) -> bool:
    from pktscope.capture.reader import detect_format

    try:
        detect_format(head)
    except PktscopeError:
        return False
    return True


def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    from pktscope.render.hexdump import render_hexdump

    out = out if out is not None else sys.stdout
    style = "ansi" if use_color(args, out) else "plain"
    if not is_capture(args.capture):
        if args.fields or args.frame or args.display_filter:
            raise UsageError(
                f"{args.capture} is not a pcap/pcapng capture: --field, --frame and -Y need one"
            )
        stdin = args.capture == "-"
        data = sys.stdin.buffer.read() if stdin else Path(args.capture).read_bytes()
        out.write(str(render_hexdump(data, fmt=args.fmt, style=style)))
        out.flush()
        return 0
    if args.fields:
        check_paths(args.fields, layer_sources(args))
    capture = open_packets(args)
    status = 0
    first = True
    shown = 0
    for pkt in iter_packets(args, capture):
        shown += 1
        if not first:
            out.write("\n")
        first = False
        if args.fields and args.frame is not None:
            status |= _dump_fields(pkt, args.fields, args.fmt, style, out)
            continue
        out.write(f"frame {pkt.frame.number}: {pkt.frame.cap_len} bytes ({pkt.protocols})\n")
        text = pkt.hexdump(highlight=list(args.fields) or None, fmt=args.fmt, style=style)
        out.write(str(text))
    out.flush()
    warn_if_cut(args, capture, shown)
    return status


def _dump_fields(pkt: Any, paths: list[str], fmt: str, style: str, out: IO[str]) -> int:
    """Rows of each field alone, with absolute offsets; 1 when a field is absent or bad."""
    from pktscope.render.hexdump import Highlight, render_hexdump

    status = 0
    for path in paths:
        try:
            found = pkt.get_all(path)
            if not found:
                pkt[path]  # raises FieldNotFound with close matches, or with the DecodeError
        except (DecodeError, KeyError) as exc:
            sys.stderr.write(f"pktscope: {lookup_error_text(exc, pkt.buffer)}\n")
            status = 1
            continue
        for f in found:
            if not f.has_bytes:
                out.write(f"{f.path}: {f.display} (no bytes in the frame)\n")
                continue
            size = f.size or 0
            shown = f.display or f.hex()  # a structure has no display value: its bytes
            out.write(f"{f.path} @ {f.offset}, {size} byte{'' if size == 1 else 's'}: {shown}\n")
            mark = [Highlight(f.offset, f.end, f.path)] if style != "plain" else []
            text = render_hexdump(
                bytes(pkt.buffer[f.offset : f.end]),
                fmt=fmt,
                base_offset=f.offset,
                highlights=mark,
                style=style,
            )
            out.write(str(text))
    return status
