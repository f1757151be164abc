import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
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

/** True when `url`'s host (or `host:port`) is in `allowedHosts`. */
export function isAllowedHost(url: URL, allowedHosts: readonly string[] = []): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return allowed.has(host) || allowed.has(`${host}:${url.port}`);
}

/**
 * Refuses a URL whose host is, or resolves to, a private address, unless allow-listed in `ports.http.allowedHosts`:
 * an entry matches the hostname, `host:port`, or a resolved address (`127.0.0.1`, `::1`). Returns the addresses.
 */
export async function assertPublicUrl(url: URL, allowedHosts: readonly string[] = []): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isAllowedHost(url, allowedHosts)) return [];
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch (error) {
      throw new NonRetriableError(`cannot resolve host "${host}"`, { cause: error });
    }
  }
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  const refused = addresses.find((address) => isPrivateAddress(address) && !allowed.has(address.toLowerCase()));
  if (refused !== undefined) {
    throw new NonRetriableError(
      `refused request to "${host}": it resolves to the private or local address ${refused} (allow-list the host in ports.http.allowedHosts to permit it)`,
      { details: { host, address: refused } },
    );
  }
  return addresses;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A socket `lookup` function, as `net.connect` and undici's `connect.lookup` take. */
export type GuardedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A `lookup` for sockets that refuses private addresses at connect time too, so a host that resolved to a public
 * address during the check cannot switch to an internal one for the connection (DNS rebinding). Addresses listed
 * in `allowedHosts` pass.
 */
export function createGuardedLookup(allowedHosts: readonly string[] = []): GuardedLookup {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return (hostname, options, callback) => guardedLookup(hostname, options, callback, allowed);
}

function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback, allowed: ReadonlySet<string>): void {
  dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const refused = list.find((entry) => isPrivateAddress(entry.address) && !allowed.has(entry.address.toLowerCase()));
    if (refused) {
      const denied = Object.assign(new Error(`refused connection to ${hostname}: private or local address ${refused.address}`), { code: 'ESSRF' });
      return callback(denied, []);
    }
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
