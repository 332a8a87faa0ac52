"""Options and plumbing shared by the capture-reading subcommands (show, fields, hexdump, compare).

One place for the tshark-like options (``-Y FILTER``, ``-c N``, ``--frame N``, ``--decode-as
RULE``, ``--spec-dir DIR``, ``--color/--no-color``), for opening a capture into packets with the
filter and count applied, for checking field paths against the specs before a scan (a typo is
reported with close matches instead of printing empty columns), for the progress bar shown on
stderr during long scans, and for showing a :class:`~pktscope.errors.DecodeError` the way
STYLE.md "Errors" asks: the message, then the hexdump row of the failing offset with a caret
under the byte.
"""

from __future__ import annotations

# ruff: noqa: PLC0415 - heavy modules (dissect, render, rich) load on use: `pktscope --help` stays fast
import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

from pktscope.capture.open import StreamAccessError
from pktscope.errors import DecodeError, PktscopeError

if TYPE_CHECKING:
    from pktscope.fields.packet import Packet

__all__ = [
    "EXIT_ERROR",
    "EXIT_USAGE",
    "UsageError",
    "add_capture_options",
    "add_color_option",
    "check_paths",
    "checked_filter",
    "decode_error_text",
    "error_row",
    "filter_paths",
    "guarded",
    "iter_packets",
    "layer_sources",
    "lookup_error_text",
    "progress",
    "spec_sources",
    "use_color",
    "warn_if_cut",
]

EXIT_ERROR = 1
EXIT_USAGE = 2

T = TypeVar("T")

# A scan shows a progress bar only past this many frames (short scans would just flicker).
_PROGRESS_MIN = 20_000


class UsageError(PktscopeError):
    """The command line names something that does not exist (a field path, a filter): exit 2."""


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``run`` with :class:`UsageError` shown as ``pktscope: <message>`` and exit status 2
    (other pktscope errors go on to the dispatcher: exit 1)."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except UsageError as exc:
            sys.stdout.flush()
            print(f"pktscope: {exc}", file=sys.stderr)
            return EXIT_USAGE

    wrapper.__doc__ = run.__doc__
    return wrapper


# -- options -----------------------------------------------------------------------------------
def add_capture_options(
    parser: argparse.ArgumentParser,
    *,
    display_filter: bool = True,
    count: bool = True,
    frame: bool = False,
) -> None:
    """Add the options every capture-reading subcommand shares."""
    if display_filter:
        parser.add_argument(
            "-Y",
            "--display-filter",
            metavar="FILTER",
            dest="display_filter",
            help="only packets matching this display filter (e.g. 'dhcp and udp.src_port == 68')",
        )
    if count:
        parser.add_argument(
            "-c",
            "--count",
            metavar="N",
            type=_positive_int,
            help="stop after N (matching) packets",
        )
    if frame:
        parser.add_argument(
            "--frame", metavar="N", type=_positive_int, help="only frame number N (1-based)"
        )
    parser.add_argument(
        "--decode-as",
        metavar="RULE",
        action="append",
        default=[],
        dest="decode_as",
        help="decode a layer's payload with another spec, e.g. 'udp.port==9000:myproto' "
        "(repeatable)",
    )
    parser.add_argument(
        "--spec-dir",
        metavar="DIR",
        action="append",
        default=[],
        dest="spec_dirs",
        help="also look for specs (.ksy) in DIR (repeatable)",
    )


def add_color_option(parser: argparse.ArgumentParser) -> None:
    """``--color`` / ``--no-color``; without either, colour when stdout is a terminal."""
    parser.add_argument(
        "--color",
        "--colour",
        dest="color",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="colour the output (default: when writing to a terminal and NO_COLOR is unset)",
    )


def use_color(args: argparse.Namespace, stream: IO[str] | None = None) -> bool:
    """The colour decision: the explicit flag, else a terminal without ``NO_COLOR``."""
    flag = getattr(args, "color", None)
    if flag is not None:
        return bool(flag)
    if os.environ.get("NO_COLOR"):
        return False
    out = stream if stream is not None else sys.stdout
    isatty = getattr(out, "isatty", None)
    return bool(isatty is not None and isatty())


def _positive_int(text: str) -> int:
    try:
        n = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {n}")
    return n


# -- packets -----------------------------------------------------------------------------------
def open_packets(args: argparse.Namespace, path: str | None = None) -> Any:
    """The capture of ``args.capture`` opened as packets (a ``Capture``), decode-as rules on."""
    from pktscope.dissect.capture import open_capture

    source = path if path is not None else args.capture
    if source != "-" and not Path(source).exists():
        raise PktscopeError(f"cannot open {source}: no such file")
    check_spec_options(args)
    kwargs: dict[str, Any] = {"decode_as": tuple(getattr(args, "decode_as", ()) or ())}
    spec_dirs = tuple(getattr(args, "spec_dirs", ()) or ())
    if spec_dirs:
        kwargs["spec_dirs"] = spec_dirs
    return open_capture(source, **kwargs)


def check_spec_options(args: argparse.Namespace) -> None:
    """Refuse a ``--spec-dir`` that is not a directory and a ``--decode-as`` rule whose
    selector names a field no spec has (``foo.bar==1:dns`` would never match)."""
    from pktscope.dissect.decode_as import parse_rule
    from pktscope.dissect.registry import find_spec

    for d in getattr(args, "spec_dirs", ()) or ():
        if not Path(d).is_dir():
            raise UsageError(f"--spec-dir {d}: not a directory")
    sources = layer_sources(args)
    for text in getattr(args, "decode_as", ()) or ():
        try:
            rule = parse_rule(text)
        except PktscopeError as exc:
            raise UsageError(str(exc)) from None
        for layer, fields in rule.targets:
            try:
                check_paths([f"{layer}.{f}" for f in fields], sources)
            except UsageError as exc:
                raise UsageError(f"--decode-as {text!r}: {exc}") from None
        try:  # a spec that does not load would leave every matching payload as data, silently
            find_spec(rule.spec, tuple(getattr(args, "spec_dirs", ()) or ()))
        except PktscopeError as exc:
            raise UsageError(f"--decode-as {text!r}: {exc}") from None


def compile_display_filter(text: str | None, sources: Mapping[str, str] | None = None) -> Any:
    """The compiled ``-Y`` filter (None without one); a bad filter is a :class:`UsageError`
    whose message shows the filter with a caret under the failing column. Its field paths are
    checked as ``-e`` paths are, and a value that cannot be one of its field's (an enum name
    the enum lacks, a malformed address) is refused, as tshark refuses them."""
    if not text:
        return None
    from pktscope.filter import FilterError

    try:
        return checked_filter(text, sources)
    except FilterError as exc:
        raise UsageError(
            f"bad display filter: {exc}\n  {exc.caret_lines().replace(chr(10), chr(10) + '  ')}"
        ) from exc


def iter_packets(
    args: argparse.Namespace, capture: Any, observe: Callable[[Packet], None] | None = None
) -> Iterator[Packet]:
    """Packets of ``capture`` after ``--frame``, ``-Y`` and ``-c``, with a progress bar on
    stderr for long scans when stderr is a terminal. ``observe`` sees every packet read, in
    order, before the filter (state that earlier frames build, as tshark's single pass)."""
    flt = compile_display_filter(getattr(args, "display_filter", None), layer_sources(args))
    frame_no: int | None = getattr(args, "frame", None)
    limit: int | None = getattr(args, "count", None)
    if frame_no is not None:
        pkt = _frame(args, capture, frame_no)
        if observe is not None:
            observe(pkt)
        if flt is None or flt.matches(pkt):
            yield pkt
        return
    shown = 0
    for pkt in progress(capture, total=_total_if_cheap(capture), label="scanning"):
        if observe is not None:
            observe(pkt)
        if flt is not None and not flt.matches(pkt):
            continue
        yield pkt
        shown += 1
        if limit is not None and shown >= limit:
            return


def warn_if_cut(args: argparse.Namespace, capture: Any, shown: int) -> None:
    """After a scan that read to the end: say on stderr where the file ends early (a record
    cut short), as tshark does; not after ``--frame`` or a ``-c`` that stopped the scan."""
    records = getattr(capture, "records", None)
    warning = getattr(records, "warning", None)
    count = getattr(args, "count", None)
    if warning is not None and shown == 0 and getattr(records, "format", "") is None:
        # not even a file header came (an empty pipe): an error, as for an empty file
        name = "<stdin>" if args.capture == "-" else args.capture
        raise PktscopeError(f"{name}: {warning}")
    if warning is None or getattr(args, "frame", None) is not None:
        return
    if count is not None and shown >= count:
        return
    print(f"pktscope: warning: {args.capture}: {warning}", file=sys.stderr)


def _frame(args: argparse.Namespace, capture: Any, number: int) -> Packet:
    """Frame ``number`` (1-based): by index in a file, by reading up to it in a stream."""
    name = args.capture if args.capture != "-" else "<stdin>"
    try:
        return cast("Packet", capture[number - 1])
    except IndexError:
        warning = getattr(getattr(capture, "records", None), "warning", None)
        cut = f"; the file ends early: {warning}" if warning is not None else ""
        n = len(capture)
        raise PktscopeError(
            f"no frame {number} in {name} ({n} frame{'' if n == 1 else 's'}){cut}"
        ) from None
    except StreamAccessError:
        pass
    seen = 0
    for seen, pkt in enumerate(capture, 1):
        if seen == number:
            return cast("Packet", pkt)
    raise PktscopeError(f"no frame {number} in {name} ({seen} frame{'' if seen == 1 else 's'})")


def _total_if_cheap(capture: Any) -> int | None:
    """The frame count when a progress bar would be shown (indexing is then worth it)."""
    if not _stderr_is_terminal():
        return None
    try:
        return len(capture)
    except (TypeError, PktscopeError):
        return None


def _stderr_is_terminal() -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty is not None and isatty())


def progress(items: Iterable[T], *, total: int | None, label: str) -> Iterator[T]:
    """``items`` unchanged; with a Rich progress bar on stderr when stderr is a terminal and
    the scan is long (``total`` known and large)."""
    if total is None or total < _PROGRESS_MIN or not _stderr_is_terminal():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(file=sys.stderr)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        step = max(1, total // 200)
        for i, item in enumerate(items, 1):
            yield item
            if i % step == 0:
                bar.update(task, completed=i)


# -- field paths -------------------------------------------------------------------------------
_INDEX = re.compile(r"\[-?\d*\]")


def layer_sources(args: argparse.Namespace) -> dict[str, str]:
    """:func:`spec_sources` of the command line's ``--spec-dir`` and ``--decode-as``."""
    return spec_sources(getattr(args, "spec_dirs", ()) or (), getattr(args, "decode_as", ()) or ())


def spec_sources(spec_dirs: Iterable[Any], decode_as: Iterable[str]) -> dict[str, str]:
    """Layers that spec directories and decode-as rules add or override: layer name -> the
    ``.ksy`` path or spec name it is decoded with (the first spec directory that has a name
    wins, as in decoding)."""
    out: dict[str, str] = {}
    for d in spec_dirs:
        for p in sorted(Path(d).glob("*.ksy")):
            out.setdefault(p.stem, str(p))
    for rule in decode_as:
        spec = rule.rpartition(":")[2].strip()
        out.setdefault(Path(spec).stem if _is_spec_path(spec) else spec, spec)
    return out


def _is_spec_path(src: str) -> bool:
    """A spec given as a ``.ksy`` path rather than by name."""
    return src.endswith(".ksy") or "/" in src


def check_paths(paths: Sequence[str], sources: Mapping[str, str] | None = None) -> None:
    """Raise :class:`UsageError` for a path no spec can give, naming close matches.

    A path is checked against the paths its layer's spec can produce (indexes ignored): the
    spec ``sources`` gives for that layer (:func:`layer_sources`), else the bundled one.
    """
    from pktscope.fields.lookup import FRAME_FIELDS, FieldNotFound, parse_path

    for path in paths:
        try:
            steps = parse_path(path)
        except FieldNotFound as exc:
            raise UsageError(str(exc)) from None
        layer = steps[0][0]
        src = sources.get(layer) if sources else None
        if layer == "frame":
            known: list[str] | None = [f"frame.{n}" for n in FRAME_FIELDS]
        elif src is not None:
            known = _source_paths(layer, src)
        else:
            known = _spec_paths(layer)
        if known is None and src is not None:
            where = "the --spec-dir directories or the bundled specs"
            raise UsageError(_unknown(path, f"no spec {layer!r} in {where}", ()))
        if known is None:
            layers = [*_spec_ids(), *(sources or ()), "frame"]
            hint = _close(layer, layers, 3, 0.5)
            raise UsageError(_unknown(path, f"no protocol {layer!r}", hint))
        plain = _INDEX.sub("", path)
        if plain in known or len(steps) > 5:
            continue  # deeper than the suggestion walk goes: let the lookup decide
        hint = [_with_indexes(h, path) for h in _close(plain, known, 5, 0.6)]
        raise UsageError(_unknown(path, "no such field", hint))


def checked_filter(text: str, sources: Mapping[str, str] | None = None) -> Any:
    """``text`` compiled as a display filter, its field paths and values checked against the
    specs (``sources``: :func:`layer_sources`); any problem is a
    :class:`~pktscope.errors.FilterError` pointing at its column."""
    from pktscope.errors import FilterError
    from pktscope.filter import compile_filter

    flt = compile_filter(text)
    for path in filter_paths(flt):
        if path == "frame":  # every packet has its frame (tshark: `frame` matches all)
            continue
        try:
            check_paths([path], sources)
        except UsageError as exc:
            col = text.find(path) + 1 or 1
            raise FilterError(str(exc), text=text, col=col) from None
    check_filter_values(flt, sources)
    return flt


def check_filter_values(flt: Any, sources: Mapping[str, str] | None = None) -> None:
    """Raise :class:`~pktscope.errors.FilterError` at a comparison value that its field can
    never hold: a name its enum lacks, or text that is no address of an address field."""
    import ipaddress

    from pktscope.errors import FilterError
    from pktscope.fields.lookup import parse_path, path_meta
    from pktscope.fields.schema import resolve_qualname
    from pktscope.filter.parser import Compare

    for node in _filter_nodes(flt.node):
        if not isinstance(node, Compare) or node.op == "matches":
            continue
        steps = parse_path(node.path)
        cls = _layer_class(steps[0][0], sources)
        found = path_meta(cls, [name for name, _ in steps[1:]]) if cls is not None else None
        if found is None:
            continue
        owner, meta = found
        lit = node.literal
        text = lit.text
        problem = _literal_problem(meta, node.op, text, quoted=lit.quoted)
        if problem is not None:
            raise FilterError(f"{problem} (for {node.path})", text=flt.text, col=lit.col)
        if node.op == "contains" or (lit.quoted and meta.enum is None):
            continue
        if meta.enum is not None:
            try:
                int(text, 0)
                continue
            except ValueError:
                pass
            members = getattr(resolve_qualname(owner, meta.enum), "__members__", None)
            if members and text.lower() not in {m.lower() for m in members}:
                shown = ", ".join(list(members)[:8]) + (", ..." if len(members) > 8 else "")
                raise FilterError(
                    f"{text!r} is no value of {node.path} (a number, or a name: {shown})",
                    text=flt.text,
                    col=lit.col,
                )
        elif meta.display_hint in ("ipv4", "ipv6"):
            version = 4 if meta.display_hint == "ipv4" else 6
            try:
                ok = ipaddress.ip_network(text, strict=False).version == version
            except ValueError:
                ok = False
            if not ok:
                raise FilterError(
                    f"{text!r} is not an IPv{version} address or network (for {node.path})",
                    text=flt.text,
                    col=lit.col,
                )


def _literal_problem(meta: Any, op: str, text: str, *, quoted: bool) -> str | None:
    """Why a filter literal can never compare with a field (``meta``), as tshark refuses it:
    text or a non-integer for an integer field, a number out of its type's range, bytes of
    another size than a fixed-size byte field's; None when it may."""
    from pktscope.filter.evaluate import bytes_literal
    from pktscope.spec.types import int_range

    t = meta.type or ""
    width = int_range(t)
    if width is not None and meta.display_hint != "ipv4":
        if op == "contains":
            return f"contains needs a field of bytes or text; this one is an integer ({t})"
        if quoted and meta.enum is not None:
            return None  # a name of its enum, quoted: checked by the caller
        if quoted:
            return f"{text!r} is text; the field is an integer ({t})"
        try:
            value = int(text, 0)
        except ValueError:
            if meta.enum is not None:
                return None  # a name of its enum: checked by the caller
            return f"{text!r} is not an integer ({t})"
        lo, hi = width
        if not lo <= value <= hi:
            return f"{text} is out of range for a {t} ({lo}..{hi})"
        return None
    if meta.display_hint == "mac" and not quoted:
        data = bytes_literal(text)
        if data is None:
            return f"{text!r} is not a MAC address (bytes such as 00:0b:82:01:fc:42)"
        if op != "contains" and meta.size is not None and len(data) != meta.size:
            unit = "byte" if len(data) == 1 else "bytes"
            return f"{text!r} is {len(data)} {unit}; the field holds {meta.size}"
    return None


def _layer_class(layer: str, sources: Mapping[str, str] | None) -> type | None:
    """The root class that decodes layer ``layer`` (None: frame fields or no such spec)."""
    from pktscope.dissect.registry import load_spec

    src = sources.get(layer) if sources else None
    try:
        if src is not None and _is_spec_path(src):
            return load_spec(Path(src))
        if layer in _spec_ids():
            return load_spec(layer)
    except PktscopeError:
        return None
    return None


def _filter_nodes(node: Any) -> Iterator[Any]:
    """Every node of a filter's AST."""
    from pktscope.filter.parser import And, Not, Or

    yield node
    if isinstance(node, Not):
        yield from _filter_nodes(node.operand)
    elif isinstance(node, And | Or):
        for sub in node.operands:
            yield from _filter_nodes(sub)


def filter_paths(flt: Any) -> list[str]:
    """The field paths a compiled display filter reads."""
    from pktscope.filter.parser import Compare, Present

    return [n.path for n in _filter_nodes(flt.node) if isinstance(n, Present | Compare)]


def _with_indexes(suggestion: str, typed: str) -> str:
    """``suggestion`` (a path without indexes) with the indexes the user typed put back on
    the steps they share by position: ``dhcp.options[2].cod`` → ``dhcp.options[2].code``."""
    steps = typed.split(".")
    out = []
    for i, step in enumerate(suggestion.split(".")):
        if i < len(steps):
            m = _INDEX.search(steps[i])
            if m is not None and _INDEX.sub("", steps[i]) == step:
                step += m.group(0)
        out.append(step)
    return ".".join(out)


def _close(word: str, choices: Sequence[str], n: int, cutoff: float) -> list[str]:
    import difflib  # only for a path that is wrong: a scan starts without it

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)


def _unknown(path: str, why: str, hint: Sequence[str]) -> str:
    text = f"unknown field path {path!r}: {why}"
    if hint:
        text += "; did you mean: " + ", ".join(hint)
    return text


def _spec_ids() -> list[str]:
    specs = Path(__file__).resolve().parents[1] / "specs"
    return sorted(p.stem for p in specs.glob("*.ksy"))


def _source_paths(layer: str, src: str) -> list[str] | None:
    """Every path of layer ``layer`` decoded with ``src`` (a ``.ksy`` path or spec name)."""
    from pktscope.dissect.registry import load_spec
    from pktscope.fields.lookup import schema_paths

    if not _is_spec_path(src):
        return _spec_paths(src) if src == layer else None
    try:
        cls = load_spec(Path(src))
    except PktscopeError as exc:
        raise UsageError(f"spec of layer {layer!r} does not load: {exc}") from None
    return [layer, *schema_paths(cls, layer, depth=4)]


def _spec_paths(layer: str) -> list[str] | None:
    """Every path of the bundled spec ``layer`` (``None`` when there is no such spec)."""
    if layer not in _spec_ids():
        return None
    from pktscope.dissect.registry import load_spec
    from pktscope.fields.lookup import schema_paths

    cls = load_spec(layer)
    return [layer, *schema_paths(cls, layer, depth=4)]


# -- errors ------------------------------------------------------------------------------------
def error_row(buf: bytes | bytearray | memoryview, offset: int) -> str:
    """The classic hexdump row holding ``offset`` and a caret line under that byte.

    An offset at or past the end of the data (a truncation) points just after the last byte.

    >>> print(error_row(bytes(range(20)), 17))
    00000010: 10 11 12 13                                       ....
                 ^
    """
    from pktscope.render.hexdump import dump_lines

    data = bytes(buf)
    if not data:
        return f"{offset:08X}: (no bytes)\n          ^"
    at = min(offset, len(data))
    row = (at if at < len(data) else len(data) - 1) // 16 * 16
    line = next(dump_lines(data, fmt="classic", start=row, end=row + 16, base_offset=0))
    col = at - row
    caret = 10 + 3 * col + (1 if col >= 8 else 0)
    return f"{line}\n{' ' * caret}^"


def lookup_error_text(exc: Exception, buf: bytes | bytearray | memoryview) -> str:
    """A failed ``pkt[path]`` as the CLI shows it: the message, and when a decode error caused
    it, the hexdump row of the failing offset with a caret."""
    if isinstance(exc, DecodeError):
        return decode_error_text(exc, buf)
    cause = exc.__cause__
    text = str(exc)
    if isinstance(cause, DecodeError) and cause.offset is not None:
        text += "\n" + error_row(buf, cause.offset)
    return text


def decode_error_text(err: DecodeError, buf: bytes | bytearray | memoryview | None) -> str:
    """``err`` as the CLI shows it: the message, then the failing row with a caret."""
    head = f"decode error: {err}"
    if buf is None or err.offset is None:
        return head
    return f"{head}\n{error_row(buf, err.offset)}"
