import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that counts accepted messages per Message-ID. */
export interface CountingSmtpServer {
  port: number;
  /** Accepted messages per Message-ID. */
  counts: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

export async function startCountingSmtpServer(): Promise<CountingSmtpServer> {
  const counts = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let head = '';
      let inHeaders = true;
      stream.on('data', (chunk: Buffer) => {
        if (inHeaders) {
          head += chunk.toString('utf8');
          if (head.includes('\r\n\r\n')) inHeaders = false;
        }
      });
      stream.on('end', () => {
        const headers = head.split('\r\n\r\n')[0] ?? '';
        const id = /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? `(none ${total})`;
        counts.set(id, (counts.get(id) ?? 0) + 1);
        total += 1;
        callback();
      });
    },
  });
  // A worker SIGKILLed mid-conversation resets its connections; that is expected here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    counts,
    total: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
