"""Control characters inside a text field (a DNS name with a newline and a tab) are escaped as
tshark escapes them, so ``fields`` keeps one row per frame and one column per path."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import pktscope
from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap
from pktscope.cli import main

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def _capture(tmp_path: Path) -> Path:
    data = bytearray(pktscope.open_capture(CAPTURES / "wswiki__dns.cap")[0].buffer)
    data[57], data[58] = 10, 9  # "google.com" -> "go\n\tle.com"
    path = tmp_path / "ctl.pcap"
    write_pcap(path, [Record(1, 0.0, 0, len(data), len(data), 0, 1, bytes(data), None, 0)])
    return path


def test_text_row_stays_one_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _capture(tmp_path)
    assert main(["fields", str(path), "-e", "dns.queries.name", "-e", "dns.id"]) == 0
    assert capsys.readouterr().out == "go\\n\\tle.com\t4146\n"
    assert main(["fields", str(path), "-e", "dns.queries.name", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"dns.queries.name": "go\\n\\tle.com"}


@pytest.mark.tools
def test_escapes_equal_tshark(
    tmp_path: Path, tshark: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _capture(tmp_path)
    theirs = subprocess.run(
        [tshark, "-n", "-r", str(path), "-T", "fields", "-e", "dns.qry.name"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    assert main(["fields", str(path), "-e", "dns.queries.name"]) == 0
    assert capsys.readouterr().out == theirs
    assert main(["show", str(path)]) == 0
    line = subprocess.run(
        [tshark, "-n", "-r", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert capsys.readouterr().out == line
