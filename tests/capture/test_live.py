"""Live capture through dumpcap/tshark on the loopback interface."""

from __future__ import annotations

import os
import shutil
import socket
import threading

import pytest
from conftest import require_tool

from pktscope.capture.live import capture_argv, live_records
from pktscope.errors import ToolError

PORT = 54_321


def _can_capture() -> bool:
    return os.geteuid() == 0 and (shutil.which("dumpcap") or shutil.which("tshark")) is not None


def test_argv_for_each_tool() -> None:
    dumpcap = shutil.which("dumpcap") or shutil.which("tshark")
    require_tool("dumpcap or tshark", dumpcap is not None)
    assert dumpcap is not None
    argv = capture_argv("lo", 3, "udp", duration=2.2, tool=dumpcap)
    assert argv[1:5] == ["-i", "lo", "-w", "-"]
    assert argv[-6:] == ["-c", "3", "-f", "udp", "-a", "duration:2"]


def test_missing_tool_is_a_tool_error() -> None:
    with pytest.raises(ToolError, match="not found") as info:
        list(live_records("lo", count=1, tool="/nonexistent/dumpcap"))
    assert info.value.argv == ["/nonexistent/dumpcap"]


@pytest.mark.tools
def test_bad_interface_reports_exit_code_and_stderr() -> None:
    require_tool("packet capture (root + dumpcap/tshark)", _can_capture())
    with pytest.raises(ToolError) as info:
        list(live_records("no-such-iface0", count=1, timeout=5))
    assert info.value.returncode not in (None, 0)
    assert "no-such-iface0" in info.value.stderr_tail
    assert "-i" in info.value.argv


@pytest.mark.tools
@pytest.mark.parametrize("tool", ["dumpcap", "tshark"])
def test_capture_udp_on_loopback(tool: str) -> None:
    require_tool("packet capture (root)", _can_capture())
    require_tool(tool, shutil.which(tool) is not None)
    stop = threading.Event()

    def send() -> None:  # keep sending until the capture has what it needs
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            for i in range(100):
                if stop.wait(0.1):
                    return
                s.sendto(b"pktscope-live-%03d" % i, ("127.0.0.1", PORT))

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        records = list(
            live_records("lo", count=2, bpf=f"udp dst port {PORT}", timeout=15, tool=tool)
        )
    finally:
        stop.set()
        sender.join()
    assert [r.number for r in records] == [1, 2]
    for rec in records:
        assert rec.linktype == 1  # Linux loopback is reported as Ethernet
        assert rec.data[12:14] == b"\x08\x00"
        assert int.from_bytes(rec.data[36:38], "big") == PORT
        assert rec.data[42:].startswith(b"pktscope-live-")
        assert rec.cap_len == rec.len == len(rec.data)
    assert records[0].time_ns <= records[1].time_ns


@pytest.mark.tools
def test_stopping_early_terminates_the_tool() -> None:
    require_tool("packet capture (root + dumpcap/tshark)", _can_capture())
    gen = live_records("lo", bpf="udp dst port 1", timeout=30)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        threading.Timer(1.5, lambda: s.sendto(b"x", ("127.0.0.1", 1))).start()
        first = next(gen)
    assert first.number == 1
    gen.close()  # must not hang nor raise: the tool is terminated
