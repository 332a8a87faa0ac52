"""The TUI driven through Pilot: list, tree and hex stay in sync; actions do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest

import pktscope
from pktscope.render.layout import get_layout
from pktscope.render.rich import offset_at
from pktscope.tui.app import PktscopeApp
from pktscope.tui.field_tree import FieldTree
from pktscope.tui.hex_pane import FMT, HexPane

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = CAPTURES / "wswiki__dhcp.pcap"  # DORA: 4 frames, server replies are frames 2 and 4
SIZE = (160, 45)

pytestmark = pytest.mark.asyncio


def _field(app: PktscopeApp, path: str) -> object:
    return app.field_tree.packet[path]


async def _wait(app: PktscopeApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_open_and_move() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.packets.row_count == 4
        assert app.source is not None and app.source.summary(0).protocol == "DHCP"
        assert app.source.summary(1).info.startswith("DHCP Offer")
        assert app.packets.selected_index == 0
        await pilot.press("down", "down")
        assert app.packets.selected_index == 2
        assert app.field_tree.packet.frame.number == 3
        await pilot.press("end")
        assert app.packets.selected_index == 3
        assert "frame 4" in app.status.plain


async def test_tree_selection_highlights_the_field_bytes() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "down", "enter", "down")  # ETH (opened), then eth.dst
        assert app.field_tree.selected_field.path == "eth.dst"
        assert app.hex.selected == (0, 6)
        chaddr = _field(app, "dhcp.chaddr")
        app.field_tree.select_field(chaddr)
        await pilot.pause()
        assert app.field_tree.selected_field.path == "dhcp.chaddr"
        assert app.hex.selected == (chaddr.offset, chaddr.offset + chaddr.size) == (70, 86)
        assert "dhcp.chaddr  offset 70 (0x0046)  size 16" in app.status.plain
        # the selected path is kept when moving to another packet
        app.packets.focus()
        await pilot.press("down")
        await pilot.pause()
        assert app.field_tree.selected_field.path == "dhcp.chaddr"
        assert app.hex.selected == (70, 86)


async def test_hex_cursor_selects_the_innermost_field() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hex_col = get_layout(FMT).byte_col(8)
        assert offset_at(4, hex_col + 1, FMT) == offset_at(4, get_layout(FMT).char_col(8), FMT)
        await pilot.click(HexPane, offset=(hex_col, 4))  # byte 0x48 = 72, inside chaddr
        await pilot.pause()
        assert app.hex.cursor == 72
        assert app.field_tree.selected_field.path == "dhcp.client_hw_addr"
        assert app.hex.selected == (70, 76)
        await pilot.press("right", "right", "right", "right")  # 76: past the hardware address
        await pilot.pause()
        assert app.hex.cursor == 76
        assert app.field_tree.selected_field.path == "dhcp.chaddr"
        await pilot.press("up")  # 60: yiaddr
        await pilot.pause()
        assert app.field_tree.selected_field.path == "dhcp.yiaddr"
        assert isinstance(app.focused, HexPane)
        # a page moves the cursor too (the view scrolled and left it off screen)
        rows = app.hex.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.hex.cursor == min(60 + 16 * rows, len(app.hex.data) - 1)
        await pilot.press("pageup")
        await pilot.pause()
        assert app.hex.cursor == max(min(60 + 16 * rows, len(app.hex.data) - 1) - 16 * rows, 0)


async def test_filter_valid_shows_matches() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"udp.src_port == 67 && dhcp", "enter")
        await _wait(app, pilot)
        assert list(app.packets.view or []) == [1, 3]
        assert app.packets.row_count == 2
        assert app.packets.selected_index == 1
        assert "2 shown" in app.status.plain
        await pilot.press("down")
        assert app.field_tree.packet.frame.number == 4
        # an empty filter shows everything again
        await pilot.press("slash", "ctrl+u", "enter")
        await _wait(app, pilot)
        assert app.packets.view is None and app.packets.row_count == 4


async def test_filter_invalid_shows_the_column_and_keeps_the_list() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"udp.src_port == 67 )", "enter")
        await pilot.pause()
        shown = str(app.query_one("#filter-error").render())
        assert shown.splitlines() == [
            " udp.src_port == 67 )",
            "                    ^ unexpected ')' (column 20)",
        ]
        assert app.packets.view is None and app.packets.row_count == 4
        assert app.filter is None


async def test_filter_unknown_field_or_value_is_refused_at_its_column() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"udp and ipv4.scr == 10.0.0.1", "enter")
        await pilot.pause()
        lines = str(app.query_one("#filter-error").render()).splitlines()
        assert lines[1].startswith("         ^ unknown field path 'ipv4.scr'")
        assert "did you mean: ipv4.src" in lines[1]
        await pilot.press("ctrl+u", *"dhcp.message_type == bogus", "enter")
        await pilot.pause()
        lines = str(app.query_one("#filter-error").render()).splitlines()
        assert "'bogus' is no value of dhcp.message_type" in lines[1]
        assert app.filter is None and app.packets.row_count == 4


async def test_open_error_names_the_file_once(tmp_path: Path) -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o", "ctrl+u", *str(tmp_path / "missing.pcap"), "enter")
        await pilot.pause()
        shown = app.status.plain
        assert shown.count("missing.pcap") == 1
        assert "No such file or directory" in shown


async def test_copy_gives_the_exact_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "copied.txt"
    monkeypatch.setenv("PKTSCOPE_COPY_FILE", str(out))
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.field_tree.select_field(_field(app, "dhcp.client_hw_addr"))
        await pilot.pause()
        expected = {
            "1": "000b8201fc42",
            "2": "00:0b:82:01:fc:42",
            "3": "{0x00, 0x0b, 0x82, 0x01, 0xfc, 0x42}",
            "4": 'b"\\x00\\x0b\\x82\\x01\\xfc\\x42"',
        }
        for key, text in expected.items():
            await pilot.press("c", key)
            await pilot.pause()
            assert app.clipboard == text
            assert out.read_text() == text + "\n"
        assert f"to clipboard and {out}" in app.status.plain


async def test_export_round_trips_through_the_reader(tmp_path: Path) -> None:
    from pktscope.capture.open import open_records

    target = tmp_path / "replies.pcapng"
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"udp.src_port == 67", "enter")
        await _wait(app, pilot)
        await pilot.press("e", "ctrl+u", *str(target), "enter")
        await _wait(app, pilot)
        assert f"exported 2 packets to {target}" in app.status.plain
    original = open_records(DHCP)
    exported = open_records(target)
    assert len(exported) == 2
    for rec, number in zip(exported, (2, 4), strict=True):
        src = original[number - 1]
        assert bytes(rec.data) == bytes(src.data)
        assert (rec.len, rec.time_ns, rec.linktype) == (src.len, src.time_ns, src.linktype)
    original.close()
    exported.close()


async def test_export_onto_the_open_capture_is_refused(tmp_path: Path) -> None:
    """It truncated the mapped file and the app died of SIGBUS."""
    import shutil

    copy = tmp_path / "dhcp.pcap"
    shutil.copy(DHCP, copy)
    before = copy.read_bytes()
    app = PktscopeApp(copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "ctrl+u", *str(copy), "enter")
        await _wait(app, pilot)
        assert f"not exported: {copy} is the open capture" in app.status.plain
        assert app.packets.row_count == 4
    assert copy.read_bytes() == before
    assert list(tmp_path.iterdir()) == [copy]  # no partial file left beside it


async def test_export_of_no_packet_is_refused(tmp_path: Path) -> None:
    # a filter matching nothing, then `e`: it wrote a 44-byte capture of no packet
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"dns", "enter")
        await _wait(app, pilot)
        assert app.packets.row_count == 0
        await pilot.press("e")
        await pilot.pause()
        assert "nothing to export: no packet is shown" in app.status.plain
        assert len(app.screen_stack) == 1  # no prompt opened


async def test_go_to_frame_and_search() -> None:
    app = PktscopeApp(CAPTURES / "wswiki__dns.cap")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g", *"30", "enter")
        await pilot.pause()
        assert app.packets.selected_index == 29
        await pilot.press("g", *"999", "enter")
        await pilot.pause()
        assert app.packets.selected_index == 29
        assert "frame 999 out of range 1..38" in app.status.plain
        await pilot.press("home", "s", *'"netbsd"', "enter")
        await _wait(app, pilot)
        assert app.packets.selected_index == 8  # frame 9: A www.netbsd.org
        assert app.hex.match is not None
        data = bytes(app.field_tree.packet.buffer)
        assert data[app.hex.match[0] : app.hex.match[1]] == b"netbsd"
        await pilot.press("n")
        await _wait(app, pilot)
        assert app.packets.selected_index == 9


async def test_decode_as_error_and_help() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", *"udp.port=67", "enter")
        await pilot.pause()
        assert "bad decode-as rule" in app.status.plain
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.query_one(FieldTree), FieldTree)


async def test_decode_as_or_reload_with_a_spec_that_does_not_load(tmp_path: Path) -> None:
    """Both crashed the app while drawing rows; now the status bar says why and the rows
    keep their decode."""
    spec = tmp_path / "myproto.ksy"
    spec.write_text("meta: {id: myproto}\nseq:\n  - {id: a, type: u1}\n")
    app = PktscopeApp(DHCP, spec_dirs=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", *"udp.port==67:nosuchspec", "enter")
        await pilot.pause()
        assert "unknown spec 'nosuchspec'" in app.status.plain
        assert app.source is not None and app.source.rules == []
        await pilot.press("d", "ctrl+u", *"udp.port==67:myproto", "enter")
        await pilot.pause()
        assert "MYPROTO" in app.source.summary(0).protocol.upper()
        spec.write_text("meta: {id: myproto}\nseq:\n  - {id: a, type: u7}\n")
        await pilot.press("r")
        await pilot.pause()
        assert "reload failed: " in app.status.plain and "u7" in app.status.plain
        assert app.source.rules == ["udp.port==67:myproto"]
        assert app.packets.row_count == 4


async def test_decode_as_refreshes_the_filter_and_its_fields(tmp_path: Path) -> None:
    spec = tmp_path / "myproto.ksy"
    spec.write_text("meta: {id: myproto}\nseq:\n  - {id: a, type: u1}\n")
    app = PktscopeApp(DHCP, spec_dirs=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"dhcp", "enter")
        await _wait(app, pilot)
        assert app.packets.row_count == 4
        await pilot.press("d", *"udp.port==67:myproto", "enter")
        await _wait(app, pilot)
        assert app.packets.row_count == 0  # the filter ran again on the new decode
        # the confirmation stays, in front of the filter's new count (it was overwritten)
        assert "decode-as: udp.port==67:myproto; filter: 0 of 4 frames match" in app.status.plain
        await pilot.press("slash", "ctrl+u", *"myproto.a == 1", "enter")  # a field it brings
        await _wait(app, pilot)
        assert app.filter is not None and app.packets.row_count == 2  # op 1: frames 1, 3


async def test_go_to_a_frame_the_filter_hides_says_so() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"udp.src_port == 67", "enter")  # frames 2 and 4
        await _wait(app, pilot)
        await pilot.press("g", *"3", "enter")
        await pilot.pause()
        assert "frame 3 is hidden by the filter: frame 4 is the nearest shown" in app.status.plain


async def test_selection_absent_from_a_packet_selects_nothing_and_comes_back() -> None:
    """Moving to a packet without the chosen field showed an unrelated field (the old line
    number) in the status bar, offered it to copy, and forgot the chosen path."""
    from pktscope.tui.source import SAMPLE_CAPTURE

    app = PktscopeApp(SAMPLE_CAPTURE)  # frames 1-4 DHCP, 5 ARP
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chaddr = app.field_tree.packet["dhcp.chaddr"]
        app.field_tree.select_field(chaddr)
        await pilot.pause()
        assert app.field_tree.selected_field is not None
        assert app.field_tree.selected_field.path == "dhcp.chaddr"
        await pilot.press("g", *"5", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.field_tree.packet.protocols.endswith("arp")
        assert app.field_tree.selected_field is None
        assert "arp." not in app.status.plain.splitlines()[0]
        await pilot.press("c")
        await pilot.pause()
        assert "select a field to copy first" in app.status.plain
        await pilot.press("g", *"1", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.field_tree.selected_field is not None
        assert app.field_tree.selected_field.path == "dhcp.chaddr"


async def test_cursor_row_stays_visible_when_scrolling(tmp_path: Path) -> None:
    """A spurious horizontal scrollbar covered the last row, where the cursor was."""
    app = PktscopeApp(CAPTURES / "wswiki__dns.cap")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        plist = app.packets
        height = plist.scrollable_content_region.height
        for _ in range(height + 3):
            await pilot.press("down")
        await pilot.pause()
        assert not plist.show_horizontal_scrollbar
        top = int(plist.scroll_offset.y)
        assert top <= plist.cursor < top + height


async def test_filter_runs_in_a_worker_and_stops_on_escape(tmp_path: Path) -> None:
    total = 30_000
    import dataclasses

    from pktscope.capture.open import open_records
    from pktscope.capture.writer import write_pcap

    with open_records(DHCP) as rf:
        first = rf[0]
        frames = [dataclasses.replace(first, number=i + 1) for i in range(total)]
    big = tmp_path / "big.pcap"
    write_pcap(big, frames)
    app = PktscopeApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"dhcp.client_hw_addr == 00:0b:82:01:fc:42", "enter")
        await pilot.pause(0.05)
        await pilot.press("escape")
        await _wait(app, pilot)
        shown = app.packets.row_count
        assert shown < total  # matches so far are listed, the rest never scanned
        assert f"filter stopped after {shown:,} frames: {shown:,} match" in app.status.plain
        assert f"{shown:,} shown (stopped: partial)" in app.status.plain  # stays in the state
        await pilot.press("s", *"63825363", "enter")  # a search: its message replaces ours
        await _wait(app, pilot)
        assert "(stopped: partial)" in app.status.plain


async def test_decode_as_redecodes_and_flags_malformed_layers() -> None:
    from pktscope.tui.source import SAMPLE_CAPTURE

    app = PktscopeApp(SAMPLE_CAPTURE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.source is not None and app.source.summary(7).protocol == "DNS"
        await pilot.press("d", *"udp.port==53:dhcp", "enter")
        await pilot.pause()
        assert app.rules == ["udp.port==53:dhcp"]
        row = app.source.summary(7)  # a DNS query read as DHCP: too short, flagged
        assert (row.protocol, row.malformed) == ("BOOTP", True)  # no message type: BOOTP
        assert "[Malformed: dhcp." in row.info
        await pilot.press("g", "8", "enter")
        await pilot.pause()
        await pilot.pause()
        dhcp = next(n for n in app.field_tree.root.children if n.data.path == "dhcp")
        assert dhcp.is_expanded  # a malformed layer opens by itself
        assert "✗ dhcp." in dhcp.label.plain


async def test_narrow_terminal_stacks_the_tree_above_the_hex_pane() -> None:
    """At 80 columns the hex pane's fixed width left the field tree no column at all."""
    from pktscope.tui.source import SAMPLE_CAPTURE

    app = PktscopeApp(SAMPLE_CAPTURE)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert app.query_one("#detail").has_class("-narrow")
        assert app.field_tree.size.width >= 70 and app.field_tree.size.height >= 3
    app = PktscopeApp(SAMPLE_CAPTURE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query_one("#detail").has_class("-narrow")


async def test_hex_cursor_prefers_a_read_field_to_a_value_instance_with_its_bytes() -> None:
    # eth.ether_type has the bytes of eth.type_or_length (-pktscope-bytes); at byte 12 the
    # field read from the packet is the one the hex cursor selects
    from pktscope.tui.field_tree import innermost_field
    from pktscope.tui.source import packet_roots

    pkt = pktscope.open_capture(DHCP)[0]
    assert pkt["eth.ether_type"].offset == 12
    assert innermost_field(packet_roots(pkt), 12).path == "eth.type_or_length"


async def test_open_shows_the_new_files_first_frame() -> None:
    # the tree and hex pane kept the old file's frame 1 (same index, so no redraw), and `c`
    # copied bytes of a capture no longer open
    app = PktscopeApp(CAPTURES / "dpkt__truncated_dns.pcap")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.field_tree.packet is not None and "dns" in app.field_tree.packet.protocols
        await pilot.press("o", "ctrl+u", *str(DHCP), "enter")
        await pilot.pause()
        await pilot.pause()
        pkt = app.field_tree.packet
        assert pkt is not None and pkt.protocols == "eth:ipv4:udp:dhcp"
        assert app.hex.data == bytes(pktscope.open_capture(DHCP)[0].buffer)


async def test_status_lines_stay_one_row_each_and_keep_the_message() -> None:
    # the message was cut ("frame 1 is hidden by the") and a long field line wrapped onto
    # the state line, pushing it out of the bar
    app = PktscopeApp(DHCP)
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.pause()
        note = "frame 1 is hidden by the filter: frame 2 is the nearest shown"
        app.status.message(note)
        app.status.field_line = app.status.field_line.__class__("x" * 200)
        app.status.set_state("wswiki__dhcp.pcap  ·  frame 2  ·  4 frames  ·  filter 'udp': 4 shown")
        await pilot.pause()
        first, second = app.status._shown.plain.split("\n")  # type: ignore[union-attr]
        width = app.status.content_region.width
        assert len(first) <= width and len(second) <= width
        assert second.endswith(note) and second.startswith("wswiki__dhcp.pcap")


async def test_help_fits_a_small_terminal_and_scrolls() -> None:
    # at 80x24 the box lost its right border and its lower lines, and no key scrolled it
    from textual.containers import VerticalScroll

    app = PktscopeApp(DHCP)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one(VerticalScroll)
        assert box.region.right <= 80 and box.region.bottom <= 24
        assert box.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert box.scroll_y > 0
