"""Live capture: run ``dumpcap`` (or ``tshark``) writing pcapng to a pipe, read it sans-IO.

The capture tool does the privileged part and the BPF filtering; pktscope only reads the pcapng
stream on the tool's stdout with the same :class:`~pktscope.capture.reader.CaptureReader` used
for files, so live records are ordinary :class:`~pktscope.capture.records.Record` objects.
(pyshark drives tshark's text/PDML output, which would decode everything twice; reading the raw
pcapng stream is both simpler and faster.)

>>> for rec in live_records("lo", count=2, bpf="udp port 53"):   # doctest: +SKIP
...     print(rec.number, rec.len)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Generator, Iterator
from pathlib import Path

from pktscope.capture.reader import CaptureReader
from pktscope.capture.records import Record
from pktscope.errors import CaptureError, ToolError

__all__ = ["capture_argv", "live_records"]

_CHUNK = 1 << 16
_STDERR_TAIL = 2000


def capture_argv(
    interface: str,
    count: int | None = None,
    bpf: str | None = None,
    *,
    duration: float | None = None,
    tool: str | None = None,
) -> list[str]:
    """The command line that captures on ``interface`` and writes pcapng to stdout.

    ``tool`` is a path or name of ``dumpcap`` or ``tshark``; by default dumpcap, else tshark,
    from ``PATH``. Raises :class:`ToolError` when neither is found.
    """
    if tool is None:
        tool = shutil.which("dumpcap") or shutil.which("tshark")
        if tool is None:
            raise ToolError(
                "live capture needs dumpcap or tshark on PATH (apt-get install tshark)",
                argv=["dumpcap"],
            )
    elif shutil.which(tool) is None:
        raise ToolError(f"capture tool {tool!r} not found", argv=[tool])
    argv = [tool, "-i", interface, "-w", "-"]
    argv += ["-q"] if Path(tool).name.startswith("dumpcap") else ["-Q", "-F", "pcapng"]
    if count is not None:
        argv += ["-c", str(count)]
    if bpf:
        argv += ["-f", bpf]
    if duration is not None:
        argv += ["-a", f"duration:{max(1, round(duration))}"]
    return argv


def live_records(
    interface: str,
    count: int | None = None,
    bpf: str | None = None,
    *,
    timeout: float | None = None,
    tool: str | None = None,
) -> Iterator[Record]:
    """Capture on ``interface`` and yield records as they arrive.

    Stops after ``count`` records, after ``timeout`` seconds (the tool's ``-a duration``, with a
    watchdog in case the tool hangs), or when the caller stops iterating (the tool is
    terminated). A tool that cannot start or exits with an error raises :class:`ToolError`
    naming the command, its exit code and the tail of its stderr; broken pcapng on the pipe
    raises :class:`CaptureError`.
    """
    argv = capture_argv(interface, count, bpf, duration=timeout, tool=tool)
    with tempfile.TemporaryFile() as stderr:
        try:
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=stderr)
        except OSError as exc:
            raise ToolError(f"cannot run {argv[0]}: {exc}", argv=argv) from exc
        watchdog = None
        if timeout is not None:
            watchdog = threading.Timer(timeout + 10, proc.kill)
            watchdog.daemon = True
            watchdog.start()
        stopped_by_us = False
        at_eof = False
        try:
            stopped_by_us = yield from _pump(proc, count)
            at_eof = not stopped_by_us
        finally:
            if watchdog is not None:
                watchdog.cancel()
            if at_eof:  # the tool closed its stdout: let it exit and report its status
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=10)
            if proc.poll() is None:
                stopped_by_us = True
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            assert proc.stdout is not None
            proc.stdout.close()
        if proc.returncode != 0 and not stopped_by_us:
            stderr.seek(0)
            tail = stderr.read()[-_STDERR_TAIL:].decode("utf-8", "replace")
            raise ToolError(
                f"live capture on {interface!r} failed: {' '.join(argv)}",
                argv=argv,
                returncode=proc.returncode,
                stderr_tail=tail,
            )


def _pump(proc: subprocess.Popen[bytes], count: int | None) -> Generator[Record, None, bool]:
    """Records from the tool's stdout; returns True when ``count`` was reached (then the tool
    may be stopped by us), False at end of stream."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    reader = CaptureReader()
    seen = 0
    while count is None or seen < count:
        try:
            chunk = os.read(fd, _CHUNK)
        except OSError as exc:
            raise CaptureError(f"reading the capture pipe failed: {exc}") from exc
        if not chunk:
            break
        reader.feed(chunk)
        for rec in reader.records():
            yield rec
            seen += 1
            if count is not None and seen >= count:
                return True
    reader.close()  # a tool stopped mid-record leaves a partial block: a warning, not an error
    return count is not None and seen >= count
