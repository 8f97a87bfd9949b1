/**
 * The server process measured by bench/server.bench.ts (which bundles this file with esbuild and runs it as plain
 * JavaScript): the real app (createServerDeps + createApp, SQLite with synchronous=FULL, group commit) plus the
 * same-run baseline, a no-op submission route. The no-op route exists only here, never in the product. It sits in
 * the real app's Express stack (security headers, Cache-Control, a rate limiter and the JSON body parsing and checks
 * of the Express submission route, request logging when LOG_LEVEL=debug, error handling) and answers a constant
 * receipt of the same shape: what a route costs on the app's Express stack. (Plain submission requests do not take
 * that stack: server/routes/createSubmissionRoute.ts answers them ahead of Express.) Prints one JSON line
 * `{"port":n}` on stdout when listening.
 */
import { Router, type Application } from 'express';
import { createApp } from '../server/createApp.ts';
import { createHttpServer } from '../server/createHttpServer.ts';
import { createLogger } from '../server/createLogger.ts';
import { createServerDeps } from '../server/createServerDeps.ts';
import { loadConfig } from '../server/loadConfig.ts';
import { createRateLimit } from '../server/middleware/createRateLimit.ts';
import { parseJsonBody } from '../server/middleware/parseJsonBody.ts';
import type { RouterMount } from '../server/RouterMount.ts';
import type { AppDeps } from '../server/AppDeps.ts';

/** Path of the no-op route below /api/v1, parallel to `/tenants/{tenant}/services/{service}/submissions`. */
const NOOP_PATH = '/tenants/:tenant/services/:service/noop-submissions';
const SUBMISSION_PATH = '/tenants/:tenant/services/:service/submissions';

// The limiter stays in the stack (it counts every request) but the bench's load must not trip it.
const config = { ...loadConfig(), submissionRateLimit: 10_000_000 };
const deps = await createServerDeps(config, createLogger(config.logLevel));
await addBenchChannels(deps);
const app = createApp(deps);
insertBeforeSubmissionRouter(app, createNoopRouter(deps));

const server = createHttpServer(app, config).listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void deps.storage.close().then(() => process.exit(0));
});

/**
 * With BENCH_CHANNELS_TENANT: that participant (only) gets a signed webhook (BENCH_WEBHOOK_URL), a staff notice and the
 * citizen's receipt, so each of its submissions writes three outbox rows in the same commit; other participants have
 * no channels (the target runs without SMTP_URL, so no receipt channel is seeded for them). The relay runs in its own process (the bench sets DELIVERY_RELAY=false here).
 */
async function addBenchChannels(deps: AppDeps): Promise<void> {
  const tenant = process.env.BENCH_CHANNELS_TENANT;
  if (!tenant) return;
  const at = new Date().toISOString();
  const channels = [
    { kind: 'webhook' as const, config: { url: process.env.BENCH_WEBHOOK_URL ?? '' }, secret: 'bench-webhook-secret-0123456789' },
    { kind: 'staff_notice' as const, config: { address: `posteingang@${tenant}.example` }, secret: undefined },
    { kind: 'citizen_receipt' as const, config: {}, secret: undefined },
  ];
  for (const channel of channels) {
    const id = `bench-${tenant}-${channel.kind}`;
    await deps.storage.deliveryChannels.save({ id, tenant, service: null, enabled: true, ...channel }, at, 'bench', {
      tenant,
      actor: 'bench',
      action: 'delivery_channel.created',
      subject: id,
    });
  }
}

function createNoopRouter(deps: AppDeps): Router {
  const router = Router();
  const receipt = { id: '00000000-0000-4000-8000-000000000000', reference: 'ERK-2026-000000', version: '1.0.0', receivedAt: new Date(0).toISOString() };
  router.post(NOOP_PATH, createRateLimit(deps, 'noop-submissions', deps.config.submissionRateLimit, 60_000), ...parseJsonBody(deps.config.submissionBodyLimitBytes), (_req, res) => {
    res.status(201).json(receipt);
  });
  return router;
}

/**
 * Mounts `router` at /api/v1 directly before the router that holds the submission route, so a no-op request passes
 * the same app-level middleware and routers as a submission (and not more). Express 5 keeps layers in `.stack`.
 */
function insertBeforeSubmissionRouter(target: Application, router: Router): void {
  type Layer = { handle: unknown; route?: { path: unknown } };
  const mounts = target.locals.routerMounts as RouterMount[];
  const submissionRouter = mounts.find((mount) =>
    (mount.router as unknown as { stack: Layer[] }).stack.some((layer) => layer.route?.path === SUBMISSION_PATH),
  )?.router;
  const stack = (target as unknown as { router: { stack: Layer[] } }).router.stack;
  target.use('/api/v1', router);
  const layer = stack.pop()!;
  const index = stack.findIndex((entry) => entry.handle === submissionRouter);
  if (index < 0) throw new Error(`bench target: no router with ${SUBMISSION_PATH} in the app stack`);
  stack.splice(index, 0, layer);
}
