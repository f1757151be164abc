import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server are trusted: none (`false`), a number of hops (`true` is one hop), or the
 * proxies' addresses and CIDR ranges. Only trusted hops may speak for the client in `X-Forwarded-For`.
 */
export type TrustProxy = boolean | number | readonly string[];

/** Decides the client address of a request from its socket address and its X-Forwarded-For header. */
export type ClientAddressResolver = (socketAddress: string, forwardedFor: string | undefined) => string;

/**
 * The client is the first untrusted hop counted from the right of `X-Forwarded-For, socket address`: a client can
 * prepend whatever it likes to the header, but every trusted proxy appends the address it received the request from.
 * @example
 * createClientAddressResolver(2)('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.1') // '203.0.113.9'
 */
export function createClientAddressResolver(trust: TrustProxy): ClientAddressResolver {
  if (trust === false || trust === 0) return (socket) => normalise(socket);
  if (trust === true || typeof trust === 'number') {
    const hops = trust === true ? 1 : trust;
    return (socket, forwardedFor) => {
      const chain = [...hopsOf(forwardedFor), normalise(socket)];
      // With fewer entries than trusted hops, the leftmost is all a trusted proxy vouched for.
      return chain[Math.max(0, chain.length - 1 - hops)] ?? socket;
    };
  }
  const trusted = trustedList(trust);
  return (socket, forwardedFor) => {
    const chain = [...hopsOf(forwardedFor), normalise(socket)];
    for (let i = chain.length - 1; i > 0; i--) {
      const hop = chain[i] as string;
      if (!isTrusted(trusted, hop)) return hop;
    }
    return chain[0] ?? socket;
  };
}

/** Parses TRUST_PROXY: `false`/`0`/empty, `true`, a hop count, or a comma list of addresses and CIDR ranges. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || /^(false|no|0)$/i.test(text)) return false;
  if (/^(true|yes)$/i.test(text)) return true;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  trustedList(entries);
  return entries;
}

function hopsOf(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter(Boolean);
}

/** `[::1]:443`, `1.2.3.4:80` and `::ffff:1.2.3.4` name the same host as `::1` and `1.2.3.4`. */
function normalise(address: string): string {
  let a = address;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracket) a = bracket[1] as string;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return a;
}

function trustedList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const family = isIP(address);
    if (family === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`TRUST_PROXY: "${entry}" is neither a hop count nor an IP address or CIDR range`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
