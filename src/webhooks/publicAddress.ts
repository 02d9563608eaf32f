import { BlockList, isIP } from 'node:net';

// IPv4 ranges that are not the public internet (RFC 6890 and friends): a webhook aimed at one
// of them would let whoever registers it probe our own network or the cloud metadata server.
const NON_PUBLIC_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", incl. the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the metadata server 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
];

// IPv6 is checked the other way round: only global unicast (2000::/3) can be public, which
// leaves out at once the unspecified ::, loopback ::1, IPv4-mapped ::ffff:0:0/96 (which would
// reach an IPv4 address behind the v6 form), unique-local fc00::/7, link-local fe80::/10 and
// multicast ff00::/8. Inside 2000::/3, the ranges that tunnel to IPv4 or are not routed:
const GLOBAL_V6: readonly [string, number][] = [['2000::', 3]];
const NON_PUBLIC_IN_GLOBAL_V6: readonly [string, number][] = [
  ['2001::', 32], // Teredo (tunnels to an IPv4 address)
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // ORCHID
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds an IPv4 address)
];

function blockList(ranges: readonly [string, number][], type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, type);
  return list;
}

const nonPublicV4 = blockList(NON_PUBLIC_V4, 'ipv4');
const globalV6 = blockList(GLOBAL_V6, 'ipv6');
const nonPublicInGlobalV6 = blockList(NON_PUBLIC_IN_GLOBAL_V6, 'ipv6');

/**
 * Whether an IP address (v4 dotted or v6, no brackets) is on the public internet: false for
 * private, loopback, link-local, CGNAT, multicast, unspecified, reserved and documentation
 * addresses, and for any IPv6 form of an IPv4 address. Also false for a string that is not an
 * address, so a caller can never mistake garbage for a public address.
 */
export function isPublicAddress(address: string): boolean {
  switch (isIP(address)) {
    case 4:
      return !nonPublicV4.check(address, 'ipv4');
    case 6:
      return globalV6.check(address, 'ipv6') && !nonPublicInGlobalV6.check(address, 'ipv6');
    default:
      return false;
  }
}
