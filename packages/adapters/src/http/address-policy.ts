import { BlockList, isIP } from 'node:net';

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/** True for loopback, private, link-local, CGNAT, multicast and unspecified addresses (IPv4, IPv6, IPv4-mapped). */
export function isPrivateAddress(address: string): boolean {
  const ip = normalizeAddress(address);
  const family = isIP(ip);
  if (family === 0) return true;
  return privateRanges.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** What may be reached although private: hosts by name (`host`, `host:port`) and addresses (`127.0.0.1`, CIDR). */
export interface AllowList {
  /** True when `url`'s host is allowed by name, `host:port`, or (for an address literal) by address. */
  allowsUrl(url: URL): boolean;
  /** True when a resolved address is allowed. */
  allowsAddress(address: string): boolean;
}

/** True when `entry` reads as an allow-list entry (see `createAllowList`). */
export function isAllowListEntry(entry: string): boolean {
  return createAllowList([entry]).invalid.length === 0;
}

/**
 * Reads allow-list entries: a hostname (`hooks.internal`), `host:port` (`localhost:8080`, `[::1]:8080`), an address
 * (`127.0.0.1`, `::1`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`). Returns the entries it could not read.
 */
export function createAllowList(entries: readonly string[]): AllowList & { invalid: string[] } {
  const names = new Set<string>();
  const addresses = new BlockList();
  const invalid: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    const range = /^([^/]+)\/(\d{1,3})$/.exec(entry);
    if (range) {
      const ip = normalizeAddress(range[1]!);
      const family = isIP(ip);
      const prefix = Number(range[2]);
      if (family === 0 || prefix > (family === 4 ? 32 : 128)) invalid.push(raw);
      else addresses.addSubnet(ip, prefix, family === 4 ? 'ipv4' : 'ipv6');
    } else if (isIP(normalizeAddress(entry)) !== 0) {
      const ip = normalizeAddress(entry);
      addresses.addAddress(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
    } else if (/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(entry)) {
      names.add(entry.replace(/^\[([^\]]+)\]/, '$1'));
    } else invalid.push(raw);
  }
  const allowsAddress = (address: string): boolean => {
    const ip = normalizeAddress(address);
    const family = isIP(ip);
    return family !== 0 && addresses.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  };
  return {
    invalid,
    allowsAddress,
    allowsUrl(url) {
      const host = hostOf(url);
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      return names.has(host) || names.has(`${host}:${port}`) || allowsAddress(host);
    },
  };
}

/** The URL's host without IPv6 brackets, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** An IPv4-mapped IPv6 address as its IPv4 form; anything else unchanged. */
function normalizeAddress(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}
