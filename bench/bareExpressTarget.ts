/**
 * The baseline of bench/server.bench.ts: a bare Express 5 app in its own process (bundled and started like the real
 * server, with the same V8 flags) whose one route parses the JSON body with express.json and answers 201 with a
 * constant receipt of the submission's shape. No security headers, rate limiter, checks, validation or storage: the
 * ceiling a submission route on Express can reach. Prints one JSON line `{"port":n}` on stdout when listening.
 */
import express from 'express';

const app = express();
const receipt = {
  id: '00000000-0000-4000-8000-000000000000',
  reference: 'ERK-2026-000000',
  version: '1.0.0',
  receivedAt: new Date(0).toISOString(),
  statusCode: 'AAAA-BBBB-CCCC-DDDD',
};
app.post('/api/v1/tenants/:tenant/services/:service/submissions', express.json({ limit: '256kb' }), (_req, res) => {
  res.status(201).json(receipt);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
