"""Fixtures for the extraction-plan tests: one plan cache per session, both fields paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import Both


@pytest.fixture(scope="session")
def plan_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plans")


@pytest.fixture
def both(
    plan_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Both:
    monkeypatch.setenv("PKTSCOPE_CACHE_DIR", str(plan_cache))
    return Both(monkeypatch, capsys)
