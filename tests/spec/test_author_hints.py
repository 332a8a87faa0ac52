"""What ``check`` tells a spec author beyond the official compiler: close matches for a
misspelt key or name, a field read before the field it depends on, where an unclosed YAML
bracket opened, and an id that differs from the file name (a warning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.cli import main
from pktscope.spec.validate import SpecWarning, check_spec

HEAD = "meta: {id: p, endian: be}\n"


def _messages(body: str) -> list[str]:
    return [e.message for e in check_spec(HEAD + body) if not isinstance(e, SpecWarning)]


def test_misspelt_key_and_name_get_a_close_match() -> None:
    msgs = _messages("seq:\n  - {id: a, type: u1}\n  - {id: b, sise: a}\n")
    assert any(m.endswith("; did you mean 'size'?") for m in msgs), msgs
    (msg,) = _messages("seq:\n  - {id: body_len, type: u1}\n  - {id: b, size: body_lenn}\n")
    assert msg == "unable to access 'body_lenn' in p context; did you mean 'body_len'?"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "seq:\n  - {id: body, size: body_len}\n  - {id: body_len, type: u2}\n",
            "'body_len' is seq field 1, after this one: it has no value when this field is read",
        ),
        (
            "seq:\n  - {id: a, type: u1, if: a == 1}\n",
            "'a' is this field itself: it has no value when this field is read",
        ),
        (
            "seq:\n  - {id: n, type: u1}\n  - {id: x, type: u1, repeat: expr, "
            "repeat-expr: n + later.size}\n  - {id: later, size: 2}\n",
            "'later' is seq field 2, after this one: it has no value when this field is read",
        ),
    ],
)
def test_field_read_before_what_it_depends_on(body: str, message: str) -> None:
    assert _messages(body) == [message]


def test_static_size_of_a_later_field_is_fine() -> None:
    # dbf.ksy: `size: header1.len_header - header1._sizeof - header_terminator._sizeof`
    body = (
        "seq:\n  - {id: n, type: u1}\n  - {id: body, size: n - trailer._sizeof}\n"
        "  - {id: trailer, type: u2}\n"
    )
    assert _messages(body) == []


def test_unclosed_bracket_says_where_it_opened() -> None:
    (err,) = check_spec(HEAD + "seq:\n  - id: a\n    contents: [1, 2\n  - id: b\n    type: u1\n")
    assert (err.line, err.col) == (5, 7)  # the line after the bracket: YAML notices there
    assert "(while parsing a flow sequence at line 4, column 15)" in err.message


def test_id_unlike_file_name_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "other_name.ksy"
    spec.write_text("meta: {id: p}\nseq:\n  - {id: a, type: u1}\n")
    assert main(["check", str(spec)]) == 0  # a warning does not fail the check
    out = capsys.readouterr().out
    assert out.startswith(f"{spec}:1:")
    assert "warning: id 'p' differs from the file name 'other_name.ksy'" in out
