"""The field tree of the selected packet (a Textual ``Tree`` whose node data is the field).

Each line reads ``name: display  [offset+size]`` (bit fields show their bit range); a layer that
failed to decode is red and shows its error. Selecting a field path is remembered across packets,
as Wireshark does, and :meth:`FieldTree.select_field` lets the hex pane drive the cursor.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from pktscope.tui.source import packet_roots

__all__ = ["FieldTree", "field_label", "innermost_field", "span_text"]


def span_text(f: Any) -> str:
    """``[70+16]`` for bytes, ``[14 b0..3]`` for a bit field (bits counted from its first byte)."""
    if f.offset is None:
        return "[computed]"
    bit_offset, bit_size = getattr(f, "bit_offset", None), getattr(f, "bit_size", None)
    if bit_offset is not None and bit_size:
        first = bit_offset - 8 * f.offset
        return f"[{f.offset} b{first}..{first + bit_size - 1}]"
    return f"[{f.offset}+{f.size}]"


def _name(f: Any) -> str:
    name = getattr(f, "name", None)
    return str(name) if name else str(f.path).rsplit(".", 1)[-1]


def field_label(f: Any, *, layer: bool = False) -> Text:
    """The tree line of field ``f``."""
    error = getattr(f, "error", None)
    text = Text()
    if layer:
        text.append(_name(f).upper(), style="bold #e0af68" if not error else "bold #ff5555")
    else:
        text.append(_name(f), style="#7dcfff")
    display = getattr(f, "display", "")
    if not layer and display not in (None, "") and not getattr(f, "children", None):
        text.append(": ")
        text.append(str(display), style="bold")
    text.append(f"  {span_text(f)}", style="dim")
    if error:
        text.append(f"  ✗ {error}", style="bold #ff5555")
    return text


def innermost_field(layers: list[Any], offset: int) -> Any | None:
    """The smallest (deepest on ties) field whose span covers byte ``offset``."""
    best: Any = None
    best_key: tuple[int, int] | None = None
    todo: list[tuple[Any, int]] = [(f, 0) for f in layers]
    while todo:
        f, depth = todo.pop()
        if f.size and f.offset is not None and f.offset <= offset < f.offset + f.size:
            key = (f.size, -depth)
            if best_key is None or key < best_key:
                best, best_key = f, key
        todo.extend((c, depth + 1) for c in getattr(f, "children", ()) or ())
    return best


class FieldTree(Tree[Any]):
    """The selected packet's fields; node data is the field (None for the root)."""

    DEFAULT_CSS = "FieldTree { width: 1fr; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("packet", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.packet: Any = None
        self.wanted_path: str | None = None
        self._field_nodes: dict[str, TreeNode[Any]] = {}

    def show_packet(self, pkt: Any, title: str = "packet") -> None:
        """Rebuild the tree for ``pkt`` (None clears it), keeping the selected path if present."""
        self.packet = pkt
        self.clear()
        self._field_nodes = {}
        self.root.set_label(title)
        if pkt is None:
            return
        target: TreeNode[Any] | None = None
        for layer in packet_roots(pkt):
            node = self.root.add(field_label(layer, layer=True), data=layer, expand=True)
            self._field_nodes[layer.path] = node
            target = self._add_fields(node, layer) or target
            if layer.path == self.wanted_path:
                target = node
        self.root.expand()
        if target is not None:
            self._reveal(target)
            self.call_after_refresh(self._move_and_announce, target)

    def _add_fields(self, parent: TreeNode[Any], f: Any) -> TreeNode[Any] | None:
        target = None
        for child in getattr(f, "children", ()) or ():
            kids = getattr(child, "children", None)
            if kids:
                node = parent.add(field_label(child), data=child, expand=False)
                target = self._add_fields(node, child) or target
            else:
                node = parent.add_leaf(field_label(child), data=child)
            self._field_nodes[child.path] = node
            if child.path == self.wanted_path:
                target = node
        return target

    def _reveal(self, node: TreeNode[Any]) -> None:
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent

    def select_field(self, f: Any) -> None:
        """Move the cursor to field ``f`` (expanding its parents)."""
        node = self._field_nodes.get(f.path)
        if node is None:
            return
        self.wanted_path = f.path
        self._reveal(node)
        self.call_after_refresh(self._move_and_announce, node)

    def _move_and_announce(self, node: TreeNode[Any]) -> None:
        # Tree only announces a cursor *change*; a rebuilt tree may keep the same line number
        self.move_cursor(node)
        self.post_message(Tree.NodeHighlighted(node))

    @property
    def selected_field(self) -> Any | None:
        node = self.cursor_node
        return None if node is None else node.data
