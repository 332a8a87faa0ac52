"""``pktscope tui``: argument handling before the screen opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.cli import main
from pktscope.tui.app import PktscopeApp
from pktscope.tui.source import SAMPLE_CAPTURE


def test_bad_filter_is_shown_with_a_caret(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tui", "-Y", "udp == 67 or (dns"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "pktscope: bad display filter: col 18: expected ')'",
        "  udp == 67 or (dns",
        "                   ^",
    ]


def test_missing_capture_and_bad_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tui", "/nonexistent/x.pcap"]) == 1
    assert "no such capture file: /nonexistent/x.pcap" in capsys.readouterr().err
    assert main(["tui", "--decode-as", "udp.port=9"]) == 2  # a usage error, as in `show`
    assert "bad decode-as rule 'udp.port=9'" in capsys.readouterr().err


def test_what_cannot_be_browsed_is_said_before_the_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tui", str(tmp_path)]) == 1
    assert f"{tmp_path} is a directory, not a capture file" in capsys.readouterr().err
    text = tmp_path / "notes.txt"
    text.write_text("not a capture\n")
    assert main(["tui", str(text)]) == 1
    assert f"{text} is not a pcap or pcapng capture" in capsys.readouterr().err
    assert main(["tui", "-Y", "ipv4.scr == 10.0.0.1"]) == 2
    assert "did you mean: ipv4.src" in capsys.readouterr().err
    assert main(["tui", "--decode-as", "foo.x==1:dns"]) == 2
    assert "no protocol 'foo'" in capsys.readouterr().err


def test_no_argument_opens_the_bundled_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[PktscopeApp] = []
    monkeypatch.setattr(PktscopeApp, "run", lambda self, *a, **k: seen.append(self))
    assert main(["tui", "--decode-as", "udp.port==9000:dns", "-Y", "dhcp"]) == 0
    (app,) = seen
    assert app.path == SAMPLE_CAPTURE and SAMPLE_CAPTURE.is_file()
    assert app.rules == ["udp.port==9000:dns"]
    assert app.initial_filter is not None and app.initial_filter.text == "dhcp"
    assert Path.cwd() in app.spec_dirs
