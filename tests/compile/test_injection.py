"""A hostile .ksy must not run code: every spec text reaches generated code as checked data."""

from __future__ import annotations

import pytest

from pktscope.compile.build import compile_spec
from pktscope.errors import CompileError, SpecError

PAYLOAD = "__import__('os').system('touch /tmp/pwned')"

BAD_SPECS = [
    # (kind, spec text)
    ("id", 'meta: {id: x}\nseq:\n  - {id: "a=1;import os", type: u1}\n'),
    ("spec id", 'meta: {id: "x(): pass\\nimport os #"}\nseq: []\n'),
    ("type ref", f'meta: {{id: x}}\nseq:\n  - {{id: a, type: "{PAYLOAD}"}}\n'),
    ("enum label", "meta: {id: x}\nseq: []\nenums:\n  e:\n    1: \"a = __import__('os')\"\n"),
    (
        "switch case",
        "meta: {id: x}\nseq:\n  - id: a\n    type: u1\n  - id: b\n    type:\n"
        f'      switch-on: a\n      cases:\n        "{PAYLOAD}": u1\n',
    ),
    ("process arg", f'meta: {{id: x}}\nseq:\n  - {{id: a, size: 1, process: "xor({PAYLOAD})"}}\n'),
    ("custom process", "meta: {id: x}\nseq:\n  - {id: a, size: 1, process: os_system}\n"),
    ("expression", f'meta: {{id: x}}\nseq:\n  - {{id: a, size: "{PAYLOAD}"}}\n'),
]


@pytest.mark.parametrize(("kind", "text"), BAD_SPECS, ids=[k for k, _ in BAD_SPECS])
def test_hostile_spec_rejected(kind: str, text: str, tmp_path: object) -> None:
    with pytest.raises((SpecError, CompileError)):
        compile_spec(text)


def test_doc_with_quotes_and_backslash_n_is_data() -> None:
    doc = '""" + str(1/0) + """ \\N{bogus} \'\'\' \\'
    mod = compile_spec(
        "meta: {id: x}\ndoc: " + _yaml_str(doc) + "\nseq:\n  - id: a\n    type: u1\n"
        "    doc: " + _yaml_str(doc) + "\n"
    )
    assert mod.X.__doc__ == doc
    assert mod.X.from_bytes(b"\x05").a == 5


def test_string_literal_is_data() -> None:
    lit = 'a\\"); import os; (\\"'
    mod = compile_spec(
        "meta: {id: x, encoding: ASCII}\nseq:\n  - {id: a, type: str, size: 2}\n"
        f"instances:\n  eq: {{value: 'a == \"{lit}\"'}}\n"
    )
    assert mod.X.from_bytes(b"ab").eq is False


def test_encoding_name_is_data() -> None:
    mod = compile_spec(
        "meta: {id: x}\nseq:\n  - id: a\n    type: str\n    size: 1\n"
        "    encoding: \"ascii') or __import__('os') #\"\n"
    )
    with pytest.raises(Exception) as info:
        mod.X.from_bytes(b"a")
    assert "unknown encoding" in str(info.value)


def test_contents_are_data() -> None:
    mod = compile_spec('meta: {id: x}\nseq:\n  - id: a\n    contents: "\\"\'\\\\x00\\n"\n')
    raw = b"\"'\\x00\n"
    assert mod.X.from_bytes(raw).a == raw


def test_enum_label_keyword_escaped() -> None:
    mod = compile_spec(
        "meta: {id: x}\nseq:\n  - {id: class, type: u1, enum: e}\nenums:\n  e:\n    1: class\n"
    )
    obj = mod.X.from_bytes(b"\x01")
    assert obj.class_ == mod.X.E.class_


def _yaml_str(s: str) -> str:
    import json

    return json.dumps(s)


def test_no_payload_ran() -> None:
    import os

    assert not os.path.exists("/tmp/pwned")


@pytest.mark.parametrize(
    "doc",
    ['a\n"""b', 'end"', 'end"\n', '"start', "back\\slash", "nul\x00", "tab\there", "plain\ntext"],
)
def test_doc_literal_round_trips(doc: str) -> None:
    from pktscope.compile.python import doc_literal

    assert eval(doc_literal(doc)).rstrip("\n") == doc.rstrip("\n")
