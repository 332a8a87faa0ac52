"""A packet's field tree as text lines or a Rich ``Tree``: name, value, offset and size.

One walk (:func:`tree_rows`) gives every front end the same rows: depth, the field, its label
(``dst``, ``[2]`` for an array element), its value text (DESIGN "Value rendering": enums as
``name (value)``, MAC/IP by hint, structures showing their ``-pktscope-value``), where its bytes
are, and flags (``computed`` for value instances, ``malformed``/``truncated`` on layers, with
the layer's error on the next line). :func:`render_tree` joins them as text for ``pktscope
show``; :func:`rich_tree` builds a ``rich.tree.Tree`` for the TUI and notebooks.

>>> print(render_tree(pkt, fields=["dhcp"]))                   # doctest: +SKIP
dhcp  @42+272
  op: boot_request (1)  @42+1
  ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pktscope.errors import PktscopeError

if TYPE_CHECKING:
    from rich.tree import Tree

    from pktscope.fields.field import Field
    from pktscope.fields.packet import Packet

__all__ = ["TreeRow", "field_rows", "render_tree", "rich_tree", "tree_rows"]


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One line of the tree. ``where`` is ``@offset+size`` (bits: ``@off+size b<bit>+<n>``),
    empty for fields without bytes; ``flags`` holds ``computed``, ``malformed``, ``truncated``,
    ``transformed``; ``error`` is the layer's error text on a layer row, ``note`` its remark (a
    next layer that could not load, a payload cut by the capture)."""

    depth: int
    field: Field
    label: str
    value: str
    where: str
    flags: tuple[str, ...] = ()
    error: str | None = None
    note: str | None = None  # on a layer row: why its payload was not decoded further

    def text(self, *, indent: str = "  ", offsets: bool = True, max_value: int = 80) -> str:
        """The row as one line of text."""
        value = self.value
        if len(value) > max_value > 3:
            value = value[: max_value - 3] + "..."
        label = f"[{self.label}]" if "computed" in self.flags else self.label
        parts = [indent * self.depth + label + (f": {value}" if value else "")]
        if offsets and self.where:
            parts.append(self.where)
        flags = [f for f in self.flags if f != "computed"]
        if flags:
            parts.append("<" + ", ".join(flags) + ">")
        return "  ".join(parts)


def _where(f: Field) -> str:
    if f.offset is None or f.size is None:
        return ""
    text = f"@{f.offset}+{f.size}"
    if f.bit_offset is not None:
        text += f" b{f.bit_offset - 8 * f.offset}+{f.bit_size}"
    return text


def _label(f: Field) -> str:
    if f.index is not None and f.parent is not None and f.parent.is_array:
        return f"[{f.index}]"
    return f.name if f.index is None else f"{f.name}[{f.index}]"


def _value_text(f: Field) -> str:
    try:
        if f.is_array:
            n = len(f.obj)
            return f"{n} item" + ("" if n == 1 else "s")
        shown = f.display
        if not shown and f.value == "":  # an empty string says so, not nothing
            return '""'
        return shown
    except PktscopeError as exc:  # a computed value that cannot evaluate
        return f"<{exc}>"


def field_rows(
    field: Field, depth: int = 0, *, computed: bool = True, max_depth: int | None = None
) -> Iterator[TreeRow]:
    """Rows for ``field`` and everything below it, depth first."""
    flags: list[str] = []
    meta = field.meta
    if meta is not None and meta.kind == "value":
        if not computed:
            return
        flags.append("computed")
    error = note = None
    if field.owner is None and field.layer is not None:  # a layer row
        layer = field.layer
        note = layer.note
        if layer.error is not None:
            if layer.malformed:
                flags.append("malformed")
            error = str(layer.error)
        if layer.truncated:
            flags.append("truncated")
    elif meta is not None and meta.process:
        flags.append("transformed")
    label = field.path if depth == 0 else _label(field)
    layer_row = field.owner is None and field.layer is not None
    value = "" if layer_row else _value_text(field)  # frame.* fields have no owner, a value
    yield TreeRow(depth, field, label, value, _where(field), tuple(flags), error, note)
    if max_depth is not None and depth >= max_depth:
        return
    for child in field.children:
        yield from field_rows(child, depth + 1, computed=computed, max_depth=max_depth)


def tree_rows(
    pkt: Packet,
    *,
    fields: Iterable[str] | None = None,
    computed: bool = True,
    max_depth: int | None = None,
) -> Iterator[TreeRow]:
    """Rows of the packet's layers (or of the fields at ``fields`` paths), depth first."""
    roots: list[Field]
    roots = pkt.fields() if fields is None else [f for p in fields for f in pkt.get_all(p)]
    for root in roots:
        yield from field_rows(root, 0, computed=computed, max_depth=max_depth)


def frame_line(pkt: Packet) -> str:
    """The summary line above a tree: ``frame 1: 314 bytes (314 captured), eth:ipv4:udp``."""
    fr = pkt.frame
    line = f"frame {fr.number}: {fr.len} bytes ({fr.cap_len} captured), {pkt.protocols}"
    if pkt.malformed:
        line += "  <malformed>"
    if pkt.truncated:
        line += "  <truncated>"
    return line


def render_tree(
    pkt: Packet,
    *,
    fields: Iterable[str] | None = None,
    computed: bool = True,
    offsets: bool = True,
    frame: bool = True,
    max_depth: int | None = None,
    max_value: int = 80,
    indent: str = "  ",
) -> str:
    """The packet's field tree as text (one field per line, ``\\n``-terminated)."""
    lines = [frame_line(pkt)] if frame else []
    for row in tree_rows(pkt, fields=fields, computed=computed, max_depth=max_depth):
        lines.append(row.text(indent=indent, offsets=offsets, max_value=max_value))
        if row.error is not None:
            lines.append(indent * (row.depth + 1) + f"! {row.error}")
        if row.note is not None:
            lines.append(indent * (row.depth + 1) + f"note: {row.note}")
    return "\n".join(lines) + "\n"


def rich_tree(
    pkt: Packet,
    *,
    fields: Iterable[str] | None = None,
    computed: bool = True,
    max_depth: int | None = None,
    max_value: int = 64,
) -> Tree:
    """A ``rich.tree.Tree`` of the packet: layers at the top, malformed ones in red."""
    from rich.text import Text  # noqa: PLC0415 - Rich only for TUI/notebook callers
    from rich.tree import Tree  # noqa: PLC0415

    top = Tree(Text(frame_line(pkt), style="bold"))
    stack: list[Any] = [top]
    for row in tree_rows(pkt, fields=fields, computed=computed, max_depth=max_depth):
        text = Text()
        label_style = (
            "bold" if row.depth == 0 else ("italic dim" if "computed" in row.flags else "")
        )
        text.append(row.label, style=label_style)
        if row.value:
            value = row.value
            if len(value) > max_value > 3:
                value = value[: max_value - 3] + "..."
            text.append(": ")
            text.append(value, style="cyan")
        if row.where:
            text.append("  " + row.where, style="dim")
        bad = [f for f in row.flags if f in ("malformed", "truncated")]
        if bad:
            text.append("  <" + ", ".join(bad) + ">", style="bold red")
        del stack[row.depth + 1 :]
        node = stack[row.depth].add(text)
        if row.error is not None:
            node.add(Text(row.error, style="red"))
        if row.note is not None:
            node.add(Text(f"note: {row.note}", style="yellow"))
        stack.append(node)
    return top
