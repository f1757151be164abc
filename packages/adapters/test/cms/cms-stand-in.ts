import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An order as swigs-cms-backend serialises it. */
export interface StandInOrder {
  _id: string;
  orderNumber: string;
  status: string;
  customer: { email: string; firstName: string; lastName: string; phone: string };
  items: { product: string; productName: string; quantity: number; price: number; total: number }[];
  subtotal: number;
  total: number;
  currency: string;
  site: string;
  payment: { method: string };
  shipping: { method: string; address: string };
  createdAt: string;
  updatedAt: string;
}

export interface StandInCustomer {
  _id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  site: string;
  createdAt: string;
  updatedAt: string;
}

export interface CmsStandInOptions {
  token: string;
  /** 429 past `limit` requests in any sliding `windowMs` (every arrival counts). Default 100 per 60 s; false disables. */
  rateLimit?: { limit: number; windowMs: number } | false;
  /** Time of the rate limiter's window in ms (e.g. a test's fake clock). Default `performance.now`. */
  limiterNow?: () => number;
  /** Share of requests answered 500 (after the auth and rate checks). Default 0. */
  failureRate?: number;
  /** Share of requests answered after `slowMs`. Default 0. */
  slowRate?: number;
  slowMs?: number;
  /** Largest `limit` honoured. Default 100. */
  maxLimit?: number;
  /** `data` wraps pages in `{ data }`, `bare` sends arrays, `alternate` switches each request. Default `alternate`. */
  envelope?: 'data' | 'bare' | 'alternate';
  /** The CMS's clock for `updatedAt` (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** `desc` answers newest first (a CMS with Mongo's usual `sort({ updatedAt: -1 })`). Default `asc`. */
  sort?: 'asc' | 'desc';
  /** Answers page 1 whatever `page` asks (a CMS without offset paging). */
  ignorePage?: boolean;
  /** Seed of the random 500s and slow answers. */
  seed?: number;
  /** Called after a page is chosen and before it is sent: lets a test change data while a poll is in flight. */
  onPage?: (info: {
    resource: 'orders' | 'customers';
    page: number;
    items: readonly { _id: string }[];
  }) => void | Promise<void>;
}

/** What the stand-in saw and answered. */
export interface CmsStandInStats {
  requests: number;
  byStatus: Record<number, number>;
  /** Most arrivals counted in one sliding window. */
  maxInWindow: number;
  /** Every order state served in a 200 page, in order. */
  served: { id: string; status: string }[];
  /** Every `Authorization` header value seen (to prove the token travels only there). */
  authorizations: Set<string>;
  /** Every request URL seen. */
  urls: string[];
}

/**
 * A real HTTP server speaking swigs-cms-backend's API (`GET /api/orders`, `GET /api/customers`) with
 * bearer-token checks, `updatedSince`/`limit`/`page` paging sorted by `updatedAt` then `_id`, a sliding-window
 * 429 with Retry-After, random 500s and slow answers.
 */
export class CmsStandIn {
  readonly orders = new Map<string, StandInOrder>();
  readonly customers = new Map<string, StandInCustomer>();
  readonly stats: CmsStandInStats = {
    requests: 0,
    byStatus: {},
    maxInWindow: 0,
    served: [],
    authorizations: new Set(),
    urls: [],
  };
  private readonly server: Server;
  private readonly arrivals: number[] = [];
  private readonly options: CmsStandInOptions;
  private random: () => number;
  private sequence = 0;
  private lastStamp = 0;
  private requestCount = 0;
  /** Records sorted by (updatedAt, _id), rebuilt after a change; keeps big stand-ins fast. */
  private readonly sortedCache = new Map<
    'orders' | 'customers',
    { at: number; item: StandInOrder | StandInCustomer }[]
  >();
  /** Base URL of the API, e.g. `http://127.0.0.1:1234/api`. */
  url = '';

  constructor(options: CmsStandInOptions) {
    this.options = options;
    this.random = mulberry32(options.seed ?? 42);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: String(error) }));
      });
    });
  }

  async start(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Changes random-failure settings at run time. */
  configure(
    patch: Partial<Pick<CmsStandInOptions, 'failureRate' | 'slowRate' | 'slowMs' | 'rateLimit' | 'onPage'>>,
  ): void {
    Object.assign(this.options, patch);
  }

  /** A strictly increasing CMS timestamp (like Mongo stamping `updatedAt`), unless `at` is given. */
  stamp(at?: number): string {
    this.sortedCache.clear();
    const now = at ?? Math.max(this.options.now?.() ?? Date.now(), this.lastStamp + 1);
    this.lastStamp = Math.max(this.lastStamp, now);
    return new Date(now).toISOString();
  }

  /** Creates an order; returns it. */
  createOrder(init: { status?: string; site?: string; at?: number } = {}): StandInOrder {
    this.sequence += 1;
    const n = this.sequence;
    const stamp = this.stamp(init.at);
    const price = 19.9 + (n % 7) * 5;
    const quantity = 1 + (n % 3);
    const order: StandInOrder = {
      _id: objectId(n),
      orderNumber: `CMD-2026-${String(n).padStart(5, '0')}`,
      status: init.status ?? 'pending',
      customer: { email: `client${n}@exemple.ch`, firstName: 'Client', lastName: `N°${n}`, phone: '+41 79 000 00 00' },
      items: [
        {
          product: objectId(900_000 + (n % 50)),
          productName: `Produit ${n % 50}`,
          quantity,
          price,
          total: round2(price * quantity),
        },
      ],
      subtotal: round2(price * quantity),
      total: round2(price * quantity + 7),
      currency: 'CHF',
      site: init.site ?? 'site-geneve',
      payment: { method: 'twint' },
      shipping: { method: 'poste', address: 'Rue du Rhône 1, 1204 Genève' },
      createdAt: stamp,
      updatedAt: stamp,
    };
    this.orders.set(order._id, order);
    return order;
  }

  /** Moves an order to `status` and stamps `updatedAt`. */
  setStatus(id: string, status: string, at?: number): StandInOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`stand-in: no order ${id}`);
    order.status = status;
    order.updatedAt = this.stamp(at);
    return order;
  }

  /** Like Mongo `updateMany`: every order gets `status` and the very same `updatedAt`. */
  bulkSetStatus(ids: readonly string[], status: string): string {
    const stamp = this.stamp();
    for (const id of ids) {
      const order = this.orders.get(id);
      if (!order) throw new Error(`stand-in: no order ${id}`);
      order.status = status;
      order.updatedAt = stamp;
    }
    return stamp;
  }

  createCustomer(init: { at?: number; createdAt?: number } = {}): StandInCustomer {
    this.sequence += 1;
    const n = this.sequence;
    const stamp = this.stamp(init.at);
    const customer: StandInCustomer = {
      _id: objectId(n),
      email: `nouveau${n}@exemple.ch`,
      firstName: 'Nouveau',
      lastName: `Client ${n}`,
      phone: '+41 78 000 00 00',
      site: 'site-geneve',
      createdAt: init.createdAt === undefined ? stamp : new Date(init.createdAt).toISOString(),
      updatedAt: stamp,
    };
    this.customers.set(customer._id, customer);
    return customer;
  }

  private sorted(resource: 'orders' | 'customers'): { at: number; item: StandInOrder | StandInCustomer }[] {
    let sorted = this.sortedCache.get(resource);
    if (!sorted) {
      const source: (StandInOrder | StandInCustomer)[] = [
        ...(resource === 'orders' ? this.orders : this.customers).values(),
      ];
      sorted = source
        .map((item) => ({ at: Date.parse(item.updatedAt), item }))
        .sort((a, b) => a.at - b.at || (a.item._id < b.item._id ? -1 : a.item._id > b.item._id ? 1 : 0));
      this.sortedCache.set(resource, sorted);
    }
    return sorted;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests += 1;
    this.requestCount += 1;
    this.stats.urls.push(req.url ?? '');
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };

    const limit = this.options.rateLimit === undefined ? { limit: 100, windowMs: 60_000 } : this.options.rateLimit;
    if (limit) {
      const now = this.options.limiterNow?.() ?? performance.now();
      this.arrivals.push(now);
      while (this.arrivals.length > 0 && (this.arrivals[0] as number) <= now - limit.windowMs) this.arrivals.shift();
      this.stats.maxInWindow = Math.max(this.stats.maxInWindow, this.arrivals.length);
      if (this.arrivals.length > limit.limit) {
        const waitMs = (this.arrivals[this.arrivals.length - limit.limit - 1] as number) + limit.windowMs - now;
        return answer(429, { error: 'Too many requests' }, { 'retry-after': (Math.max(waitMs, 1) / 1000).toFixed(3) });
      }
    }

    const authorization = req.headers.authorization ?? '';
    this.stats.authorizations.add(authorization);
    if (authorization !== `Bearer ${this.options.token}`) return answer(401, { error: 'Invalid service token' });

    const url = new URL(req.url ?? '/', 'http://stand-in');
    const resource = url.pathname === '/api/orders' ? 'orders' : url.pathname === '/api/customers' ? 'customers' : null;
    if (req.method !== 'GET' || resource === null) return answer(404, { error: 'Not found' });

    if ((this.options.slowRate ?? 0) > 0 && this.random() < (this.options.slowRate ?? 0)) {
      await new Promise((resolve) => setTimeout(resolve, this.options.slowMs ?? 200));
    }
    if ((this.options.failureRate ?? 0) > 0 && this.random() < (this.options.failureRate ?? 0)) {
      return answer(500, { error: 'Internal server error' });
    }

    const since = url.searchParams.get('updatedSince');
    const sinceMs = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
    if (Number.isNaN(sinceMs)) return answer(400, { error: 'updatedSince must be an ISO date' });
    const pageSize = Math.min(
      Math.max(Number(url.searchParams.get('limit') ?? 20) || 20, 1),
      this.options.maxLimit ?? 100,
    );
    const page = this.options.ignorePage ? 1 : Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);

    const sorted = this.sorted(resource);
    // First record at or after `since` (binary search over the sorted index).
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid] as { at: number }).at < sinceMs) low = mid + 1;
      else high = mid;
    }
    const matching = this.options.sort === 'desc' ? sorted.slice(low).reverse() : sorted.slice(low);
    const items = matching.slice((page - 1) * pageSize, page * pageSize).map((entry) => structuredClone(entry.item));
    if (resource === 'orders') {
      for (const item of items as StandInOrder[]) this.stats.served.push({ id: item._id, status: item.status });
    }
    await this.options.onPage?.({ resource, page, items });
    const envelope = this.options.envelope ?? 'alternate';
    const wrap = envelope === 'data' || (envelope === 'alternate' && this.requestCount % 2 === 0);
    return answer(200, wrap ? { data: items, page, limit: pageSize } : items);
  }
}

/** A 24-hex Mongo-like id, ordered like `n`. */
export function objectId(n: number): string {
  return `65f0${n.toString(16).padStart(20, '0')}`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
