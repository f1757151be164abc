import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  inbox: ReceivedMail[];
  /** RCPT TO attempts, accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (ephemeral port) that parses what it receives. */
export async function startSmtpServer(
  options: {
    rejectRcpt?: (address: string, attempt: number) => { code: number; message: string } | null;
  } & Partial<SMTPServerOptions> = {},
): Promise<TestSmtpServer> {
  const { rejectRcpt, ...rest } = options;
  const state = { inbox: [] as ReceivedMail[], attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...rest,
    onRcptTo(address, _session, callback) {
      state.attempts += 1;
      const rejection = rejectRcpt?.(address.address, state.attempts) ?? null;
      if (rejection) return callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            state.inbox.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              mail,
              raw,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    get inbox() {
      return state.inbox;
    },
    get attempts() {
      return state.attempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The unfolded value of a header as it went over the wire, or undefined. */
export function rawHeader(raw: string, name: string): string | undefined {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}
