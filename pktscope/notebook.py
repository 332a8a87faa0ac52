"""Jupyter display: packets and fields as HTML (field tree + hexdump), captures as DataFrames.

``Packet._repr_html_`` and ``Field._repr_html_`` call :func:`packet_html` / :func:`field_html`:
a field tree (nested ``<details>``, no JavaScript, inline styles only, so it survives notebook
sanitizers and static exports) beside the frame's hexdump from :mod:`pktscope.render.html`
with the selected field coloured. :func:`to_dataframe` (also ``Capture.to_dataframe``) turns
field paths into DataFrame columns when pandas is installed.

>>> pkt = pktscope.open_capture("dhcp.pcap")[0]          # doctest: +SKIP
>>> pkt["dhcp.chaddr"]  # in Jupyter: tree + coloured bytes        # doctest: +SKIP
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pktscope.errors import PktscopeError
from pktscope.render.highlight import Highlight
from pktscope.render.html import hexdump_html
from pktscope.render.tree import TreeRow, field_rows, frame_line

if TYPE_CHECKING:
    from pktscope.fields.field import Field
    from pktscope.fields.packet import Packet

__all__ = ["field_html", "packet_html", "to_dataframe"]

_BOX = (
    "font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; "
    "line-height: 1.35"
)
_ROW = "margin-left: 1.2em"


def _row_html(row: TreeRow, selected: str | None) -> str:
    label = html.escape(row.label)
    if "computed" in row.flags:
        label = f"<i>[{label}]</i>"
    elif row.depth == 0:
        label = f"<b>{label}</b>"
    parts = [label]
    if row.value:
        value = row.value if len(row.value) <= 96 else row.value[:93] + "..."
        parts.append(f': <span style="color: #1f6feb">{html.escape(value)}</span>')
    if row.where:
        parts.append(f' <span style="color: #888">{html.escape(row.where)}</span>')
    bad = [f for f in row.flags if f in ("malformed", "truncated")]
    if bad:
        parts.append(f' <b style="color: #d73a49">&lt;{", ".join(bad)}&gt;</b>')
    text = "".join(parts)
    if selected is not None and row.field.path == selected:
        text = f'<span style="background: #fff3b0">{text}</span>'
    return text


def _row_notes_html(row: TreeRow) -> str:
    """A layer row's error and note, as blocks (after the row's ``<summary>``: a summary
    holds phrasing content only)."""
    extra = ""
    if row.error is not None:
        extra += f'<div style="{_ROW}; color: #d73a49">{html.escape(row.error)}</div>'
    if row.note is not None:
        extra += f'<div style="{_ROW}; color: #9a6700">note: {html.escape(row.note)}</div>'
    return extra


def _tree_html(roots: Sequence[Field], selected: str | None, open_depth: int = 1) -> str:
    out: list[str] = []
    for root in roots:
        rows = list(field_rows(root))
        # rows are depth-first: close a <details> when the next row is not deeper
        for i, row in enumerate(rows):
            nxt = rows[i + 1].depth if i + 1 < len(rows) else -1
            body = _row_html(row, selected)
            if nxt > row.depth:
                is_open = row.depth < open_depth or (
                    selected is not None and selected.startswith(row.field.path)
                )
                out.append(
                    f'<details{" open" if is_open else ""} style="{_ROW if row.depth else ""}">'
                    f"<summary>{body}</summary>{_row_notes_html(row)}"
                )
            else:
                extra = _row_notes_html(row)
                out.append(f'<div style="{_ROW if row.depth else ""}">{body}{extra}</div>')
                closes = row.depth - max(nxt, 0) if nxt >= 0 else row.depth
                out.extend("</details>" for _ in range(closes))
    return "".join(out)


def packet_html(pkt: Packet, *, selected: str | None = None, fmt: str = "classic") -> str:
    """The packet as HTML: summary, field tree (layers open), hexdump with layers coloured and
    the ``selected`` field path (if any) highlighted."""
    highlights: list[Highlight] = []
    sel: Field | None = None
    if selected is not None:
        sel = pkt.get(selected)
    if sel is not None and sel.offset is not None and sel.end is not None:
        highlights.append(
            Highlight(sel.offset, sel.end, sel.path, None, sel.bit_offset, sel.bit_size)
        )
    else:
        for layer in pkt.layers:
            if layer.size:
                highlights.append(Highlight(layer.offset, layer.end, layer.path))
    tree = _tree_html(pkt.fields(), sel.path if sel is not None else None)
    dump = hexdump_html(bytes(pkt.buffer), fmt=fmt, highlights=highlights)
    return (
        f'<div class="pktscope-packet" style="{_BOX}">'
        f"<div><b>{html.escape(frame_line(pkt))}</b></div>"
        f'<div style="display: flex; gap: 2em; align-items: flex-start; flex-wrap: wrap">'
        f"<div>{tree}</div><div>{dump}</div></div></div>"
    )


def field_html(field: Field, *, fmt: str = "classic") -> str:
    """A field as HTML: its subtree, then the whole frame's hexdump with the field coloured."""
    pkt = field.packet
    highlights: list[Highlight] = []
    if field.offset is not None and field.end is not None:
        highlights.append(
            Highlight(field.offset, field.end, field.path, None, field.bit_offset, field.bit_size)
        )
    tree = _tree_html([field], field.path, open_depth=2)
    dump = hexdump_html(bytes(pkt.buffer), fmt=fmt, highlights=highlights)
    return f'<div class="pktscope-field" style="{_BOX}">{tree}{dump}</div>'


def _cell(fields: Sequence[Field]) -> Any:
    values: list[Any] = []
    for f in fields:
        v = f.value
        if isinstance(v, enum.Enum):
            v = v.value
        elif isinstance(v, bytes | bytearray | list) or hasattr(v, "_pkt_span"):
            v = f.display_plain
        values.append(v)
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def to_dataframe(packets: Iterable[Packet], paths: Sequence[str] | str) -> Any:
    """A ``pandas.DataFrame``: one row per packet (index ``frame.number``), one column per
    path. Integer and boolean columns are pandas' nullable ``Int64``/``boolean`` (an absent
    value is ``<NA>``, the rest stay integers), strings stay strings, enums give their integer,
    bytes and structures their display text; a path occurring several times gives a list.
    A path no spec has raises :class:`~pktscope.fields.lookup.FieldNotFound` with close
    matches; asking for ``frame.number`` gives the index only (``reset_index()`` makes it a
    column again)."""
    try:
        import pandas as pd  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
    except ImportError as exc:
        raise PktscopeError(
            "to_dataframe needs pandas, which is not installed: pip install pandas"
        ) from exc
    wanted = [paths] if isinstance(paths, str) else list(paths)
    _check_paths(packets, wanted)
    cols = [p for p in wanted if p != "frame.number"]
    numbers: list[int] = []
    columns: dict[str, list[Any]] = {p: [] for p in cols}
    for pkt in packets:
        numbers.append(pkt.frame.number)
        for p in cols:
            columns[p].append(_cell(pkt.get_all(p)))
    frame = pd.DataFrame(
        {p: _series(pd, values) for p, values in columns.items()},
        index=pd.Index(numbers, name="frame.number"),
    )
    return frame[cols]


def _series(pd: Any, values: list[Any]) -> Any:
    """A column: nullable Int64/boolean when every present value is an int/bool."""
    present = [v for v in values if v is not None]
    if present and all(type(v) is bool for v in present):
        return pd.array(values, dtype="boolean")
    if present and all(type(v) is int for v in present):
        return pd.array(values, dtype="Int64")
    return values


def _check_paths(packets: Any, paths: list[str]) -> None:
    """Refuse a path no spec can give (it would be a column of None), as ``pkt[path]`` does."""
    from pktscope.commands._common import (  # noqa: PLC0415 - the CLI's path check
        UsageError,
        check_paths,
        spec_sources,
    )
    from pktscope.fields.lookup import FieldNotFound  # noqa: PLC0415

    rules = getattr(getattr(packets, "chain", None), "rules", None)
    sources: dict[str, str] = {}
    if rules is not None:
        sources = spec_sources(rules.spec_dirs, [r.text for r in rules.rules])
    for path in paths:
        try:
            check_paths([path], sources)
        except UsageError as exc:
            raise FieldNotFound(path, str(exc)) from None
