meta:
  id: tcp
  title: Transmission Control Protocol segment header
  endian: be
doc: |
  TCP header with options. `flags` is the 12-bit field after the data offset (reserved bits,
  AE/NS, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN), as Wireshark's `tcp.flags`. The payload is
  the rest of the segment; port 53 goes to `dns_tcp` (2-byte length prefix, then `dns`).
doc-ref:
  - RFC 9293 section 3.1
  - RFC 3168 (ECN flags)
  - RFC 7323 (window scale, timestamps)
  - RFC 2018 (SACK)
-pktscope-payload:
  field: body
  next-on: [dst_port, src_port]
  next:
    53: dns_tcp
seq:
  - id: src_port
    type: u2
    doc: Source port.
  - id: dst_port
    type: u2
    doc: Destination port.
  - id: seq
    type: u4
    doc: Sequence number.
  - id: ack
    type: u4
    doc: Acknowledgment number.
  - id: data_offset
    type: b4
    doc: Header length in 32-bit words.
  - id: flags
    type: b12
    doc: Reserved bits and control flags (0x002 SYN, 0x010 ACK, ...).
  - id: window
    type: u2
    doc: Receive window.
  - id: checksum
    type: u2
    doc: Checksum over pseudo-header, header and data.
  - id: urgent_pointer
    type: u2
    doc: Urgent pointer (valid with URG).
  - id: options
    type: option_list
    size: (data_offset - 5) * 4
    if: data_offset > 5
    doc: Options (present when data_offset > 5), in a sub-stream of the header's size.
  - id: body
    size-eos: true
    doc: Segment data.
instances:
  header_length:
    value: data_offset * 4
  flag_fin:
    value: flags & 0x001 != 0
  flag_syn:
    value: flags & 0x002 != 0
  flag_rst:
    value: flags & 0x004 != 0
  flag_psh:
    value: flags & 0x008 != 0
  flag_ack:
    value: flags & 0x010 != 0
  flag_urg:
    value: flags & 0x020 != 0
  flag_ece:
    value: flags & 0x040 != 0
  flag_cwr:
    value: flags & 0x080 != 0
  flag_ae:
    value: flags & 0x100 != 0
types:
  option_list:
    doc: |
      The options area; `items` are the options in order. Bytes after an end-of-option-list
      are padding (RFC 9293 3.2: zero); like Wireshark, each is read as one more item (a zero
      byte is another EOL), so `items` covers the whole area.
    seq:
      - id: items
        type: option
        repeat: eos
  option:
    doc: One option; kinds 0 (EOL) and 1 (NOP) are a single byte.
    doc-ref: RFC 9293 section 3.2
    seq:
      - id: kind
        type: u1
        enum: option_kind
      - id: length
        type: u1
        if: kind != option_kind::eol and kind != option_kind::nop
        doc: Length of the whole option, kind and length bytes included.
      - id: body
        size: 'length >= 2 ? length - 2 : 0'
        if: kind != option_kind::eol and kind != option_kind::nop
        type:
          switch-on: kind
          cases:
            'option_kind::mss': mss
            'option_kind::window_scale': window_scale
            'option_kind::sack': sack
            'option_kind::timestamps': timestamps
  mss:
    doc: |
      An option body too short for its kind (tshark: "too-short option length", a note, not
      malformed) has no value; so for the fixed-size kinds below.
    doc-ref: RFC 9293 section 3.7.1
    seq:
      - id: mss
        type: u2
        if: _io.size >= 2
        doc: Maximum segment size.
  window_scale:
    doc-ref: RFC 7323 section 2
    seq:
      - id: shift_count
        type: u1
        if: _io.size >= 1
  sack:
    doc-ref: RFC 2018 section 3
    seq:
      - id: blocks
        type: sack_block
        repeat: eos
        doc: 8-byte blocks (a partial one is malformed, as tshark's "suboption would go past end of option").
  sack_block:
    doc: "One SACK block: the first and one past the last sequence number received."
    doc-ref: RFC 2018 section 3
    seq:
      - id: left_edge
        type: u4
      - id: right_edge
        type: u4
  timestamps:
    doc-ref: RFC 7323 section 3
    seq:
      - id: value
        type: u4
        if: _io.size >= 8
      - id: echo_reply
        type: u4
        if: _io.size >= 8
enums:
  option_kind:
    0: eol
    1: nop
    2: mss
    3: window_scale
    4: sack_permitted
    5: sack
    8: timestamps
    28: user_timeout
    29: tcp_ao
    30: mptcp
    34: fast_open
