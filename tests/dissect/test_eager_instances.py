"""Parts of a packet a spec reaches through an instance, read with the seq (``-pktscope-eager``).

DHCP options overloaded into ``file``/``sname`` and the name a DNS compression pointer points
to are dissected by tshark whether or not anyone asks for them, and a failure there makes the
frame malformed. The specs mark those instances eager: they fail with their object's read, so
``frame.malformed`` and ``frame.errors`` say so, and the fields before the failure stay.
Every crafted frame is also dissected by tshark, and ``frame.malformed`` must agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from crafted import tshark_rows, write_frames

import pktscope

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import netframes as nf  # noqa: E402 - scripts/ is not a package

MAC = "00:0b:82:01:fc:42"


def dhcp_frame(options: list[bytes], *, file: bytes = b"", sname: bytes = b"") -> bytes:
    msg = bytearray(nf.bootp(1, 0x1234, nf.mac(MAC), options))
    msg[44 : 44 + len(sname)] = sname
    msg[108 : 108 + len(file)] = file
    ip = nf.ipv4("0.0.0.0", "255.255.255.255", 17, nf.udp(b"\0" * 4, b"\xff" * 4, 68, 67, msg))
    return nf.ethernet("ff:ff:ff:ff:ff:ff", MAC, 0x0800, ip)


def dns_frame(message: bytes) -> bytes:
    src, dst = nf.ip4("10.0.0.1"), nf.ip4("10.0.0.2")
    ip = nf.ipv4(src, dst, 17, nf.udp(src, dst, 5353, 53, message))
    return nf.ethernet("00:00:5e:00:53:01", MAC, 0x0800, ip)


MESSAGE_TYPE = nf.dhcp_option(53, b"\x01")
HEADER = b"\x12\x34\x01\x00"  # DNS id, flags (a standard query)
QUERY = nf.dns_name("www.example.com") + b"\x00\x01\x00\x01"
ANSWER_TAIL = b"\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x01\x02\x03\x04"

# name -> (frame, error path or None when the frame decodes whole)
CASES: dict[str, tuple[bytes, str | None]] = {
    "overload into file, whole": (
        dhcp_frame(
            [MESSAGE_TYPE, nf.dhcp_option(52, b"\x01")],
            file=nf.dhcp_option(12, b"host") + b"\xff",
        ),
        None,
    ),
    "overload into file, option past the field": (
        dhcp_frame([MESSAGE_TYPE, nf.dhcp_option(52, b"\x01")], file=b"\x0c\xc8" + b"A" * 10),
        "dhcp.file_options.options[0].body",
    ),
    "overload into sname, option past the field": (
        dhcp_frame([MESSAGE_TYPE, nf.dhcp_option(52, b"\x02")], sname=b"\x0c\x50" + b"B" * 10),
        "dhcp.sname_options.options[0].body",
    ),
    "file holds bytes, no overload": (
        dhcp_frame([MESSAGE_TYPE], file=b"\x0c\xc8" + b"A" * 10),
        None,
    ),
    "DNS pointer, whole": (
        dns_frame(
            HEADER + b"\x00\x01\x00\x01\x00\x00\x00\x00" + QUERY + nf.pointer(12) + ANSWER_TAIL
        ),
        None,
    ),
    "DNS query pointer past the message": (
        dns_frame(
            HEADER
            + b"\x00\x01\x00\x00\x00\x00\x00\x00"
            + b"\x03www"
            + nf.pointer(0xF0)
            + b"\x00\x01\x00\x01"
        ),
        "dns.queries[0].name.labels[1].target.labels[0].length",
    ),
    "DNS answer pointer past the message": (
        dns_frame(
            HEADER + b"\x00\x01\x00\x01\x00\x00\x00\x00" + QUERY + nf.pointer(0x7F) + ANSWER_TAIL
        ),
        "dns.answers[0].name.labels[0].target.labels[0].length",
    ),
    "DNS pointer loop (cut by loop protection, not malformed)": (
        dns_frame(
            HEADER
            + b"\x00\x01\x00\x00\x00\x00\x00\x00"
            + b"\x03www"
            + nf.pointer(12)
            + b"\x00\x01\x00\x01"
        ),
        None,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_eager_instance_failure_is_the_layers(name: str) -> None:
    frame, path = CASES[name]
    pkt = pktscope.decode(frame)
    if path is None:
        assert not pkt.malformed and not pkt.errors, pkt.errors
        return
    assert pkt.malformed
    (err,) = pkt.errors
    assert err.field_path == path
    assert err.offset is not None
    layer = path.split(".")[0]
    # what came before the failure is kept: the layer's header, the seq before the instance
    assert pkt[f"{layer}.{'xid' if layer == 'dhcp' else 'id'}"].value == 0x1234
    if layer == "dhcp":
        assert pkt["dhcp.options[-1].code"].display == "end (255)"
        area = pkt[path.split(".options")[0]]
        assert area.size == 2  # the option's code and length, read before the failure
        assert pkt[path.replace(".body", ".length")].value in (0xC8, 0x50)


def test_eager_overload_area_is_decoded_and_spanned() -> None:
    pkt = pktscope.decode(CASES["overload into file, whole"][0])
    assert pkt["dhcp.file_options.options[0].body.value"].value == "host"
    assert pkt["dhcp.file_options.options[0]"].offset == pkt["dhcp.file"].offset


@pytest.mark.parametrize(
    ("name", "at", "position", "size"),
    [
        ("DNS query pointer past the message", 0x3A, 240, 22),
        ("DNS answer pointer past the message", 0x4B, 127, 49),
    ],
)
def test_pointer_past_the_end_is_located_at_the_pointer(
    name: str, at: int, position: int, size: int
) -> None:
    # the offset was where the read would have been, past the frame: nothing to point at
    pkt = pktscope.decode(CASES[name][0])
    (err,) = pkt.errors
    message = f"position {position} is past the end of its data ({size} bytes)"
    assert (err.offset, str(err).split(": ", 1)[1]) == (at, message)
    label = pkt[".".join(str(CASES[name][1]).split(".")[:4])]  # the label holding the pointer
    assert label.offset == at and label.copy()[0] & 0xC0 == 0xC0


def test_partial_object_span_stops_where_its_reads_did() -> None:
    # the label holding the bad pointer is 2 bytes: its target's failed read (past the
    # message) is not part of its span; the name and question end there too
    pkt = pktscope.decode(CASES["DNS query pointer past the message"][0])
    label = pkt["dns.queries[0].name.labels[1]"]
    assert label.copy() == nf.pointer(0xF0)
    assert pkt["dns.queries[0].name"].copy() == b"\x03www" + nf.pointer(0xF0)
    assert pkt["dns.queries[0]"].end == label.end


# case -> why tshark's malformed flag differs (the rest must agree)
TSHARK_QUIRKS = {
    "overload into sname, option past the field": (
        "tshark reads the option on past the 64-byte sname field into file (its -V shows "
        "'Host Name: BBBBBBBBBB' and the expert error 'sname overload end option missing') "
        "and raises Malformed only when a read leaves the packet, as the case with file shows. "
        "RFC 2131 section 4.1 makes each field an option area of its own: the spec bounds it "
        "and the overrun is the layer's error."
    ),
}


@pytest.mark.tools
def test_malformed_agrees_with_tshark(tmp_path: Path, tshark: str) -> None:
    frames = [frame for frame, _ in CASES.values()]
    pcap = write_frames(tmp_path / "eager.pcap", frames)
    theirs = [bool(row[0].strip()) for row in tshark_rows(tshark, pcap, "_ws.malformed")]
    ours = [pkt.malformed for pkt in pktscope.open_capture(pcap)]
    differ = {name: (o, t) for name, o, t in zip(CASES, ours, theirs, strict=True) if o != t}
    assert set(differ) == set(TSHARK_QUIRKS), differ
    for name in TSHARK_QUIRKS:
        assert differ[name] == (True, False)


EAGER_SPEC = """\
meta: {id: ptr, endian: be}
seq:
  - {id: where, type: u1}
  - {id: tail, type: u1}
instances:
  lazy:
    pos: where
    size: 2
  target:
    pos: where
    type: item
    -pktscope-eager: true
types:
  item:
    seq:
      - {id: len, type: u1}
      - {id: value, size: len}
"""


@pytest.mark.parametrize("mode", ["buffer", "stream"])
def test_eager_instance_of_a_user_spec(mode: str) -> None:
    import io

    from kaitaistruct import KaitaiStream

    from pktscope.errors import TruncatedError

    cls = pktscope.compile_spec(EAGER_SPEC).Ptr

    def read(data: bytes) -> object:
        if mode == "buffer":
            return cls.from_bytes(data)
        return cls(KaitaiStream(io.BytesIO(data)))

    ok = read(b"\x02\x00\x03abc")
    assert ok.__dict__["_m_target"].value == b"abc"  # read with the seq, before any access
    assert "_m_lazy" not in ok.__dict__  # a lazy instance waits to be asked
    with pytest.raises(TruncatedError) as info:  # the target's value runs past the end
        read(b"\x02\x00\x09ab")
    err = info.value
    assert (err.field_path, err.offset) == ("target.value", 3)
    partial = err.partial
    assert (partial.where, partial.tail) == (2, 0)  # the seq stays
    assert partial.target.len == 9  # the instance keeps what it read, as a seq field does
    pkt = pktscope.decode(b"\x02\x00\x09ab", spec=cls)
    assert pkt.malformed and pkt["ptr.target.len"].value == 9
    assert (pkt["ptr.target"].offset, pkt["ptr.target"].size) == (2, 1)


ENTRIES = """\
meta: {id: e}
seq:
  - {id: entries, type: entry, repeat: expr, repeat-expr: 2}
types:
  entry:
    seq:
      - {id: key, type: u1}
      - {id: ptr, type: u1}
    instances:
      target: {io: _root._io, pos: ptr, type: u1}
"""


def test_error_of_an_instance_in_an_array_names_its_element() -> None:
    # asked for on its own, the instance's error said "e.target @ 0x0000: EndOfStreamError:
    # requested 1 bytes...": the element's path was lost and the error untranslated
    pkt = pktscope.decode(bytes([7, 250, 9, 0]), spec=pktscope.compile_spec(ENTRIES).E)
    assert not pkt.errors  # a lazy instance: the seq decodes whole
    with pytest.raises(KeyError) as info:
        pkt["e.entries[0].target"]
    err = info.value.error  # type: ignore[attr-defined]
    assert (err.field_path, err.offset) == ("e.entries[0].target", 0)
    assert str(err).endswith("position 250 is past the end of its data (4 bytes)")
    assert pkt["e.entries[1].target"].value == 7
