"""``pktscope show CAPTURE``: one summary line per packet, as ``tshark`` prints them.

``    1   0.000000      0.0.0.0 → 255.255.255.255 DHCP 314 DHCP Discover - Transaction ID 0x3d1d``
(number, seconds since the first packet, source, destination, top protocol, frame length,
info). The row content comes from the shared summariser the TUI's packet list uses
(:func:`pktscope.tui.summary.summarize`). ``-V`` adds the field tree with absolute offsets
(:mod:`pktscope.render.tree`), ``-x`` the hexdump of the frame, ``--field PATH`` the value of
a field under each line (and its bytes highlighted in ``-x``). A packet that failed to decode
shows its errors, each with the hexdump row of the failing offset and a caret under the byte.
"""

from __future__ import annotations

# ruff: noqa: PLC0415 - heavy modules (dissect, render, rich) load on use: `pktscope --help` stays fast
import argparse
import sys
from typing import IO, Any

from pktscope.commands._common import (
    add_capture_options,
    add_color_option,
    check_paths,
    decode_error_text,
    guarded,
    iter_packets,
    layer_sources,
    lookup_error_text,
    open_packets,
    use_color,
    warn_if_cut,
)
from pktscope.errors import DecodeError
from pktscope.render.conversations import Conversations, FrameNotes

__all__ = ["add_parser", "run", "summary_line", "tree_lines"]


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "show",
        help="one summary line per packet (like tshark); -V tree, -x hexdump",
        description="Print one summary line per packet; -V adds the field tree with offsets, "
        "-x the hexdump.",
    )
    p.add_argument("capture", metavar="CAPTURE", help="pcap or pcapng file ('-' for stdin)")
    p.add_argument("-V", "--verbose", action="store_true", help="field tree with offsets")
    p.add_argument("-x", "--hex", action="store_true", dest="hexdump", help="hexdump of the frame")
    p.add_argument(
        "--field",
        metavar="PATH",
        action="append",
        default=[],
        dest="fields",
        help="show this field under each line (highlighted in -x); repeatable",
    )
    add_capture_options(p, frame=True)
    add_color_option(p)
    p.set_defaults(run=guarded(run))


def summary_line(pkt: Any, t0_ns: int, digits: int = 6, notes: FrameNotes | None = None) -> str:
    """The line ``tshark -n -r`` prints for ``pkt``; ``t0_ns`` is the first packet's time,
    ``digits`` the decimals of the capture's clock (tshark shows 9 for a nanosecond file) and
    ``notes`` what the frames before it tell (see :mod:`pktscope.render.conversations`)."""
    from pktscope.tui.summary import summarize

    s = summarize(pkt, pkt.frame.number, pkt.frame.time - t0_ns / 1e9, pkt.frame.len, notes)
    dst = s.destination
    if dst == "Broadcast":  # the packet list's wording; `tshark -n` prints the address
        dst = "ff:ff:ff:ff:ff:ff"
    rel = relative_time(pkt.frame.time_ns - t0_ns, digits)
    line = f"{s.number:5d} {rel:>10} {s.source:>12} → {dst:<12} {s.protocol} {s.length}"
    return f"{line} {s.info}" if s.info else line


def tree_lines(pkt: Any, fields: list[str] | None = None) -> list[str]:
    """The field tree of ``pkt`` (the shared :func:`pktscope.render.tree.render_tree`), or of
    the fields at ``fields`` paths: one field per line with ``@offset+size`` (``b<bit>+<bits>``
    for bit fields), enum names, computed fields in brackets, malformed/truncated layers
    flagged with their error."""
    from pktscope.render.tree import render_tree

    return render_tree(pkt, fields=fields, frame=False).splitlines()


def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    out = out if out is not None else sys.stdout
    if args.fields:
        check_paths(args.fields, layer_sources(args))
    color = use_color(args, out)
    capture = open_packets(args)
    t0: int | None = None
    first = True
    conversations = Conversations()
    notes: dict[int, FrameNotes] = {}

    def observe(pkt: Any) -> None:  # every frame, in order: tshark's single pass
        notes.clear()
        notes[pkt.frame.number] = conversations.see(pkt.frame.number, pkt.layers, pkt.frame.time_ns)

    shown = 0
    for pkt in iter_packets(args, capture, observe):
        shown += 1
        if t0 is None:
            t0 = _first_time(capture, pkt)
        detail = args.verbose or args.hexdump
        if detail and not first:
            out.write("\n")
        first = False
        line = summary_line(pkt, t0, _time_digits(capture, pkt), notes.get(pkt.frame.number))
        out.write(line + "\n")
        for path in args.fields:
            found = pkt.get_all(path)
            values = [f.display for f in found]
            if any(values):
                out.write(f"    {path}: {', '.join(values)}\n")
                continue
            if found:  # structures with no value of their own: their subtree
                out.write("".join(f"    {line}\n" for line in tree_lines(pkt, [path])))
                continue
            try:
                pkt[path]
            except (KeyError, DecodeError) as exc:
                if isinstance(exc, DecodeError) or isinstance(exc.__cause__, DecodeError):
                    text = lookup_error_text(exc, pkt.buffer).replace("\n", "\n    ")
                    out.write(f"    {path}: {text}\n")
                    continue
            out.write(f"    {path}: (absent)\n")
        if args.verbose:
            for line in tree_lines(pkt):
                out.write(line + "\n")
        if args.verbose or args.fields:
            for err in pkt.errors:
                out.write(decode_error_text(err, pkt.buffer) + "\n")
        if args.hexdump:
            style = "ansi" if color else "plain"
            dump = pkt.hexdump(highlight=list(args.fields) or None, style=style)
            out.write(str(dump).rstrip("\n") + "\n")
    out.flush()
    warn_if_cut(args, capture, shown)
    return 0


def relative_time(ns: int, digits: int) -> str:
    """``ns`` nanoseconds as seconds with ``digits`` decimals, exactly (no float rounding:
    a nanosecond capture's times need 19 significant digits), cut as tshark cuts them."""
    sign = "-" if ns < 0 else ""
    sec, frac = divmod(abs(ns), 1_000_000_000)
    if digits <= 0:
        return f"{sign}{sec}"
    return f"{sign}{sec}.{frac // 10 ** (9 - digits):0{digits}d}"


def _first_time(capture: Any, pkt: Any) -> int:
    """Time (ns) of the capture's first frame (tshark's relative times count from it)."""
    try:
        return int(capture[0].frame.time_ns)
    except Exception:  # a stream: no random access; count from the first shown packet
        return int(pkt.frame.time_ns)


def _time_digits(capture: Any, pkt: Any) -> int:
    """Decimals of the capture's clock for ``pkt``'s interface (6 when it cannot tell)."""
    digits = getattr(getattr(capture, "records", None), "time_digits", None)
    try:
        return int(digits(pkt.frame.interface_id)) if digits is not None else 6
    except Exception:  # a reader without an index: microseconds, tshark's usual
        return 6
