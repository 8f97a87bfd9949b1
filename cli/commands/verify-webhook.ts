import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../server/delivery/webhookSignature.ts';
import { parseFlags } from '../agreement/parseFlags.ts';

export const summary = 'Example webhook receiver that verifies signatures (WEBHOOK_SECRET): [--port 8787] [--host 127.0.0.1] [--count N]';

const MAX_BODY = 30 * 1024 * 1024;

/**
 * A runnable example of a back-office receiver: listens for kreisform webhooks, verifies each one (HMAC-SHA256 over
 * `timestamp.deliveryId.rawBody` with WEBHOOK_SECRET, timestamp within 5 minutes; see server/delivery/webhookSignature.ts,
 * ~30 lines to copy), answers 204 for a valid delivery (also for a duplicate: same delivery id, already processed),
 * 401 for anything else. Prints one line per request (delivery id, event, reference; never the data). With
 * `--count N` it exits 0 after N distinct valid deliveries.
 */
export async function run(args: string[]): Promise<number> {
  const flags = parseFlags(args, ['port', 'host', 'count']);
  const secret = process.env.WEBHOOK_SECRET;
  if (typeof flags === 'string' || !secret) {
    console.error(`verify-webhook: ${typeof flags === 'string' ? flags : 'set WEBHOOK_SECRET to the secret of the webhook channel'}`);
    console.error('Usage: WEBHOOK_SECRET=... npm run forms -- verify-webhook [--port 8787] [--host 127.0.0.1] [--count N]');
    return 2;
  }
  const count = flags.count === undefined ? Infinity : Number(flags.count);
  const seen = new Set<string>();
  return new Promise<number>((resolve) => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(chunk);
      });
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const result = verifyWebhook(secret, req.headers, body);
        if (!result.ok) {
          console.log(`rejected: ${result.reason}`);
          res.writeHead(401).end();
          return;
        }
        const duplicate = seen.has(result.deliveryId);
        seen.add(result.deliveryId);
        let summary = '';
        try {
          const parsed = JSON.parse(body) as { event?: { type?: string }; submission?: { reference?: string; status?: string } };
          summary = `${parsed.event?.type ?? '?'} ${parsed.submission?.reference ?? '?'} ${parsed.submission?.status ?? ''}`.trim();
        } catch {
          summary = 'body is not JSON';
        }
        console.log(`${duplicate ? 'duplicate' : 'accepted'} ${result.deliveryId} ${summary}`);
        res.writeHead(204).end();
        if (seen.size >= count) server.close(() => resolve(0));
      });
    });
    server.listen(Number(flags.port ?? 8787), flags.host ?? '127.0.0.1', () => {
      const { address, port } = server.address() as AddressInfo;
      console.log(`verify-webhook listening on http://${address}:${port}/`);
    });
    const stop = () => server.close(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
