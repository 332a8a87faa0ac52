meta:
  id: ipv4
  title: Internet Protocol version 4 header
  endian: be
doc: |
  IPv4 header with options as type-length-value items. The payload is raw bytes; the chain
  clips it to `total_length` and decodes it by `protocol`, for the first fragment only
  (fragment offset 0), as Wireshark does without reassembly.
doc-ref:
  - RFC 791 section 3.1
  - RFC 2474 (DSCP)
  - RFC 3168 (ECN)
-pktscope-payload:
  field: body
  end: payload_end
  when: decodes_payload
  next-on: [protocol]
  next:
    1: icmp
    6: tcp
    17: udp
    58: icmpv6
seq:
  - id: version
    type: b4
    doc: Version, 4 (with another value the payload is not decoded).
  - id: ihl
    type: b4
    doc: Internet header length in 32-bit words (5 without options).
  - id: dscp
    type: b6
    doc: Differentiated services code point.
    doc-ref: RFC 2474
  - id: ecn
    type: b2
    doc: Explicit congestion notification.
    doc-ref: RFC 3168
  - id: total_length
    type: u2
    doc: Length of the datagram (header + data) in bytes.
  - id: id
    type: u2
    doc: Identification, for fragment reassembly.
  - id: flags
    type: b3
    doc: Flags (reserved, don't fragment, more fragments).
  - id: frag_offset
    type: b13
    doc: Fragment offset in units of 8 bytes.
  - id: ttl
    type: u1
    doc: Time to live.
  - id: protocol
    type: u1
    enum: protocol
    doc: Protocol of the payload (IANA protocol numbers).
  - id: checksum
    type: u2
    doc: Header checksum.
  - id: src
    size: 4
    doc: Source address.
    -pktscope-display: ipv4
  - id: dst
    size: 4
    doc: Destination address.
    -pktscope-display: ipv4
  - id: options
    type: option_list
    size: (ihl - 5) * 4
    if: ihl > 5
    doc: Options (present when ihl > 5), in a sub-stream of the header's size.
    doc-ref: RFC 791 section 3.1 "Options"
  - id: body
    size-eos: true
    doc: Payload bytes as captured (may include link-layer padding past total_length).
instances:
  header_length:
    value: ihl * 4
    doc: Header length in bytes.
  flag_df:
    value: flags & 2 != 0
    doc: Don't fragment.
  flag_mf:
    value: flags & 1 != 0
    doc: More fragments.
  is_first_fragment:
    value: frag_offset == 0
  decodes_payload:
    value: is_first_fragment and ihl >= 5 and version == 4
    doc: |
      The chain decodes the payload: the first fragment of a datagram whose header is IPv4
      with a valid length. Below 5 words (20 bytes) the payload's start is unknown; tshark
      stops there too ("Bogus IP header length"), without calling the frame malformed.
  payload_length:
    value: total_length - ihl * 4
    doc: Declared payload length (negative when total_length is bogus).
  payload_end:
    value: 'total_length == 0 ? _io.size : total_length'
    doc: |
      Declared end of the datagram in this layer's bytes. A total length of 0 is what a
      capture of a TSO/GSO-offloaded packet shows (the NIC fills it in later); like Wireshark,
      the captured size is used instead.
types:
  option_list:
    doc: The options area; `items` are the options in order, up to end-of-list.
    seq:
      - id: items
        type: option
        repeat: until
        repeat-until: _.type == 0 or _io.eof
  option:
    doc: One option. Types 0 (end of list) and 1 (no operation) are a single byte.
    doc-ref: RFC 791 section 3.1
    seq:
      - id: type
        type: u1
        doc: Option type (copied flag, class, number).
      - id: length
        type: u1
        if: type != 0 and type != 1
        doc: Length of the whole option, type and length bytes included.
      - id: data
        size: 'length >= 2 ? length - 2 : 0'
        if: type != 0 and type != 1
    instances:
      copied:
        value: type >> 7
      option_class:
        value: (type >> 5) & 3
      number:
        value: type & 0x1f
enums:
  protocol:
    0: hopopt
    1: icmp
    2: igmp
    4: ipip
    6: tcp
    17: udp
    41: ipv6
    43: ipv6_route
    44: ipv6_frag
    47: gre
    50: esp
    51: ah
    58: icmpv6
    59: ipv6_nonxt
    60: ipv6_opts
    89: ospf
    103: pim
    112: vrrp
    132: sctp
