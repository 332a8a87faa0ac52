"""`pktscope compile` writes importable, formatted modules; `pktscope check` locates errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pktscope.cli import main

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "formats"


def test_check_reports_file_line_col(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "bad.ksy"
    spec.write_text("meta:\n  id: bad\nseq:\n  - id: a\n    type: nope\n")
    assert main(["check", str(spec)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{spec}:5:")
    assert "nope" in out


def test_check_ok_spec(capsys: pytest.CaptureFixture[str]) -> None:
    spec = FORMATS / "network" / "udp_datagram.ksy"
    assert main(["check", str(spec), "-I", str(FORMATS)]) == 0
    assert capsys.readouterr().out == ""


def test_compile_to_package(tmp_path: Path) -> None:
    pkg = tmp_path / "mypkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    eth = FORMATS / "network" / "ethernet_frame.ksy"
    rc = main(
        ["compile", str(eth), "-I", str(FORMATS), "-o", str(pkg), "--python-package", "mypkg"]
    )
    assert rc == 0
    text = (pkg / "ethernet_frame.py").read_text()
    assert text.startswith("# This is a generated file!") and "@generated" in text.splitlines()[0]
    assert "from mypkg import ipv4_packet" in text
    frame = bytes.fromhex(
        "ffffffffffff00163e6f43f40800450000240001000040117cc6c0a80001c0a800ff0044004300100000"
    ) + bytes(8)
    code = (
        "import mypkg.ethernet_frame as e\n"
        f"f = e.EthernetFrame.from_bytes({frame!r})\n"
        "print(f.body.body.body.src_port, f.body._pkt_span('src_ip_addr'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "68 (26, 30, None, None)"
