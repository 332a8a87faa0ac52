"""HTML hexdumps for Jupyter: a ``<pre>`` of styled rows and a legend table, inline styles only.

Rows are the Rich ``Text`` rows of :mod:`pktscope.render.rich` exported by Rich itself (so
colours match the TUI exactly and every character is escaped); the legend is a small table of
which field covers which bytes. Nothing here needs a stylesheet or JavaScript, so the output
survives notebook sanitizers and static exports.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence

from rich.console import Console

from pktscope.render.highlight import Highlight, color_of, span_text
from pktscope.render.rich import HexdumpView, Selected

__all__ = ["hexdump_html", "legend_html", "rows_html"]

Data = bytes | bytearray | memoryview

PRE_STYLE = (
    "font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; "
    "font-size: 12px; line-height: 1.3; margin: 0; padding: 4px; background: transparent"
)


def rows_html(view: HexdumpView) -> str:
    """The rows of ``view`` as a ``<pre>`` element with inline-styled spans."""
    # force_jupyter=False: inside a notebook Rich would otherwise display the rows itself.
    console = Console(
        record=True,
        width=1 << 16,
        file=io.StringIO(),
        color_system="truecolor",
        force_jupyter=False,
    )
    for row in view.rows():
        console.print(row, soft_wrap=True, highlight=False, markup=False)
    body = console.export_html(inline_styles=True, code_format="{code}")
    return f'<pre class="pktscope-hexdump" style="{PRE_STYLE}">{body.rstrip()}</pre>'


def legend_html(highlights: Sequence[Highlight]) -> str:
    """A table: colour swatch, field label, byte span (and bits for bit fields)."""
    if not highlights:
        return ""
    rows = []
    for i, h in enumerate(highlights):
        color = html.escape(color_of(highlights, i), quote=True)
        rows.append(
            "<tr>"
            f'<td style="background: {color}; width: 1.5em"></td>'
            f"<td><code>{html.escape(h.label)}</code></td>"
            f"<td>{html.escape(span_text(h))}</td>"
            "</tr>"
        )
    return (
        '<table class="pktscope-legend" style="border-collapse: collapse; font-size: 12px">'
        "<tr><th></th><th>field</th><th>bytes</th></tr>" + "".join(rows) + "</table>"
    )


def hexdump_html(
    data: Data,
    *,
    fmt: str = "classic",
    highlights: Sequence[Highlight] = (),
    base_offset: int = 0,
    start: int = 0,
    end: int | None = None,
    legend: bool = True,
    selected: Selected = None,
) -> str:
    """The dump as an HTML fragment (``<div>`` with the ``<pre>`` and the legend table)."""
    view = HexdumpView(data, highlights, fmt, base_offset, start, end, selected, legend)
    parts = [rows_html(view)]
    if legend and highlights:
        parts.append(legend_html(highlights))
    return '<div class="pktscope-hexdump-view">' + "".join(parts) + "</div>"
