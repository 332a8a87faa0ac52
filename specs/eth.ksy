meta:
  id: eth
  title: Ethernet II / IEEE 802.3 frame with 802.1Q tags
  endian: be
  -pktscope-linktypes: [1]
doc: |
  An Ethernet frame without preamble and FCS, as captured (LINKTYPE_ETHERNET = 1).
  After the addresses come zero or more 802.1Q / 802.1ad (QinQ) tags, then either an
  EtherType (>= 0x0600, Ethernet II) or an 802.3 length (<= 1500) followed by an 802.2 LLC
  header and, for DSAP = SSAP = 0xAA, a SNAP header. `ether_type` is the type that selects
  the payload: the last tag's type, or the SNAP protocol id.
doc-ref:
  - IEEE 802.3-2018 clause 3.2
  - IEEE 802.1Q-2018 clause 9.6
  - RFC 894 (IP over Ethernet)
  - RFC 1042 (IP over IEEE 802 networks, SNAP)
-pktscope-payload:
  field: body
  end: payload_end
  overrun: error
  next-on: [ether_type]
  next:
    0x0800: ipv4
    0x0806: arp
    0x86dd: ipv6
seq:
  - id: dst
    size: 6
    doc: Destination MAC address.
    -pktscope-display: mac
  - id: src
    size: 6
    doc: Source MAC address.
    -pktscope-display: mac
  - id: type_or_length
    type: u2
    doc: |
      EtherType of the frame (>= 0x0600), a tag protocol id (0x8100, 0x88a8, 0x9100) when
      802.1Q tags follow, or an 802.3 length (<= 1500).
  - id: vlan
    type: vlan_tag
    repeat: until
    repeat-until: not _.is_tagged
    if: is_tag_tpid
    doc: 802.1Q / 802.1ad tags, outermost first.
    doc-ref: IEEE 802.1Q-2018 clause 9.6
  - id: llc
    type: llc
    if: is_8023
    doc: 802.2 LLC header of an 802.3 frame.
    doc-ref: IEEE 802.2 clause 3
  - id: body
    size-eos: true
    doc: The payload, padding and any trailer.
instances:
  is_tag_tpid:
    value: type_or_length == 0x8100 or type_or_length == 0x88a8 or type_or_length == 0x9100
  inner_type:
    value: 'is_tag_tpid ? vlan.last.type_or_length : type_or_length'
    doc: Type/length field after the last tag.
  is_8023:
    value: inner_type <= 1500
    doc: True for an IEEE 802.3 frame (length field instead of an EtherType).
  length:
    value: inner_type
    if: is_8023
    doc: 802.3 length of the LLC data.
  ether_type:
    value: 'is_8023 ? llc.snap.protocol_id : inner_type'
    if: not is_8023 or llc.is_snap
    -pktscope-bytes: [llc.snap.protocol_id, "vlan[-1].type_or_length", type_or_length]
    doc: EtherType selecting the payload (after tags; SNAP protocol id for 802.3 + SNAP).
  payload_end:
    value: '12 + 2 + (is_tag_tpid ? vlan.size * 4 : 0) + length'
    if: is_8023
    doc: End of the 802.3 data (the rest is padding).
types:
  vlan_tag:
    doc: One 802.1Q tag after its TPID (tag control information + the next type).
    doc-ref: IEEE 802.1Q-2018 clause 9.6
    seq:
      - id: pcp
        type: b3
        doc: Priority code point.
      - id: dei
        type: b1
        doc: Drop eligible indicator.
      - id: id
        type: b12
        doc: VLAN identifier.
      - id: type_or_length
        type: u2
        doc: TPID of the next tag, EtherType, or 802.3 length.
    instances:
      is_tagged:
        value: type_or_length == 0x8100 or type_or_length == 0x88a8 or type_or_length == 0x9100
  llc:
    doc: IEEE 802.2 LLC header (+ SNAP when DSAP = SSAP = 0xAA).
    doc-ref:
      - IEEE 802.2 clause 3
      - RFC 1042
    seq:
      - id: dsap
        type: u1
      - id: ssap
        type: u1
      - id: control
        type: u1
      - id: control_hi
        type: u1
        if: control & 3 != 3
        doc: Second control byte of I- and S-format PDUs.
      - id: snap
        type: snap
        if: is_snap
    instances:
      is_snap:
        value: dsap == 0xaa and ssap == 0xaa
  snap:
    doc: Subnetwork Access Protocol header.
    doc-ref: RFC 1042
    seq:
      - id: oui
        size: 3
        -pktscope-display: hex
      - id: protocol_id
        type: u2
