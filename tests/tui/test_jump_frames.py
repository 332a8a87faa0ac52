"""A jump draws list, tree, hex pane and their scrollbars in one frame, and nothing after it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from pktscope.tui.app import GC_FULL_EVERY, IDLE_GC_AFTER, IDLE_GC_S, PktscopeApp

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
DHCP = CAPTURES / "wswiki__dhcp.pcap"  # 4 frames
SIZE = (160, 45)

pytestmark = pytest.mark.asyncio


async def test_jump_leaves_no_scrollbar_update_for_a_later_frame() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for number in ("4", "1", "3"):
            assert app.goto_frame(number)
            # synchronously up to date: nothing left queued to draw a frame of its own
            for pane in (app.packets, app.field_tree, app.hex):
                assert not pane._scrollbars_pending, (number, pane)
            await pilot.pause()
            tree = app.field_tree
            assert tree.packet.frame.number == int(number)
            assert tree.vertical_scrollbar.window_virtual_size == tree.virtual_size.height
            hexp = app.hex
            assert hexp.vertical_scrollbar.window_virtual_size == hexp.virtual_size.height


async def test_status_bar_repaints_only_when_its_text_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = app.status
        updates: list[str] = []
        real_update = status.update

        def counting_update(*args: object, **kwargs: object) -> None:
            updates.append(str(args[0]))
            real_update(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(status, "update", counting_update)
        status.set_state("same state")
        status.set_state("same state")
        assert len(updates) == 1
        status.set_state("other state")
        assert len(updates) == 2 and "other state" in status.plain
        status.message("a note")
        status.message("a note")
        assert len(updates) == 3


async def test_full_collections_wait_for_a_pause_and_thresholds_are_restored() -> None:
    before = gc.get_threshold()
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] >= GC_FULL_EVERY
        for number in ("2", "3", "4", "1"):
            assert app.goto_frame(number)
            await pilot.pause()
        for _ in range(IDLE_GC_AFTER + 1):
            gc.collect(1)  # as the young collections of a busy session would
        assert gc.get_count()[2] >= IDLE_GC_AFTER
        await pilot.pause(IDLE_GC_S + 0.3)  # the user paused: a full collection
        assert gc.get_count()[2] < IDLE_GC_AFTER
    assert gc.get_threshold() == before


async def test_ticks_stop_once_the_index_settles_and_resume_for_a_filter() -> None:
    app = PktscopeApp(DHCP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        assert app._ticker is not None and not app._ticker._active.is_set()
        await pilot.press("slash")
        await pilot.press(*"dhcp", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        assert app.packets.row_count == 4
        assert "filter 'dhcp': 4 shown" in app.status.plain
        assert not app._ticker._active.is_set()
