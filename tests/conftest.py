"""Shared test fixtures: where ../shared is, and how tests that need external tools behave.

A test that needs tshark, node or the reference compiler calls :func:`require_tool`; it skips
when the tool is missing, except under ``PKTSCOPE_REQUIRE_TOOLS=1`` (CI), where it fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CAPTURES = SHARED / "captures"
KAITAI_TESTS = SHARED / "kaitai" / "tests"
KAITAI_FORMATS = SHARED / "kaitai" / "formats"


def require_tool(name: str, found: bool, hint: str = "") -> None:
    """Skip (or fail under PKTSCOPE_REQUIRE_TOOLS=1) when ``found`` is false."""
    if found:
        return
    message = f"{name} is not available{': ' + hint if hint else ''}"
    if os.environ.get("PKTSCOPE_REQUIRE_TOOLS") == "1":
        pytest.fail(message + " (PKTSCOPE_REQUIRE_TOOLS=1)")
    pytest.skip(message)


def ksc_dir() -> Path | None:
    """The npm install of the official Kaitai compiler, or None."""
    for cand in (os.environ.get("PKTSCOPE_KSC_DIR"), str(REPO / ".tools" / "ksc"), "/tmp/ksc"):
        if cand and (Path(cand) / "node_modules" / "kaitai-struct-compiler").is_dir():
            return Path(cand)
    return None


@pytest.fixture
def tshark() -> str:
    path = shutil.which("tshark")
    require_tool("tshark", path is not None, "apt-get install tshark")
    assert path is not None
    return path


@pytest.fixture
def ksc() -> Path:
    """Directory holding node_modules of the official compiler (use with ksc.js)."""
    d = ksc_dir()
    require_tool("node", shutil.which("node") is not None)
    require_tool("the reference Kaitai compiler", d is not None, "make tools")
    assert d is not None
    return d
