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


class Raw(_PktStruct):
    """Packets that begin directly with an IPv4 or IPv6 header. The IP version nibble of the first
    byte selects the spec; this layer consumes no bytes of its own. Besides LINKTYPE_RAW (101)
    and its IPv4/IPv6-only forms (228, 229), files written with the platforms' DLT_RAW value as
    link type (12; 14 on OpenBSD) are raw IP too, as libpcap and tshark read them."""

    SEQ_FIELDS = ["body"]
    _PKT_INSTANCES = ["first_byte", "version"]
    _PKT_FIELDS = {
        "body": {
            "id": "body",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "first_byte": {
            "id": "first_byte",
            "spec_path": "/instances/first_byte",
            "kind": "instance",
            "type": "u1",
            "size": 1,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "version": {
            "id": "version",
            "spec_path": "/instances/version",
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
        "payload": {"field": "body", "next-on": ["version"], "next": {"4": "ipv4", "6": "ipv6"}},
        "linktypes": [101, 228, 229, 12, 14],
    }
    _PKT_RUNS = {}
    _PKT_SEQ = (
        ("body", "body", False, "/seq/0", None),
        ("_m_first_byte", "first_byte", False, "/instances/first_byte", None),
        ("_m_version", "version", False, "/instances/version", None),
    )
    _m_first_byte = _PKT_UNSET
    _m_version = _PKT_UNSET
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
    def first_byte(self):
        """The first byte of the IP header."""
        _v = self._m_first_byte
        if _v is not _PKT_UNSET:
            return _v
        _f = 1
        _p = None
        try:
            if not (_pkt_iosize(self) >= 1):
                self._m_first_byte = None
                return None
            _io = self._io
            _s = self._pkt_s
            _old = _io.pos()
            _io.seek(0)
            _p = _io._io.tell()
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(1)
            if len(_d) < 1:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                )
            self._m_first_byte = _d[0]
            _e = _p + 1
            _s["@first_byte"] = (_io, (_p, _e))
            _p = _e
            _io.seek(_old)
        except Exception as _x:
            _pkt_fail(self, _x, _f, _p)
            raise
        return self._m_first_byte

    @property
    def version(self):
        """IP version (4 or 6) from the first byte."""
        _v = self._m_version
        if _v is not _PKT_UNSET:
            return _v
        try:
            if not (_pkt_iosize(self) >= 1):
                self._m_version = None
                return None
            self._m_version = _v = self.first_byte >> 4
        except Exception as _x:
            _pkt_fail(self, _x, 2, None)
            raise
        return _v
