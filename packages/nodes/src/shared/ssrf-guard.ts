import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { NonRetriableError } from '@swigs/automation-core';

const blocked = new BlockList();
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
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** True for loopback, private, link-local, CGNAT, multicast and unspecified addresses (IPv4, IPv6, IPv4-mapped). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

/**
 * Refuses a URL whose host is, or resolves to, a private address, unless the host is allow-listed
 * (`ports.http.allowedHosts`, matched on the hostname, or `host:port`). Returns the resolved addresses.
 */
export async function assertPublicUrl(url: URL, allowedHosts: readonly string[] = []): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  if (allowed.has(host) || allowed.has(`${host}:${url.port}`)) return [];
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch (error) {
      throw new NonRetriableError(`cannot resolve host "${host}"`, { cause: error });
    }
  }
  const refused = addresses.find(isPrivateAddress);
  if (refused !== undefined) {
    throw new NonRetriableError(
      `refused request to "${host}": it resolves to the private or local address ${refused} (allow-list the host in ports.http.allowedHosts to permit it)`,
      { details: { host, address: refused } },
    );
  }
  return addresses;
}
