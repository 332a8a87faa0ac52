meta:
  id: dns
  title: Domain Name System message
  endian: be
doc: |
  DNS message: header, questions, then answer, authority and additional resource records.
  Names may be compressed: a label byte with the top two bits set starts a 14-bit pointer to
  an earlier name in the message. Pointers are followed at most `max_depth` (10) levels deep;
  beyond that the name text ends in `<loop>` instead of recursing (a pointer loop is a
  marked stop, never unbounded recursion). A name holds at most 127 labels (255 bytes),
  counted across pointers, so one name costs at most 127 labels + 10 pointer hops to read.
doc-ref:
  - RFC 1035 section 4 (messages), section 4.1.4 (compression)
  - RFC 3596 (AAAA)
  - RFC 6891 (OPT)
  - RFC 6895 (header flags)
seq:
  - id: id
    type: u2
    doc: Query identifier, copied into the response.
  - id: qr
    type: b1
    doc: 0 = query, 1 = response.
  - id: opcode
    type: b4
    enum: opcode
    doc: Kind of query.
  - id: aa
    type: b1
    doc: Authoritative answer.
  - id: tc
    type: b1
    doc: Truncated message.
  - id: rd
    type: b1
    doc: Recursion desired.
  - id: ra
    type: b1
    doc: Recursion available.
  - id: z
    type: b1
    doc: Reserved, zero.
  - id: ad
    type: b1
    doc: Authentic data (DNSSEC).
    doc-ref: RFC 4035 section 3.2.3
  - id: cd
    type: b1
    doc: Checking disabled (DNSSEC).
    doc-ref: RFC 4035 section 3.2.2
  - id: rcode
    type: b4
    enum: rcode
    doc: Response code.
  - id: qdcount
    type: u2
    doc: Number of questions.
  - id: ancount
    type: u2
    doc: Number of answer records.
  - id: nscount
    type: u2
    doc: Number of authority records.
  - id: arcount
    type: u2
    doc: Number of additional records.
  - id: queries
    type: question
    repeat: expr
    repeat-expr: qdcount
    doc: Question section.
  - id: answers
    type: resource_record
    repeat: expr
    repeat-expr: ancount
    doc: Answer section.
  - id: authorities
    type: resource_record
    repeat: expr
    repeat-expr: nscount
    doc: Authority section.
  - id: additionals
    type: resource_record
    repeat: expr
    repeat-expr: arcount
    doc: Additional section.
instances:
  max_depth:
    value: 10
    doc: Most compression pointers followed for one name.
types:
  question:
    doc-ref: RFC 1035 section 4.1.2
    seq:
      - id: name
        type: name(0, 0)
        doc: Queried name.
      - id: type
        type: u2
        enum: rr_type
        doc: Query type.
      - id: rr_class
        type: u2
        doc: Query class (1 = IN; top bit = unicast response in mDNS).
  resource_record:
    doc-ref: RFC 1035 section 4.1.3
    seq:
      - id: name
        type: name(0, 0)
        doc: Owner name.
      - id: type
        type: u2
        enum: rr_type
        doc: Record type.
      - id: rr_class
        type: u2
        doc: Record class (1 = IN; the UDP payload size for OPT).
      - id: ttl
        type: u4
        doc: Time to live in seconds (extended rcode and flags for OPT).
      - id: rdlength
        type: u2
        doc: Length of the record data.
      - id: rdata
        size: rdlength
        type:
          switch-on: type
          cases:
            'rr_type::a': ipv4_address
            'rr_type::aaaa': ipv6_address
            'rr_type::ns': domain_name
            'rr_type::cname': domain_name
            'rr_type::ptr': domain_name
            'rr_type::dname': domain_name
            'rr_type::mx': mx
            'rr_type::soa': soa
            'rr_type::srv': srv
        doc: Record data, interpreted per type.
  name:
    doc: |
      A domain name as a sequence of labels ending in the root label or a pointer. `text` is
      the dotted name (`www.example.com`, `<Root>` for the root name).
    doc-ref: RFC 1035 sections 3.1, 4.1.4
    -pktscope-value: text
    params:
      - id: depth
        type: u1
        doc: Number of pointers followed to reach this name.
      - id: labels_before
        type: u1
        doc: Labels already read for the name being built (before following pointers here).
    seq:
      - id: labels
        type: 'label(_index == 0 ? "" : labels[_index - 1].text_so_far, depth, labels_before + _index)'
        repeat: until
        repeat-until: _.is_end or labels_before + _index >= 126
    instances:
      text:
        value: >-
          labels.last.text_so_far == "" ? "<Root>" :
          labels.last.is_end ? labels.last.text_so_far : labels.last.text_so_far + ".<too long>"
        doc: The dotted name.
  label:
    doc: |
      One label: a length byte and that many bytes; length 0 ends the name; a length byte
      with the top two bits set is the first byte of a compression pointer.
    doc-ref: RFC 1035 section 4.1.4
    params:
      - id: prefix
        type: str
        doc: The dotted text of the labels before this one.
      - id: depth
        type: u1
      - id: count
        type: u1
        doc: Labels of the whole name before this one, across pointers.
    seq:
      - id: length
        type: u1
        doc: Label length, 0 for the root label, or pointer flag bits (0xc0).
      - id: pointer_low
        type: u1
        if: is_pointer
        doc: Low byte of the pointer offset.
      - id: value
        type: str
        size: length
        encoding: ISO-8859-1
        if: not is_pointer and length != 0
        doc: The label text.
    instances:
      is_pointer:
        value: length & 0xc0 == 0xc0
      is_end:
        value: length == 0 or is_pointer
      pointer_offset:
        value: (length & 0x3f) << 8 | pointer_low
        if: is_pointer
        doc: Offset of the pointed-to name from the start of the message.
      target:
        io: _root._io
        pos: pointer_offset
        type: name(depth + 1, count + 1)
        if: is_pointer and depth < _root.max_depth and count < 126
        -pktscope-eager: true
        doc: The name the pointer refers to.
      suffix:
        value: >-
          length == 0 ? "" :
          not is_pointer ? value :
          depth < _root.max_depth and count < 126 ?
          (target.text.as<str> == "<Root>" ? "" : target.text.as<str>) : "<loop>"
        doc: This label's contribution to the name.
      text_so_far:
        value: 'prefix == "" ? suffix : suffix == "" ? prefix : prefix + "." + suffix'
        doc: Dotted text of the name up to and including this label.
  domain_name:
    doc: Record data that is a single name (NS, CNAME, PTR, DNAME).
    doc-ref: RFC 1035 sections 3.3.1, 3.3.11, 3.3.12
    seq:
      - id: name
        type: name(0, 0)
  ipv4_address:
    doc: A record data.
    doc-ref: RFC 1035 section 3.4.1
    seq:
      - id: address
        size: 4
        -pktscope-display: ipv4
  ipv6_address:
    doc: AAAA record data.
    doc-ref: RFC 3596 section 2.2
    seq:
      - id: address
        size: 16
        -pktscope-display: ipv6
  mx:
    doc-ref: RFC 1035 section 3.3.9
    seq:
      - id: preference
        type: u2
      - id: exchange
        type: name(0, 0)
  soa:
    doc-ref: RFC 1035 section 3.3.13
    seq:
      - id: mname
        type: name(0, 0)
      - id: rname
        type: name(0, 0)
      - id: serial
        type: u4
      - id: refresh
        type: u4
      - id: retry
        type: u4
      - id: expire
        type: u4
      - id: minimum
        type: u4
  srv:
    doc-ref: RFC 2782
    seq:
      - id: priority
        type: u2
      - id: weight
        type: u2
      - id: port
        type: u2
      - id: target
        type: name(0, 0)
enums:
  opcode:
    0: query
    1: iquery
    2: status
    4: notify
    5: update
  rcode:
    0: no_error
    1: form_err
    2: serv_fail
    3: nx_domain
    4: not_imp
    5: refused
    6: yx_domain
    7: yx_rr_set
    8: nx_rr_set
    9: not_auth
    10: not_zone
  rr_type:
    1: a
    2: ns
    5: cname
    6: soa
    12: ptr
    13: hinfo
    15: mx
    16: txt
    28: aaaa
    33: srv
    35: naptr
    39: dname
    41: opt
    43: ds
    46: rrsig
    47: nsec
    48: dnskey
    50: nsec3
    64: svcb
    65: https
    99: spf
    252: axfr
    255: any
    257: caa
