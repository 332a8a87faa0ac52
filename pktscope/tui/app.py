"""The pktscope TUI: Wireshark's three panes in a terminal, for captures of any size.

``PktscopeApp(path)`` composes the packet list (virtual, see :mod:`.packet_list`), the field
tree and the hex pane, the filter bar and the status bar, and wires them: list → tree + hex,
tree → hex highlight + status, hex cursor → tree. Long work (filtering, searching, exporting)
runs in thread workers that report progress and stop on Esc; the actions that need input open
small prompts from :mod:`.dialogs`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
import time
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Tree
from textual.worker import Worker, WorkerState, get_current_worker

from pktscope.commands._common import spec_sources
from pktscope.errors import PktscopeError
from pktscope.filter import Filter
from pktscope.tui.copy import COPY_FORMATS, copy_text
from pktscope.tui.dialogs import CopyMenu, HelpScreen, Prompt
from pktscope.tui.export import export_pcapng
from pktscope.tui.field_tree import FieldTree, innermost_field
from pktscope.tui.filter_bar import FilterBar
from pktscope.tui.hex_pane import HEX_WIDTH, HexPane
from pktscope.tui.packet_list import PacketList, PacketListHeader
from pktscope.tui.search import parse_needle
from pktscope.tui.source import SAMPLE_CAPTURE, CaptureSource, packet_roots
from pktscope.tui.status_bar import StatusBar

__all__ = ["PktscopeApp", "copy_file_path"]

# full collections: at the latest after this many young-generation (gen 1) collections (about
# one per jump), earlier when the user pauses IDLE_GC_S and that many have run since the last one
GC_FULL_EVERY = 100
# below this many columns the field tree goes above the hex pane (it needs HEX_WIDTH + borders,
# and the tree would be left a few columns)
NARROW_BELOW = HEX_WIDTH + 4 + 30
IDLE_GC_AFTER = 2
IDLE_GC_S = 0.5


def copy_file_path() -> Path:
    """Where copied text is also written (``PKTSCOPE_COPY_FILE`` overrides)."""
    env = os.environ.get("PKTSCOPE_COPY_FILE")
    return Path(env) if env else Path(tempfile.gettempdir()) / "pktscope-copy.txt"


class PktscopeApp(App[None]):
    """Browse one capture; ``path`` None opens the bundled sample."""

    CSS_PATH = "app.tcss"
    TITLE = "pktscope"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash,f", "filter", "Filter"),
        Binding("g", "goto", "Go to"),
        Binding("s", "search", "Search"),
        Binding("n", "search_next", "Next", show=False),
        Binding("c", "copy", "Copy"),
        Binding("e", "export", "Export"),
        Binding("d", "decode_as", "Decode as"),
        Binding("r", "reload", "Reload"),
        Binding("o", "open", "Open"),
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        rules: Sequence[str] = (),
        spec_dirs: Sequence[str | Path] = (),
        initial_filter: Filter | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path) if path is not None else SAMPLE_CAPTURE
        self.rules = list(rules)
        self.spec_dirs = list(spec_dirs)
        self.initial_filter = initial_filter
        self.source: CaptureSource | None = None
        self.filter: Filter | None = None
        self.needle: bytes | None = None
        self.busy = ""
        self._pending: int | None = None
        self._detail_scheduled = False
        self._detail_shown: int | None = None  # frame index the tree and hex pane show
        self._filter_note: str | None = None  # what made the running filter run again
        self._shown_rows = -1
        self._index_frozen = False
        self._gc_threshold: tuple[int, int, int] | None = None
        self._ticker: Timer | None = None
        self._idle_timer: Timer | None = None
        self._pending_match: tuple[int | None, int, int] | None = None
        self._filter_partial = False  # the filter shown was stopped before the last frame

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # kept as attributes: queries would search a modal screen while one is open
        self.packets = PacketList(id="packets")
        self.field_tree = FieldTree(id="tree")
        self.hex = HexPane(id="hex")
        self.filter_bar = FilterBar(id="filter-bar")
        self.filter_bar.sources = self._filter_sources()
        self.status = StatusBar(id="status")
        with Vertical(id="list-box"):
            yield PacketListHeader()
            yield self.packets
        with Horizontal(id="detail"):
            with Vertical(id="tree-box"):
                yield self.field_tree
            with Vertical(id="hex-box"):
                yield self.hex
        yield self.filter_bar
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#list-box").border_title = "Packets"
        self.query_one("#tree-box").border_title = "Fields"
        self.query_one("#hex-box").border_title = "Bytes"
        self.packets.focus()
        if self.open_capture(self.path) and self.initial_filter is not None:
            self.post_message(FilterBar.Applied(self.initial_filter))
        # ticks follow the index and workers, and stop when those settle (see _tick)
        self._ticker = self.set_interval(0.2, self._tick)
        # Full collections run when the user pauses (see _idle_collect), not in the middle of a jump
        # (each one is a ~20 ms pause: Textual strips and tree nodes are cyclic garbage);
        # the raised threshold still bounds them while the user navigates without a pause.
        self._gc_threshold = gc.get_threshold()
        gen0, gen1, gen2 = self._gc_threshold
        gc.set_threshold(gen0, gen1, max(gen2, GC_FULL_EVERY))

    # -- capture -----------------------------------------------------------------------------
    def open_capture(self, path: Path) -> bool:
        """Open ``path`` (indexing in the background); errors go to the status bar."""
        try:
            source = CaptureSource(path, rules=self.rules, spec_dirs=self.spec_dirs)
        except (OSError, PktscopeError) as exc:
            text = str(exc)  # the capture package's message names the file already
            self.status.message(text if str(path) in text else f"{path}: {text}", error=True)
            return False
        if self.source is not None:
            self.workers.cancel_group(self, "scan")
            self.source.close()
        self.source = source
        self.path = path
        self.filter = None
        self._detail_shown = -1  # frame 1 of the new file is not the frame 1 on show
        self.sub_title = str(path)
        self.status.message(f"opened {Path(path).name}")
        self.packets.set_source(source)
        self._follow()
        self._update_state()
        self.call_after_refresh(self._after_first_screen, source)
        return True

    def _after_first_screen(self, source: CaptureSource) -> None:
        # index the rest only now: the walk competes for the GIL with the first screen
        source.start_indexing()
        # what exists now (Textual, compiled specs) lives as long as the app: keeping it out of
        # the collector's scans halves the worst redraw pauses (measured, bench_tui)
        gc.freeze()

    def _tick(self) -> None:
        """Follow the background index (and a running filter) until they settle."""
        if self.source is None:
            return
        rows = self.packets.row_count
        if rows != self._shown_rows:  # the index or a filter's matches grew
            self._shown_rows = rows
            self.packets.refresh_count()
        if self.source.indexing_done and not self._index_frozen:
            # what the walk left behind lives as long as the capture: out of full collections
            self._index_frozen = True
            gc.freeze()
        self._update_state()
        if self._ticker is not None and self.source.indexing_done and not self._workers_running():
            self._ticker.pause()  # nothing left to follow: no timer wakes between key presses

    def _follow(self) -> None:
        """Tick again (a capture opened, a filter or another worker started)."""
        if self._ticker is not None:
            self._ticker.resume()

    def _workers_running(self) -> bool:
        return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in self.workers)

    def _user_active(self) -> None:
        """Restart the pause after which a full garbage collection runs (see on_mount)."""
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(IDLE_GC_S, self._idle_collect)

    def _idle_collect(self) -> None:
        self._idle_timer = None
        if gc.get_count()[2] >= IDLE_GC_AFTER:
            gc.collect()  # the user paused: a pause here is not seen

    def _update_state(self) -> None:
        src = self.source
        if src is None:
            self.status.set_state("no capture")
            return
        total = len(src)
        shown = self.packets.row_count
        cursor = self.packets.selected_index
        parts = [f"{self.path.name}"]
        parts.append(f"frame {cursor + 1 if cursor is not None else '-'}")
        parts.append(_frames(total) + ("" if src.indexing_done else " (indexing…)"))
        if self.filter is not None:
            partial = " (stopped: partial)" if self._filter_partial else ""
            parts.append(f"filter {self.filter.text!r}: {shown:,} shown{partial}")
        if src.error is not None:
            parts.append(f"capture error: {src.error}")
        if self.busy:
            parts.append(self.busy)
        self.status.set_state("  ·  ".join(parts))

    # -- selection sync ----------------------------------------------------------------------
    @on(PacketList.Selected)
    def _packet_selected(self, event: PacketList.Selected) -> None:
        # The list repaints first; the tree and hex pane follow after that refresh, for the
        # last selection only (holding PageDown does not build a tree per row passed).
        self._pending = event.index
        self._update_state()
        if not self._detail_scheduled:
            self._detail_scheduled = True
            self.call_after_refresh(self._show_pending)

    def _show_pending(self) -> None:
        self._detail_scheduled = False
        if self._pending != self._detail_shown or self._pending_match is not None:
            self.show_detail(self._pending)

    def show_detail(self, index: int | None) -> None:
        """Show frame ``index`` (0-based) in the field tree and the hex pane."""
        src = self.source
        self._detail_shown = index
        self._user_active()
        if src is None or index is None:
            self.field_tree.show_packet(None)
            self.hex.show(b"", [])
            self.status.set_field(None)
            self._update_state()
            return
        try:
            pkt = src.packet(index)
        except PktscopeError as exc:
            self.status.message(f"frame {index + 1}: {exc}", error=True)
            return
        try:
            roots = packet_roots(pkt)
        except PktscopeError as exc:
            self.status.message(f"frame {index + 1}: {exc}", error=True)
            roots = []
        spans = [(f.offset, f.offset + f.size) for f in roots if f.offset is not None]
        self.hex.show(bytes(pkt.buffer), spans)
        self.field_tree.show_packet(pkt, title=f"frame {index + 1}")
        pending, self._pending_match = self._pending_match, None
        if pending is not None and pending[0] == index:
            self._mark_match(pending[1], pending[2])
        if self.field_tree.wanted_path is None or self.field_tree.selected_field is None:
            self.status.set_field(None)
        self._update_state()

    @on(Tree.NodeHighlighted, "#tree")
    def _field_highlighted(self, event: Tree.NodeHighlighted[Any]) -> None:
        f = self.field_tree.selected_field  # None while the chosen path is absent here
        self.status.set_field(f)
        if f is None:
            self.hex.highlight(None)
            return
        self.field_tree.wanted_path = f.path
        span = None if f.offset is None else (f.offset, f.offset + (f.size or 0))
        self.hex.highlight(span, scroll=not self.hex.has_focus)

    @on(HexPane.CursorMoved)
    def _hex_cursor(self, event: HexPane.CursorMoved) -> None:
        pkt = self.field_tree.packet
        if pkt is None:
            return
        f = innermost_field(packet_roots(pkt), event.offset)
        if f is not None:
            self.field_tree.select_field(f)
            self.status.set_field(f)
            self.hex.highlight((f.offset, f.offset + f.size), scroll=False)

    # -- help, quit, cancel ------------------------------------------------------------------
    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_cancel(self) -> None:
        running = [w for w in self.workers if w.group == "scan" and w.is_running]
        for w in running:
            w.cancel()
        if running:
            self.status.message("cancelled")

    # -- filter ------------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.filter_bar.open()

    @on(FilterBar.Closed)
    def _filter_closed(self) -> None:
        self.packets.focus()

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        self.workers.cancel_group(self, "scan")
        self.filter = event.filter
        bar = self.filter_bar
        bar.remove_class("-open")
        self.packets.focus()
        if event.filter is None:
            self.packets.set_view(None)
            self.status.message("filter cleared")
        else:
            matches: array[int] = array("Q")
            self.packets.set_view(matches)
            self.run_filter(event.filter, matches)
        self._update_state()

    @work(thread=True, exclusive=True, group="scan")
    def run_filter(self, flt: Filter, matches: array[int]) -> None:
        """Test every frame against ``flt`` in a thread, appending to ``matches`` as it goes."""
        self._filter_partial = False
        worker = get_current_worker()
        src = self.source
        if src is None:
            return
        i = 0
        start = time.perf_counter()
        while True:
            total = len(src)
            if i >= total:
                if src.indexing_done and i >= len(src):
                    break
                time.sleep(0.05)
                continue
            if worker.is_cancelled:
                self.busy = ""
                self.call_from_thread(self._filter_done, flt, matches, i, cancelled=True)
                return
            try:
                if flt.matches(src.decode(i)):
                    matches.append(i)
            except PktscopeError:
                pass
            i += 1
            if i % 2000 == 0:
                self.busy = f"filtering {i:,}/{total:,} (Esc to stop)"
        self.busy = ""
        elapsed = time.perf_counter() - start
        self.call_from_thread(self._filter_done, flt, matches, i, elapsed=elapsed)

    def _filter_done(
        self,
        flt: Filter,
        matches: array[int],
        scanned: int,
        *,
        cancelled: bool = False,
        elapsed: float = 0.0,
    ) -> None:
        self.packets.refresh_count()
        self._filter_partial = cancelled and flt is self.filter  # kept in the state line
        note, self._filter_note = self._filter_note, None  # (decode-as or reload re-ran it)
        prefix = f"{note}; filter: " if note else ""
        if cancelled:
            found = len(matches)
            self.status.message(f"{prefix}filter stopped after {_frames(scanned)}: {found:,} match")
        else:
            took = f" in {elapsed:.1f} s" if elapsed >= 1 else ""  # short runs: no noise
            verb = "matches" if len(matches) == 1 else "match"
            self.status.message(f"{prefix}{len(matches):,} of {_frames(scanned)} {verb}{took}")
        self._update_state()

    # -- go to -------------------------------------------------------------------------------
    def action_goto(self) -> None:
        def done(value: str | None) -> None:
            if value:
                self.goto_frame(value)

        self.push_screen(Prompt("Go to frame number", hint="1-based, as in the No. column"), done)

    def goto_frame(self, text: str) -> bool:
        """Select frame number ``text`` (or the next shown frame after it)."""
        try:
            number = int(text.strip())
        except ValueError:
            self.status.message(f"not a frame number: {text!r}", error=True)
            return False
        total = len(self.source) if self.source is not None else 0
        if not 1 <= number <= total:
            self.status.message(f"frame {number} out of range 1..{total}", error=True)
            return False
        self.packets.refresh_count()  # the index may have grown since the last tick
        self._shown_rows = self.packets.row_count  # so the next tick draws no frame of its own
        self.packets.center_on(self.packets.row_of(number - 1))
        self.packets.focus()
        landed = self.packets.selected_index
        if landed is not None and landed != number - 1:
            self.status.message(
                f"frame {number} is hidden by the filter: frame {landed + 1} is the nearest shown"
            )
        # a jump draws the list, the tree and the hex pane in one frame (held keys still draw
        # the list first: see _packet_selected)
        self._pending = self.packets.selected_index
        self.show_detail(self._pending)
        return True

    # -- search ------------------------------------------------------------------------------
    def action_search(self) -> None:
        def done(value: str | None) -> None:
            if not value:
                return
            try:
                self.needle = parse_needle(value)
            except ValueError as exc:
                self.status.message(str(exc), error=True)
                return
            self.search_from(self.packets.cursor, include_current=True)

        self.push_screen(
            Prompt(
                "Search bytes or text", hint='hex: 63 82 53 63 (or 63825363) · text: "example.com"'
            ),
            done,
        )

    def action_search_next(self) -> None:
        if self.needle is None:
            self.action_search()
            return
        self.search_from(self.packets.cursor, include_current=False)

    @work(thread=True, exclusive=True, group="scan")
    def search_from(self, row: int, *, include_current: bool) -> None:
        """Find the next shown frame containing ``self.needle`` (wrapping once)."""
        worker = get_current_worker()
        needle, src, plist = self.needle, self.source, self.packets
        if needle is None or src is None:
            return
        count = plist.row_count
        start_hex = self.hex.match[0] + 1 if self.hex.match and not include_current else 0
        for step in range(count + 1):
            r = (row + step) % max(count, 1)
            if worker.is_cancelled:
                self.busy = ""
                return
            index = plist.index_at(r)
            if index is None:
                continue
            data = bytes(src.record(index).data)
            at = data.find(needle, start_hex if step == 0 else 0)
            if step == 0 and not include_current and at < 0:
                continue
            if at >= 0 and (step > 0 or include_current or at >= start_hex):
                self.busy = ""
                self.call_from_thread(self._search_found, r, at, len(needle))
                return
            if step % 5000 == 0:
                self.busy = f"searching {step:,}/{count:,} (Esc to stop)"
        self.busy = ""
        self.call_from_thread(self.status.message, f"{needle.hex()} not found", error=True)

    def _search_found(self, row: int, at: int, size: int) -> None:
        if self.packets.cursor != row or self._detail_scheduled:
            self._pending_match = (self.packets.index_at(row), at, size)
            self.hex.match = None
            self.packets.center_on(row)
        else:
            self._mark_match(at, size)

    def _mark_match(self, at: int, size: int) -> None:
        self.hex.mark_match((at, at + size))
        pkt = self.field_tree.packet
        if pkt is not None:
            f = innermost_field(packet_roots(pkt), at)
            if f is not None:
                self.field_tree.select_field(f)
        self.status.message(
            f"match at offset {at} (0x{at:04x}) of frame {(self.packets.selected_index or 0) + 1}"
        )

    # -- copy --------------------------------------------------------------------------------
    def action_copy(self) -> None:
        f = self.field_tree.selected_field
        if f is None:
            self.status.message("select a field to copy first", error=True)
            return
        if f.offset is None:
            self.status.message(f"{f.path} is a computed value: no bytes to copy", error=True)
            return

        def done(fmt: str | None) -> None:
            if fmt:
                self.copy_field(f, fmt)

        self.push_screen(CopyMenu(str(f.path)), done)

    def copy_field(self, f: Any, fmt: str) -> str:
        """Copy ``f``'s bytes in ``fmt`` to the terminal clipboard (OSC 52) and a file."""
        pkt = self.field_tree.packet
        if pkt is None or f.offset is None:
            self.status.message(f"{f.path} is a computed value: no bytes to copy", error=True)
            return ""
        data = bytes(pkt.buffer[f.offset : f.offset + (f.size or 0)])
        text = copy_text(data, fmt)
        self.copy_to_clipboard(text)
        target = copy_file_path()
        try:
            target.write_text(text + "\n")
            where = f"clipboard and {target}"
        except OSError as exc:
            where = f"clipboard (writing {target} failed: {exc})"
        label = COPY_FORMATS[fmt].split("  ")[0].strip()
        self.status.message(f"copied {f.path} as {label} ({len(data)} bytes) to {where}")
        return text

    # -- export ------------------------------------------------------------------------------
    def action_export(self) -> None:
        if self.packets.row_count == 0:  # (it wrote a capture of no packet)
            self.status.message("nothing to export: no packet is shown", error=True)
            return
        suggestion = f"{self.path.stem}-shown.pcapng"

        def done(value: str | None) -> None:
            if value:
                self.export_to(Path(value).expanduser())

        self.push_screen(
            Prompt(f"Export {self.packets.row_count:,} shown packets to pcapng", value=suggestion),
            done,
        )

    @work(thread=True, exclusive=True, group="scan")
    def export_to(self, path: Path) -> None:
        src, plist = self.source, self.packets
        if src is None:
            return
        if _same_file(path, self.path):  # the open capture is mapped: writing it kills us
            self.call_from_thread(
                self.status.message, f"not exported: {path} is the open capture", error=True
            )
            return
        worker = get_current_worker()
        rows = plist.row_count

        def records() -> Any:
            for r in range(rows):
                if worker.is_cancelled:
                    return
                index = plist.index_at(r)
                if index is not None:
                    yield src.record(index)

        def progress(n: int) -> None:
            self.busy = f"exporting {n:,}/{rows:,} (Esc to stop)"

        # written beside the target and renamed when complete: a failed or stopped export
        # leaves no partial file, and the target stays as it was
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            n = export_pcapng(tmp, records(), progress=progress)
            if worker.is_cancelled:
                tmp.unlink(missing_ok=True)
                self.busy = ""
                self.call_from_thread(
                    self.status.message, f"export stopped after {n:,} packets: nothing written"
                )
                return
            tmp.replace(path)
        except (OSError, PktscopeError) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            self.busy = ""
            self.call_from_thread(self.status.message, f"export failed: {exc}", error=True)
            return
        self.busy = ""
        self.call_from_thread(self.status.message, f"exported {n:,} packets to {path}")

    # -- decode as, reload, open -------------------------------------------------------------
    def action_decode_as(self) -> None:
        current = ", ".join(self.source.rules if self.source else [])
        self.push_screen(
            Prompt(
                "Decode as",
                value=current,
                hint="KEY==VALUE:SPEC, e.g. udp.port==9000:myproto (comma-separated; empty clears)",
            ),
            self.decode_as,
        )

    def decode_as(self, text: str | None) -> None:
        """Apply decode-as rules (comma-separated; empty clears) and decode afresh."""
        if text is None or self.source is None:
            return
        rules = [part.strip() for part in text.split(",") if part.strip()]
        try:
            self.source.set_rules(rules)
        except (ValueError, PktscopeError) as exc:
            self.status.message(str(exc), error=True)
            return
        self.rules = rules
        self._sources_changed(f"decode-as: {', '.join(rules) or 'cleared'}")
        self._redecode()

    def action_reload(self) -> None:
        if self.source is None:
            return
        try:
            self.source.reload()
        except (ValueError, PktscopeError) as exc:
            self.status.message(f"reload failed: {exc}", error=True)
            return
        self._sources_changed("specs reloaded; packets decode afresh")
        self._redecode()

    def _sources_changed(self, note: str) -> None:
        """After decode-as or a reload: the filter bar checks against the new layers, and an
        active filter runs again (its matches were decided by the old decode); ``note`` says
        what happened, and stays in front of the filter's count when that comes."""
        self.filter_bar.sources = self._filter_sources()
        self.status.message(note)
        if self.filter is not None:
            self._filter_note = note
            self.post_message(FilterBar.Applied(self.filter))

    def _filter_sources(self) -> dict[str, str]:
        """The layers decode-as rules and spec dirs bring in, for checking filters."""
        return spec_sources(self.spec_dirs, self.rules)

    def _redecode(self) -> None:
        self.packets.refresh()
        index = self.packets.selected_index
        self.show_detail(index)

    def action_open(self) -> None:
        def done(value: str | None) -> None:
            if value:
                self.open_capture(Path(value).expanduser())

        self.push_screen(Prompt("Open capture (pcap or pcapng)", value=str(self.path)), done)

    def on_resize(self, event: events.Resize) -> None:
        # side by side needs the hex pane's width and a useful tree beside it
        self.query_one("#detail").set_class(event.size.width < NARROW_BELOW, "-narrow")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self._follow()
        self._update_state()

    def on_unmount(self) -> None:
        if self._gc_threshold is not None:
            gc.set_threshold(*self._gc_threshold)
        if self.source is not None:
            self.source.close()


def _frames(n: int) -> str:
    """``1 frame``, ``1,000 frames``."""
    return f"{n:,} frame" + ("" if n == 1 else "s")


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file (False when ``a`` does not exist yet)."""
    try:
        return a.samefile(b)
    except OSError:
        return False
