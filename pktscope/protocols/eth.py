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

_S0 = _struct.Struct(">6s6sH")
_S1 = _struct.Struct(">H")
_S2 = _struct.Struct(">BBB")
_S3 = _struct.Struct(">3sH")


class Eth(_PktStruct):
    """An Ethernet frame without preamble and FCS, as captured (LINKTYPE_ETHERNET = 1).
    After the addresses come zero or more 802.1Q / 802.1ad (QinQ) tags, then either an
    EtherType (>= 0x0600, Ethernet II) or an 802.3 length (<= 1500) followed by an 802.2 LLC
    header and, for DSAP = SSAP = 0xAA, a SNAP header. `ether_type` is the type that selects
    the payload: the last tag's type, or the SNAP protocol id."""

    SEQ_FIELDS = ["dst", "src", "type_or_length", "vlan", "llc", "body"]
    _PKT_INSTANCES = ["is_tag_tpid", "inner_type", "is_8023", "length", "ether_type", "payload_end"]
    _PKT_FIELDS = {
        "dst": {
            "id": "dst",
            "spec_path": "/seq/0",
            "kind": "seq",
            "type": "bytes",
            "size": 6,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "src": {
            "id": "src",
            "spec_path": "/seq/1",
            "kind": "seq",
            "type": "bytes",
            "size": 6,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {"display": "mac"},
        },
        "type_or_length": {
            "id": "type_or_length",
            "spec_path": "/seq/2",
            "kind": "seq",
            "type": "u2be",
            "size": 2,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
            "endian": "be",
        },
        "vlan": {
            "id": "vlan",
            "spec_path": "/seq/3",
            "kind": "seq",
            "type": "Eth.VlanTag",
            "size": None,
            "repeat": "until",
            "enum": None,
            "process": False,
            "hints": {},
        },
        "llc": {
            "id": "llc",
            "spec_path": "/seq/4",
            "kind": "seq",
            "type": "Eth.Llc",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "body": {
            "id": "body",
            "spec_path": "/seq/5",
            "kind": "seq",
            "type": "bytes",
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_tag_tpid": {
            "id": "is_tag_tpid",
            "spec_path": "/instances/is_tag_tpid",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "inner_type": {
            "id": "inner_type",
            "spec_path": "/instances/inner_type",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "is_8023": {
            "id": "is_8023",
            "spec_path": "/instances/is_8023",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "length": {
            "id": "length",
            "spec_path": "/instances/length",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {},
        },
        "ether_type": {
            "id": "ether_type",
            "spec_path": "/instances/ether_type",
            "kind": "value",
            "type": None,
            "size": None,
            "repeat": None,
            "enum": None,
            "process": False,
            "hints": {
                "bytes": ["llc.snap.protocol_id", "vlan[-1].type_or_length", "type_or_length"]
            },
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
            "overrun": "error",
            "next-on": ["ether_type"],
            "next": {"2048": "ipv4", "2054": "arp", "34525": "ipv6"},
        },
        "linktypes": [1],
    }
    _PKT_RUNS = {"dst": (0, 0, 6), "src": (0, 6, 6), "type_or_length": (0, 12, 2)}
    _PKT_SEQ = (
        (
            "dst",
            "dst",
            False,
            "/seq/0",
            ((0, 6, 0, ">6s", 0), (6, 6, 1, ">6s", 0), (12, 2, 2, ">H", 0)),
        ),
        ("src", "src", False, "/seq/1", None),
        ("type_or_length", "type_or_length", False, "/seq/2", None),
        ("vlan", "vlan", True, "/seq/3", None),
        ("llc", "llc", False, "/seq/4", None),
        ("body", "body", False, "/seq/5", None),
        ("_m_is_tag_tpid", "is_tag_tpid", False, "/instances/is_tag_tpid", None),
        ("_m_inner_type", "inner_type", False, "/instances/inner_type", None),
        ("_m_is_8023", "is_8023", False, "/instances/is_8023", None),
        ("_m_length", "length", False, "/instances/length", None),
        ("_m_ether_type", "ether_type", False, "/instances/ether_type", None),
        ("_m_payload_end", "payload_end", False, "/instances/payload_end", None),
    )
    _m_is_tag_tpid = _PKT_UNSET
    _m_inner_type = _PKT_UNSET
    _m_is_8023 = _PKT_UNSET
    _m_length = _PKT_UNSET
    _m_ether_type = _PKT_UNSET
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
            if _io.bits_left:
                _io.align_to_byte()
            _d = _io._io.read(14)
            if len(_d) < 14:
                raise _kaitaistruct.EndOfStreamError(
                    "requested 14 bytes, but only %d bytes available" % len(_d), 14, len(_d)
                )
            (
                self.dst,
                self.src,
                self.type_or_length,
            ) = _S0.unpack(_d)
            _s[0] = _p
            _p += 14
            _f = 3
            if self.is_tag_tpid:
                self.vlan = _v = []
                _a = [_p]
                _s["vlan"] = _a
                i = 0
                while True:
                    _t = Eth.VlanTag(_io, self, self._root)
                    _e = _io._io.tell()
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if not _t.is_tagged:
                        break
                    i += 1
            else:
                self.vlan = None
            _f = 4
            if self.is_8023:
                self.llc = Eth.Llc(_io, self, self._root)
                _e = _io._io.tell()
                _s["llc"] = (_p, _e)
                _p = _e
            else:
                self.llc = None
            _f = 5
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
            if _p + 14 > _z:
                raise _pkt_eos(14, _z - _p)
            (
                self.dst,
                self.src,
                self.type_or_length,
            ) = _S0.unpack_from(_B, _o + _p)
            _s[0] = _p
            _p += 14
            _f = 3
            if self.is_tag_tpid:
                self.vlan = _v = []
                _a = [_p]
                _s["vlan"] = _a
                i = 0
                while True:
                    _w = _pkt_new(Eth.VlanTag)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    _t = _w
                    _a.append((_p, _e))
                    _p = _e
                    _v.append(_t)
                    if not _t.is_tagged:
                        break
                    i += 1
            else:
                self.vlan = None
            _f = 4
            if self.is_8023:
                _w = _pkt_new(Eth.Llc)
                _w._parent = self
                _w._root = self._root
                _w._pkt_iv = self
                _w._pkt_read(_B, _o, _z, _p)
                _e = _w._pkt_end
                self.llc = _w
                _s["llc"] = (_p, _e)
                _p = _e
            else:
                self.llc = None
            _f = 5
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
    def is_tag_tpid(self):
        _v = self._m_is_tag_tpid
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_is_tag_tpid = _v = (
                (self.type_or_length == 33024) or (self.type_or_length == 34984)
            ) or (self.type_or_length == 37120)
        except Exception as _x:
            _pkt_fail(self, _x, 6, None)
            raise
        return _v

    @property
    def inner_type(self):
        """Type/length field after the last tag."""
        _v = self._m_inner_type
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_inner_type = _v = (
                self.vlan[-1].type_or_length if self.is_tag_tpid else self.type_or_length
            )
        except Exception as _x:
            _pkt_fail(self, _x, 7, None)
            raise
        return _v

    @property
    def is_8023(self):
        """True for an IEEE 802.3 frame (length field instead of an EtherType)."""
        _v = self._m_is_8023
        if _v is not _PKT_UNSET:
            return _v
        try:
            self._m_is_8023 = _v = self.inner_type <= 1500
        except Exception as _x:
            _pkt_fail(self, _x, 8, None)
            raise
        return _v

    @property
    def length(self):
        """802.3 length of the LLC data."""
        _v = self._m_length
        if _v is not _PKT_UNSET:
            return _v
        try:
            if not (self.is_8023):
                self._m_length = None
                return None
            self._m_length = _v = self.inner_type
        except Exception as _x:
            _pkt_fail(self, _x, 9, None)
            raise
        return _v

    @property
    def ether_type(self):
        """EtherType selecting the payload (after tags; SNAP protocol id for 802.3 + SNAP)."""
        _v = self._m_ether_type
        if _v is not _PKT_UNSET:
            return _v
        try:
            if not ((not self.is_8023) or self.llc.is_snap):
                self._m_ether_type = None
                return None
            self._m_ether_type = _v = self.llc.snap.protocol_id if self.is_8023 else self.inner_type
        except Exception as _x:
            _pkt_fail(self, _x, 10, None)
            raise
        return _v

    @property
    def payload_end(self):
        """End of the 802.3 data (the rest is padding)."""
        _v = self._m_payload_end
        if _v is not _PKT_UNSET:
            return _v
        try:
            if not (self.is_8023):
                self._m_payload_end = None
                return None
            self._m_payload_end = _v = (
                (12 + 2) + ((len(self.vlan) * 4) if self.is_tag_tpid else 0)
            ) + self.length
        except Exception as _x:
            _pkt_fail(self, _x, 11, None)
            raise
        return _v

    class VlanTag(_PktStruct):
        """One 802.1Q tag after its TPID (tag control information + the next type)."""

        SEQ_FIELDS = ["pcp", "dei", "id", "type_or_length"]
        _PKT_INSTANCES = ["is_tagged"]
        _PKT_FIELDS = {
            "pcp": {
                "id": "pcp",
                "spec_path": "/types/vlan_tag/seq/0",
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
            "dei": {
                "id": "dei",
                "spec_path": "/types/vlan_tag/seq/1",
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
            "id": {
                "id": "id",
                "spec_path": "/types/vlan_tag/seq/2",
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
            "type_or_length": {
                "id": "type_or_length",
                "spec_path": "/types/vlan_tag/seq/3",
                "kind": "seq",
                "type": "u2be",
                "size": 2,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
                "endian": "be",
            },
            "is_tagged": {
                "id": "is_tagged",
                "spec_path": "/types/vlan_tag/instances/is_tagged",
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
        _PKT_RUNS = {"type_or_length": (0, 0, 2)}
        _PKT_BITS = {"pcp": (-1, 0, 3), "dei": (-1, 3, 1), "id": (-1, 4, 12)}
        _PKT_SEQ = (
            ("pcp", "pcp", False, "/types/vlan_tag/seq/0", None),
            ("dei", "dei", False, "/types/vlan_tag/seq/1", None),
            ("id", "id", False, "/types/vlan_tag/seq/2", None),
            (
                "type_or_length",
                "type_or_length",
                False,
                "/types/vlan_tag/seq/3",
                ((0, 2, 3, ">H", 0),),
            ),
            ("_m_is_tagged", "is_tagged", False, "/types/vlan_tag/instances/is_tagged", None),
        )
        _m_is_tagged = _PKT_UNSET

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
                _q = _io._io.tell()
                _d = b"" if _io.bits_left else _io._io.read(2)
                if len(_d) == 2:
                    _x = int.from_bytes(_d, "big")
                    _s[-1] = _q
                    self.pcp = _x >> 13
                    self.dei = ((_x >> 12) & 0x1) != 0
                    self.id = _x & 0xFFF
                    _p = _q + 2
                else:
                    if _d:
                        _io._io.seek(_q)
                    _f = 0
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.pcp = _io.read_bits_int_be(3)
                    _p = _io._io.tell()
                    _s["pcp"] = (_b, _p * 8 - _io.bits_left, 3)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.dei = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["dei"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.id = _io.read_bits_int_be(12)
                    _p = _io._io.tell()
                    _s["id"] = (_b, _p * 8 - _io.bits_left, 12)
                _f = 3
                if _io.bits_left:
                    _io.align_to_byte()
                _d = _io._io.read(2)
                if len(_d) < 2:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 2 bytes, but only %d bytes available" % len(_d), 2, len(_d)
                    )
                (self.type_or_length,) = _S1.unpack(_d)
                _s[0] = _p
                _p += 2
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
                    self.pcp = _x >> 13
                    self.dei = ((_x >> 12) & 0x1) != 0
                    self.id = _x & 0xFFF
                    _p = _q + 2
                else:
                    _io = self._io
                    _io.align_to_byte()
                    _io._io.seek(_p)
                    _f = 0
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.pcp = _io.read_bits_int_be(3)
                    _p = _io._io.tell()
                    _s["pcp"] = (_b, _p * 8 - _io.bits_left, 3)
                    _f = 1
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.dei = _io.read_bits_int_be(1) != 0
                    _p = _io._io.tell()
                    _s["dei"] = (_b, _p * 8 - _io.bits_left, 1)
                    _f = 2
                    _b = _io._io.tell() * 8 - _io.bits_left
                    self.id = _io.read_bits_int_be(12)
                    _p = _io._io.tell()
                    _s["id"] = (_b, _p * 8 - _io.bits_left, 12)
                _f = 3
                if _p + 2 > _z:
                    raise _pkt_eos(2, _z - _p)
                (self.type_or_length,) = _S1.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 2
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def is_tagged(self):
            _v = self._m_is_tagged
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_is_tagged = _v = (
                    (self.type_or_length == 33024) or (self.type_or_length == 34984)
                ) or (self.type_or_length == 37120)
            except Exception as _x:
                _pkt_fail(self, _x, 4, None)
                raise
            return _v

    class Llc(_PktStruct):
        """IEEE 802.2 LLC header (+ SNAP when DSAP = SSAP = 0xAA)."""

        SEQ_FIELDS = ["dsap", "ssap", "control", "control_hi", "snap"]
        _PKT_INSTANCES = ["is_snap"]
        _PKT_FIELDS = {
            "dsap": {
                "id": "dsap",
                "spec_path": "/types/llc/seq/0",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "ssap": {
                "id": "ssap",
                "spec_path": "/types/llc/seq/1",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "control": {
                "id": "control",
                "spec_path": "/types/llc/seq/2",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "control_hi": {
                "id": "control_hi",
                "spec_path": "/types/llc/seq/3",
                "kind": "seq",
                "type": "u1",
                "size": 1,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "snap": {
                "id": "snap",
                "spec_path": "/types/llc/seq/4",
                "kind": "seq",
                "type": "Eth.Snap",
                "size": None,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {},
            },
            "is_snap": {
                "id": "is_snap",
                "spec_path": "/types/llc/instances/is_snap",
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
        _PKT_RUNS = {"dsap": (0, 0, 1), "ssap": (0, 1, 1), "control": (0, 2, 1)}
        _PKT_SEQ = (
            (
                "dsap",
                "dsap",
                False,
                "/types/llc/seq/0",
                ((0, 1, 0, ">B", 0), (1, 1, 1, ">B", 0), (2, 1, 2, ">B", 0)),
            ),
            ("ssap", "ssap", False, "/types/llc/seq/1", None),
            ("control", "control", False, "/types/llc/seq/2", None),
            ("control_hi", "control_hi", False, "/types/llc/seq/3", None),
            ("snap", "snap", False, "/types/llc/seq/4", None),
            ("_m_is_snap", "is_snap", False, "/types/llc/instances/is_snap", None),
        )
        _m_is_snap = _PKT_UNSET

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
                _d = _io._io.read(3)
                if len(_d) < 3:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 3 bytes, but only %d bytes available" % len(_d), 3, len(_d)
                    )
                (
                    self.dsap,
                    self.ssap,
                    self.control,
                ) = _S2.unpack(_d)
                _s[0] = _p
                _p += 3
                _f = 3
                if (self.control & 3) != 3:
                    if _io.bits_left:
                        _io.align_to_byte()
                    _d = _io._io.read(1)
                    if len(_d) < 1:
                        raise _kaitaistruct.EndOfStreamError(
                            "requested 1 bytes, but only %d bytes available" % len(_d), 1, len(_d)
                        )
                    self.control_hi = _d[0]
                    _e = _p + 1
                    _s["control_hi"] = (_p, _e)
                    _p = _e
                else:
                    self.control_hi = None
                _f = 4
                if self.is_snap:
                    self.snap = Eth.Snap(_io, self, self._root)
                    _e = _io._io.tell()
                    _s["snap"] = (_p, _e)
                    _p = _e
                else:
                    self.snap = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 3 > _z:
                    raise _pkt_eos(3, _z - _p)
                (
                    self.dsap,
                    self.ssap,
                    self.control,
                ) = _S2.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 3
                _f = 3
                if (self.control & 3) != 3:
                    if _p + 1 > _z:
                        raise _pkt_eos(1, _z - _p)
                    self.control_hi = _B[_o + _p]
                    _e = _p + 1
                    _s["control_hi"] = (_p, _e)
                    _p = _e
                else:
                    self.control_hi = None
                _f = 4
                if self.is_snap:
                    _w = _pkt_new(Eth.Snap)
                    _w._parent = self
                    _w._root = self._root
                    _w._pkt_iv = self
                    _w._pkt_read(_B, _o, _z, _p)
                    _e = _w._pkt_end
                    self.snap = _w
                    _s["snap"] = (_p, _e)
                    _p = _e
                else:
                    self.snap = None
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        @property
        def is_snap(self):
            _v = self._m_is_snap
            if _v is not _PKT_UNSET:
                return _v
            try:
                self._m_is_snap = _v = (self.dsap == 170) and (self.ssap == 170)
            except Exception as _x:
                _pkt_fail(self, _x, 5, None)
                raise
            return _v

    class Snap(_PktStruct):
        """Subnetwork Access Protocol header."""

        SEQ_FIELDS = ["oui", "protocol_id"]
        _PKT_INSTANCES = []
        _PKT_FIELDS = {
            "oui": {
                "id": "oui",
                "spec_path": "/types/snap/seq/0",
                "kind": "seq",
                "type": "bytes",
                "size": 3,
                "repeat": None,
                "enum": None,
                "process": False,
                "hints": {"display": "hex"},
            },
            "protocol_id": {
                "id": "protocol_id",
                "spec_path": "/types/snap/seq/1",
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
        _PKT_RUNS = {"oui": (0, 0, 3), "protocol_id": (0, 3, 2)}
        _PKT_SEQ = (
            ("oui", "oui", False, "/types/snap/seq/0", ((0, 3, 0, ">3s", 0), (3, 2, 1, ">H", 0))),
            ("protocol_id", "protocol_id", False, "/types/snap/seq/1", None),
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
                _d = _io._io.read(5)
                if len(_d) < 5:
                    raise _kaitaistruct.EndOfStreamError(
                        "requested 5 bytes, but only %d bytes available" % len(_d), 5, len(_d)
                    )
                (
                    self.oui,
                    self.protocol_id,
                ) = _S3.unpack(_d)
                _s[0] = _p
                _p += 5
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p

        def _pkt_read(self, _B, _o, _z, _p):
            self._pkt_s = _s = {}
            self._pkt_start = _p
            try:
                _f = 0
                if _p + 5 > _z:
                    raise _pkt_eos(5, _z - _p)
                (
                    self.oui,
                    self.protocol_id,
                ) = _S3.unpack_from(_B, _o + _p)
                _s[0] = _p
                _p += 5
            except Exception as _x:
                _pkt_fail(self, _x, _f, _p)
                raise
            self._pkt_end = _p
