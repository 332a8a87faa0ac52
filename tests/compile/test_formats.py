"""Every public format in ``../shared/kaitai/formats`` compiles and its module imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.compile.build import compile_spec
from pktscope.compile.python import camel

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "formats"
SPECS = sorted(str(p.relative_to(FORMATS)) for p in FORMATS.rglob("*.ksy"))


def test_all_formats_present() -> None:
    assert len(SPECS) == 186


@pytest.mark.parametrize("rel", SPECS)
def test_format_compiles(rel: str) -> None:
    mod = compile_spec(FORMATS / rel, import_paths=[FORMATS])
    import yaml

    spec_id = yaml.safe_load((FORMATS / rel).read_text())["meta"]["id"]
    cls = getattr(mod, camel(spec_id))
    assert isinstance(cls.SEQ_FIELDS, list)
    assert cls.__module__ == spec_id
