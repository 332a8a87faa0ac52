meta:
  id: icmp
  title: Internet Control Message Protocol (for IPv4)
  endian: be
doc: |
  ICMP message: type, code, checksum, the 4-byte rest of header (interpreted per type), and
  the data. For error messages (destination unreachable, source quench, redirect, time
  exceeded, parameter problem) the data is the offending datagram's IPv4 header plus its
  first 8 bytes; the chain decodes it as `ipv4` (and that header's payload), as Wireshark does.
doc-ref:
  - RFC 792
  - RFC 1256 (router advertisement / solicitation)
  - RFC 950 (address mask)
  - RFC 4884 (extended ICMP)
-pktscope-payload:
  quoted: true
  field: body
  next-on: [type]
  next:
    3: ipv4
    4: ipv4
    5: ipv4
    11: ipv4
    12: ipv4
seq:
  - id: type
    type: u1
    enum: icmp_type
    doc: Message type.
  - id: code
    type: u1
    doc: Message code (meaning depends on type).
  - id: checksum
    type: u2
    doc: Checksum of the ICMP message.
  - id: rest_of_header
    size: 4
    type:
      switch-on: type
      cases:
        'icmp_type::echo_reply': echo
        'icmp_type::echo_request': echo
        'icmp_type::timestamp': echo
        'icmp_type::timestamp_reply': echo
        'icmp_type::address_mask_request': echo
        'icmp_type::address_mask_reply': echo
        'icmp_type::information_request': echo
        'icmp_type::information_reply': echo
        'icmp_type::redirect': redirect
        'icmp_type::destination_unreachable': unreachable
        'icmp_type::parameter_problem': parameter_problem
        'icmp_type::router_advertisement': router_advertisement
    doc: The 4 bytes after the checksum; their meaning depends on `type`.
  - id: body
    size-eos: true
    doc: Message data (for errors, the quoted IPv4 header + 8 bytes of its payload).
instances:
  is_error:
    value: >-
      type == icmp_type::destination_unreachable or type == icmp_type::source_quench
      or type == icmp_type::redirect or type == icmp_type::time_exceeded
      or type == icmp_type::parameter_problem
    doc: True for error messages, whose data quotes an IPv4 header + 8 bytes.
types:
  echo:
    doc: Identifier and sequence number (echo, timestamp, address mask, information).
    doc-ref: RFC 792
    seq:
      - id: identifier
        type: u2
      - id: seq_number
        type: u2
  redirect:
    doc-ref: RFC 792
    seq:
      - id: gateway
        size: 4
        doc: Address of the gateway to use.
        -pktscope-display: ipv4
  unreachable:
    doc-ref:
      - RFC 792
      - RFC 1191 (next-hop MTU)
      - RFC 4884 (length)
    seq:
      - id: unused
        type: u1
      - id: length
        type: u1
        doc: Length of the original datagram in 32-bit words (RFC 4884), or 0.
      - id: next_hop_mtu
        type: u2
        doc: Next-hop MTU for code 4 (fragmentation needed).
  parameter_problem:
    doc-ref: RFC 792
    seq:
      - id: pointer
        type: u1
        doc: Octet where the error was found.
      - id: length
        type: u1
      - id: unused
        type: u2
  router_advertisement:
    doc-ref: RFC 1256
    seq:
      - id: num_addrs
        type: u1
      - id: addr_entry_size
        type: u1
      - id: lifetime
        type: u2
enums:
  icmp_type:
    0: echo_reply
    3: destination_unreachable
    4: source_quench
    5: redirect
    8: echo_request
    9: router_advertisement
    10: router_solicitation
    11: time_exceeded
    12: parameter_problem
    13: timestamp
    14: timestamp_reply
    15: information_request
    16: information_reply
    17: address_mask_request
    18: address_mask_reply
