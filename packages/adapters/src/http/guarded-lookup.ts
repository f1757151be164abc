import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { NonRetriableError } from '@swigs/automation-core';
import { type AllowList, hostOf, isPrivateAddress } from './address-policy';

/**
 * Refuses a URL whose host is, or resolves to, a private address, unless the allow-list permits the host or the
 * address. Returns the addresses it resolved.
 */
export async function assertPublicUrl(url: URL, allow: AllowList): Promise<string[]> {
  if (allow.allowsUrl(url)) return [];
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch (error) {
      throw new NonRetriableError(`cannot resolve host "${host}"`, { cause: error });
    }
  }
  const refused = addresses.find((address) => isPrivateAddress(address) && !allow.allowsAddress(address));
  if (refused !== undefined) {
    throw new NonRetriableError(
      `refused request to "${host}": it resolves to the private or local address ${refused} (allow-list the host in the HTTP port's allowedHosts to permit it)`,
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
 * address during the check cannot switch to an internal one for the connection (DNS rebinding). Allowed
 * addresses pass. A refusal fails with code `ESSRF`.
 */
export function createGuardedLookup(allow: Pick<AllowList, 'allowsAddress'>): GuardedLookup {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = list.find((entry) => isPrivateAddress(entry.address) && !allow.allowsAddress(entry.address));
      if (refused) {
        const denied = Object.assign(
          new Error(`refused connection to ${hostname}: private or local address ${refused.address}`),
          { code: 'ESSRF' },
        );
        return callback(denied, []);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
