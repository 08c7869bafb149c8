/**
 * Whether a sample's `Host:` value can be the base URL. ServiceStack's metadata page prints the
 * host the page was fetched from (OperationControl.cs: `HostName = httpReq.GetUrlHostName()`), so
 * a page saved on a developer's machine or inside a network shows `localhost:5001` or
 * `10.10.0.107`: an address no user of the package can reach. Only a public name is used.
 */
import { BlockList, isIP } from 'node:net';

/** Address ranges no one outside the machine or network reaches (RFC 1918, 6598, 3927, 4193, 4291). */
const NOT_PUBLIC_RANGES: readonly [address: string, prefix: number, family: 'ipv4' | 'ipv6', what: string][] = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['fc00::', 7, 'ipv6', 'a private (unique local) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
];

/** Names that resolve only on the machine or the local network (RFC 6761 `localhost`, 6762 `.local`, 8375 `home.arpa`, ICANN's `.internal`). */
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|home\.arpa)\.?$/i;

const RANGES = NOT_PUBLIC_RANGES.map(([address, prefix, family, what]) => {
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  return { list, what };
});

/** The host of a `Host:` value: without its port, an IPv6 address without its brackets. */
export function hostName(hostHeader: string): string {
  const value = hostHeader.trim();
  const bracketed = /^\[([^\]]+)\]/.exec(value);
  if (bracketed) return bracketed[1]!;
  return isIP(value) === 6 ? value : value.replace(/:\d*$/, '');
}

/** Why a `Host:` value is no public address (`'a private address'`…); undefined when it is a public name or address. */
export function notPublicHost(hostHeader: string): string | undefined {
  const host = hostName(hostHeader);
  const family = isIP(host);
  // An IPv6 address is checked against the IPv4 ranges too: BlockList maps `::ffff:10.0.0.1` to `10.0.0.1`.
  if (family) return RANGES.find((r) => r.list.check(host, family === 4 ? 'ipv4' : 'ipv6'))?.what;
  if (LOCAL_NAMES.test(host)) return 'a name of the local machine or network';
  if (!host.includes('.')) return 'a name without a domain (an intranet name)';
  return undefined;
}
