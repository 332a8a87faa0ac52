"""``pktscope fields CAPTURE -e PATH ...``: chosen fields of every packet, as text columns or JSON.

The ``tshark -T fields`` of pktscope. Each packet gives one line; each ``-e`` path one column
holding every occurrence of the field in the packet, comma-joined (an unindexed array step means
every element: ``-e dns.queries.name``). ``--json`` prints one JSON object per packet (JSON lines)
whose keys are the requested paths: a single occurrence as a scalar, several as a list, none as
null. Values follow DESIGN.md "Value rendering" (MAC, dotted IPv4, RFC 5952 IPv6, bytes as
contiguous lowercase hex, enums as their integer or with ``--names`` their name). Only the layers
the paths reach are decoded (the field model is lazy per layer).

``-E`` takes tshark's options: ``header=y``, ``separator=,`` (``/t`` tab, ``/s`` space),
``aggregator=;``, ``quote=d|s|n``, ``occurrence=f|l|a``.

When every path is a plain ``layer.field`` of a bundled spec and no filter, frame choice or
decode-as rule is given, a field-extraction plan (:mod:`pktscope.extract`) reads just the bytes
the paths need from each frame; a frame it cannot vouch for goes through the full decode, so the
output is the same either way. ``PKTSCOPE_FIELDS_SLOW=1`` turns the plan off.
"""

from __future__ import annotations

# ruff: noqa: PLC0415 - heavy modules (dissect, render, rich) load on use: `pktscope --help` stays fast
import argparse
import contextlib
import enum
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, NamedTuple

from pktscope.commands._common import (
    UsageError,
    add_capture_options,
    check_paths,
    guarded,
    iter_packets,
    layer_sources,
    open_packets,
    warn_if_cut,
)

__all__ = [
    "Column",
    "Format",
    "add_parser",
    "field_json",
    "field_text",
    "format_row",
    "occurrences",
    "row_text",
    "run",
]

_SEPARATORS = {"/t": "\t", "/s": " "}


class Format(NamedTuple):
    """The ``-E`` options: column separator, occurrence joiner, quoting, occurrence choice."""

    header: bool = False
    separator: str = "\t"
    aggregator: str = ","
    quote: str = ""
    occurrence: str = "a"


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "fields",
        help="print chosen fields of every packet (like tshark -T fields)",
        description="Print the fields named by -e PATH for every packet: tab-separated text, "
        "or JSON lines with --json.",
    )
    p.add_argument("capture", metavar="CAPTURE", help="pcap or pcapng file ('-' for stdin)")
    p.add_argument(
        "-e",
        "--field",
        metavar="PATH",
        action="append",
        dest="paths",
        required=True,
        help="field path, e.g. dhcp.chaddr, dns.queries.name (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per packet")
    p.add_argument("--names", action="store_true", help="enums by name instead of number")
    p.add_argument(
        "-E",
        metavar="OPT=VALUE",
        action="append",
        default=[],
        dest="format_opts",
        help="header=y|n, separator=C (/t, /s), aggregator=C, quote=d|s|n, occurrence=f|l|a",
    )
    p.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        type=int,
        default=None,
        help="worker processes for a large pcap file (default: one per CPU core from "
        f"{PARALLEL_MIN_BYTES >> 20} MiB up; 1 = none)",
    )
    add_capture_options(p, frame=True)
    p.set_defaults(run=guarded(run))


def parse_format(opts: Sequence[str]) -> Format:
    """``["header=y", "separator=,"]`` → :class:`Format`; a bad option is a UsageError."""
    values: dict[str, Any] = {}
    for opt in opts:
        key, eq, val = opt.partition("=")
        if not eq:
            raise UsageError(f"bad -E option {opt!r}: expected NAME=VALUE")
        if key == "header":
            if val not in ("y", "n"):
                raise UsageError(f"bad -E header value {val!r}: expected y or n")
            values["header"] = val == "y"
        elif key in ("separator", "aggregator"):
            values[key] = _SEPARATORS.get(val, val)
        elif key == "quote":
            if val not in ("d", "s", "n"):
                raise UsageError(f"bad -E quote value {val!r}: expected d, s or n")
            values["quote"] = {"d": '"', "s": "'", "n": ""}[val]
        elif key == "occurrence":
            if val not in ("f", "l", "a"):
                raise UsageError(f"bad -E occurrence value {val!r}: expected f, l or a")
            values["occurrence"] = val
        else:
            raise UsageError(
                f"unknown -E option {key!r}: use header, separator, aggregator, quote, occurrence"
            )
    return Format(**values)


# -- values ------------------------------------------------------------------------------------
def field_text(field: Any, names: bool = False) -> str:
    """A field as ``fields`` prints it: ``display_plain`` (enum numbers), or enum names."""
    if names:
        value = field.value
        if isinstance(value, enum.Enum):
            return str(value.name)
    text = field.display_plain
    if not text and field.has_bytes and not isinstance(field.value, str | int):
        return str(field.hex())  # a structure without a value of its own: its bytes
    return str(text)


def field_json(field: Any, names: bool = False) -> Any:
    """A field as a JSON value: numbers stay numbers, enums their integer (or name), booleans
    true/false, everything else its display text (MAC, IP, hex bytes, strings)."""
    value = field.value
    if isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return str(value.name) if names else _enum_int(value)
    if isinstance(value, int):
        hint = field.meta.display_hint if field.meta is not None else None
        return field.display_plain if hint in ("ipv4", "ipv6", "mac") else value
    if isinstance(value, float):
        return value
    if isinstance(value, list) and field.meta is None:  # frame.errors
        return [str(v) for v in value]
    return field_text(field, names)


def _enum_int(value: enum.Enum) -> Any:
    v = value.value
    return v if isinstance(v, int) else str(v)


def occurrences(pkt: Any, path: str) -> list[Any]:
    """Every field ``path`` names in ``pkt``; a ``frame.*`` item is one field even when its
    value is a list (``frame.errors``), which ``get_all`` would expand into no children."""
    if path.startswith("frame."):
        f = pkt.get(path)
        return [] if f is None else [f]
    return list(pkt.get_all(path))


def format_row(
    pkt: Any,
    paths: Sequence[str],
    fmt: Format,
    names: bool = False,
) -> str:
    """One text line (no newline) for ``pkt``."""
    return row_text(pkt, [Column(p, names) for p in paths], fmt)


def row_text(pkt: Any, columns: Sequence[Column], fmt: Format) -> str:
    """One text line (no newline) for ``pkt`` from compiled :class:`Column` plans."""
    cols = []
    q = fmt.quote
    for column in columns:
        found = column.texts(pkt)
        if fmt.occurrence == "f":
            found = found[:1]
        elif fmt.occurrence == "l":
            found = found[-1:]
        text = fmt.aggregator.join(found)
        cols.append(f"{q}{text}{q}" if q and found else text)
    return fmt.separator.join(cols)


_GENERIC: Any = object()


class Column:
    """One ``-e PATH`` compiled once: its texts in a packet, in order.

    A ``layer.field`` path (no index) reads the field straight from each matching layer's
    root object (or, on a layer not decoded yet, from its fixed offset) and renders it without
    building :class:`~pktscope.fields.field.Field` objects; anything else (deeper paths,
    aliases, arrays, structures, ``frame.*``) goes through the field model
    (:func:`occurrences`), which also takes over whenever the short way meets something it
    does not render itself, so both give the same text.
    """

    __slots__ = ("_by_class", "field", "layer", "names", "path")

    def __init__(self, path: str, names: bool = False) -> None:
        from pktscope.fields.lookup import FieldNotFound, parse_path

        self.path = path
        self.names = names
        self.layer: str | None = None
        self.field = ""
        try:
            steps = parse_path(path)
        except FieldNotFound:
            steps = ()
        plain = len(steps) == 2 and steps[0][1] is None and steps[1][1] is None
        if plain and steps[0][0] != "frame":
            self.layer, self.field = steps[0][0], steps[1][0]
        self._by_class: dict[type, Any] = {}

    def texts(self, pkt: Any) -> list[str]:
        """The rendered occurrences of the path in ``pkt``."""
        name = self.layer
        if name is not None:
            out: list[str] = []
            for layer in pkt.all_layers():
                if layer.name == name:
                    text = self._layer_text(pkt, layer)
                    if text is _GENERIC:
                        break
                    if text is not None:
                        out.append(text)
            else:
                return out
        names = self.names
        return [field_text(f, names) for f in occurrences(pkt, self.path)]

    def _layer_text(self, pkt: Any, layer: Any) -> Any:
        """The field's text in ``layer``, None when absent, _GENERIC to ask the field model."""
        cls = layer.cls
        facts = self._by_class.get(cls)
        if facts is None:
            from pktscope.fields import lookup, peek, schema

            meta = schema.type_info(cls).lookup(self.field)
            slot = peek._static_slot(cls, self.field)
            from pktscope.render.display import display_value

            hint = meta.display_hint if meta is not None else None
            size = meta.size if meta is not None else None
            facts = (meta, slot, lookup.get_value, lookup._MISSING, schema.is_struct)
            facts += (display_value, hint, size, peek.peek_alias)
            self._by_class[cls] = facts
        meta, slot, get_value, missing, is_struct, display_value, hint, size, peek_alias = facts
        data = layer._data
        if meta is None:  # an alias (searched on a prefix), or no such field
            if data is None:
                return _GENERIC
            hit = peek_alias(pkt, layer, ((layer.name, None), (self.field, None)))
            return _GENERIC if hit is None else field_text(hit, self.names)
        if data is not None:  # not decoded yet: a field at a fixed offset, else decode
            if slot is None or slot[4] > len(data):
                return _GENERIC
            value = slot[3](data[slot[0] : slot[0] + slot[1]])
        else:
            root = layer.root
            if root is None:
                return None
            value = get_value(root, meta, layer, None)
            if value is missing:
                return None
        if isinstance(value, list) or is_struct(value):
            return _GENERIC
        if self.names and isinstance(value, enum.Enum):
            return str(value.name)
        # what display_of() gives for a scalar: the shared renderer with the field's hint
        text = display_value(value, hint, enum_names=False, size=size)
        return text if text else _GENERIC


def json_row(pkt: Any, paths: Sequence[str], names: bool = False) -> str:
    """One JSON object (one line) for ``pkt``, keys = ``paths``."""
    obj: dict[str, Any] = {}
    for path in paths:
        found = occurrences(pkt, path)
        if not found:
            obj[path] = None
        elif len(found) == 1:
            obj[path] = field_json(found[0], names)
        else:
            obj[path] = [field_json(f, names) for f in found]
    import json

    return json.dumps(obj, ensure_ascii=False)


# -- command -----------------------------------------------------------------------------------
def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
    out = out if out is not None else sys.stdout
    paths: list[str] = list(args.paths)
    fmt = parse_format(args.format_opts)
    if _fast_allowed(args):
        from pktscope.commands.fields_frames import split_frame_paths
        from pktscope.extract.cache import load_extractor

        split = split_frame_paths(paths)
        planned = paths if split is None else split[2]
        if split is not None and not planned:
            check_paths(paths)
            return _run_frames_only(args, split[1], fmt, out)
        extractor = load_extractor(planned, before_build=lambda: check_paths(paths))
        if extractor is not None:
            return _run_fast(args, paths, fmt, extractor, out, split)
    check_paths(paths, layer_sources(args))
    capture = open_packets(args)
    row: Callable[[Any], str]
    if args.json:

        def row(pkt: Any) -> str:
            return json_row(pkt, paths, args.names)

    else:
        if fmt.header:
            out.write(fmt.separator.join(paths) + "\n")
        columns = [Column(p, args.names) for p in paths]

        def row(pkt: Any) -> str:
            return row_text(pkt, columns, fmt)

    batch: list[str] = []
    write = out.write
    rows = 0
    for pkt in iter_packets(args, capture):
        batch.append(row(pkt))
        rows += 1
        if len(batch) >= 512:
            batch.append("")
            write("\n".join(batch))
            batch = []
    if batch:
        batch.append("")
        write("\n".join(batch))
    out.flush()
    warn_if_cut(args, capture, rows)
    return 0


FAST_ENV = "PKTSCOPE_FIELDS_SLOW"
PARALLEL_MIN_BYTES = 64 << 20  # below this (~200,000 frames) forking costs what it saves
PARALLEL_MIN_FRAMES = 200_000  # the same for ``-c N``
MAX_AUTO_JOBS = 8
PROGRESS_MIN_BYTES = 32 << 20  # a bar for scans long enough to wait for


def jobs_for(args: argparse.Namespace, size: int) -> int:
    """Worker processes for a capture file of ``size`` bytes: ``--jobs``, else one per
    usable core for a large file (``-c`` small enough keeps one)."""
    jobs: int | None = getattr(args, "jobs", None)
    if jobs is not None:
        if jobs < 1:
            raise UsageError(f"--jobs must be at least 1, not {jobs}")
        return jobs
    if size < PARALLEL_MIN_BYTES:
        return 1
    if args.count is not None and args.count < PARALLEL_MIN_FRAMES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_JOBS))


def _fast_allowed(args: argparse.Namespace) -> bool:
    """The extraction plan serves plain reads of a capture file: no ``-Y``, ``--frame``,
    decode-as rules or spec directories (those keep the full decode for the whole run)."""
    if os.environ.get(FAST_ENV):
        return False
    if getattr(args, "display_filter", None) or getattr(args, "frame", None) is not None:
        return False
    if args.decode_as or args.spec_dirs:
        return False
    return bool(args.capture) and args.capture != "-"


def _run_fast(  # noqa: PLR0917 - the command's facts
    args: argparse.Namespace,
    all_paths: list[str],
    fmt: Format,
    extractor: Any,
    out: IO[str],
    split: tuple[str, list[str], list[str]] | None = None,
) -> int:
    from pathlib import Path

    from pktscope.commands.fields_frames import FrameColumns
    from pktscope.errors import PktscopeError
    from pktscope.extract.render import RowCode, json_row_code, text_row_code
    from pktscope.extract.scan import scan

    if not Path(args.capture).exists():
        raise PktscopeError(f"cannot open {args.capture}: no such file")
    paths = all_paths if split is None else split[2]  # the plan's columns
    frames = None
    if split is not None:  # frame.* columns first or last: from the records, beside the plan
        frames = FrameColumns(args.capture, split[0], split[1], json_rows=bool(args.json))
        frames.text_format(fmt.separator, fmt.quote)
    names = bool(args.names)
    row: RowCode
    slow_row: Callable[[Any], str]
    if args.json:
        row = json_row_code(paths, extractor.facts, names)

        def slow_row(pkt: Any) -> str:
            return json_row(pkt, paths, names)

    else:
        if fmt.header:
            out.write(fmt.separator.join(all_paths) + "\n")
        row = text_row_code(
            list(extractor.facts),
            names,
            separator=fmt.separator,
            aggregator=fmt.aggregator,
            quote=fmt.quote,
            occurrence=fmt.occurrence,
        )
        columns: list[Column] = []

        def slow_row(pkt: Any) -> str:
            if not columns:
                columns.extend(Column(p, names) for p in paths)
            return row_text(pkt, columns, fmt)

    size = Path(args.capture).stat().st_size
    jobs = jobs_for(args, size)
    out.flush()  # forked workers must not inherit unwritten output
    try:
        with _byte_progress(size) as tick:
            stats = scan(
                args.capture,
                extractor,
                row=row,
                slow_row=slow_row,
                limit=args.count,
                write=out.write if frames is None else frames.writer(out.write),
                jobs=jobs,
                tick=tick,
            )
    finally:
        if frames is not None:
            frames.close()
    out.flush()
    if stats.cut:
        _warn_cut(args.capture)
    return 0


def _run_frames_only(args: argparse.Namespace, paths: list[str], fmt: Format, out: IO[str]) -> int:
    """Only record-only ``frame.*`` columns: the records give every value, nothing decodes."""
    from pktscope.commands.fields_frames import FrameColumns

    if fmt.header and not args.json:
        out.write(fmt.separator.join(paths) + "\n")
    frames = FrameColumns(args.capture, "lead", paths, json_rows=bool(args.json))
    frames.text_format(fmt.separator, fmt.quote)
    rows = 0
    batch: list[str] = []
    try:
        for line in frames.lines(args.count):
            batch.append(line)
            rows += 1
            if len(batch) >= 4096:
                batch.append("")
                out.write("\n".join(batch))
                batch = []
        warning = frames.warning
    finally:
        frames.close()
    if batch:
        batch.append("")
        out.write("\n".join(batch))
    out.flush()
    if warning is not None and (args.count is None or rows < args.count):
        print(f"pktscope: warning: {args.capture}: {warning}", file=sys.stderr)
    return 0


def _warn_cut(path: str) -> None:
    """The capture package's account of where ``path`` ends early, on stderr."""
    from pktscope.capture.open import open_records

    with open_records(path) as rf:
        rf.index_all()
        warning = rf.warning
    if warning is not None:
        print(f"pktscope: warning: {path}: {warning}", file=sys.stderr)


@contextlib.contextmanager
def _byte_progress(size: int) -> Iterator[Callable[[int], object] | None]:
    """A progress bar over the file's bytes on stderr (a terminal, a large file), fed with
    the offset each chunk reached; None otherwise."""
    isatty = getattr(sys.stderr, "isatty", None)
    if size < PROGRESS_MIN_BYTES or isatty is None or not isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    with Progress(
        "scanning",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("scan", total=size)
        yield lambda offset: bar.update(task, completed=offset)
