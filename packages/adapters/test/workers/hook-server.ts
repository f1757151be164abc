import { createServer } from 'node:http';

/** One call received by the hook server. */
export interface HookCall {
  key: string;
  body: { node?: string; slot?: string; order?: string };
}

/** A real HTTP server on 127.0.0.1 recording each webhook call with its idempotency key. */
export interface HookServer {
  url: string;
  calls: HookCall[];
  close(): Promise<void>;
}

export async function startHookServer(): Promise<HookServer> {
  const calls: HookCall[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    req.on('end', () => {
      let body: HookCall['body'] = {};
      try {
        body = JSON.parse(text) as HookCall['body'];
      } catch {
        // Recorded with an empty body; the test then fails on the missing fields.
      }
      calls.push({ key: String(req.headers['idempotency-key'] ?? ''), body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
