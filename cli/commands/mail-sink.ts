import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { parseFlags } from '../agreement/parseFlags.ts';

export const summary = 'Local SMTP server for trying e-mail delivery: prints recipient and subject of each mail [--port 2525] [--host 127.0.0.1] [--count N]';

/**
 * A development SMTP server (smtp-server, no TLS, no authentication) that accepts every mail and prints one line per
 * mail: envelope recipients, subject and Message-ID (the delivery id). Point the server at it with
 * SMTP_URL=smtp://127.0.0.1:2525. With `--count N` it exits 0 after N mails. Never use it in production.
 */
export async function run(args: string[]): Promise<number> {
  const flags = parseFlags(args, ['port', 'host', 'count']);
  if (typeof flags === 'string') {
    console.error(`mail-sink: ${flags}\nUsage: npm run forms -- mail-sink [--port 2525] [--host 127.0.0.1] [--count N]`);
    return 2;
  }
  const count = flags.count === undefined ? Infinity : Number(flags.count);
  let received = 0;
  return new Promise<number>((resolve) => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received += 1;
            console.log(`mail to ${session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ')}: ${mail.subject ?? ''} ${mail.messageId ?? ''}`);
            callback();
            if (received >= count) server.close(() => resolve(0));
          })
          .catch(callback);
      },
    });
    server.listen(Number(flags.port ?? 2525), flags.host ?? '127.0.0.1', () => {
      const { address, port } = server.server.address() as AddressInfo;
      console.log(`mail-sink listening on smtp://${address}:${port}`);
    });
    const stop = () => server.close(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
