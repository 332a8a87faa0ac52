meta:
  id: ipv6
  title: Internet Protocol version 6 header and extension headers
  endian: be
doc: |
  IPv6 fixed header followed by the chain of extension headers (hop-by-hop options,
  routing, fragment, destination options, authentication header). `payload_protocol` is
  the Next Header value after the chain; it selects the payload spec.
doc-ref:
  - RFC 8200 section 3 (header), section 4 (extension headers)
  - RFC 4302 (authentication header)
-pktscope-payload:
  field: body
  end: payload_end
  when: decodes_payload
  next-on: [payload_protocol]
  next:
    1: icmp
    4: ipv4
    6: tcp
    17: udp
    41: ipv6
    58: icmpv6
seq:
  - id: version
    type: b4
    doc: Version, 6 (with another value the payload is not decoded).
  - id: traffic_class
    type: b8
    doc: Traffic class (DSCP + ECN).
    doc-ref: RFC 8200 section 7
  - id: flow_label
    type: b20
    doc: Flow label.
    doc-ref: RFC 6437
  - id: payload_length
    type: u2
    doc: Length of everything after the fixed 40-byte header, extension headers included.
  - id: next_header
    type: u1
    enum: next_header
    doc: Type of the header after the fixed header.
  - id: hop_limit
    type: u1
    doc: Hop limit.
  - id: src
    size: 16
    doc: Source address.
    -pktscope-display: ipv6
  - id: dst
    size: 16
    doc: Destination address.
    -pktscope-display: ipv6
  - id: ext_headers
    type: 'ext_header(_index == 0 ? next_header.to_i : ext_headers[_index - 1].next_header.to_i, _index == 0 ? false : ext_headers[_index - 1].later_fragment)'
    repeat: until
    repeat-until: not _.next_is_ext
    if: has_ext
    doc: Extension headers in order.
    doc-ref: RFC 8200 section 4.1
  - id: body
    size-eos: true
    doc: Payload bytes as captured (may include link-layer padding past payload_length).
instances:
  has_ext:
    value: >-
      next_header.to_i == 0 or next_header.to_i == 43 or next_header.to_i == 44
      or next_header.to_i == 60 or next_header.to_i == 51
  payload_protocol:
    value: 'has_ext ? ext_headers.last.next_header : next_header'
    enum: next_header
    doc: Next Header value after the extension-header chain (the upper-layer protocol).
  is_first_fragment:
    value: 'has_ext ? not ext_headers.last.later_fragment : true'
    doc: False when a fragment header has a non-zero offset.
  decodes_payload:
    value: is_first_fragment and version == 6
    doc: The chain decodes the payload (not a later fragment, not a header of another version).
  payload_end:
    value: 40 + payload_length
    doc: Declared end of the payload in this layer's bytes.
types:
  ext_header:
    doc: One extension header; `header_type` is the Next Header value that announced it.
    doc-ref: RFC 8200 section 4
    params:
      - id: header_type
        type: u1
      - id: later_fragment_before
        type: bool
    seq:
      - id: next_header
        type: u1
        enum: next_header
        doc: Type of the following header.
      - id: hdr_ext_len
        type: u1
        doc: |
          Length in 8-byte units not counting the first 8 bytes (4-byte units minus 2 for
          AH); reserved (0) in a fragment header.
      - id: body
        size: body_size
        type:
          switch-on: header_type
          cases:
            0: options_header
            60: options_header
            43: routing_header
            44: fragment_header
    instances:
      body_size:
        value: 'header_type == 44 ? 6 : header_type == 51 ? hdr_ext_len * 4 + 6 : hdr_ext_len * 8 + 6'
      next_is_ext:
        value: >-
          next_header.to_i == 0 or next_header.to_i == 43 or next_header.to_i == 44
          or next_header.to_i == 60 or next_header.to_i == 51
      later_fragment:
        value: 'later_fragment_before or (header_type == 44 and body.as<fragment_header>.fragment_offset != 0)'
  options_header:
    doc: Hop-by-hop or destination options (after next header and length).
    doc-ref: RFC 8200 section 4.2
    seq:
      - id: options
        type: tlv_option
        repeat: eos
  tlv_option:
    doc: One option; type 0 (Pad1) is a single byte.
    doc-ref: RFC 8200 section 4.2
    seq:
      - id: type
        type: u1
        doc: Option type (action bits, change flag, number).
      - id: length
        type: u1
        if: type != 0
      - id: data
        size: length
        if: type != 0
  routing_header:
    doc: Routing header (after next header and length).
    doc-ref: RFC 8200 section 4.4
    seq:
      - id: routing_type
        type: u1
      - id: segments_left
        type: u1
      - id: data
        size-eos: true
  fragment_header:
    doc: Fragment header (after next header and the reserved byte).
    doc-ref: RFC 8200 section 4.5
    seq:
      - id: fragment_offset
        type: b13
        doc: Offset in 8-byte units.
      - id: reserved
        type: b2
      - id: more_fragments
        type: b1
      - id: identification
        type: u4
enums:
  next_header:
    0: hopopt
    1: icmp
    2: igmp
    4: ipip
    6: tcp
    17: udp
    41: ipv6
    43: routing
    44: fragment
    47: gre
    50: esp
    51: ah
    58: icmpv6
    59: no_next_header
    60: destination_options
    89: ospf
    103: pim
    132: sctp
