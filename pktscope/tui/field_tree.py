"""The field tree of the selected packet (a Textual ``Tree`` whose node data is the field).

Each line reads ``name: display  [offset+size]`` (bit fields show their bit range); a layer that
failed to decode is red and shows its error. Selecting a field path is remembered across packets,
as Wireshark does, and :meth:`FieldTree.select_field` lets the hex pane drive the cursor.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from pktscope.tui.fixed_box import FixedBox
from pktscope.tui.source import packet_roots

__all__ = ["MAX_VALUE_CHARS", "FieldTree", "field_label", "innermost_field", "span_text"]

MAX_VALUE_CHARS = 40
_KEY_CHILDREN = ("code", "type", "kind", "tag")


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
    """The last path step (``options[3]``), which says more than the attribute name."""
    return str(f.path).rsplit(".", 1)[-1] or str(getattr(f, "name", ""))


def field_label(f: Any, *, layer: bool = False, kids: list[Any] | None = None) -> Text:
    """The tree line of field ``f``; a structure without a value of its own shows its first
    child's when that is a ``code``/``type`` (``options[0]: dhcp_message_type (53)``)."""
    error = getattr(f, "error", None)
    text = Text()
    if layer:
        text.append(_name(f).upper(), style="bold #e0af68" if not error else "bold #ff5555")
    else:
        text.append(_name(f), style="#7dcfff")
    display = getattr(f, "display", "")
    if not display and kids and str(kids[0].path).rsplit(".", 1)[-1] in _KEY_CHILDREN:
        display = getattr(kids[0], "display", "")
    if not layer and display not in (None, ""):
        text.append(": ")
        shown = str(display)
        if len(shown) > MAX_VALUE_CHARS:  # the status bar has the whole value
            shown = shown[: MAX_VALUE_CHARS - 1] + "…"
        text.append(shown, style="bold")
    text.append(f"  {span_text(f)}", style="dim")
    # the field model hands a layer's error to each of its fields: show it on the layer line
    # and on the field it names only
    if error and (layer or getattr(error, "field_path", None) == f.path):
        text.append(f"  ✗ {error}", style="bold #ff5555")
    note = getattr(getattr(f, "layer", None), "note", None) if layer else None
    if note:
        text.append(f"  ({note})", style="#e0af68")
    return text


def innermost_field(layers: list[Any], offset: int) -> Any | None:
    """The smallest (deepest on ties) field whose span covers byte ``offset``; on a tie a
    read field before a value instance that has its bytes (``eth.ether_type``)."""
    best: Any = None
    best_key: tuple[int, int, bool] | None = None
    todo: list[tuple[Any, int]] = [(f, 0) for f in layers]
    while todo:
        f, depth = todo.pop()
        if f.size and f.offset is not None and f.offset <= offset < f.offset + f.size:
            key = (f.size, -depth, getattr(f.meta, "kind", None) == "value")
            if best_key is None or key < best_key:
                best, best_key = f, key
        todo.extend((c, depth + 1) for c in getattr(f, "children", ()) or ())
    return best


def _covers(f: Any, path: str) -> bool:
    """True when ``path`` is ``f`` itself or lies below it."""
    p = str(f.path)
    return path == p or path.startswith((p + ".", p + "["))


class FieldTree(FixedBox, Tree[Any]):
    """The selected packet's fields; node data is the field (None for the root).

    Children are added when a node is first expanded, so a packet with hundreds of fields costs
    only its visible lines. Which paths are expanded is remembered across packets; at first only
    the innermost layer is open.
    """

    # a scrollbar that is always there never changes the layout (a whole-screen redraw)
    DEFAULT_CSS = "FieldTree { width: 1fr; overflow-y: scroll; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("packet", id=id)
        self.show_root = False
        self.auto_expand = True
        self.guide_depth = 2
        self.packet: Any = None
        self.wanted_path: str | None = None
        # the wanted path is absent from the packet shown: the cursor's line is no choice
        # until the user moves it (a key or a click in the tree)
        self._detached = False
        # what the user opened or closed, by path; otherwise the innermost layer and any
        # malformed layer start open
        self.expanded_paths: set[str] = set()
        self.collapsed_paths: set[str] = set()
        self._field_nodes: dict[str, TreeNode[Any]] = {}
        self._populated: set[int] = set()
        self._frame_style: Style | None = None  # rich_style while a frame is drawn

    def show_packet(self, pkt: Any, title: str = "packet") -> None:
        """Rebuild the tree for ``pkt`` (None clears it), keeping the selected path if present."""
        self.packet = pkt
        self._detached = False
        self.clear()
        self._field_nodes = {}
        self._populated = set()
        self.root.set_label(title)
        if pkt is None:
            return
        roots = packet_roots(pkt)
        named = [r for r in roots if r.path not in ("data", "raw")] or roots
        innermost = str(named[-1].path) if named else None
        for layer in roots:
            node = self.root.add(field_label(layer, layer=True), data=layer, expand=False)
            path = str(layer.path)
            self._field_nodes[path] = node
            if path not in self.collapsed_paths and (
                path == innermost or getattr(layer, "error", None)
            ):
                self._populate(node)
                node.expand()
            self._restore(node)
        self.root.expand()
        if self.wanted_path is not None:
            target = self.reveal_path(self.wanted_path)
            if target is not None:
                self.call_after_refresh(self._move_and_announce, target)
            else:  # not in this packet: select nothing (the line the cursor keeps is an
                # unrelated field's) and keep the path for the packets that have it
                self._detached = True
                self.call_after_refresh(self.post_message, Tree.NodeHighlighted(self.root))
        self.sync_scrollbars()

    def _restore(self, node: TreeNode[Any]) -> None:
        data = node.data
        if data is not None and str(data.path) in self.expanded_paths:
            self._populate(node)
            node.expand()
        if node.is_expanded:
            for child in node.children:
                if child.allow_expand:
                    self._restore(child)

    def _populate(self, node: TreeNode[Any]) -> None:
        if id(node) in self._populated or node.data is None:
            return
        self._populated.add(id(node))
        for child in getattr(node.data, "children", ()) or ():
            kids = getattr(child, "children", None)
            if kids:
                sub = node.add(field_label(child, kids=kids), data=child, expand=False)
            else:
                sub = node.add_leaf(field_label(child), data=child)
            self._field_nodes[str(child.path)] = sub

    def reveal_path(self, path: str) -> TreeNode[Any] | None:
        """The node of field ``path``, populating and expanding its parents; None if absent."""
        node = self._field_nodes.get(path)
        if node is None:
            for layer in self.root.children:
                if _covers(layer.data, path):
                    node = layer
                    break
            while node is not None and node.data is not None and str(node.data.path) != path:
                self._populate(node)
                node = next((c for c in node.children if _covers(c.data, path)), None)
        if node is None:
            return None
        parent = node.parent
        while parent is not None and parent is not self.root:
            self._populate(parent)
            parent.expand()
            parent = parent.parent
        return node

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[Any]) -> None:
        node = event.node
        if node.data is None:
            return
        self._populate(node)
        self.expanded_paths.add(str(node.data.path))
        self.collapsed_paths.discard(str(node.data.path))

    def _on_tree_node_collapsed(self, event: Tree.NodeCollapsed[Any]) -> None:
        if event.node.data is not None:
            self.expanded_paths.discard(str(event.node.data.path))
            self.collapsed_paths.add(str(event.node.data.path))

    def on_key(self, event: events.Key) -> None:
        self._detached = False  # the user moves the cursor: its line is a choice again

    def on_click(self, event: events.Click) -> None:
        self._detached = False

    def select_field(self, f: Any) -> None:
        """Move the cursor to field ``f`` (expanding its parents)."""
        node = self.reveal_path(str(f.path))
        if node is None:
            return
        self._detached = False
        self.wanted_path = str(f.path)
        self.call_after_refresh(self._move_and_announce, node)

    def _move_and_announce(self, node: TreeNode[Any]) -> None:
        # Tree only announces a cursor *change*; a rebuilt tree may keep the same line number
        self.move_cursor(node)
        self.post_message(Tree.NodeHighlighted(node))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Tree.render_line computes the widget style (an ancestor walk) for every line; it is
        # the same for the whole frame (a tenth of the tree's time, measured with bench_tui)
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    def render_line(self, y: int) -> Strip:
        if self._frame_style is None:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(
            y + scroll_y, scroll_x, scroll_x + self.size.width, self._frame_style
        )

    def content_ready(self) -> None:
        self._tree_lines  # noqa: B018 - builds the lines and sets virtual_size

    @property
    def selected_field(self) -> Any | None:
        if self._detached:
            return None  # the wanted path is absent here: nothing chosen yet
        node = self.cursor_node
        return None if node is None else node.data
