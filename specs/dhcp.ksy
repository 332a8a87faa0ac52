meta:
  id: dhcp
  title: BOOTP / DHCP message
  endian: be
doc: |
  BOOTP header (RFC 951), the DHCP magic cookie and options (RFC 2131, RFC 2132). Options are
  type-length-value items, except Pad (0) and End (255) which are one byte. Option 52
  (overload) says that more options continue in the `file` field (1), the `sname` field (2)
  or both (3); they are decoded as `file_options` and `sname_options`, read in that order
  after `options` (RFC 2131 section 4.1). `client_hw_addr` is the first `hlen` bytes of
  `chaddr`.
doc-ref:
  - RFC 951
  - RFC 2131 section 2
  - RFC 2132
-pktscope-aliases:
  message_type:
    - options[].body.message_type
    - file_options.options[].body.message_type
    - sname_options.options[].body.message_type
seq:
  - id: op
    type: u1
    enum: op
    doc: Message op code (1 BOOTREQUEST, 2 BOOTREPLY).
    doc-ref: RFC 2131 section 2
  - id: htype
    type: u1
    doc: Hardware address type (ARP hardware type; 1 = Ethernet).
  - id: hlen
    type: u1
    doc: Hardware address length (6 for Ethernet).
  - id: hops
    type: u1
    doc: Relay hops.
  - id: xid
    type: u4
    doc: Transaction id.
  - id: secs
    type: u2
    doc: Seconds since the client began acquisition or renewal.
  - id: flags
    type: u2
    doc: Flags (0x8000 = broadcast).
  - id: ciaddr
    size: 4
    doc: Client IP address (when the client already has one).
    -pktscope-display: ipv4
  - id: yiaddr
    size: 4
    doc: Your (client) IP address, given by the server.
    -pktscope-display: ipv4
  - id: siaddr
    size: 4
    doc: Next server IP address (for bootstrap).
    -pktscope-display: ipv4
  - id: giaddr
    size: 4
    doc: Relay agent IP address.
    -pktscope-display: ipv4
  - id: chaddr
    size: 16
    doc: Client hardware address field, all 16 bytes (the address is the first `hlen`).
    -pktscope-display: hex
  - id: sname
    size: 64
    doc: Server host name (null-terminated), or options when overloaded.
    -pktscope-display: hex
  - id: file
    size: 128
    doc: Boot file name (null-terminated), or options when overloaded.
    -pktscope-display: hex
  - id: magic
    type: u4
    if: not _io.eof
    doc: DHCP magic cookie 0x63825363 (absent in plain BOOTP).
    doc-ref: RFC 2131 section 3
  - id: options
    type: 'option(_index == 0 ? 0 : options[_index - 1].overload)'
    repeat: until
    repeat-until: _.code == option_code::end or _io.eof
    if: is_dhcp and not _io.eof
    doc: Options, up to and including End.
    doc-ref: RFC 2132
  - id: padding
    size-eos: true
    doc: Bytes after the End option.
instances:
  is_dhcp:
    value: _io.size >= 240 and magic == 0x63825363
    doc: True when the magic cookie is present.
  client_hw_addr:
    pos: 28
    size: hlen
    if: hlen >= 1 and hlen <= 16
    doc: Client hardware address, the first `hlen` bytes of `chaddr`.
    -pktscope-display: mac
  overload:
    value: 'is_dhcp and _io.size > 240 ? options.last.overload : 0'
    doc: Value of option 52 (1 = file, 2 = sname, 3 = both hold options), 0 if absent.
    doc-ref: RFC 2132 section 9.3
  file_options:
    pos: 108
    size: 128
    type: option_area
    if: overload & 1 != 0
    -pktscope-eager: true
    doc: Options continued in the `file` field (option 52 value 1 or 3).
    doc-ref: RFC 2131 section 4.1
  sname_options:
    pos: 44
    size: 64
    type: option_area
    if: overload & 2 != 0
    -pktscope-eager: true
    doc: Options continued in the `sname` field (option 52 value 2 or 3).
    doc-ref: RFC 2131 section 4.1
types:
  option_area:
    doc: An overloaded `file` or `sname` field holding options.
    seq:
      - id: options
        type: 'option(0)'
        repeat: until
        repeat-until: _.code == option_code::end or _io.eof
      - id: padding
        size-eos: true
  option:
    doc: |
      One option. `overload` carries the value of the first option 52 seen so far in this
      list (`overload_before` comes from the previous option).
    doc-ref: RFC 2132 section 2
    params:
      - id: overload_before
        type: u1
    seq:
      - id: code
        type: u1
        enum: option_code
        doc: Option code (RFC 2132 names).
      - id: length
        type: u1
        if: code != option_code::pad and code != option_code::end
        doc: Length of the data in bytes.
      - id: body
        size: length
        if: code != option_code::pad and code != option_code::end
        type:
          switch-on: code
          cases:
            'option_code::dhcp_message_type': message_type_body
            'option_code::option_overload': overload_body
            'option_code::subnet_mask': ipv4_list
            'option_code::router': ipv4_list
            'option_code::domain_name_server': ipv4_list
            'option_code::broadcast_address': ipv4_list
            'option_code::requested_ip_address': ipv4_list
            'option_code::server_identifier': ipv4_list
            'option_code::ntp_servers': ipv4_list
            'option_code::ip_address_lease_time': seconds
            'option_code::renewal_time': seconds
            'option_code::rebinding_time': seconds
            'option_code::host_name': text
            'option_code::domain_name': text
            'option_code::message': text
            'option_code::vendor_class_identifier': text
            'option_code::maximum_dhcp_message_size': max_message_size
            'option_code::parameter_request_list': parameter_request_list
            'option_code::client_identifier': client_identifier
    instances:
      overload:
        value: >-
          overload_before != 0 ? overload_before :
          code == option_code::option_overload and length >= 1 ? body.as<overload_body>.value : 0
        doc: First option-52 value seen in this list up to here, 0 if none.
  message_type_body:
    doc-ref: RFC 2132 section 9.6
    seq:
      - id: message_type
        type: u1
        enum: message_type
        doc: DHCP message type.
  overload_body:
    doc-ref: RFC 2132 section 9.3
    seq:
      - id: value
        type: u1
        doc: 1 = file, 2 = sname, 3 = both fields hold options.
  ipv4_list:
    doc: One or more IPv4 addresses (subnet mask, routers, DNS servers, server id, ...).
    doc-ref: RFC 2132 sections 3.3, 3.5, 3.8, 9.7
    seq:
      - id: addresses
        size: 4
        repeat: eos
        -pktscope-display: ipv4
  seconds:
    doc: A time in seconds (lease, renewal T1, rebinding T2).
    doc-ref: RFC 2132 sections 9.2, 9.11, 9.12
    seq:
      - id: seconds
        type: u4
  text:
    doc: An NVT ASCII string (host name, domain name, message, vendor class).
    doc-ref: RFC 2132 sections 3.14, 3.17, 9.9, 9.13
    seq:
      - id: value
        type: str
        size-eos: true
        encoding: ISO-8859-1
  max_message_size:
    doc-ref: RFC 2132 section 9.10
    seq:
      - id: size
        type: u2
  parameter_request_list:
    doc-ref: RFC 2132 section 9.8
    seq:
      - id: codes
        type: u1
        enum: option_code
        repeat: eos
  client_identifier:
    doc-ref: RFC 2132 section 9.14
    seq:
      - id: hw_type
        type: u1
        doc: Hardware type (0 when the identifier is not a hardware address).
      - id: identifier
        size-eos: true
        -pktscope-display: hex
enums:
  op:
    1: boot_request
    2: boot_reply
  message_type:
    1: discover
    2: offer
    3: request
    4: decline
    5: ack
    6: nak
    7: release
    8: inform
    9: force_renew
    10: lease_query
    11: lease_unassigned
    12: lease_unknown
    13: lease_active
    14: bulk_lease_query
    15: lease_query_done
    16: active_lease_query
    17: lease_query_status
    18: tls
  option_code:
    0: pad
    1: subnet_mask
    2: time_offset
    3: router
    4: time_server
    5: name_server
    6: domain_name_server
    7: log_server
    8: cookie_server
    9: lpr_server
    10: impress_server
    11: resource_location_server
    12: host_name
    13: boot_file_size
    14: merit_dump_file
    15: domain_name
    16: swap_server
    17: root_path
    18: extensions_path
    19: ip_forwarding
    20: non_local_source_routing
    21: policy_filter
    22: maximum_datagram_reassembly_size
    23: default_ip_time_to_live
    24: path_mtu_aging_timeout
    25: path_mtu_plateau_table
    26: interface_mtu
    27: all_subnets_are_local
    28: broadcast_address
    29: perform_mask_discovery
    30: mask_supplier
    31: perform_router_discovery
    32: router_solicitation_address
    33: static_route
    34: trailer_encapsulation
    35: arp_cache_timeout
    36: ethernet_encapsulation
    37: tcp_default_ttl
    38: tcp_keepalive_interval
    39: tcp_keepalive_garbage
    40: nis_domain
    41: nis_servers
    42: ntp_servers
    43: vendor_specific_information
    44: netbios_name_server
    45: netbios_datagram_distribution_server
    46: netbios_node_type
    47: netbios_scope
    48: x_window_font_server
    49: x_window_display_manager
    50: requested_ip_address
    51: ip_address_lease_time
    52: option_overload
    53: dhcp_message_type
    54: server_identifier
    55: parameter_request_list
    56: message
    57: maximum_dhcp_message_size
    58: renewal_time
    59: rebinding_time
    60: vendor_class_identifier
    61: client_identifier
    64: nisplus_domain
    65: nisplus_servers
    66: tftp_server_name
    67: bootfile_name
    68: mobile_ip_home_agent
    69: smtp_server
    70: pop3_server
    71: nntp_server
    72: www_server
    73: finger_server
    74: irc_server
    75: streettalk_server
    76: streettalk_directory_assistance_server
    77: user_class
    81: client_fqdn
    82: relay_agent_information
    108: ipv6_only_preferred
    114: captive_portal
    116: auto_configure
    118: subnet_selection
    119: domain_search
    121: classless_static_route
    161: mud_url
    249: private_classless_static_route
    252: web_proxy_auto_discovery
    255: end
