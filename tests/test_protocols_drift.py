"""The checked-in generated parsers (pktscope/protocols) equal the compiler's output for specs/.

A spec edit or a compiler change without `make protocols` fails here, naming the module and the
first differing line, so the shipped parsers never lag behind their sources.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import REPO

from pktscope.compile.build import compile_to_dir

SPECS = sorted((REPO / "specs").glob("*.ksy"))
PROTOCOLS = REPO / "pktscope" / "protocols"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("protocols")
    compile_to_dir(SPECS, out, python_package="pktscope.protocols")
    return out


def test_every_spec_has_a_checked_in_module() -> None:
    assert SPECS, "no bundled specs found"
    missing = [p.stem for p in SPECS if not (PROTOCOLS / f"{p.stem}.py").is_file()]
    assert not missing, f"run `make protocols`: no generated module for {missing}"


def test_no_stale_modules() -> None:
    stems = {p.stem for p in SPECS} | {"__init__", "_pkt_runtime"}
    stale = sorted(p.name for p in PROTOCOLS.glob("*.py") if p.stem not in stems)
    assert not stale, f"generated modules without a spec: {stale}"


@pytest.mark.parametrize("spec", [*(p.stem for p in SPECS), "_pkt_runtime"])
def test_checked_in_module_matches_compiler_output(spec: str, regenerated: Path) -> None:
    want = (regenerated / f"{spec}.py").read_text(encoding="utf-8")
    have = (PROTOCOLS / f"{spec}.py").read_text(encoding="utf-8")
    if have != want:
        diff = "".join(
            list(
                difflib.unified_diff(
                    have.splitlines(True),
                    want.splitlines(True),
                    f"pktscope/protocols/{spec}.py (checked in)",
                    "compiler output",
                )
            )[:40]
        )
        pytest.fail(f"pktscope/protocols/{spec}.py drifted; run `make protocols`\n{diff}")


def test_bundled_specs_load_from_the_checked_in_modules() -> None:
    import pktscope.protocols.dhcp as generated
    from pktscope.dissect.registry import load_spec

    cls = load_spec("dhcp")
    assert cls.__module__ == generated.__name__
    head = (PROTOCOLS / "dhcp.py").read_text(encoding="utf-8").splitlines()[0]
    assert "@generated" in head
