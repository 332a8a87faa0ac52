"""pktscope against tshark's per-frame truth for every capture of ../shared/captures.

For each capture, ``pktscope fields --json`` is run in-process (``pktscope.cli.main``) for every
path the tshark-name map covers (pktscope.commands.compare.FIELD_MAP plus the frame items), its
JSON lines are checked against the library (the CLI adds nothing and loses nothing), and the
library values are compared field by field with ``truth/<file>.truth.jsonl``. Target: 100%
agreement; each difference that is tshark's own behaviour is listed in
``compare.KNOWN_QUIRKS`` with its reason and evidence, and every quirk must still be needed.

Open pktscope bugs found by these tests are marked ``xfail(strict=True)`` with the reason and
the owner, so that a fix makes the marker fail and get removed.

Malformed and truncated captures also get a robustness check: no exception escapes, every seq
field before the failing one is still there, and ``frame.errors`` names the offset and path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pktscope.cli import main
from pktscope.commands.compare import (
    FIELD_MAP,
    KNOWN_QUIRKS,
    Report,
    compare_capture,
)

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
TRUTH = CAPTURES / "truth"
FILES = sorted(p.name for p in CAPTURES.iterdir() if p.is_file() and p.suffix != ".md")

# Open pktscope bugs (not tshark quirks): capture -> reason. Strict xfail: a fix must remove them.
OPEN_BUGS: dict[str, str] = {}

# Captures whose frames tshark flags malformed/short or that have cap_len < len.
BROKEN = (
    "tcpdump__bootp_asan.pcap",
    "tcpdump__udp-length-heapoverflow.pcap",
    "tcpdump__ipv4_invalid_total_length.pcap",
    "dpkt__truncated_dns.pcap",
    "pcpp__IcmpPackets.pcap",
)


def _truth(name: str) -> list[dict[str, Any]]:
    text = (TRUTH / f"{name}.truth.jsonl").read_text()
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _param(name: str) -> Any:
    if name in OPEN_BUGS:
        return pytest.param(name, marks=pytest.mark.xfail(reason=OPEN_BUGS[name], strict=True))
    return name


_REPORTS: dict[str, Report] = {}


def _report(name: str) -> Report:
    if name not in _REPORTS:
        _REPORTS[name] = compare_capture(str(CAPTURES / name), _truth(name), name)
    return _REPORTS[name]


def test_corpus_is_complete() -> None:
    assert len(FILES) == 22
    for name in FILES:
        assert (TRUTH / f"{name}.truth.jsonl").is_file(), name


@pytest.mark.parametrize("name", [_param(n) for n in FILES])
def test_agrees_with_tshark(name: str) -> None:
    report = _report(name)
    lines = [
        f"frame {d.frame} {d.field}: pktscope {list(d.ours)} tshark {list(d.theirs)}"
        for d in report.disagreements
    ]
    assert not lines, f"{name}: {len(lines)} unexplained disagreements:\n" + "\n".join(lines)
    assert report.total_agree > 0


# A quirk that only shows once an open bug is fixed (none at the moment).
_AWAITING_FIX: dict[str, str] = {}
# A quirk the corpus has no frame for, with the test (on generated frames) that needs it.
_OUTSIDE_CORPUS = {
    "eth-type-is-the-outer-type": (
        "tests/commands/test_cli_compare.py::test_tagged_and_8023_frames_are_a_quirk: the corpus "
        "has no 802.1Q/802.1ad-tagged frame"
    ),
}


@pytest.mark.parametrize(
    "quirk",
    [
        pytest.param(q, marks=pytest.mark.xfail(reason=_AWAITING_FIX[q.name], strict=True))
        if q.name in _AWAITING_FIX
        else q
        for q in KNOWN_QUIRKS
    ],
    ids=lambda q: q.name,
)
def test_every_quirk_is_needed_and_documented(quirk: Any) -> None:
    used = sum(q.name == quirk.name for name in FILES for _, q in _report(name).explained)
    assert quirk.reason and quirk.evidence, quirk.name
    if quirk.name in _OUTSIDE_CORPUS:
        assert not used, f"{quirk.name} now explains corpus frames: cite one as its evidence"
        return
    assert re.search(r"\.(pcap|pcapng|cap) frame \d+", quirk.evidence), quirk.name
    assert used, f"quirk {quirk.name} explains nothing: remove it"


def test_quirks_are_few() -> None:
    """A quirk must stay an exception: it may not explain more than a handful of items."""
    explained = [d for name in FILES for d, _ in _report(name).explained]
    assert 0 < len(explained) <= 20, [(d.capture, d.frame, d.field) for d in explained]


def test_agreement_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    """Tabulate per-capture agreement; agreeing or explained by a quirk: >= 99.9%."""
    total = Report()
    rows = []
    for name in FILES:
        r = _report(name)
        total.merge(r)
        rows.append(
            f"{name:45} agree {r.total_agree:5}/{r.total:<5} quirk {sum(r.known.values()):2} "
            f"differ {sum(r.differ.values())}"
        )
    with capsys.disabled():
        print("\n" + "\n".join(rows))
        print(
            f"{'all':45} agree {total.total_agree:5}/{total.total:<5} quirk "
            f"{sum(total.known.values()):2} differ {sum(total.differ.values())}"
        )
    explained = sum(total.known.values())
    assert (total.total_agree + explained) / total.total >= 0.999


# -- the CLI gives the same values as the library ---------------------------------------------
@pytest.mark.parametrize("name", FILES)
def test_fields_json_matches_truth(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``fields --json`` for every mapped path, compared with tshark's values directly."""
    from pktscope.commands._tshark_map import normalise as _norm

    maps = [m for m in FIELD_MAP if len(m.paths) == 1]
    explained = {(d.frame, d.field) for d, _ in _report(name).explained}
    argv = ["fields", str(CAPTURES / name), "--json"]
    for m in maps:
        argv += ["-e", m.paths[0]]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    truth = _truth(name)
    assert len(lines) == len(truth)
    checked = 0
    for line, row in zip(lines, truth, strict=True):
        obj = json.loads(line)
        assert list(obj) == [m.paths[0] for m in maps]
        for m in maps:
            theirs = [_norm(m.kind, v) for v in row.get(m.tshark, [])]
            got = obj[m.paths[0]]
            ours = [] if got is None else got if isinstance(got, list) else [got]
            ours = [_norm(m.kind, str(int(v) if isinstance(v, bool) else v)) for v in ours]
            if (row["frame"], m.tshark) in explained:
                continue  # a documented tshark quirk (KNOWN_QUIRKS), counted in the report
            assert ours == theirs, (row["frame"], m.tshark, ours, theirs)
            checked += bool(theirs)
    assert checked > 0


# -- malformed and truncated captures ---------------------------------------------------------
@pytest.mark.parametrize("name", BROKEN)
def test_broken_capture_keeps_fields_and_names_errors(name: str) -> None:
    import pktscope
    from pktscope.fields.schema import type_info

    truth = {r["frame"]: r for r in _truth(name)}
    errors_seen = 0
    with pktscope.open_capture(CAPTURES / name) as cap:
        for pkt in cap:
            row = truth[pkt.frame.number]
            fields = list(pkt.walk())  # nothing escapes, whatever broke
            assert fields
            assert pkt["frame.truncated"].value == (row["cap_len"] < row["len"])  # DESIGN.md
            messages = pkt["frame.errors"].value if pkt.errors else []
            for layer, msg in zip([la for la in pkt.layers if la.error], messages, strict=True):
                err = layer.error
                errors_seen += 1
                assert err.offset is not None and 0 <= err.offset <= len(pkt.buffer) + 65535
                assert err.field_path.startswith(layer.name + "."), err.field_path
                assert f"@ 0x{err.offset:04x}" in msg and err.field_path in msg, msg
                # Every seq field of the layer before the failing one kept its value.
                failing = err.field_path.split(".")[1].split("[")[0]
                seq = [m.id for m in type_info(layer.cls) if m.kind == "seq"]
                if failing in seq:
                    for before in seq[: seq.index(failing)]:
                        path = f"{layer.name}[{layer.occurrence}].{before}"
                        f = pkt.get(path)
                        if f is None and _optional(layer.cls, before):
                            continue
                        assert f is not None, f"{name} frame {pkt.frame.number}: lost {path}"
    if name != "tcpdump__ipv4_invalid_total_length.pcap":
        assert errors_seen > 0, f"{name}: expected a decode error"


def _optional(cls: type, field_id: str) -> bool:
    """True when the seq field has an ``if`` (absent is then a legal value)."""
    from pktscope.fields.schema import type_info

    meta = type_info(cls).lookup(field_id)
    return meta is not None and bool(meta.hints.get("if"))


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("tcpdump__udp-length-heapoverflow.pcap", "udp.src_port", 12336),
        ("tcpdump__udp-length-heapoverflow.pcap", "udp.dst_port", 12336),
        # bytes 42.. of the frame: 00 00 00 0d 14000000 ... (op, htype, hlen, hops, xid)
        ("tcpdump__bootp_asan.pcap", "dhcp.hops", 0x0D),
        ("tcpdump__bootp_asan.pcap", "dhcp.xid", 0x14000000),
        ("pcpp__IcmpPackets.pcap", "tcp.src_port", 0),
    ],
)
def test_fields_before_a_truncation_are_kept(name: str, path: str, value: int) -> None:
    """A header cut short keeps the fields read before the cut (a fixed run of struct fields
    must not fail as a whole)."""
    import pktscope

    with pktscope.open_capture(CAPTURES / name) as cap:
        pkt = next(p for p in cap if p.errors)
        assert pkt[path].value == value
        # running out of captured bytes is truncation (tshark's "short"), not malformation
        assert not pkt.malformed
        if name != "pcpp__IcmpPackets.pcap":  # an ICMP error's quote is short by design
            assert pkt.truncated
