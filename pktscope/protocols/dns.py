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

_S0 = _struct.Struct(">H")
_S1 = _struct.Struct(">HHHH")
_S2 = _struct.Struct(">HH")
_S3 = _struct.Struct(">HHIH")
_S4 = _struct.Struct(">B")
_S5 = _struct.Struct(">4s")
_S6 = _struct.Struct(">16s")
_S7 = _struct.Struct(">IIIII")
_S8 = _struct.Struct(">HHH")


class Dns(_PktStruct):
    """DNS message: header, questions, then answer, authority and additional resource records.
    Names may be compressed: a label byte with the top two bits set starts a 14-bit pointer to
    an earlier name in the message. Pointers are followed at most `max_depth` (10) levels deep;
    beyond that the name text ends in `<loop>` instead of recursing (a pointer loop is a
    marked stop, never unbounded recursion). A name holds at most 127 labels (255 bytes),
    counted across pointers, so one name costs at most 127 labels + 10 pointer hops to read."""

    class Opcode(_IntEnum):
        query = 0
        iquery = 1
        status = 2
        notify = 4
        update = 5

    class Rcode(_IntEnum):
        no_error = 0
        form_err = 1
        serv_fail = 2
        nx_domain = 3
        not_imp = 4
        refused = 5
        yx_domain = 6
        yx_rr_set = 7
        nx_rr_set = 8
        not_auth = 9
        not_zone = 10

    class RrType(_IntEnum):
        a = 1
        ns = 2
        cname = 5
        soa = 6
        ptr = 12
        hinfo = 13
        mx = 15
        txt = 16
        aaaa = 28
        srv = 33
        naptr = 35
        dname = 39
        opt = 41
        ds = 43
        rrsig = 46
        nsec = 47
        dnskey = 48
        nsec3 = 50
        svcb = 64
        https = 65
        spf = 99
        axfr = 252
        any = 255
        caa = 257

    SEQ_FIELDS = [
        "id",
        "qr",
        "opcode",
        "aa",
        "tc",
        "rd",
        "ra",
        "z",
        "ad",
        "cd",
        "rcode",
        "qdcount",
        "ancount",
        "nscount",
        "arcount",
        "queries",
        "answers",
        "authorities",
        "additionals",
    ]
    _PKT_INSTANCES = ["max_depth"]
    _PKT_FIELDS = {
        "id": {
            "id": "id",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "qr": {
            "id": "qr",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "opcode": {
            "id": "opcode",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "b4",
            "size": None,
            "repeat": None,
            "enum": "Dns.Opcode",
            "process": False,
            "hints": {},
            "bit_size": 4,
            "bit_endian": "be",
        },
        "aa": {
            "id": "aa",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "tc": {
            "id": "tc",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "rd": {
            "id": "rd",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "ra": {
            "id": "ra",
            "spec_path": "/seq/6",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "z": {
            "id": "z",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "ad": {
            "id": "ad",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "cd": {
            "id": "cd",
            "spec_path": "/seq/9",
            "kind": "seq",
            "type": "b1",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 1,
            "bit_endian": "be",
        },
        "rcode": {
            "id": "rcode",
            "spec_path": "/seq/10",
            "kind": "seq",
            "type": "b4",
            "size": None,
            "repeat": None,
            "enum": "Dns.Rcode",
            "process": False,
            "hints": {},
            "bit_size": 4,
            "bit_endian": "be",
        },
        "qdcount": {
            "id": "qdcount",
            "spec_path": "/seq/11",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "ancount": {
            "id": "ancount",
            "spec_path": "/seq/12",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "nscount": {
            "id": "nscount",
            "spec_path": "/seq/13",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "arcount": {
            "id": "arcount",
            "spec_path": "/seq/14",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "queries": {
            "id": "queries",
            "spec_path": "/seq/15",
            "kind": "seq",
            "type": "Dns.Question",
            "size": None,
            "repeat": "expr",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "answers": {
            "id": "answers",
            "spec_path": "/seq/16",
            "kind": "seq",
            "type": "Dns.ResourceRecord",
            "size": None,
            "repeat": "expr",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "authorities": {
            "id": "authorities",
            "spec_path": "/seq/17",
            "kind": "seq",
            "type": "Dns.ResourceRecord",
            "size": None,
            "repeat": "expr",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "additionals": {
            "id": "additionals",
            "spec_path": "/seq/18",
            "kind": "seq",
            "type": "Dns.ResourceRecord",
            "size": None,
            "repeat": "expr",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "max_depth": {
            "id": "max_depth",
            "spec_path": "/instances/max_depth",
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
    _PKT_RUNS = {
        "id": (0, 0, 2),
        "qdcount": (1, 0, 2),
        "ancount": (1, 2, 2),
        "nscount": (1, 4, 2),
        "arcount": (1, 6, 2),
    }
    _PKT_BITS = {
        "qr": (-1, 0, 1),
        "opcode": (-1, 1, 4),
        "aa": (-1, 5, 1),
        "tc": (-1, 6, 1),
        "rd": (-1, 7, 1),
        "ra": (-1, 8, 1),
        "z": (-1, 9, 1),
        "ad": (-1, 10, 1),
        "cd": (-1, 11, 1),
        "rcode": (-1, 12, 4),
    }
    _PKT_SEQ = (
        ("id", "id", False, "/seq/0", ((0, 2, 0, ">H", 0),)),
        ("qr", "qr", False, "/seq/1", None),
        ("opcode", "opcode", False, "/seq/2", None),
        ("aa", "aa", False, "/seq/3", None),
        ("tc", "tc", False, "/seq/4", None),
        ("rd", "rd", False, "/seq/5", None),
        ("ra", "ra", False, "/seq/6", None),
        ("z", "z", False, "/seq/7", None),
        ("ad", "ad", False, "/seq/8", None),
        ("cd", "cd", False, "/seq/9", None),
        ("rcode", "rcode", False, "/seq/10", None),
        (
            "qdcount",
            "qdcount",
            False,
            "/seq/11",
            ((0, 2, 11, ">H", 1), (2, 2, 12, ">H", 1), (4, 2, 13, ">H", 1), (6, 2, 14, ">H", 1)),
        ),
        ("ancount", "ancount", False, "/seq/12", None),
        ("nscount", "nscount", False, "/seq/13", None),
        ("arcount", "arcount", False, "/seq/14", None),
        ("queries", "queries", True, "/seq/15", None),
        ("answers", "answers", True, "/seq/16", None),
        ("authorities", "authorities", True, "/seq/17", None),
        ("additionals", "additionals", True, "/seq/18", None),
        ("_m_max_depth", "max_depth", False, "/instances/max_depth", None),
    )
    _m_max_depth = _PKT_UNSET
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
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(2)
            if len(_d) < 2:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                )
            (self.id,) = _S0.unpack(_d)
            _s[0] = _p
            _p += 2
            _f = 1
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(2)
            if len(_d) == 2:
                _x = int.from_bytes(_d, "big")
                _s[-1] = _q
                self.qr = (_x >> 15) != 0
                _f = 2
                self.opcode = (_x >> 11) & 0xF
                self.opcode = _EM0.get(self.opcode, self.opcode)
                self.aa = ((_x >> 10) & 0x1) != 0
                self.tc = ((_x >> 9) & 0x1) != 0
                self.rd = ((_x >> 8) & 0x1) != 0
                self.ra = ((_x >> 7) & 0x1) != 0
                self.z = ((_x >> 6) & 0x1) != 0
                self.ad = ((_x >> 5) & 0x1) != 0
                self.cd = ((_x >> 4) & 0x1) != 0
                _f = 10
                self.rcode = _x & 0xF
                self.rcode = _EM1.get(self.rcode, self.rcode)
                _p = _q + 2
            else:
                if _d:
                    _io._io.seek(_q)
                _f = 1
                _b = _io._io.tell() * 8 - _io.bits_left
                self.qr = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["qr"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 2
                _b = _io._io.tell() * 8 - _io.bits_left
                self.opcode = _ks_enum(Dns.Opcode, _io.read_bits_int_be(4))
                _p = _io._io.tell()
                _s["opcode"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 3
                _b = _io._io.tell() * 8 - _io.bits_left
                self.aa = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["aa"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 4
                _b = _io._io.tell() * 8 - _io.bits_left
                self.tc = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["tc"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 5
                _b = _io._io.tell() * 8 - _io.bits_left
                self.rd = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["rd"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 6
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ra = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["ra"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 7
                _b = _io._io.tell() * 8 - _io.bits_left
                self.z = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["z"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 8
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ad = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["ad"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 9
                _b = _io._io.tell() * 8 - _io.bits_left
                self.cd = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["cd"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 10
                _b = _io._io.tell() * 8 - _io.bits_left
                self.rcode = _ks_enum(Dns.Rcode, _io.read_bits_int_be(4))
                _p = _io._io.tell()
                _s["rcode"] = (_b, _p * 8 - _io.bits_left, 4)
            _f = 11
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(8)
            if len(_d) < 8:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 8 bytes, but only %d bytes available" % len(_d), 8, len(_d)
                )
            (
                self.qdcount,
                self.ancount,
                self.nscount,
                self.arcount,
            ) = _S1.unpack(_d)
            _s[1] = _p
            _p += 8
            _f = 15
            self.queries = _v = []
            _a = [_p]
            _s["queries"] = _a
            for i in range(self.qdcount):
                _t = Dns.Question(_io, self, self._root)
                _e = _io._io.tell()
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
            _f = 16
            self.answers = _v = []
            _a = [_p]
            _s["answers"] = _a
            for i in range(self.ancount):
                _t = Dns.ResourceRecord(_io, self, self._root)
                _e = _io._io.tell()
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
            _f = 17
            self.authorities = _v = []
            _a = [_p]
            _s["authorities"] = _a
            for i in range(self.nscount):
                _t = Dns.ResourceRecord(_io, self, self._root)
                _e = _io._io.tell()
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
            _f = 18
            self.additionals = _v = []
            _a = [_p]
            _s["additionals"] = _a
            for i in range(self.arcount):
                _t = Dns.ResourceRecord(_io, self, self._root)
                _e = _io._io.tell()
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    def _pkt_read(self, _B, _o, _z, _p):
        self._pkt_s = _s = {}
        self._pkt_start = _p
        try:
            _f = 0
            if _p + 2 > _z:
                raise _pkt_eos(2, _z - _p)
            (self.id,) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 2
            _f = 1
            _q = _p
            if _p + 2 <= _z:
                _x = int.from_bytes(_B[_o + _p : _o + _p + 2], "big")
                _s[-1] = _q
                self.qr = (_x >> 15) != 0
                _f = 2
                self.opcode = (_x >> 11) & 0xF
                self.opcode = _EM0.get(self.opcode, self.opcode)
                self.aa = ((_x >> 10) & 0x1) != 0
                self.tc = ((_x >> 9) & 0x1) != 0
                self.rd = ((_x >> 8) & 0x1) != 0
                self.ra = ((_x >> 7) & 0x1) != 0
                self.z = ((_x >> 6) & 0x1) != 0
                self.ad = ((_x >> 5) & 0x1) != 0
                self.cd = ((_x >> 4) & 0x1) != 0
                _f = 10
                self.rcode = _x & 0xF
                self.rcode = _EM1.get(self.rcode, self.rcode)
                _p = _q + 2
            else:
                _io = self._io
                _io.align_to_byte()
                _io._io.seek(_p)
                _f = 1
                _b = _io._io.tell() * 8 - _io.bits_left
                self.qr = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["qr"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 2
                _b = _io._io.tell() * 8 - _io.bits_left
                self.opcode = _ks_enum(Dns.Opcode, _io.read_bits_int_be(4))
                _p = _io._io.tell()
                _s["opcode"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 3
                _b = _io._io.tell() * 8 - _io.bits_left
                self.aa = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["aa"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 4
                _b = _io._io.tell() * 8 - _io.bits_left
                self.tc = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["tc"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 5
                _b = _io._io.tell() * 8 - _io.bits_left
                self.rd = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["rd"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 6
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ra = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["ra"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 7
                _b = _io._io.tell() * 8 - _io.bits_left
                self.z = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["z"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 8
                _b = _io._io.tell() * 8 - _io.bits_left
                self.ad = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["ad"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 9
                _b = _io._io.tell() * 8 - _io.bits_left
                self.cd = _io.read_bits_int_be(1) != 0
                _p = _io._io.tell()
                _s["cd"] = (_b, _p * 8 - _io.bits_left, 1)
                _f = 10
                _b = _io._io.tell() * 8 - _io.bits_left
                self.rcode = _ks_enum(Dns.Rcode, _io.read_bits_int_be(4))
                _p = _io._io.tell()
                _s["rcode"] = (_b, _p * 8 - _io.bits_left, 4)
            _f = 11
            if _p + 8 > _z:
                raise _pkt_eos(8, _z - _p)
            (
                self.qdcount,
                self.ancount,
                self.nscount,
                self.arcount,
            ) = _S1.unpack_from(_B, _o + _p)
            _s[1] = _p
            _p += 8
            _f = 15
            self.queries = _v = []
            _a = [_p]
            _s["queries"] = _a
            for i in range(self.qdcount):
                _w = _pkt_new(Dns.Question)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                _t = _w
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
            _f = 16
            self.answers = _v = []
            _a = [_p]
            _s["answers"] = _a
            for i in range(self.ancount):
                _w = _pkt_new(Dns.ResourceRecord)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                _t = _w
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
            _f = 17
            self.authorities = _v = []
            _a = [_p]
            _s["authorities"] = _a
            for i in range(self.nscount):
                _w = _pkt_new(Dns.ResourceRecord)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                _t = _w
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
            _f = 18
            self.additionals = _v = []
            _a = [_p]
            _s["additionals"] = _a
            for i in range(self.arcount):
                _w = _pkt_new(Dns.ResourceRecord)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                _t = _w
                _a.append((_p, _e))
                _p = _e
                _v.append(_t)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        self._pkt_end = _p

    @property
    def max_depth(self):
        """Most compression pointers followed for one name."""
        _v = self._m_max_depth
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_max_depth = _v = 10
        except Exception as _x:
            _pkt_fail(self, _x, 19, None)
            raise
        return _v

    class Question(_PktStruct):
        SEQ_FIELDS = ["name", "type", "rr_class"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "name": {
                "id": "name",
                "spec_path": "/types/question/seq/0",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "type": {
                "id": "type",
                "spec_path": "/types/question/seq/1",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": "Dns.RrType",
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "rr_class": {
                "id": "rr_class",
                "spec_path": "/types/question/seq/2",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"type": (0, 0, 2), "rr_class": (0, 2, 2)}
        _PKT_SEQ = (
            ("name", "name", False, "/types/question/seq/0", None),
            (
                "type",
                "type",
                False,
                "/types/question/seq/1",
                ((0, 2, 1, ">H", 0), (2, 2, 2, ">H", 0)),
            ),
            ("rr_class", "rr_class", False, "/types/question/seq/2", None),
        )

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
                self.name = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["name"] = (_p, _e)
                _p = _e
                _f = 1
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                (
                    self.type,
                    self.rr_class,
                ) = _S2.unpack(_d)
                _s[0] = _p
                _p += 4
                self.type = _EM2.get(self.type, self.type)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.name = _w
                _s["name"] = (_p, _e)
                _p = _e
                _f = 1
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (
                    self.type,
                    self.rr_class,
                ) = _S2.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
                self.type = _EM2.get(self.type, self.type)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class ResourceRecord(_PktStruct):
        SEQ_FIELDS = ["name", "type", "rr_class", "ttl", "rdlength", "rdata"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "name": {
                "id": "name",
                "spec_path": "/types/resource_record/seq/0",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "type": {
                "id": "type",
                "spec_path": "/types/resource_record/seq/1",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": "Dns.RrType",
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "rr_class": {
                "id": "rr_class",
                "spec_path": "/types/resource_record/seq/2",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "ttl": {
                "id": "ttl",
                "spec_path": "/types/resource_record/seq/3",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "rdlength": {
                "id": "rdlength",
                "spec_path": "/types/resource_record/seq/4",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "rdata": {
                "id": "rdata",
                "spec_path": "/types/resource_record/seq/5",
                "kind": "seq",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "cases": [
                    "Dns.Ipv4Address",
                    "Dns.Ipv6Address",
                    "Dns.DomainName",
                    "Dns.Mx",
                    "Dns.Soa",
                    "Dns.Srv",
                ],
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {
            "type": (0, 0, 2),
            "rr_class": (0, 2, 2),
            "ttl": (0, 4, 4),
            "rdlength": (0, 8, 2),
        }
        _PKT_SEQ = (
            ("name", "name", False, "/types/resource_record/seq/0", None),
            (
                "type",
                "type",
                False,
                "/types/resource_record/seq/1",
                ((0, 2, 1, ">H", 0), (2, 2, 2, ">H", 0), (4, 4, 3, ">I", 0), (8, 2, 4, ">H", 0)),
            ),
            ("rr_class", "rr_class", False, "/types/resource_record/seq/2", None),
            ("ttl", "ttl", False, "/types/resource_record/seq/3", None),
            ("rdlength", "rdlength", False, "/types/resource_record/seq/4", None),
            ("rdata", "rdata", False, "/types/resource_record/seq/5", None),
        )

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
                self.name = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["name"] = (_p, _e)
                _p = _e
                _f = 1
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(10)
                if len(_d) < 10:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 10 bytes, but only %d bytes available" % len(_d), 10, len(_d)
                    )
                (
                    self.type,
                    self.rr_class,
                    self.ttl,
                    self.rdlength,
                ) = _S3.unpack(_d)
                _s[0] = _p
                _p += 10
                self.type = _EM2.get(self.type, self.type)
                _f = 5
                _on = self.type
                _c = _SW0.get(_on)
                if _c is not None:
                    _n = self.rdlength
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
                    self.rdata = _c(_sub, self, self._root)
                    _s["rdata"] = (_p, _e)
                    _p = _e
                else:
                    _n = self.rdlength
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
                    self.rdata = _r
                    _e = _p + _n
                    _s["rdata"] = (_p, _e)
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
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.name = _w
                _s["name"] = (_p, _e)
                _p = _e
                _f = 1
                if _p + 10 > _z:
                    raise _pkt_eos(10, _z - _p)
                (
                    self.type,
                    self.rr_class,
                    self.ttl,
                    self.rdlength,
                ) = _S3.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 10
                self.type = _EM2.get(self.type, self.type)
                _f = 5
                _on = self.type
                _c = _SW0.get(_on)
                if _c is not None:
                    _n = self.rdlength
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _w = _pkt_new(_c)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = (self, _p, _n)
                    _w._pkt_read(_B, _o + _p, _n, 0)
                    _e = _p + _n
                    self.rdata = _w
                    _s["rdata"] = (_p, _e)
                    _p = _e
                else:
                    _n = self.rdlength
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _r = _B[_o + _p : _o + _p + _n]
                    self.rdata = _r
                    _e = _p + _n
                    _s["rdata"] = (_p, _e)
                    _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Name(_PktStruct):
        """A domain name as a sequence of labels ending in the root label or a pointer. `text` is
        the dotted name (`www.example.com`, `<Root>` for the root name)."""

        SEQ_FIELDS = ["labels"]
        _PKT_INSTANCES = ["text"]
        _PKT_FIELDS = {
            "labels": {
                "id": "labels",
                "spec_path": "/types/name/seq/0",
                "kind": "seq",
                "type": "Dns.Label",
                "size": None,
                "repeat": "until",
                "enum": None,
                "process": False,
                "hints": {},
            },
            "text": {
                "id": "text",
                "spec_path": "/types/name/instances/text",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {"value": "text"}
        _PKT_RUNS = {}
        _PKT_SEQ = (
            ("labels", "labels", True, "/types/name/seq/0", None),
            ("_m_text", "text", False, "/types/name/instances/text", None),
        )
        _m_text = _PKT_UNSET

        def __init__(self, depth, labels_before, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self.depth = depth
            self.labels_before = labels_before
            self._read()

        def _read(self):
            if _pkt_enter(self):
                return
            _io = self._io
            self._pkt_s = _s = {}
            self._pkt_start = _p = _io._io.tell()
            try:
                _f = 0
                self.labels = _v = []
                _a = [_p]
                _s["labels"] = _a
                i = 0
                while True:
                    _t = Dns.Label(
                        ("" if (i == 0) else self.labels[(i - 1)].text_so_far),
                        self.depth,
                        (self.labels_before + i),
                        _io,
                        self,
                        self._root,
                    )
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _t.is_end or ((self.labels_before + i) >= 126):
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
                self.labels = _v = []
                _a = [_p]
                _s["labels"] = _a
                i = 0
                while True:
                    _w = _pkt_new(Dns.Label)
                    _w._parent = self
                    _w._root = self._root
                    _w.prefix = "" if (i == 0) else self.labels[(i - 1)].text_so_far
                    _w.depth = self.depth
                    _w.count = self.labels_before + i
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _t.is_end or ((self.labels_before + i) >= 126):
                        break
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def text(self):
            """The dotted name."""
            _v = self._m_text
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_text = _v = (
                    "<Root>"
                    if (self.labels[-1].text_so_far == "")
                    else (
                        self.labels[-1].text_so_far
                        if self.labels[-1].is_end
                        else (self.labels[-1].text_so_far + ".<too long>")
                    )
                )
            except Exception as _x:
                _pkt_fail(self, _x, 1, None)
                raise
            return _v

    class Label(_PktStruct):
        """One label: a length byte and that many bytes; length 0 ends the name; a length byte
        with the top two bits set is the first byte of a compression pointer."""

        SEQ_FIELDS = ["length", "pointer_low", "value"]
        _PKT_INSTANCES = [
            "is_pointer",
            "is_end",
            "pointer_offset",
            "target",
            "suffix",
            "text_so_far",
        ]
        _PKT_FIELDS = {
            "length": {
                "id": "length",
                "spec_path": "/types/label/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "pointer_low": {
                "id": "pointer_low",
                "spec_path": "/types/label/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "value": {
                "id": "value",
                "spec_path": "/types/label/seq/2",
                "kind": "seq",
                "type": "str",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "encoding": "ISO-8859-1",
            },
            "is_pointer": {
                "id": "is_pointer",
                "spec_path": "/types/label/instances/is_pointer",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "is_end": {
                "id": "is_end",
                "spec_path": "/types/label/instances/is_end",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "pointer_offset": {
                "id": "pointer_offset",
                "spec_path": "/types/label/instances/pointer_offset",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "target": {
                "id": "target",
                "spec_path": "/types/label/instances/target",
                "kind": "instance",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"eager": True},
            },
            "suffix": {
                "id": "suffix",
                "spec_path": "/types/label/instances/suffix",
                "kind": "value",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "text_so_far": {
                "id": "text_so_far",
                "spec_path": "/types/label/instances/text_so_far",
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
        _PKT_RUNS = {"length": (0, 0, 1)}
        _PKT_SEQ = (
            ("length", "length", False, "/types/label/seq/0", ((0, 1, 0, ">B", 0),)),
            ("pointer_low", "pointer_low", False, "/types/label/seq/1", None),
            ("value", "value", False, "/types/label/seq/2", None),
            ("_m_is_pointer", "is_pointer", False, "/types/label/instances/is_pointer", None),
            ("_m_is_end", "is_end", False, "/types/label/instances/is_end", None),
            (
                "_m_pointer_offset",
                "pointer_offset",
                False,
                "/types/label/instances/pointer_offset",
                None,
            ),
            ("_m_target", "target", False, "/types/label/instances/target", None),
            ("_m_suffix", "suffix", False, "/types/label/instances/suffix", None),
            ("_m_text_so_far", "text_so_far", False, "/types/label/instances/text_so_far", None),
        )
        _PKT_EAGER = frozenset(["target"])
        _m_is_pointer = _PKT_UNSET
        _m_is_end = _PKT_UNSET
        _m_pointer_offset = _PKT_UNSET
        _m_target = _PKT_UNSET
        _m_suffix = _PKT_UNSET
        _m_text_so_far = _PKT_UNSET

        def __init__(self, prefix, depth, count, _io, _parent=None, _root=None):
            self._io = _io
            self._parent = _parent
            self._root = _root
            self.prefix = prefix
            self.depth = depth
            self.count = count
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
                self.length = _d[0]
                _s[0] = _p
                _p += 1
                _f = 1
                if self.is_pointer:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(1)
                    if len(_d) < 1:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                        )
                    self.pointer_low = _d[0]
                    _e = _p + 1
                    _s["pointer_low"] = (_p, _e)
                    _p = _e
                else:
                    self.pointer_low = None
                _f = 2
                if (not self.is_pointer) and (self.length != 0):
                    _n = self.length
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
                    self.value = (_r).decode("ISO-8859-1")
                    _e = _p + _n
                    _s["value"] = (_p, _e)
                    _p = _e
                else:
                    self.value = None
                _f = 6
                self.target  # -pktscope-eager: read with the seq
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
                self.length = _B[_o + _p]
                _s[0] = _p
                _p += 1
                _f = 1
                if self.is_pointer:
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.pointer_low = _B[_o + _p]
                    _e = _p + 1
                    _s["pointer_low"] = (_p, _e)
                    _p = _e
                else:
                    self.pointer_low = None
                _f = 2
                if (not self.is_pointer) and (self.length != 0):
                    _n = self.length
                    if _p + _n > _z:
                        raise _pkt_eos(_n, _z - _p)
                    _r = _B[_o + _p : _o + _p + _n]
                    self.value = (_r).decode("ISO-8859-1")
                    _e = _p + _n
                    _s["value"] = (_p, _e)
                    _p = _e
                else:
                    self.value = None
                _f = 6
                self.target  # -pktscope-eager: read with the seq
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def is_pointer(self):
            _v = self._m_is_pointer
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_is_pointer = _v = (self.length & 192) == 192
            except Exception as _x:
                _pkt_fail(self, _x, 3, None)
                raise
            return _v

        @property
        def is_end(self):
            _v = self._m_is_end
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_is_end = _v = (self.length == 0) or self.is_pointer
            except Exception as _x:
                _pkt_fail(self, _x, 4, None)
                raise
            return _v

        @property
        def pointer_offset(self):
            """Offset of the pointed-to name from the start of the message."""
            _v = self._m_pointer_offset
            if _v is not _PKT_UNSET:
                return _v
            try:
                if not (self.is_pointer):
                    self._m_pointer_offset = None
                    return None
                self._m_pointer_offset = _v = ((self.length & 63) << 8) | self.pointer_low
            except Exception as _x:
                _pkt_fail(self, _x, 5, None)
                raise
            return _v

        @property
        def target(self):
            """The name the pointer refers to."""
            _v = self._m_target
            if _v is not _PKT_UNSET:
                return _v
            _f = 6
            _p = None
            try:
                if not (
                    (self.is_pointer and (self.depth < self._root.max_depth)) and (self.count < 126)
                ):
                    self._m_target = None
                    return None
                _io = self._root._io
                _s = self._pkt_s
                _old = _io.pos()
                _io.seek(self.pointer_offset)
                _p = _io._io.tell()
                self._m_target = Dns.Name((self.depth + 1), (self.count + 1), _io, self, self._root)
                _e = _io._io.tell()
                _s["@target"] = (_io, (_p, _e))
                _p = _e
                _io.seek(_old)
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            return self._m_target

        @property
        def suffix(self):
            """This label's contribution to the name."""
            _v = self._m_suffix
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_suffix = _v = (
                    ""
                    if (self.length == 0)
                    else (
                        self.value
                        if (not self.is_pointer)
                        else (
                            ("" if (self.target.text == "<Root>") else self.target.text)
                            if ((self.depth < self._root.max_depth) and (self.count < 126))
                            else "<loop>"
                        )
                    )
                )
            except Exception as _x:
                _pkt_fail(self, _x, 7, None)
                raise
            return _v

        @property
        def text_so_far(self):
            """Dotted text of the name up to and including this label."""
            _v = self._m_text_so_far
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_text_so_far = _v = (
                    self.suffix
                    if (self.prefix == "")
                    else (
                        self.prefix if (self.suffix == "") else ((self.prefix + ".") + self.suffix)
                    )
                )
            except Exception as _x:
                _pkt_fail(self, _x, 8, None)
                raise
            return _v

    class DomainName(_PktStruct):
        """Record data that is a single name (NS, CNAME, PTR, DNAME)."""

        SEQ_FIELDS = ["name"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "name": {
                "id": "name",
                "spec_path": "/types/domain_name/seq/0",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("name", "name", False, "/types/domain_name/seq/0", None),)

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
                self.name = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["name"] = (_p, _e)
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
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.name = _w
                _s["name"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Ipv4Address(_PktStruct):
        """A record data."""

        SEQ_FIELDS = ["address"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "address": {
                "id": "address",
                "spec_path": "/types/ipv4_address/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv4"},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"address": (0, 0, 4)}
        _PKT_SEQ = (
            ("address", "address", False, "/types/ipv4_address/seq/0", ((0, 4, 0, ">4s", 0),)),
        )

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
                _d = _io._io.read(4)
                if len(_d) < 4:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                    )
                (self.address,) = _S5.unpack(_d)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 4 > _z:
                    raise _pkt_eos(4, _z - _p)
                (self.address,) = _S5.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 4
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Ipv6Address(_PktStruct):
        """AAAA record data."""

        SEQ_FIELDS = ["address"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "address": {
                "id": "address",
                "spec_path": "/types/ipv6_address/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": 16,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "ipv6"},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"address": (0, 0, 16)}
        _PKT_SEQ = (
            ("address", "address", False, "/types/ipv6_address/seq/0", ((0, 16, 0, ">16s", 0),)),
        )

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
                _d = _io._io.read(16)
                if len(_d) < 16:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 16 bytes, but only %d bytes available" % len(_d), 16, len(_d)
                    )
                (self.address,) = _S6.unpack(_d)
                _s[0] = _p
                _p += 16
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 16 > _z:
                    raise _pkt_eos(16, _z - _p)
                (self.address,) = _S6.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 16
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Mx(_PktStruct):
        SEQ_FIELDS = ["preference", "exchange"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "preference": {
                "id": "preference",
                "spec_path": "/types/mx/seq/0",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "exchange": {
                "id": "exchange",
                "spec_path": "/types/mx/seq/1",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"preference": (0, 0, 2)}
        _PKT_SEQ = (
            ("preference", "preference", False, "/types/mx/seq/0", ((0, 2, 0, ">H", 0),)),
            ("exchange", "exchange", False, "/types/mx/seq/1", None),
        )

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
                _d = _io._io.read(2)
                if len(_d) < 2:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                    )
                (self.preference,) = _S0.unpack(_d)
                _s[0] = _p
                _p += 2
                _f = 1
                self.exchange = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["exchange"] = (_p, _e)
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
                if _p + 2 > _z:
                    raise _pkt_eos(2, _z - _p)
                (self.preference,) = _S0.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 2
                _f = 1
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.exchange = _w
                _s["exchange"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Soa(_PktStruct):
        SEQ_FIELDS = ["mname", "rname", "serial", "refresh", "retry", "expire", "minimum"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "mname": {
                "id": "mname",
                "spec_path": "/types/soa/seq/0",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "rname": {
                "id": "rname",
                "spec_path": "/types/soa/seq/1",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "serial": {
                "id": "serial",
                "spec_path": "/types/soa/seq/2",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "refresh": {
                "id": "refresh",
                "spec_path": "/types/soa/seq/3",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "retry": {
                "id": "retry",
                "spec_path": "/types/soa/seq/4",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "expire": {
                "id": "expire",
                "spec_path": "/types/soa/seq/5",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "minimum": {
                "id": "minimum",
                "spec_path": "/types/soa/seq/6",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {
            "serial": (0, 0, 4),
            "refresh": (0, 4, 4),
            "retry": (0, 8, 4),
            "expire": (0, 12, 4),
            "minimum": (0, 16, 4),
        }
        _PKT_SEQ = (
            ("mname", "mname", False, "/types/soa/seq/0", None),
            ("rname", "rname", False, "/types/soa/seq/1", None),
            (
                "serial",
                "serial",
                False,
                "/types/soa/seq/2",
                (
                    (0, 4, 2, ">I", 0),
                    (4, 4, 3, ">I", 0),
                    (8, 4, 4, ">I", 0),
                    (12, 4, 5, ">I", 0),
                    (16, 4, 6, ">I", 0),
                ),
            ),
            ("refresh", "refresh", False, "/types/soa/seq/3", None),
            ("retry", "retry", False, "/types/soa/seq/4", None),
            ("expire", "expire", False, "/types/soa/seq/5", None),
            ("minimum", "minimum", False, "/types/soa/seq/6", None),
        )

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
                self.mname = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["mname"] = (_p, _e)
                _p = _e
                _f = 1
                self.rname = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["rname"] = (_p, _e)
                _p = _e
                _f = 2
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(20)
                if len(_d) < 20:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 20 bytes, but only %d bytes available" % len(_d), 20, len(_d)
                    )
                (
                    self.serial,
                    self.refresh,
                    self.retry,
                    self.expire,
                    self.minimum,
                ) = _S7.unpack(_d)
                _s[0] = _p
                _p += 20
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.mname = _w
                _s["mname"] = (_p, _e)
                _p = _e
                _f = 1
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.rname = _w
                _s["rname"] = (_p, _e)
                _p = _e
                _f = 2
                if _p + 20 > _z:
                    raise _pkt_eos(20, _z - _p)
                (
                    self.serial,
                    self.refresh,
                    self.retry,
                    self.expire,
                    self.minimum,
                ) = _S7.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 20
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Srv(_PktStruct):
        SEQ_FIELDS = ["priority", "weight", "port", "target"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "priority": {
                "id": "priority",
                "spec_path": "/types/srv/seq/0",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "weight": {
                "id": "weight",
                "spec_path": "/types/srv/seq/1",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "port": {
                "id": "port",
                "spec_path": "/types/srv/seq/2",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "target": {
                "id": "target",
                "spec_path": "/types/srv/seq/3",
                "kind": "seq",
                "type": "Dns.Name",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"priority": (0, 0, 2), "weight": (0, 2, 2), "port": (0, 4, 2)}
        _PKT_SEQ = (
            (
                "priority",
                "priority",
                False,
                "/types/srv/seq/0",
                ((0, 2, 0, ">H", 0), (2, 2, 1, ">H", 0), (4, 2, 2, ">H", 0)),
            ),
            ("weight", "weight", False, "/types/srv/seq/1", None),
            ("port", "port", False, "/types/srv/seq/2", None),
            ("target", "target", False, "/types/srv/seq/3", None),
        )

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
                _d = _io._io.read(6)
                if len(_d) < 6:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 6 bytes, but only %d bytes available" % len(_d), 6, len(_d)
                    )
                (
                    self.priority,
                    self.weight,
                    self.port,
                ) = _S8.unpack(_d)
                _s[0] = _p
                _p += 6
                _f = 3
                self.target = Dns.Name(0, 0, _io, self, self._root)
                _e = _io._io.tell()
                _s["target"] = (_p, _e)
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
                if _p + 6 > _z:
                    raise _pkt_eos(6, _z - _p)
                (
                    self.priority,
                    self.weight,
                    self.port,
                ) = _S8.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 6
                _f = 3
                _w = _pkt_new(Dns.Name)
                _w._parent = self
                _w._root = self._root
                _w.depth = 0
                _w.labels_before = 0
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.target = _w
                _s["target"] = (_p, _e)
                _p = _e
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Dns.Opcode, "_value2member_map_", None)
_EM1 = getattr(Dns.Rcode, "_value2member_map_", None)
_EM2 = getattr(Dns.RrType, "_value2member_map_", None)
_SW0 = {
    1: Dns.Ipv4Address,
    28: Dns.Ipv6Address,
    2: Dns.DomainName,
    5: Dns.DomainName,
    12: Dns.DomainName,
    39: Dns.DomainName,
    15: Dns.Mx,
    6: Dns.Soa,
    33: Dns.Srv,
}
