"""Hexdumps as text, ANSI, HTML, into strings, streams and writable buffers.

The one entry point for every front end. Formats (``fmt``) are the layouts of
:mod:`pktscope.render.layout`: ``classic`` (the ``hexdump`` package), ``canonical``
(``hexdump -C``) and ``xxd``, each byte-identical to its reference when nothing is
highlighted. ``data[start:end]`` is dumped and the offset column shows ``base_offset +
position``: pass a whole packet with ``start``/``end`` (or a field's bytes with
``base_offset=field.offset``) and the offsets are the field's absolute ones.

Text always ends each line (the last one too) with ``\\n``, as ``xxd``, ``hexdump -C`` and the
package's ``print`` do. The PyPI ``hexdump`` package's own API (``hexdump``, ``dump``,
``dumpgen``, ``dehex``, ``restore``) is re-exported from :mod:`pktscope.render.hexdump_compat`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import IO, Any, BinaryIO

from pktscope.render.hexdump_compat import dehex, dump, dumpgen, hexdump, restore
from pktscope.render.highlight import Highlight, legend_lines, marker_line, owners
from pktscope.render.layout import BYTES_PER_LINE, FORMATS, get_layout, iter_blocks, window

__all__ = [
    "FORMATS",
    "Highlight",
    "dehex",
    "dump",
    "dump_lines",
    "dump_text",
    "dumpgen",
    "hexdump",
    "hexdump_to",
    "render_hexdump",
    "restore",
]

Data = bytes | bytearray | memoryview
STYLES = ("plain", "ansi", "html")


def dump_lines(
    data: Data,
    *,
    fmt: str = "classic",
    base_offset: int = 0,
    start: int = 0,
    end: int | None = None,
) -> Iterator[str]:
    """The lines (without newline) of the dump of ``data[start:end]``.

    >>> list(dump_lines(b"pktscope", fmt="xxd", base_offset=0x2a))
    ['0000002a: 706b 7473 636f 7065                      pktscope']
    """
    for block in iter_blocks(data, get_layout(fmt), base_offset=base_offset, start=start, end=end):
        yield from block.decode("ascii").split("\n")[:-1]


def dump_text(
    data: Data,
    *,
    fmt: str = "classic",
    base_offset: int = 0,
    start: int = 0,
    end: int | None = None,
) -> str:
    """The whole dump of ``data[start:end]`` as one string, every line ending in a newline."""
    layout = get_layout(fmt)
    blocks = iter_blocks(data, layout, base_offset=base_offset, start=start, end=end)
    return "".join(block.decode("ascii") for block in blocks)


def _check(fmt: str, style: str) -> None:
    get_layout(fmt)
    if style not in STYLES:
        raise ValueError(f"unknown hexdump style {style!r} (known: {', '.join(STYLES)})")


def _plain_highlighted(
    buf: bytes,
    fmt: str,
    highlights: Sequence[Highlight],
    *,
    base_offset: int,
    start: int,
    end: int,
    legend: bool,
) -> str:
    layout = get_layout(fmt)
    # markers need every row: no "*" folding when something is highlighted
    flat = dataclasses.replace(layout, fold=False)
    lo = max(start, min(h.start for h in highlights) - base_offset)
    hi = min(end, max(h.end for h in highlights) - base_offset)
    owner = owners(highlights, lo + base_offset, hi + base_offset) if lo < hi else []
    out: list[str] = []
    pos = start
    for block in iter_blocks(buf, flat, base_offset=base_offset, start=start, end=end):
        for line in block.decode("ascii").split("\n")[:-1]:
            out.append(line)
            row_end = min(end, pos + BYTES_PER_LINE)
            if pos < hi and row_end > lo:
                row_owner = [owner[i - lo] if lo <= i < hi else -1 for i in range(pos, row_end)]
                width = max(8, len(f"{base_offset + pos:x}"))
                mark = marker_line(flat, width, row_owner, highlights)
                if mark:
                    out.append(mark)
            pos = row_end
    if layout.fold and end > start:
        out.append(layout.offset_text(base_offset + end))
    if legend:
        out.extend(legend_lines(highlights))
    return "\n".join(out) + "\n" if out else ""


def render_hexdump(
    data: Data,
    *,
    fmt: str = "classic",
    highlights: Sequence[Highlight] = (),
    style: str = "plain",
    base_offset: int = 0,
    start: int = 0,
    end: int | None = None,
    legend: bool = True,
    file: IO[str] | None = None,
    color_system: str = "auto",
) -> str:
    """The dump of ``data[start:end]`` with ``highlights`` marked, as ``style`` says.

    ``plain``: text; without highlights byte-identical to the reference of ``fmt``; with them,
    a marker line under each row holding highlighted bytes and (``legend``) a key per
    highlight. ``ansi``: colours through Rich (the same row ``Text`` the TUI draws). ``html``:
    a ``<pre>`` with inline styles and a legend table, for Jupyter.

    ``color_system`` (ANSI only) is Rich's: ``"auto"`` follows ``COLORTERM``/``TERM``.
    With ``file`` the text is written there (a plain dump without highlights streams block by
    block) and ``""`` is returned.
    """
    _check(fmt, style)
    buf, start, end, shift = window(data, start, end)
    base_offset += shift
    if style == "plain" and not highlights:
        if file is not None:
            for block in iter_blocks(
                buf, get_layout(fmt), base_offset=base_offset, start=start, end=end
            ):
                file.write(block.decode("ascii"))
            return ""
        text = dump_text(buf, fmt=fmt, base_offset=base_offset, start=start, end=end)
    elif style == "plain":
        text = _plain_highlighted(
            buf,
            fmt,
            highlights,
            base_offset=base_offset,
            start=start,
            end=end,
            legend=legend,
        )
    elif style == "ansi":
        from pktscope.render.rich import hexdump_ansi  # noqa: PLC0415 - Rich only when asked

        text = hexdump_ansi(
            buf,
            fmt=fmt,
            highlights=highlights,
            base_offset=base_offset,
            start=start,
            end=end,
            legend=legend,
            color_system=color_system,
        )
    else:
        from pktscope.render.html import hexdump_html  # noqa: PLC0415 - Rich only when asked

        text = hexdump_html(
            buf,
            fmt=fmt,
            highlights=highlights,
            base_offset=base_offset,
            start=start,
            end=end,
            legend=legend,
        )
    if file is not None:
        file.write(text)
        return ""
    return text


def hexdump_to(buffer: bytearray | BinaryIO, data: Data, **options: Any) -> int:
    """Write the dump (``render_hexdump`` options) as UTF-8 into ``buffer``; bytes written.

    ``buffer`` is a ``bytearray`` (appended to) or a writable binary stream. A plain dump
    without highlights is written block by block, never held whole in memory.
    """
    if not isinstance(buffer, bytearray) and not hasattr(buffer, "write"):
        raise TypeError(
            f"hexdump_to needs a bytearray or a writable binary stream, got {type(buffer).__name__}"
        )
    fmt = options.get("fmt", "classic")
    style = options.get("style", "plain")
    _check(fmt, style)
    written = 0
    if style == "plain" and not options.get("highlights"):
        unknown = set(options) - {"fmt", "style", "base_offset", "start", "end", "legend"}
        if unknown:
            raise TypeError(f"hexdump_to: unexpected options {sorted(unknown)}")
        blocks = iter_blocks(
            data,
            get_layout(fmt),
            base_offset=options.get("base_offset", 0),
            start=options.get("start", 0),
            end=options.get("end"),
        )
        for block in blocks:
            if isinstance(buffer, bytearray):
                buffer += block
            else:
                buffer.write(block)
            written += len(block)
        return written
    encoded = render_hexdump(data, **options).encode("utf-8")
    if isinstance(buffer, bytearray):
        buffer += encoded
    else:
        buffer.write(encoded)
    return len(encoded)
