"""SVG snapshots of the main screens (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from pktscope.tui.app import PktscopeApp
from pktscope.tui.source import SAMPLE_CAPTURE

SIZE = (160, 45)


async def _settle(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, PktscopeApp) and app.source is not None
    app.source.records.wait()
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.packets.refresh_count()
    app._update_state()
    # the detail panes follow the list one refresh later, and the tree moves its cursor one
    # refresh after being rebuilt: let both happen before the picture is taken
    for _ in range(3):
        await pilot.pause(0.05)


async def _select_chaddr(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, PktscopeApp)
    await _settle(pilot)
    # frame 4, the DHCP ACK: by go-to rather than Down keys, which a cold start (first import
    # of the generated parsers) can deliver before the list has loaded or has focus
    assert app.goto_frame("4")
    await _settle(pilot)
    app.field_tree.select_field(app.field_tree.packet["dhcp.chaddr"])
    app.field_tree.focus()
    await _settle(pilot)


def test_main_screen_dhcp_chaddr(snap_compare: Any) -> None:
    assert snap_compare(PktscopeApp(SAMPLE_CAPTURE), terminal_size=SIZE, run_before=_select_chaddr)


def test_filter_error(snap_compare: Any) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"udp.dst_port == 67 )", "enter")
        await pilot.pause()

    assert snap_compare(PktscopeApp(SAMPLE_CAPTURE), terminal_size=SIZE, run_before=run)


def test_filtered_dns(snap_compare: Any) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"dns && ipv4.src == 172.31.0.2", "enter")
        await _settle(pilot)

    assert snap_compare(PktscopeApp(SAMPLE_CAPTURE), terminal_size=SIZE, run_before=run)


def test_help_screen(snap_compare: Any) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(PktscopeApp(SAMPLE_CAPTURE), terminal_size=SIZE, run_before=run)


def save_readme_screenshot(target: Path) -> None:
    """Write the main screen as SVG (docs/tui.svg): ``python -m tests.tui.test_snapshots``."""
    import asyncio

    async def main() -> None:
        app = PktscopeApp(SAMPLE_CAPTURE)
        async with app.run_test(size=SIZE) as pilot:
            await _select_chaddr(pilot)
            app.save_screenshot(str(target.name), path=str(target.parent))

    asyncio.run(main())


if __name__ == "__main__":
    save_readme_screenshot(Path(__file__).resolve().parents[2] / "docs" / "tui.svg")
