"""TCP as tshark's packet list shows it across frames: relative sequence numbers, scaled windows
and the sequence-analysis marks (``[TCP Retransmission]``, ``[TCP Dup ACK 6#1]`` ...).

A port of what Wireshark 4.0.17's ``packet-tcp.c`` does on a single pass with default
preferences (``tcp_analyze_sequence_numbers``, relative numbers, window scaling learned from the
SYNs). It is fed one segment at a time, in capture order, by
:class:`~pktscope.render.conversations.Conversations`. Not modelled: AccECN, MPTCP, and the
marks a subdissector's reassembly adds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Segment", "TcpNotes", "TcpTracker"]

_M = 0xFFFFFFFF
_FIN, _SYN, _RST, _ACK = 0x001, 0x002, 0x004, 0x010
_SFR = _SYN | _FIN | _RST

# analysis flags (packet-tcp.c's TCP_A_*), and the marks they print, in print order: each is
# put in front of the Info text, so the last printed ends up first
_RETRANS, _LOST, _ACK_LOST, _KA, _DUPACK, _ZW, _ZWP, _ZWPACK, _KAACK, _OOO = (
    1 << i for i in range(10)
)
_FASTRT, _WU, _WF, _REUSED, _SPURIOUS = (1 << i for i in range(10, 15))
_MARKS = (
    (_REUSED, "[TCP Port numbers reused] "),
    (_RETRANS, "[TCP Retransmission] "),
    (_FASTRT, "[TCP Fast Retransmission] "),
    (_SPURIOUS, "[TCP Spurious Retransmission] "),
    (_OOO, "[TCP Out-Of-Order] "),
    (_LOST, "[TCP Previous segment not captured] "),
    (_ACK_LOST, "[TCP ACKed unseen segment] "),
    (_WU, "[TCP Window Update] "),
    (_WF, "[TCP Window Full] "),
    (_KA, "[TCP Keep-Alive] "),
    (_KAACK, "[TCP Keep-Alive ACK] "),
)
_TAIL_MARKS = (
    (_ZWP, "[TCP ZeroWindowProbe] "),
    (_ZW, "[TCP ZeroWindow] "),
    (_ZWPACK, "[TCP ZeroWindowProbeAck] "),
)


def _s32(x: int) -> int:
    x &= _M
    return x - (1 << 32) if x & 0x80000000 else x


def _gt(x: int, y: int) -> bool:
    return _s32(y - x) < 0


def _lt(x: int, y: int) -> bool:
    return _s32(x - y) < 0


def _le(x: int, y: int) -> bool:
    return _s32(x - y) <= 0


@dataclass(slots=True)
class Segment:
    """The header fields of one segment the tracker needs (numbers as on the wire)."""

    src: object
    dst: object
    sport: int
    dport: int
    seq: int
    ack: int
    flags: int
    window: int
    header_length: int
    length: int | None  # payload length from the IP header, None when shorter than the header
    window_shift: int | None  # the window scale option's shift, if the segment has one
    time_ns: int
    number: int


@dataclass(slots=True)
class TcpNotes:
    """What the packet list shows of a segment given the segments before it."""

    seq: int
    ack: int
    window: int
    sack_base: int  # subtracted from SACK edges
    marks: str = ""  # "[TCP Retransmission] " ... ("" when the header is too short to show)
    # a retransmission, an out-of-order segment or a keep-alive: Wireshark does not hand its
    # payload to the protocol above (tcp.no_subdissector_on_error), so its line stays TCP
    payload_withheld: bool = False


@dataclass(slots=True)
class _Flow:
    """One direction (packet-tcp.c's tcp_flow_t and its analysis data)."""

    base: int | None = None
    win_scale: int = -1  # -1 unknown, -2 no scaling, else the shift its SYN announced
    window: int = _M
    is_first_ack: bool = False
    segments: list[list[int]] = field(default_factory=list)  # [seq, nextseq], newest first
    lastack: int = 0
    lastacktime: int = 0
    lastnondupack: int = 0
    dupacknum: int = 0
    nextseq: int = 0
    maxseqtobeacked: int = 0
    nextseqtime: int = 0
    lastsegmentflags: int = 0


class _Conversation:
    __slots__ = ("flows", "ts_first_rtt", "ts_mru_syn")

    def __init__(self) -> None:
        self.flows = (_Flow(), _Flow())
        self.ts_mru_syn = 0
        self.ts_first_rtt = 0


@dataclass(slots=True)
class _Analysis:
    """The analysis of the segment at hand (packet-tcp.c's tcp_acked_t)."""

    flags: int = 0
    dupack_num: int = 0
    dupack_frame: int = 0

    def marks(self) -> str:
        f = self.flags
        printed = [text for bit, text in _MARKS if f & bit]
        if f & _DUPACK and self.dupack_num:
            printed.append(f"[TCP Dup ACK {self.dupack_frame}#{self.dupack_num}] ")
        printed += [text for bit, text in _TAIL_MARKS if f & bit]
        return "".join(reversed(printed))


class TcpTracker:
    """Every TCP conversation of a capture, fed in order (see the module docstring)."""

    def __init__(self) -> None:
        self._conversations: dict[tuple[object, ...], _Conversation] = {}

    def see(self, s: Segment) -> TcpNotes:
        a, b = (s.src, s.sport), (s.dst, s.dport)
        key = (a, b) if a <= b else (b, a)
        conv = self._conversations.get(key)
        if conv is None:
            conv = self._conversations[key] = _Conversation()
        forward = a <= b
        fwd, rev = conv.flows if forward else conv.flows[::-1]
        ta = _Analysis()
        flags, seq, ack, window = s.flags, s.seq, s.ack, s.window
        if flags & (_SYN | _ACK) == _SYN and fwd.base is not None:
            if seq != fwd.base:  # a new SYN on the same ports: a new conversation
                conv = self._conversations[key] = _Conversation()
                fwd, rev = conv.flows if forward else conv.flows[::-1]
                ta.flags |= _REUSED
            else:
                fwd.nextseq = fwd.maxseqtobeacked
        if flags & (_SYN | _ACK) == _SYN | _ACK and fwd.base is not None and seq != fwd.base:
            fwd.base = seq
            ta.flags |= _REUSED
        shown_seq, shown_ack = seq, ack
        if s.length is not None:
            if fwd.base is None:  # a SYN counts from its own number, anything else from 1
                fwd.base = seq if flags & _SYN else (seq - 1) & _M
            if rev.base is None and flags & _ACK:
                rev.base = (ack - 1) & _M
            _analyze(conv, fwd, rev, ta, s)
            shown_seq = (seq - fwd.base) & _M
            if flags & _ACK and rev.base is not None:
                shown_ack = (ack - rev.base) & _M
            if not flags & _SYN and fwd.win_scale >= 0:
                window = (window << fwd.win_scale) & _M
        notes = TcpNotes(shown_seq, shown_ack, window, rev.base or 0)
        if s.header_length < 20:  # the line ends at the window: no marks, no options read
            return notes
        if flags & _SYN:
            if not flags & _ACK:
                conv.ts_mru_syn = s.time_ns
            fwd.is_first_ack = True
        if flags & (_SYN | _ACK) == _ACK:
            if conv.ts_mru_syn and not conv.ts_first_rtt:
                conv.ts_first_rtt = s.time_ns - conv.ts_mru_syn
            fwd.is_first_ack = False
        if s.window_shift is not None:  # counts from the next segment on
            fwd.win_scale = min(s.window_shift, 14)
        notes.marks = ta.marks()
        notes.payload_withheld = bool(ta.flags & (_RETRANS | _OOO | _KA))
        if flags & _SYN:  # a SYN without the option turns scaling off both ways
            if fwd.win_scale == -1:
                fwd.win_scale = rev.win_scale = -2
            elif flags & _ACK and rev.win_scale == -2:
                fwd.win_scale = -2
        return notes


def _analyze(conv: _Conversation, fwd: _Flow, rev: _Flow, ta: _Analysis, s: Segment) -> None:
    """packet-tcp.c's tcp_analyze_sequence_number(), first pass."""
    seq, ack, flags, window, now = s.seq, s.ack, s.flags, s.window, s.time_ns
    seglen = s.length or 0
    finished = False
    if seglen == 1 and seq == fwd.nextseq and rev.window == 0:
        ta.flags |= _ZWP
        finished = True
    if not finished:
        if window == 0 and not flags & _SFR:
            ta.flags |= _ZW
        if fwd.nextseq and _gt(seq, fwd.nextseq) and not flags & _RST:
            ta.flags |= _LOST
        if seglen in (0, 1) and seq == (fwd.nextseq - 1) & _M and not flags & _SFR:
            ta.flags |= _KA
        if (
            seglen == 0
            and window
            and window != fwd.window
            and seq == fwd.nextseq
            and ack == fwd.lastack
            and not flags & _SFR
        ):
            ta.flags |= _WU
        if seglen > 0 and rev.win_scale != -1 and not flags & _SFR:
            shift = 0 if rev.is_first_ack or rev.win_scale == -2 else rev.win_scale
            if (seq + seglen) & _M == (rev.lastack + ((rev.window << shift) & _M)) & _M:
                ta.flags |= _WF
        same = seglen == 0 and seq == fwd.nextseq and ack == fwd.lastack and not flags & _SFR
        if same and window and window == fwd.window and rev.lastsegmentflags & _KA:
            ta.flags |= _KAACK
            finished = True
        elif same and window == 0 and window == fwd.window and rev.lastsegmentflags & _ZWP:
            ta.flags |= _ZWPACK
            finished = True
        elif same and window and window == fwd.window:
            fwd.dupacknum = 1 if fwd.dupacknum == _M else (fwd.dupacknum + 1) & _M
            ta.flags |= _DUPACK
            ta.dupack_num = fwd.dupacknum
            ta.dupack_frame = fwd.lastnondupack
    # finished_fwd:
    if ack != fwd.lastack:
        fwd.lastnondupack = s.number
        fwd.dupacknum = 0
    if rev.maxseqtobeacked and _gt(ack, rev.maxseqtobeacked) and flags & _ACK:
        if _lt(rev.maxseqtobeacked, rev.nextseq):
            rev.maxseqtobeacked = rev.nextseq
            ta.flags |= _ACK_LOST
        else:
            if rev.dupacknum == 0:
                ta.flags |= _ACK_LOST
            rev.dupacknum = _M
    if seglen > 0 or flags & (_SYN | _FIN):
        _retransmission(conv, fwd, rev, ta, seq, seglen, flags, now)
    # finished_checking_retransmission_type:
    nextseq = (seq + seglen) & _M
    if (seglen or flags & (_SYN | _FIN)) and len(fwd.segments) < 10000:
        if flags & (_SYN | _FIN):
            nextseq = (nextseq + 1) & _M
        fwd.segments.insert(0, [seq, nextseq])
    probe = bool(ta.flags & _ZWP)
    if (_gt(nextseq, fwd.nextseq) or not fwd.nextseq) and not probe:
        fwd.nextseq = nextseq
        fwd.nextseqtime = now
    if (seq == fwd.maxseqtobeacked or not fwd.maxseqtobeacked) and not probe:
        fwd.maxseqtobeacked = fwd.nextseq
    fwd.window = window
    fwd.lastack = ack
    fwd.lastacktime = now
    fwd.lastsegmentflags = ta.flags
    kept = []  # the reverse direction's segments this ack does not cover
    for unacked in rev.segments:
        if ack == unacked[1]:
            continue
        if _gt(ack, unacked[0]) and _le(ack, unacked[1]):
            unacked[0] = ack
        if _gt(unacked[1], ack):
            kept.append(unacked)
    rev.segments = kept


def _retransmission(  # noqa: PLR0917 - the segment's facts, as packet-tcp.c passes them
    conv: _Conversation,
    fwd: _Flow,
    rev: _Flow,
    ta: _Analysis,
    seq: int,
    seglen: int,
    flags: int,
    now: int,
) -> None:
    """Retransmission, fast retransmission, spurious retransmission or out-of-order."""
    not_advancing = bool(fwd.nextseq) and _lt(seq, fwd.nextseq)
    if ta.flags & _KA:
        return
    if seglen > 1 and (fwd.nextseq - 1) & _M == seq:
        not_advancing = False
    if seglen > 0 and rev.lastack and _le(seq + seglen, rev.lastack):
        ta.flags |= _SPURIOUS
        return
    since_ack = (now - rev.lastacktime) % (1 << 64)
    if not_advancing and rev.dupacknum >= 2 and rev.lastack == seq and since_ack < 20_000_000:
        ta.flags |= _FASTRT
        return
    since_seq = (now - fwd.nextseqtime) % (1 << 64)
    threshold = conv.ts_first_rtt or 3_000_000
    expected = (seq + seglen + (1 if flags & (_SYN | _FIN) else 0)) & _M
    if not_advancing and since_seq < threshold and fwd.nextseq != expected:
        ta.flags |= _OOO
        return
    if not_advancing:
        ta.flags |= _RETRANS
