# This is a generated file! Please edit the source .ksy file and rebuild with `pktscope compile`. @generated
# type: ignore
# ruff: noqa
import struct as _struct
import kaitaistruct as _kaitaistruct
from enum import IntEnum as _IntEnum
from kaitaistruct import BytesIO as _BytesIO
from kaitaistruct import KaitaiStream as _KaitaiStream
from kaitaistruct import KaitaiStruct as _KaitaiStruct

from pktscope.protocols._pkt_runtime import (
    _ks_str,
    _ks_div,
    _ks_xor,
    _ks_enum,
    _PKT_UNSET,
    _PktSubStream,
    _PktBufStream,
    _pkt_subio,
    _pkt_subof,
    _pkt_new,
    _pkt_resync,
    _pkt_eos,
    _pkt_enter,
    _pkt_iosize,
    _pkt_where,
    _pkt_force,
    _pkt_sub,
    _pkt_arr_span,
    _pkt_abs,
    _PktLazyIo,
    _PktStruct,
    _pkt_fail,
    _pkt_partial_run,
    _pkt_drop_after,
    _pkt_enum_of,
    _pkt_show,
    _pkt_valid_msg,
    _pkt_bit_byte,
    _pkt_jump_past_end,
    _pkt_translate,
)

_S0 = _struct.Struct(">HH")
_S1 = _struct.Struct(">BBH4s4s")
_S2 = _struct.Struct(">B")


class Ipv4(_PktStruct):
    """IPv4 header with options as type-length-value items. The payload is raw bytes; the chain
    clips it to `total_length` and decodes it by `protocol`, for the first fragment only
    (fragment offset 0), as Wireshark does without reassembly."""

    class Protocol(_IntEnum):
        hopopt = 0
        icmp = 1
        igmp = 2
        ipip = 4
        tcp = 6
        udp = 17
        ipv6 = 41
        ipv6_route = 43
        ipv6_frag = 44
        gre = 47
        esp = 50
        ah = 51
        icmpv6 = 58
        ipv6_nonxt = 59
        ipv6_opts = 60
        ospf = 89
        pim = 103
        vrrp = 112
        sctp = 132

    SEQ_FIELDS = [
        "version",
        "ihl",
        "dscp",
        "ecn",
        "total_length",
        "id",
        "flags",
        "frag_offset",
        "ttl",
        "protocol",
        "checksum",
        "src",
        "dst",
        "options",
        "body",
    ]
    _PKT_INSTANCES = [
        "header_length",
        "flag_df",
        "flag_mf",
        "is_first_fragment",
        "decodes_payload",
        "payload_length",
        "payload_end",
    ]
    _PKT_FIELDS = {
        "version": {
            "id": "version",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "b4",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 4,
            "bit_endian": "be",
        },
        "ihl": {
            "id": "ihl",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "b4",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 4,
            "bit_endian": "be",
        },
        "dscp": {
            "id": "dscp",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "b6",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 6,
            "bit_endian": "be",
        },
        "ecn": {
            "id": "ecn",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "b2",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 2,
            "bit_endian": "be",
        },
        "total_length": {
            "id": "total_length",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "id": {
            "id": "id",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "flags": {
            "id": "flags",
            "spec_path": "/seq/6",
            "kind": "seq",
            "type": "b3",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 3,
            "bit_endian": "be",
        },
        "frag_offset": {
            "id": "frag_offset",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "b13",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 13,
            "bit_endian": "be",
        },
        "ttl": {
            "id": "ttl",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "protocol": {
            "id": "protocol",
            "spec_path": "/seq/9",
            "kind": "seq",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": "Ipv4.Protocol",
            "process": False,
            "hints": {},
        },
        "checksum": {
            "id": "checksum",
            "spec_path": "/seq/10",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "src": {
            "id": "src",
            "spec_path": "/seq/11",
            "kind": "seq",
            "type": "bytes",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "dst": {
            "id": "dst",
            "spec_path": "/seq/12",
            "kind": "seq",
            "type": "bytes",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "ipv4"},
        },
        "options": {
            "id": "options",
            "spec_path": "/seq/13",
            "kind": "seq",
            "type": "Ipv4.OptionList",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/14",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "header_length": {
            "id": "header_length",
            "spec_path": "/instances/header_length",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_df": {
            "id": "flag_df",
            "spec_path": "/instances/flag_df",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_mf": {
            "id": "flag_mf",
            "spec_path": "/instances/flag_mf",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_first_fragment": {
            "id": "is_first_fragment",
            "spec_path": "/instances/is_first_fragment",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "decodes_payload": {
            "id": "decodes_payload",
            "spec_path": "/instances/decodes_payload",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "payload_length": {
            "id": "payload_length",
            "spec_path": "/instances/payload_length",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "payload_end": {
            "id": "payload_end",
            "spec_path": "/instances/payload_end",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
    }
    _PKT_HINTS = {
        "payload": {
            "field": "body",
            "end": "payload_end",
            "when": "decodes_payload",
            "next-on": ["protocol"],
            "next": {"1": "icmp", "6": "tcp", "17": "udp", "58": "icmpv6"},
        }
    }
    _PKT_RUNS = {
        "total_length": (0, 0, 2),
        "id": (0, 2, 2),
        "ttl": (1, 0, 1),
        "protocol": (1, 1, 1),
        "checksum": (1, 2, 2),
        "src": (1, 4, 4),
        "dst": (1, 8, 4),
    }
    _PKT_BITS = {
        "version": (-1, 0, 4),
        "ihl": (-1, 4, 4),
        "dscp": (-1, 8, 6),
        "ecn": (-1, 14, 2),
        "flags": (-2, 0, 3),
        "frag_offset": (-2, 3, 13),
    }
    _PKT_SEQ = (
        ("version", "version", False, "/seq/0", None),
        ("ihl", "ihl", False, "/seq/1", None),
        ("dscp", "dscp", False, "/seq/2", None),
        ("ecn", "ecn", False, "/seq/3", None),
        ("total_length", "total_length", False, "/seq/4", ((0, 2, 4, ">H", 0), (2, 2, 5, ">H", 0))),
        ("id", "id", False, "/seq/5", None),
        ("flags", "flags", False, "/seq/6", None),
        ("frag_offset", "frag_offset", False, "/seq/7", None),
        (
            "ttl",
            "ttl",
            False,
            "/seq/8",
            (
                (0, 1, 8, ">B", 1),
                (1, 1, 9, ">B", 1),
                (2, 2, 10, ">H", 1),
                (4, 4, 11, ">4s", 1),
                (8, 4, 12, ">4s", 1),
            ),
        ),
        ("protocol", "protocol", False, "/seq/9", None),
        ("checksum", "checksum", False, "/seq/10", None),
        ("src", "src", False, "/seq/11", None),
        ("dst", "dst", False, "/seq/12", None),
        ("options", "options", False, "/seq/13", None),
        ("body", "body", False, "/seq/14", None),
        ("_m_header_length", "header_length", False, "/instances/header_length", None),
        ("_m_flag_df", "flag_df", False, "/instances/flag_df", None),
        ("_m_flag_mf", "flag_mf", False, "/instances/flag_mf", None),
        ("_m_is_first_fragment", "is_first_fragment", False, "/instances/is_first_fragment", None),
        ("_m_decodes_payload", "decodes_payload", False, "/instances/decodes_payload", None),
        ("_m_payload_length", "payload_length", False, "/instances/payload_length", None),
        ("_m_payload_end", "payload_end", False, "/instances/payload_end", None),
    )
    _m_header_length = _PKT_UNSET
    _m_flag_df = _PKT_UNSET
    _m_flag_mf = _PKT_UNSET
    _m_is_first_fragment = _PKT_UNSET
    _m_decodes_payload = _PKT_UNSET
    _m_payload_length = _PKT_UNSET
    _m_payload_end = _PKT_UNSET
    _pkt_root_ok = True  # from_bytes reads from the buffer

    def __init__(self, _io, _parent=None, _root=None):
        self._io = _io
        self._parent = _parent
        self._root = _root if _root is not None else self
        self._read()

    def _read(self):
        if _pkt_enter(self):
            return
        _io = self._io
        self._pkt_s = _s = {}
        self._pkt_start = _p = _io._io.tell()
        try:
            _f = 0
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(2)
            if len(_d) == 2:
                _x = int.from_bytes(_d, "big")
                _s[-1] = _q
                self.version = _x >> 12
                self.ihl = (_x >> 8) & 0xF
                self.dscp = (_x >> 2) & 0x3F
                self.ecn = _x & 0x3
                _p = _q + 2
            else:
                if _d:
                    _io._io.seek(_q)
                _f = 0
                _b = _io._io.tell() * 8 - _io.bits_left
                self.version = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["version"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 1
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ihl = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["ihl"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 2
                _b = _io._io.tell() * 8 - _io.bits_left
                self.dscp = _io.read_bits_int_be(6)
                _p = _io._io.tell()
                _s["dscp"] = (_b, _p * 8 - _io.bits_left, 6)
                _f = 3
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ecn = _io.read_bits_int_be(2)
                _p = _io._io.tell()
                _s["ecn"] = (_b, _p * 8 - _io.bits_left, 2)
            _f = 4
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(4)
            if len(_d) < 4:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                )
            (
                self.total_length,
                self.id,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 4
            _f = 6
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(2)
            if len(_d) == 2:
                _x = int.from_bytes(_d, "big")
                _s[-2] = _q
                self.flags = _x >> 13
                self.frag_offset = _x & 0x1FFF
                _p = _q + 2
            else:
                if _d:
                    _io._io.seek(_q)
                _f = 6
                _b = _io._io.tell() * 8 - _io.bits_left
                self.flags = _io.read_bits_int_be(3)
                _p = _io._io.tell()
                _s["flags"] = (_b, _p * 8 - _io.bits_left, 3)
                _f = 7
                _b = _io._io.tell() * 8 - _io.bits_left
                self.frag_offset = _io.read_bits_int_be(13)
                _p = _io._io.tell()
                _s["frag_offset"] = (_b, _p * 8 - _io.bits_left, 13)
            _f = 8
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(12)
            if len(_d) < 12:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 12 bytes, but only %d bytes available" % len(_d), 12, len(_d)
                )
            (
                self.ttl,
                self.protocol,
                self.checksum,
                self.src,
                self.dst,
            ) = _S1.unpack(_d)
            _s[1] = _p
            _p += 12
            _f = 9
            self.protocol = _EM0.get(self.protocol, self.protocol)
            _f = 13
            if self.ihl > 5:
                _n = (self.ihl - 5) * 4
                if _n < 0 or _io.bits_left:
                    _r = _io.read_bytes(_n)
                else:
                    _r = _io._io.read(_n)
                    if len(_r) < _n:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested %d bytes, but only %d bytes available" % (_n, len(_r)),
                            _n,
                            len(_r),
                        )
                _e = _p + _n
                _sub = _pkt_subio(_r, _io, _p)
                self.options = Ipv4.OptionList(_sub, self, self._root)
                _s["options"] = (_p, _e)
                _p = _e
            else:
                self.options = None
            _f = 14
            if _io.bits_left:
                _io.align_to_byte()
            _r = _io._io.read()
            _n = len(_r)
            self.body = _r
            _e = _p + _n
            _s["body"] = (_p, _e)
            _p = _e
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    def _pkt_read(self, _B, _o, _z, _p):
        self._pkt_s = _s = {}
        self._pkt_start = _p
        try:
            _f = 0
            _q = _p
            if _p + 2 <= _z:
                _x = int.from_bytes(_B[_o + _p : _o + _p + 2], "big")
                _s[-1] = _q
                self.version = _x >> 12
                self.ihl = (_x >> 8) & 0xF
                self.dscp = (_x >> 2) & 0x3F
                self.ecn = _x & 0x3
                _p = _q + 2
            else:
                _io = self._io
                _io.align_to_byte()
                _io._io.seek(_p)
                _f = 0
                _b = _io._io.tell() * 8 - _io.bits_left
                self.version = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["version"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 1
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ihl = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["ihl"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 2
                _b = _io._io.tell() * 8 - _io.bits_left
                self.dscp = _io.read_bits_int_be(6)
                _p = _io._io.tell()
                _s["dscp"] = (_b, _p * 8 - _io.bits_left, 6)
                _f = 3
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ecn = _io.read_bits_int_be(2)
                _p = _io._io.tell()
                _s["ecn"] = (_b, _p * 8 - _io.bits_left, 2)
            _f = 4
            if _p + 4 > _z:
                raise _pkt_eos(4, _z - _p)
            (
                self.total_length,
                self.id,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 4
            _f = 6
            _q = _p
            if _p + 2 <= _z:
                _x = int.from_bytes(_B[_o + _p : _o + _p + 2], "big")
                _s[-2] = _q
                self.flags = _x >> 13
                self.frag_offset = _x & 0x1FFF
                _p = _q + 2
            else:
                _io = self._io
                _io.align_to_byte()
                _io._io.seek(_p)
                _f = 6
                _b = _io._io.tell() * 8 - _io.bits_left
                self.flags = _io.read_bits_int_be(3)
                _p = _io._io.tell()
                _s["flags"] = (_b, _p * 8 - _io.bits_left, 3)
                _f = 7
                _b = _io._io.tell() * 8 - _io.bits_left
                self.frag_offset = _io.read_bits_int_be(13)
                _p = _io._io.tell()
                _s["frag_offset"] = (_b, _p * 8 - _io.bits_left, 13)
            _f = 8
            if _p + 12 > _z:
                raise _pkt_eos(12, _z - _p)
            (
                self.ttl,
                self.protocol,
                self.checksum,
                self.src,
                self.dst,
            ) = _S1.unpack_from(_B, _o + _p)
            _s[1] = _p
            _p += 12
            _f = 9
            self.protocol = _EM0.get(self.protocol, self.protocol)
            _f = 13
            if self.ihl > 5:
                _n = (self.ihl - 5) * 4
                if _n < 0:
                    self._io.read_bytes(_n)  # the stream's own error
                if _p + _n > _z:
                    raise _pkt_eos(_n, _z - _p)
                _w = _pkt_new(Ipv4.OptionList)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = (self, _p, _n)
                _w._pkt_read(_B, _o + _p, _n, 0)
                _e = _p + _n
                self.options = _w
                _s["options"] = (_p, _e)
                _p = _e
            else:
                self.options = None
            _f = 14
            _n = _z - _p
            _r = _B[_o + _p : _o + _p + _n]
            self.body = _r
            _e = _p + _n
            _s["body"] = (_p, _e)
            _p = _e
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    @property
    def header_length(self):
        """Header length in bytes."""
        _v = self._m_header_length
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_header_length = _v = self.ihl * 4
        except Exception as _x:
            _pkt_fail(self, _x, 15, None)
            raise
        return _v

    @property
    def flag_df(self):
        """Don't fragment."""
        _v = self._m_flag_df
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_df = _v = (self.flags & 2) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 16, None)
            raise
        return _v

    @property
    def flag_mf(self):
        """More fragments."""
        _v = self._m_flag_mf
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_mf = _v = (self.flags & 1) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 17, None)
            raise
        return _v

    @property
    def is_first_fragment(self):
        _v = self._m_is_first_fragment
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_is_first_fragment = _v = self.frag_offset == 0
        except Exception as _x:
            _pkt_fail(self, _x, 18, None)
            raise
        return _v

    @property
    def decodes_payload(self):
        """The chain decodes the payload: the first fragment of a datagram whose header is IPv4
        with a valid length. Below 5 words (20 bytes) the payload's start is unknown; tshark
        stops there too ("Bogus IP header length"), without calling the frame malformed."""
        _v = self._m_decodes_payload
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_decodes_payload = _v = (self.is_first_fragment and (self.ihl >= 5)) and (
                self.version == 4
            )
        except Exception as _x:
            _pkt_fail(self, _x, 19, None)
            raise
        return _v

    @property
    def payload_length(self):
        """Declared payload length (negative when total_length is bogus)."""
        _v = self._m_payload_length
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_payload_length = _v = self.total_length - (self.ihl * 4)
        except Exception as _x:
            _pkt_fail(self, _x, 20, None)
            raise
        return _v

    @property
    def payload_end(self):
        """Declared end of the datagram in this layer's bytes. A total length of 0 is what a
        capture of a TSO/GSO-offloaded packet shows (the NIC fills it in later); like Wireshark,
        the captured size is used instead."""
        _v = self._m_payload_end
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_payload_end = _v = (
                _pkt_iosize(self) if (self.total_length == 0) else self.total_length
            )
        except Exception as _x:
            _pkt_fail(self, _x, 21, None)
            raise
        return _v

    class OptionList(_PktStruct):
        """The options area; `items` are the options in order, up to end-of-list."""

        SEQ_FIELDS = ["items"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "items": {
                "id": "items",
                "spec_path": "/types/option_list/seq/0",
                "kind": "seq",
                "type": "Ipv4.Option",
                "size": None,
                "repeat": "until",
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("items", "items", True, "/types/option_list/seq/0", None),)

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            try:
                _f = 0
                self.items = _v = []
                _a = [_p]
                _s["items"] = _a
                i = 0
                while True:
                    _t = Ipv4.Option(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if (_t.type == 0) or self._io.is_eof():
                        break
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                self.items = _v = []
                _a = [_p]
                _s["items"] = _a
                i = 0
                while True:
                    _w = _pkt_new(Ipv4.Option)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if (_t.type == 0) or (_p >= _z):
                        break
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Option(_PktStruct):
        """One option. Types 0 (end of list) and 1 (no operation) are a single byte."""

        SEQ_FIELDS = ["type", "length", "data"]
        _PKT_INSTANCES = ["copied", "option_class", "number"]
        _PKT_FIELDS = {
            "type": {
                "id": "type",
                "spec_path": "/types/option/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "length": {
                "id": "length",
                "spec_path": "/types/option/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "data": {
                "id": "data",
                "spec_path": "/types/option/seq/2",
                "kind": "seq",
                "type": "bytes",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "copied": {
                "id": "copied",
                "spec_path": "/types/option/instances/copied",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "option_class": {
                "id": "option_class",
                "spec_path": "/types/option/instances/option_class",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "number": {
                "id": "number",
                "spec_path": "/types/option/instances/number",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"type": (0, 0, 1)}
        _PKT_SEQ = (
            ("type", "type", False, "/types/option/seq/0", ((0, 1, 0, ">B", 0),)),
            ("length", "length", False, "/types/option/seq/1", None),
            ("data", "data", False, "/types/option/seq/2", None),
            ("_m_copied", "copied", False, "/types/option/instances/copied", None),
            (
                "_m_option_class",
                "option_class",
                False,
                "/types/option/instances/option_class",
                None,
            ),
            ("_m_number", "number", False, "/types/option/instances/number", None),
        )
        _m_copied = _PKT_UNSET
        _m_option_class = _PKT_UNSET
        _m_number = _PKT_UNSET

        def __init__(self, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self._read()

        def _read(self):
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            try:
                _f = 0
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(1)
                if len(_d) < 1:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                    )
                self.type = _d[0]
                _s[0] = _p
                _p += 1
                _f = 1
                if (self.type != 0) and (self.type != 1):
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(1)
                    if len(_d) < 1:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                        )
                    self.length = _d[0]
                    _e = _p + 1
                    _s["length"] = (_p, _e)
                    _p = _e
                else:
                    self.length = None
                _f = 2
                if (self.type != 0) and (self.type != 1):
                    _n = (self.length - 2) if (self.length >= 2) else 0
                    if _n < 0 or _io.bits_left:
                        _r = _io.read_bytes(_n)
                    else:
                        _r = _io._io.read(_n)
                        if len(_r) < _n:
                            raise _kaitaistruct.EndOfStreamError(
                                "requested %d bytes, but only %d bytes available" % (_n, len(_r)),
                                _n,
                                len(_r),
                            )
                    self.data = _r
                    _e = _p + _n
                    _s["data"] = (_p, _e)
                    _p = _e
                else:
                    self.data = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 1 > _z:
                    raise _pkt_eos(1, _z - _p)
                self.type = _B[_o + _p]
                _s[0] = _p
                _p += 1
                _f = 1
                if (self.type != 0) and (self.type != 1):
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.length = _B[_o + _p]
                    _e = _p + 1
                    _s["length"] = (_p, _e)
                    _p = _e
                else:
                    self.length = None
                _f = 2
                if (self.type != 0) and (self.type != 1):
                    _n = (self.length - 2) if (self.length >= 2) else 0
                    if _n < 0:
                        self._io.read_bytes(_n)  # the stream's own error
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _r = _B[_o + _p : _o + _p + _n]
                    self.data = _r
                    _e = _p + _n
                    _s["data"] = (_p, _e)
                    _p = _e
                else:
                    self.data = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def copied(self):
            _v = self._m_copied
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_copied = _v = self.type >> 7
            except Exception as _x:
                _pkt_fail(self, _x, 3, None)
                raise
            return _v

        @property
        def option_class(self):
            _v = self._m_option_class
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_option_class = _v = (self.type >> 5) & 3
            except Exception as _x:
                _pkt_fail(self, _x, 4, None)
                raise
            return _v

        @property
        def number(self):
            _v = self._m_number
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_number = _v = self.type & 31
            except Exception as _x:
                _pkt_fail(self, _x, 5, None)
                raise
            return _v


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Ipv4.Protocol, "_value2member_map_", None)
