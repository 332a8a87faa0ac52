"""``-pktscope-*`` keys are checked by name, place and form (validate_hints.py): before, a
misspelt key or a payload naming no field was accepted and then did nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.spec.validate import check_spec

BASE = """\
meta: {id: p, endian: be}
seq:
  - {id: kind, type: u1}
  - {id: addr, size: 4}
  - {id: body, size-eos: true}
instances:
  twice: {value: kind * 2}
"""


def _messages(extra_top: str = "", field: str = "") -> list[str]:
    text = BASE.replace("  - {id: addr, size: 4}", "  - {id: addr, size: 4" + field + "}")
    return [e.message for e in check_spec(extra_top + text)]


def test_bundled_specs_are_clean() -> None:
    specs = Path(__file__).resolve().parents[2] / "specs"
    for path in sorted(specs.glob("*.ksy")):
        assert check_spec(path) == [], path.name


@pytest.mark.parametrize(
    ("top", "field", "message"),
    [
        (
            "-pktscope-paylod: {field: body}\n",
            "",
            "unknown key -pktscope-paylod; did you mean -pktscope-payload?",
        ),
        (
            "",
            ", -pktscope-display: ipv5",
            "-pktscope-display must be one of mac, ipv4, ipv6, hex, text, not 'ipv5'",
        ),
        (
            "",
            ", -pktscope-dispaly: ipv4",
            "unknown key -pktscope-dispaly; did you mean -pktscope-display?",
        ),
        (
            "",
            ", -pktscope-payload: {field: body}",
            "-pktscope-payload belongs on a type (beside its `seq`), not on a field",
        ),
        (
            "-pktscope-display: hex\n",
            "",
            "-pktscope-display belongs on a seq field or an instance, not on a type",
        ),
        (
            "-pktscope-payload: {field: bodyy, next-on: kind, next: {1: dns}}\n",
            "",
            "payload field names 'bodyy', no field or instance of this type; did you mean 'body'?",
        ),
        (
            "-pktscope-payload: {field: body, next-on: [knd], next: {1: dns}}\n",
            "",
            "payload next-on names 'knd', no field or instance of this type; did you mean 'kind'?",
        ),
        (
            "-pktscope-payload: {field: body, nxt: {1: dns}}\n",
            "",
            "unknown key 'nxt' in -pktscope-payload; did you mean 'next'?",
        ),
        (
            "-pktscope-payload: {end: twice}\n",
            "",
            "-pktscope-payload needs `field` or `offset`: where the payload starts",
        ),
        (
            "-pktscope-linktypes: [ethernet]\n",
            "",
            "-pktscope-linktypes must be a list of link type numbers",
        ),
        ("-pktscope-aliases: {kind: body}\n", "", "alias 'kind' hides the field of that name"),
    ],
)
def test_bad_hint(top: str, field: str, message: str) -> None:
    assert message in _messages(top, field)


def test_good_hints_pass() -> None:
    top = (
        "-pktscope-payload: {field: body, end: twice, next-on: [kind], next: {1: dns},"
        " default: dns, quoted: true}\n-pktscope-aliases: {k: [kind]}\n-pktscope-linktypes: [1]\n"
    )
    assert _messages(top, ", -pktscope-display: ipv4") == []


def test_hint_error_is_located() -> None:
    (err,) = check_spec("meta: {id: p}\nseq:\n  - id: a\n    size: 4\n    -pktscope-display: x\n")
    assert (err.line, err.col, err.spec_path) == (5, 5, "/seq/0/-pktscope-display")


def test_eager_belongs_on_an_instance_and_is_true() -> None:
    assert _messages("", ", -pktscope-eager: true") == [
        "-pktscope-eager belongs on an instance (a seq field is always read)"
    ]
    lazy = BASE.replace("twice: {value: kind * 2}", "twice: {value: kind * 2, -pktscope-eager: 1}")
    assert [e.message for e in check_spec(lazy)] == [
        "-pktscope-eager must be true (leave it out for a lazy instance)"
    ]
    eager = BASE.replace(
        "twice: {value: kind * 2}", "twice: {pos: 0, size: 2, -pktscope-eager: true}"
    )
    assert check_spec(eager) == []


def test_bytes_belongs_on_a_value_instance() -> None:
    assert _messages("", ", -pktscope-bytes: kind") == [
        "-pktscope-bytes belongs on a value instance (a read field has bytes)"
    ]
    bad = BASE.replace("twice: {value: kind * 2}", "twice: {value: kind * 2, -pktscope-bytes: 3}")
    assert [e.message for e in check_spec(bad)] == [
        "-pktscope-bytes must be a path or a list of paths (alias syntax)"
    ]
    good = BASE.replace("twice: {value: kind * 2}", "twice: {value: kind, -pktscope-bytes: [kind]}")
    assert check_spec(good) == []


@pytest.mark.parametrize(
    ("top", "message"),
    [
        # each passed `check` and then did nothing at run time
        ("-pktscope-aliases: {k: kindd}\n", "alias 'k': path 'kindd' starts at 'kindd', no field"),
        ("-pktscope-aliases: {k: 'addr[.x'}\n", "alias 'k': 'addr[.x' is not a path"),
        (
            "-pktscope-payload: {field: body, next-on: kind, next: {one: dns}}\n",
            "payload next: key 'one' is not a number",
        ),
    ],
)
def test_hint_paths_and_keys_are_checked(top: str, message: str) -> None:
    assert any(message in m for m in _messages(top))


def test_bytes_paths_are_checked() -> None:
    bad = BASE.replace("twice: {value: kind * 2}", "twice: {value: kind, -pktscope-bytes: [knd]}")
    assert [e.message for e in check_spec(bad)] == [
        "-pktscope-bytes: path 'knd' starts at 'knd', no field or instance of this type; "
        "did you mean 'kind'?"
    ]
    good = "-pktscope-payload: {field: body, next-on: kind, next: {0x10: dns, '7': dns}}\n"
    assert _messages(good) == []


def test_display_hint_that_does_not_fit_the_type_is_a_warning() -> None:
    # `check` was silent, and `ipv6` on a u2 showed "::102", `mac` on a u4 "50595078"
    text = (
        "meta: {id: d, endian: be}\nseq:\n  - {id: a, type: u2, -pktscope-display: ipv6}\n"
        "  - {id: b, size: 3, -pktscope-display: ipv4}\n"
        "  - {id: c, type: u4, -pktscope-display: ipv4}\n"
        "  - {id: e, size: 6, -pktscope-display: mac}\n"
    )
    assert check_spec(text) == []  # warnings only: the spec still compiles
    found = [(e.spec_path, e.message) for e in check_spec(text, warnings=True)]
    assert found == [
        (
            "/seq/0/-pktscope-display",
            "-pktscope-display: ipv6 is for bytes, not for an integer (u2); "
            "integers show in decimal",
        ),
        ("/seq/1/-pktscope-display", "-pktscope-display: ipv4 is for 4 bytes, not 3"),
    ]
