"""Helpers of the extraction-plan tests: run ``pktscope fields`` with and without the plan."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from pktscope.cli import main
from pktscope.commands.fields import FAST_ENV

SPECIALISE_ENV = "PKTSCOPE_FIELDS_SPECIALISE"


class Both:
    """Runs ``pktscope fields`` with the plan (specialised to the capture's first frames, and
    not) and with the full decode only."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self.monkeypatch = monkeypatch
        self.capsys = capsys

    def run(
        self, argv: Sequence[str], *, slow: bool, specialise: bool = True
    ) -> tuple[int, str, str]:
        if slow:
            self.monkeypatch.setenv(FAST_ENV, "1")
        else:
            self.monkeypatch.delenv(FAST_ENV, raising=False)
        self.monkeypatch.setenv(SPECIALISE_ENV, "1" if specialise else "0")
        code = main(["fields", *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def same(self, argv: Sequence[str]) -> str:
        """The three outputs (asserted equal, exit status and stderr too); the output."""
        fast = self.run(argv, slow=False)
        general = self.run(argv, slow=False, specialise=False)
        slow = self.run(argv, slow=True)
        assert fast == slow, f"fields {' '.join(argv)} (specialised)"
        assert general == slow, f"fields {' '.join(argv)}"
        return fast[1]


def json_rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in io.StringIO(text) if line.strip()]


def plan_dir(factory: pytest.TempPathFactory) -> Path:
    """One plan cache for the whole session (plans are built once per path set)."""
    path = factory.getbasetemp() / "plans"
    path.mkdir(exist_ok=True)
    return path


def make_both(
    factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Both:
    monkeypatch.setenv("PKTSCOPE_CACHE_DIR", str(plan_dir(factory)))
    return Both(monkeypatch, capsys)
