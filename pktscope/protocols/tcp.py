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

_S0 = _struct.Struct(">HHII")
_S1 = _struct.Struct(">HHH")
_S2 = _struct.Struct(">B")
_S3 = _struct.Struct(">H")
_S4 = _struct.Struct(">II")
_S5 = _struct.Struct(">I")


class Tcp(_PktStruct):
    """TCP header with options. `flags` is the 12-bit field after the data offset (reserved bits,
    AE/NS, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN), as Wireshark's `tcp.flags`. The payload is
    the rest of the segment; port 53 goes to `dns_tcp` (2-byte length prefix, then `dns`)."""

    class OptionKind(_IntEnum):
        eol = 0
        nop = 1
        mss = 2
        window_scale = 3
        sack_permitted = 4
        sack = 5
        timestamps = 8
        user_timeout = 28
        tcp_ao = 29
        mptcp = 30
        fast_open = 34

    SEQ_FIELDS = [
        "src_port",
        "dst_port",
        "seq",
        "ack",
        "data_offset",
        "flags",
        "window",
        "checksum",
        "urgent_pointer",
        "options",
        "body",
    ]
    _PKT_INSTANCES = [
        "header_length",
        "flag_fin",
        "flag_syn",
        "flag_rst",
        "flag_psh",
        "flag_ack",
        "flag_urg",
        "flag_ece",
        "flag_cwr",
        "flag_ae",
    ]
    _PKT_FIELDS = {
        "src_port": {
            "id": "src_port",
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
        "dst_port": {
            "id": "dst_port",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "seq": {
            "id": "seq",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "u4be",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "ack": {
            "id": "ack",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "u4be",
            "size": 4,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "data_offset": {
            "id": "data_offset",
            "spec_path": "/seq/4",
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
        "flags": {
            "id": "flags",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "b12",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "bit_size": 12,
            "bit_endian": "be",
        },
        "window": {
            "id": "window",
            "spec_path": "/seq/6",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "checksum": {
            "id": "checksum",
            "spec_path": "/seq/7",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "urgent_pointer": {
            "id": "urgent_pointer",
            "spec_path": "/seq/8",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "options": {
            "id": "options",
            "spec_path": "/seq/9",
            "kind": "seq",
            "type": "Tcp.OptionList",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/10",
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
        "flag_fin": {
            "id": "flag_fin",
            "spec_path": "/instances/flag_fin",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_syn": {
            "id": "flag_syn",
            "spec_path": "/instances/flag_syn",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_rst": {
            "id": "flag_rst",
            "spec_path": "/instances/flag_rst",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_psh": {
            "id": "flag_psh",
            "spec_path": "/instances/flag_psh",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_ack": {
            "id": "flag_ack",
            "spec_path": "/instances/flag_ack",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_urg": {
            "id": "flag_urg",
            "spec_path": "/instances/flag_urg",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_ece": {
            "id": "flag_ece",
            "spec_path": "/instances/flag_ece",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_cwr": {
            "id": "flag_cwr",
            "spec_path": "/instances/flag_cwr",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "flag_ae": {
            "id": "flag_ae",
            "spec_path": "/instances/flag_ae",
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
        "payload": {"field": "body", "next-on": ["dst_port", "src_port"], "next": {"53": "dns_tcp"}}
    }
    _PKT_RUNS = {
        "src_port": (0, 0, 2),
        "dst_port": (0, 2, 2),
        "seq": (0, 4, 4),
        "ack": (0, 8, 4),
        "window": (1, 0, 2),
        "checksum": (1, 2, 2),
        "urgent_pointer": (1, 4, 2),
    }
    _PKT_BITS = {"data_offset": (-1, 0, 4), "flags": (-1, 4, 12)}
    _PKT_SEQ = (
        (
            "src_port",
            "src_port",
            False,
            "/seq/0",
            ((0, 2, 0, ">H", 0), (2, 2, 1, ">H", 0), (4, 4, 2, ">I", 0), (8, 4, 3, ">I", 0)),
        ),
        ("dst_port", "dst_port", False, "/seq/1", None),
        ("seq", "seq", False, "/seq/2", None),
        ("ack", "ack", False, "/seq/3", None),
        ("data_offset", "data_offset", False, "/seq/4", None),
        ("flags", "flags", False, "/seq/5", None),
        (
            "window",
            "window",
            False,
            "/seq/6",
            ((0, 2, 6, ">H", 1), (2, 2, 7, ">H", 1), (4, 2, 8, ">H", 1)),
        ),
        ("checksum", "checksum", False, "/seq/7", None),
        ("urgent_pointer", "urgent_pointer", False, "/seq/8", None),
        ("options", "options", False, "/seq/9", None),
        ("body", "body", False, "/seq/10", None),
        ("_m_header_length", "header_length", False, "/instances/header_length", None),
        ("_m_flag_fin", "flag_fin", False, "/instances/flag_fin", None),
        ("_m_flag_syn", "flag_syn", False, "/instances/flag_syn", None),
        ("_m_flag_rst", "flag_rst", False, "/instances/flag_rst", None),
        ("_m_flag_psh", "flag_psh", False, "/instances/flag_psh", None),
        ("_m_flag_ack", "flag_ack", False, "/instances/flag_ack", None),
        ("_m_flag_urg", "flag_urg", False, "/instances/flag_urg", None),
        ("_m_flag_ece", "flag_ece", False, "/instances/flag_ece", None),
        ("_m_flag_cwr", "flag_cwr", False, "/instances/flag_cwr", None),
        ("_m_flag_ae", "flag_ae", False, "/instances/flag_ae", None),
    )
    _m_header_length = _PKT_UNSET
    _m_flag_fin = _PKT_UNSET
    _m_flag_syn = _PKT_UNSET
    _m_flag_rst = _PKT_UNSET
    _m_flag_psh = _PKT_UNSET
    _m_flag_ack = _PKT_UNSET
    _m_flag_urg = _PKT_UNSET
    _m_flag_ece = _PKT_UNSET
    _m_flag_cwr = _PKT_UNSET
    _m_flag_ae = _PKT_UNSET
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
            _d = _io._io.read(12)
            if len(_d) < 12:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 12 bytes, but only %d bytes available" % len(_d), 12, len(_d)
                )
            (
                self.src_port,
                self.dst_port,
                self.seq,
                self.ack,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 12
            _f = 4
            _q = _io._io.tell()
            _d = b"" if _io.bits_left else _io._io.read(2)
            if len(_d) == 2:
                _x = int.from_bytes(_d, "big")
                _s[-1] = _q
                self.data_offset = _x >> 12
                self.flags = _x & 0xFFF
                _p = _q + 2
            else:
                if _d:
                    _io._io.seek(_q)
                _f = 4
                _b = _io._io.tell() * 8 - _io.bits_left
                self.data_offset = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["data_offset"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 5
                _b = _io._io.tell() * 8 - _io.bits_left
                self.flags = _io.read_bits_int_be(12)
                _p = _io._io.tell()
                _s["flags"] = (_b, _p * 8 - _io.bits_left, 12)
            _f = 6
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(6)
            if len(_d) < 6:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 6 bytes, but only %d bytes available" % len(_d), 6, len(_d)
                )
            (
                self.window,
                self.checksum,
                self.urgent_pointer,
            ) = _S1.unpack(_d)
            _s[1] = _p
            _p += 6
            _f = 9
            if self.data_offset > 5:
                _n = (self.data_offset - 5) * 4
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
                self.options = Tcp.OptionList(_sub, self, self._root)
                _s["options"] = (_p, _e)
                _p = _e
            else:
                self.options = None
            _f = 10
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
            if _p + 12 > _z:
                raise _pkt_eos(12, _z - _p)
            (
                self.src_port,
                self.dst_port,
                self.seq,
                self.ack,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 12
            _f = 4
            _q = _p
            if _p + 2 <= _z:
                _x = int.from_bytes(_B[_o + _p : _o + _p + 2], "big")
                _s[-1] = _q
                self.data_offset = _x >> 12
                self.flags = _x & 0xFFF
                _p = _q + 2
            else:
                _io = self._io
                _io.align_to_byte()
                _io._io.seek(_p)
                _f = 4
                _b = _io._io.tell() * 8 - _io.bits_left
                self.data_offset = _io.read_bits_int_be(4)
                _p = _io._io.tell()
                _s["data_offset"] = (_b, _p * 8 - _io.bits_left, 4)
                _f = 5
                _b = _io._io.tell() * 8 - _io.bits_left
                self.flags = _io.read_bits_int_be(12)
                _p = _io._io.tell()
                _s["flags"] = (_b, _p * 8 - _io.bits_left, 12)
            _f = 6
            if _p + 6 > _z:
                raise _pkt_eos(6, _z - _p)
            (
                self.window,
                self.checksum,
                self.urgent_pointer,
            ) = _S1.unpack_from(_B, _o + _p)
            _s[1] = _p
            _p += 6
            _f = 9
            if self.data_offset > 5:
                _n = (self.data_offset - 5) * 4
                if _n < 0:
                    self._io.read_bytes(_n)  # the stream's own error
                if _p + _n > _z:
                    raise _pkt_eos(_n, _z - _p)
                _w = _pkt_new(Tcp.OptionList)
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
            _f = 10
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
        _v = self._m_header_length
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_header_length = _v = self.data_offset * 4
        except Exception as _x:
            _pkt_fail(self, _x, 11, None)
            raise
        return _v

    @property
    def flag_fin(self):
        _v = self._m_flag_fin
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_fin = _v = (self.flags & 1) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 12, None)
            raise
        return _v

    @property
    def flag_syn(self):
        _v = self._m_flag_syn
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_syn = _v = (self.flags & 2) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 13, None)
            raise
        return _v

    @property
    def flag_rst(self):
        _v = self._m_flag_rst
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_rst = _v = (self.flags & 4) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 14, None)
            raise
        return _v

    @property
    def flag_psh(self):
        _v = self._m_flag_psh
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_psh = _v = (self.flags & 8) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 15, None)
            raise
        return _v

    @property
    def flag_ack(self):
        _v = self._m_flag_ack
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_ack = _v = (self.flags & 16) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 16, None)
            raise
        return _v

    @property
    def flag_urg(self):
        _v = self._m_flag_urg
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_urg = _v = (self.flags & 32) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 17, None)
            raise
        return _v

    @property
    def flag_ece(self):
        _v = self._m_flag_ece
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_ece = _v = (self.flags & 64) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 18, None)
            raise
        return _v

    @property
    def flag_cwr(self):
        _v = self._m_flag_cwr
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_cwr = _v = (self.flags & 128) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 19, None)
            raise
        return _v

    @property
    def flag_ae(self):
        _v = self._m_flag_ae
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_flag_ae = _v = (self.flags & 256) != 0
        except Exception as _x:
            _pkt_fail(self, _x, 20, None)
            raise
        return _v

    class OptionList(_PktStruct):
        """The options area; `items` are the options in order. Bytes after an end-of-option-list
        are padding (RFC 9293 3.2: zero); like Wireshark, each is read as one more item (a zero
        byte is another EOL), so `items` covers the whole area."""

        SEQ_FIELDS = ["items"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "items": {
                "id": "items",
                "spec_path": "/types/option_list/seq/0",
                "kind": "seq",
                "type": "Tcp.Option",
                "size": None,
                "repeat": "eos",
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
                while not _io.is_eof():
                    _q = _p
                    _t = Tcp.Option(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/option_list/seq/0"
                        )
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
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Tcp.Option)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/option_list/seq/0"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Option(_PktStruct):
        """One option; kinds 0 (EOL) and 1 (NOP) are a single byte."""

        SEQ_FIELDS = ["kind", "length", "body"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "kind": {
                "id": "kind",
                "spec_path": "/types/option/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": "Tcp.OptionKind",
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
            "body": {
                "id": "body",
                "spec_path": "/types/option/seq/2",
                "kind": "seq",
                "type": None,
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "cases": ["Tcp.Mss", "Tcp.WindowScale", "Tcp.Sack", "Tcp.Timestamps"],
            },
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {"kind": (0, 0, 1)}
        _PKT_SEQ = (
            ("kind", "kind", False, "/types/option/seq/0", ((0, 1, 0, ">B", 0),)),
            ("length", "length", False, "/types/option/seq/1", None),
            ("body", "body", False, "/types/option/seq/2", None),
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
                _d = _io._io.read(1)
                if len(_d) < 1:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                    )
                self.kind = _d[0]
                _s[0] = _p
                _p += 1
                self.kind = _EM0.get(self.kind, self.kind)
                _f = 1
                if (self.kind != 0) and (self.kind != 1):
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
                if (self.kind != 0) and (self.kind != 1):
                    _on = self.kind
                    _c = _SW0.get(_on)
                    if _c is not None:
                        _n = (self.length - 2) if (self.length >= 2) else 0
                        if _n < 0 or _io.bits_left:
                            _r = _io.read_bytes(_n)
                        else:
                            _r = _io._io.read(_n)
                            if len(_r) < _n:
                                raise _kaitaistruct.EndOfStreamError(
                                    "requested %d bytes, but only %d bytes available"
                                    % (_n, len(_r)),
                                    _n,
                                    len(_r),
                                )
                        _e = _p + _n
                        _sub = _pkt_subio(_r, _io, _p)
                        self.body = _c(_sub, self, self._root)
                        _s["body"] = (_p, _e)
                        _p = _e
                    else:
                        _n = (self.length - 2) if (self.length >= 2) else 0
                        if _n < 0 or _io.bits_left:
                            _r = _io.read_bytes(_n)
                        else:
                            _r = _io._io.read(_n)
                            if len(_r) < _n:
                                raise _kaitaistruct.EndOfStreamError(
                                    "requested %d bytes, but only %d bytes available"
                                    % (_n, len(_r)),
                                    _n,
                                    len(_r),
                                )
                        self.body = _r
                        _e = _p + _n
                        _s["body"] = (_p, _e)
                        _p = _e
                else:
                    self.body = None
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
                _x = _B[_o + _p]
                _s[0] = _p
                _p += 1
                self.kind = _EM0.get(_x, _x)
                _f = 1
                if (self.kind != 0) and (self.kind != 1):
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.length = _B[_o + _p]
                    _e = _p + 1
                    _s["length"] = (_p, _e)
                    _p = _e
                else:
                    self.length = None
                _f = 2
                if (self.kind != 0) and (self.kind != 1):
                    _on = self.kind
                    _c = _SW0.get(_on)
                    if _c is not None:
                        _n = (self.length - 2) if (self.length >= 2) else 0
                        if _n < 0:
                            self._io.read_bytes(_n)  # the stream's own error
                        if _p + _n > _z:
                            raise _pkt_eos(_n, _z - _p)
                        _w = _pkt_new(_c)
                        _w._parent = self
                        _w._root = self._root
                        _w._pkt_iv = (self, _p, _n)
                        _w._pkt_read(_B, _o + _p, _n, 0)
                        _e = _p + _n
                        self.body = _w
                        _s["body"] = (_p, _e)
                        _p = _e
                    else:
                        _n = (self.length - 2) if (self.length >= 2) else 0
                        if _n < 0:
                            self._io.read_bytes(_n)  # the stream's own error
                        if _p + _n > _z:
                            raise _pkt_eos(_n, _z - _p)
                        _r = _B[_o + _p : _o + _p + _n]
                        self.body = _r
                        _e = _p + _n
                        _s["body"] = (_p, _e)
                        _p = _e
                else:
                    self.body = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Mss(_PktStruct):
        """An option body too short for its kind (tshark: "too-short option length", a note, not
        malformed) has no value; so for the fixed-size kinds below."""

        SEQ_FIELDS = ["mss"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "mss": {
                "id": "mss",
                "spec_path": "/types/mss/seq/0",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("mss", "mss", False, "/types/mss/seq/0", None),)

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
                if self._io.size() >= 2:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(2)
                    if len(_d) < 2:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                        )
                    self.mss = _S3.unpack(_d)[0]
                    _e = _p + 2
                    _s["mss"] = (_p, _e)
                    _p = _e
                else:
                    self.mss = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _z >= 2:
                    if _p + 2 > _z:
                        raise _pkt_eos(2, _z - _p)
                    self.mss = _S3.unpack_from(_B, _o + _p)[0]
                    _e = _p + 2
                    _s["mss"] = (_p, _e)
                    _p = _e
                else:
                    self.mss = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class WindowScale(_PktStruct):
        SEQ_FIELDS = ["shift_count"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "shift_count": {
                "id": "shift_count",
                "spec_path": "/types/window_scale/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("shift_count", "shift_count", False, "/types/window_scale/seq/0", None),)

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
                if self._io.size() >= 1:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(1)
                    if len(_d) < 1:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                        )
                    self.shift_count = _d[0]
                    _e = _p + 1
                    _s["shift_count"] = (_p, _e)
                    _p = _e
                else:
                    self.shift_count = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _z >= 1:
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.shift_count = _B[_o + _p]
                    _e = _p + 1
                    _s["shift_count"] = (_p, _e)
                    _p = _e
                else:
                    self.shift_count = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Sack(_PktStruct):
        SEQ_FIELDS = ["blocks"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "blocks": {
                "id": "blocks",
                "spec_path": "/types/sack/seq/0",
                "kind": "seq",
                "type": "Tcp.SackBlock",
                "size": None,
                "repeat": "eos",
                "enum": None,
                "process": False,
                "hints": {},
            }
        }
        _PKT_HINTS = {}
        _PKT_RUNS = {}
        _PKT_SEQ = (("blocks", "blocks", True, "/types/sack/seq/0", None),)

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
                self.blocks = _v = []
                _a = [_p]
                _s["blocks"] = _a
                i = 0
                while not _io.is_eof():
                    _q = _p
                    _t = Tcp.SackBlock(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q and _io._io.tell() == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/sack/seq/0"
                        )
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
                self.blocks = _v = []
                _a = [_p]
                _s["blocks"] = _a
                i = 0
                while _p < _z:
                    _q = _p
                    _w = _pkt_new(Tcp.SackBlock)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if _p == _q:
                        raise _kaitaistruct.KaitaiStructError(
                            "repeated element consumed no bytes", "/types/sack/seq/0"
                        )
                    i += 1
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class SackBlock(_PktStruct):
        """One SACK block: the first and one past the last sequence number received."""

        SEQ_FIELDS = ["left_edge", "right_edge"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "left_edge": {
                "id": "left_edge",
                "spec_path": "/types/sack_block/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "right_edge": {
                "id": "right_edge",
                "spec_path": "/types/sack_block/seq/1",
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
        _PKT_RUNS = {"left_edge": (0, 0, 4), "right_edge": (0, 4, 4)}
        _PKT_SEQ = (
            (
                "left_edge",
                "left_edge",
                False,
                "/types/sack_block/seq/0",
                ((0, 4, 0, ">I", 0), (4, 4, 1, ">I", 0)),
            ),
            ("right_edge", "right_edge", False, "/types/sack_block/seq/1", None),
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
                _d = _io._io.read(8)
                if len(_d) < 8:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 8 bytes, but only %d bytes available" % len(_d), 8, len(_d)
                    )
                (
                    self.left_edge,
                    self.right_edge,
                ) = _S4.unpack(_d)
                _s[0] = _p
                _p += 8
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 8 > _z:
                    raise _pkt_eos(8, _z - _p)
                (
                    self.left_edge,
                    self.right_edge,
                ) = _S4.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 8
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

    class Timestamps(_PktStruct):
        SEQ_FIELDS = ["value", "echo_reply"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "value": {
                "id": "value",
                "spec_path": "/types/timestamps/seq/0",
                "kind": "seq",
                "type": "u4be",
                "size": 4,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "echo_reply": {
                "id": "echo_reply",
                "spec_path": "/types/timestamps/seq/1",
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
        _PKT_RUNS = {}
        _PKT_SEQ = (
            ("value", "value", False, "/types/timestamps/seq/0", None),
            ("echo_reply", "echo_reply", False, "/types/timestamps/seq/1", None),
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
                if self._io.size() >= 8:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(4)
                    if len(_d) < 4:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                        )
                    self.value = _S5.unpack(_d)[0]
                    _e = _p + 4
                    _s["value"] = (_p, _e)
                    _p = _e
                else:
                    self.value = None
                _f = 1
                if self._io.size() >= 8:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(4)
                    if len(_d) < 4:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 4 bytes, but only %d bytes available" % len(_d), 4, len(_d)
                        )
                    self.echo_reply = _S5.unpack(_d)[0]
                    _e = _p + 4
                    _s["echo_reply"] = (_p, _e)
                    _p = _e
                else:
                    self.echo_reply = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _z >= 8:
                    if _p + 4 > _z:
                        raise _pkt_eos(4, _z - _p)
                    self.value = _S5.unpack_from(_B, _o + _p)[0]
                    _e = _p + 4
                    _s["value"] = (_p, _e)
                    _p = _e
                else:
                    self.value = None
                _f = 1
                if _z >= 8:
                    if _p + 4 > _z:
                        raise _pkt_eos(4, _z - _p)
                    self.echo_reply = _S5.unpack_from(_B, _o + _p)[0]
                    _e = _p + 4
                    _s["echo_reply"] = (_p, _e)
                    _p = _e
                else:
                    self.echo_reply = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p


# switch tables (case value -> class) and enum value maps
_EM0 = getattr(Tcp.OptionKind, "_value2member_map_", None)
_SW0 = {2: Tcp.Mss, 3: Tcp.WindowScale, 5: Tcp.Sack, 8: Tcp.Timestamps}
