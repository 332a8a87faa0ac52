"""Jupyter HTML of packets and fields, and captures as DataFrames."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

import pktscope
from pktscope.errors import PktscopeError

CAPTURES = Path(__file__).resolve().parents[1].parent / "shared" / "captures"


def test_packet_html_has_tree_and_hexdump() -> None:
    pkt = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]
    out = pkt._repr_html_()
    assert out.startswith('<div class="pktscope-packet"')
    assert "eth:ipv4:udp:dhcp" in out
    assert "pktscope-hexdump-view" in out
    assert out.count("<details") == out.count("</details>")
    assert "dhcp_message_type (53)" in out


def test_field_html_selects_the_field() -> None:
    pkt = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]
    out = pkt["dhcp.chaddr"]._repr_html_()
    assert "chaddr" in out and "000b8201fc4200000000000000000000" in out
    assert "background: #fff3b0" in out  # the selected row
    assert "dhcp.chaddr" in out  # the legend of the coloured bytes
    opt = pkt["dhcp.options[1]"]._repr_html_()
    assert opt.count("<details") == opt.count("</details>") >= 1


def test_to_dataframe() -> None:
    cap = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")
    df = cap.to_dataframe(["dhcp.xid", "dhcp.message_type", "ipv4.src", "dhcp.chaddr", "dns.id"])
    assert list(df.index) == [1, 2, 3, 4]
    assert list(df["dhcp.message_type"]) == [1, 2, 3, 5]
    assert df["dhcp.xid"].iloc[0] == 0x3D1D
    assert df["ipv4.src"].iloc[1] == "192.168.0.1"
    assert df["dhcp.chaddr"].iloc[0] == "000b8201fc4200000000000000000000"
    assert df["dns.id"].isna().all()


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def fake(name: str, *args: Any, **kw: Any) -> Any:
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", fake)
    cap = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")
    with pytest.raises(PktscopeError, match="pip install pandas"):
        cap.to_dataframe(["dhcp.xid"])


def test_to_dataframe_types_paths_and_index() -> None:
    from pktscope.fields.lookup import FieldNotFound
    from pktscope.notebook import to_dataframe

    cap = pktscope.open_capture(CAPTURES / "wswiki__dns.cap")
    df = to_dataframe(cap, ["frame.number", "ipv4.ttl", "udp.src_port", "frame.truncated"])
    # integers stay integers where a value is absent (nullable Int64, not float64)
    assert str(df["ipv4.ttl"].dtype) == "Int64" and str(df["frame.truncated"].dtype) == "boolean"
    assert list(df.columns) == ["ipv4.ttl", "udp.src_port", "frame.truncated"]
    assert df.reset_index().columns[0] == "frame.number"  # it was both index and column
    assert to_dataframe(cap, "ipv4.ttl").shape == (len(cap), 1)  # one path, not its letters
    with pytest.raises(FieldNotFound, match=r"did you mean: ipv4\.src"):
        to_dataframe(cap, ["ipv4.srcc"])


def test_html_errors_sit_outside_summary_and_frame_fields_show_values() -> None:
    import re

    pkt = pktscope.open_capture(CAPTURES / "tcpdump__bootp_asan.pcap")[0]
    out = pkt._repr_html_()
    assert not re.search(r"<summary>(?:(?!</summary>).)*<div", out)  # no block in a summary
    assert "Truncated" in out or "need " in out  # the error is still shown
    shown = pkt["frame.number"]._repr_html_()
    assert "<b>frame.number</b>: <span" in shown and ">1</span>" in shown


def test_library_misuse_gets_clear_errors() -> None:
    from pktscope.fields.encode import FieldError
    from pktscope.fields.lookup import FieldNotFound

    cap = pktscope.open_capture(CAPTURES / "wswiki__dns.cap")
    with pytest.raises(TypeError, match="capture indices are integers or slices, not str"):
        cap["a"]  # type: ignore[call-overload]
    pkt = cap[0]
    pkt["dns.queries[0].type"].set("AAAA")  # enum names in any case
    assert pkt["dns.queries[0].type"].display == "aaaa (28)"
    with pytest.raises(FieldError, match=r"names: a, ns, cname"):
        pkt["dns.queries[0].type"].set("bogus")
    with pytest.raises(FieldError, match="blit\\(\\) copies raw bytes: give bytes, not str"):
        pkt["ipv4.src"].blit("abc")  # type: ignore[arg-type]
    with pytest.raises(FieldNotFound):
        pkt.hexdump(highlight="nope.nope")
    assert pkt.hexdump(highlight="dhcp.xid")  # a known path absent from this frame: no mark
    assert "\x1b[" in str(pkt.hexdump(highlight=pkt["dns.id"], style="ansi"))  # a Field
