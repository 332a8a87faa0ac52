meta:
  id: icmpv6
  title: Internet Control Message Protocol for IPv6 (with neighbour discovery)
  endian: be
doc: |
  ICMPv6 message: type, code, checksum, then a body that depends on the type. Error messages
  (types 1-4) quote as much of the offending IPv6 packet as fits; the chain decodes it as
  `ipv6`. Neighbour discovery messages (133-137) carry TLV options (length in 8-byte units).
doc-ref:
  - RFC 4443
  - RFC 4861 (neighbour discovery)
  - RFC 2710, RFC 3810 (multicast listener discovery)
-pktscope-payload:
  quoted: true
  offset: body_offset
  next-on: [type]
  next:
    1: ipv6
    2: ipv6
    3: ipv6
    4: ipv6
seq:
  - id: type
    type: u1
    enum: icmpv6_type
    doc: Message type (0-127 errors, 128-255 informational).
  - id: code
    type: u1
    doc: Message code.
  - id: checksum
    type: u2
    doc: Checksum over pseudo-header and message.
  - id: msg
    size-eos: true
    type:
      switch-on: type
      cases:
        'icmpv6_type::destination_unreachable': error_msg
        'icmpv6_type::packet_too_big': error_msg
        'icmpv6_type::time_exceeded': error_msg
        'icmpv6_type::parameter_problem': error_msg
        'icmpv6_type::echo_request': echo
        'icmpv6_type::echo_reply': echo
        'icmpv6_type::router_solicitation': router_solicitation
        'icmpv6_type::router_advertisement': router_advertisement
        'icmpv6_type::neighbor_solicitation': neighbor_solicitation
        'icmpv6_type::neighbor_advertisement': neighbor_advertisement
        'icmpv6_type::redirect': redirect
    doc: The message after the checksum, interpreted per type.
instances:
  body_offset:
    value: 8
    doc: Start of the quoted packet in an error message (after the 4-byte field).
types:
  error_msg:
    doc: Error message body; `field` is unused / MTU (type 2) / pointer (type 4).
    doc-ref: RFC 4443 section 3
    seq:
      - id: field
        type: u4
      - id: invoking_packet
        size-eos: true
        doc: As much of the invoking packet as fits.
  echo:
    doc-ref: RFC 4443 section 4
    seq:
      - id: identifier
        type: u2
      - id: seq_number
        type: u2
      - id: data
        size-eos: true
  router_solicitation:
    doc-ref: RFC 4861 section 4.1
    seq:
      - id: reserved
        type: u4
      - id: options
        type: nd_option
        repeat: eos
  router_advertisement:
    doc-ref: RFC 4861 section 4.2
    seq:
      - id: cur_hop_limit
        type: u1
      - id: flag_managed
        type: b1
      - id: flag_other
        type: b1
      - id: flags_rest
        type: b6
      - id: router_lifetime
        type: u2
      - id: reachable_time
        type: u4
      - id: retrans_timer
        type: u4
      - id: options
        type: nd_option
        repeat: eos
  neighbor_solicitation:
    doc-ref: RFC 4861 section 4.3
    seq:
      - id: reserved
        type: u4
      - id: target_address
        size: 16
        -pktscope-display: ipv6
      - id: options
        type: nd_option
        repeat: eos
  neighbor_advertisement:
    doc-ref: RFC 4861 section 4.4
    seq:
      - id: flag_router
        type: b1
      - id: flag_solicited
        type: b1
      - id: flag_override
        type: b1
      - id: reserved
        type: b29
      - id: target_address
        size: 16
        -pktscope-display: ipv6
      - id: options
        type: nd_option
        repeat: eos
  redirect:
    doc-ref: RFC 4861 section 4.5
    seq:
      - id: reserved
        type: u4
      - id: target_address
        size: 16
        -pktscope-display: ipv6
      - id: destination_address
        size: 16
        -pktscope-display: ipv6
      - id: options
        type: nd_option
        repeat: eos
  nd_option:
    doc: |
      Neighbour discovery option; `length` counts 8-byte units including type and length.
      A zero length is invalid (RFC 4861 4.6) and ends parsing with a validation error.
    doc-ref: RFC 4861 section 4.6
    seq:
      - id: type
        type: u1
        enum: nd_option_type
      - id: length
        type: u1
        valid:
          min: 1
      - id: body
        size: length * 8 - 2
        type:
          switch-on: type
          cases:
            'nd_option_type::source_link_layer_address': link_layer_address
            'nd_option_type::target_link_layer_address': link_layer_address
            'nd_option_type::prefix_information': prefix_information
            'nd_option_type::mtu': mtu
  link_layer_address:
    doc-ref: RFC 4861 section 4.6.1
    seq:
      - id: address
        size-eos: true
        -pktscope-display: mac
  prefix_information:
    doc-ref: RFC 4861 section 4.6.2
    seq:
      - id: prefix_length
        type: u1
      - id: flag_on_link
        type: b1
      - id: flag_autonomous
        type: b1
      - id: reserved1
        type: b6
      - id: valid_lifetime
        type: u4
      - id: preferred_lifetime
        type: u4
      - id: reserved2
        type: u4
      - id: prefix
        size: 16
        -pktscope-display: ipv6
  mtu:
    doc-ref: RFC 4861 section 4.6.4
    seq:
      - id: reserved
        type: u2
      - id: mtu
        type: u4
enums:
  icmpv6_type:
    1: destination_unreachable
    2: packet_too_big
    3: time_exceeded
    4: parameter_problem
    128: echo_request
    129: echo_reply
    130: mld_query
    131: mld_report
    132: mld_done
    133: router_solicitation
    134: router_advertisement
    135: neighbor_solicitation
    136: neighbor_advertisement
    137: redirect
    143: mldv2_report
  nd_option_type:
    1: source_link_layer_address
    2: target_link_layer_address
    3: prefix_information
    4: redirected_header
    5: mtu
    25: recursive_dns_server
    31: dns_search_list
