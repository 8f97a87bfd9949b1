import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Application, type Request } from 'express';
import type { AppDeps } from './AppDeps.ts';
import { createHttpError } from './errors.ts';
import { checkSameOrigin } from './middleware/checkSameOrigin.ts';
import { handleErrors } from './middleware/handleErrors.ts';
import { logRequests } from './middleware/logRequests.ts';
import { setCacheControl } from './middleware/setCacheControl.ts';
import { setSecurityHeaders } from './middleware/setSecurityHeaders.ts';
import type { RouterMount } from './RouterMount.ts';
import { createAgreementRouter } from './routes/createAgreementRouter.ts';
import { createHealthRouter } from './routes/createHealthRouter.ts';
import { createLegalPagesRouter } from './routes/createLegalPagesRouter.ts';
import { createOpenApiRouter } from './routes/createOpenApiRouter.ts';
import { createPublicRouter } from './routes/createPublicRouter.ts';
import { createAccessibilityFeedbackRouter } from './routes/createAccessibilityFeedbackRouter.ts';
import { createDraftsRouter } from './routes/createDraftsRouter.ts';
import { createPortalPagesRouter } from './routes/createPortalPagesRouter.ts';
import { createValidatorModulesRouter } from './routes/createValidatorModulesRouter.ts';
import { createStaffAuthRouter } from './routes/createStaffAuthRouter.ts';
import { createStaffEditorRouter } from './routes/createStaffEditorRouter.ts';
import { createStaffInboxRouter } from './routes/createStaffInboxRouter.ts';
import { createStaffPagesRouter } from './routes/createStaffPagesRouter.ts';
import { createStaffOfferingRouter } from './routes/createStaffOfferingRouter.ts';
import { createStaffEnablementsRouter } from './routes/createStaffEnablementsRouter.ts';
import { createStaffSubmissionsRouter } from './routes/createStaffSubmissionsRouter.ts';
import { createStaffAccountsRouter } from './routes/createStaffAccountsRouter.ts';
import { createStaffDeliveryRouter } from './routes/createStaffDeliveryRouter.ts';
import { createUploadsRouter } from './routes/createUploadsRouter.ts';
import { createStaffFilesRouter } from './routes/createStaffFilesRouter.ts';
import { createStatusRouter } from './routes/createStatusRouter.ts';
import { createPaymentsRouter } from './routes/createPaymentsRouter.ts';
import { createStaffPaymentsRouter } from './routes/createStaffPaymentsRouter.ts';
import { createSubmissionRoute } from './routes/createSubmissionRoute.ts';

/**
 * Builds the Express application (without listening). Every API response defaults to Cache-Control: no-store;
 * public catalogue routes relax it. Staff routes get an Origin check for unsafe methods. Add a router with one
 * line in `mounts`; its routes must also appear in the OpenAPI document (a test checks).
 */
export function createApp(deps: AppDeps): Application {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');
  const securityHeaders = setSecurityHeaders({
      frameguard: { action: 'deny' },
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    });
  app.use(securityHeaders);
  if (deps.config.logLevel === 'debug') app.use(logRequests(deps.logger));
  app.use('/api', setCacheControl('no-store'));
  app.use('/api/v1/staff', checkSameOrigin());

  const mounts: RouterMount[] = [
    { path: '/', router: createHealthRouter(deps) },
    { path: '/api/v1', router: createOpenApiRouter(deps) },
    { path: '/api/v1', router: createPublicRouter(deps) },
    { path: '/api/v1', router: createDraftsRouter(deps) },
    { path: '/api/v1', router: createAccessibilityFeedbackRouter(deps) },
    { path: '/api/v1', router: createValidatorModulesRouter(deps) },
    { path: '/api/v1/staff', router: createStaffAuthRouter(deps) },
    { path: '/api/v1/staff', router: createStaffEditorRouter(deps) },
    { path: '/api/v1/staff', router: createStaffOfferingRouter(deps) },
    { path: '/api/v1/staff', router: createStaffInboxRouter(deps) },
    { path: '/staff', router: createStaffPagesRouter(deps) },
    { path: '/api/v1/staff', router: createStaffSubmissionsRouter(deps) },
    { path: '/api/v1/staff', router: createStaffEnablementsRouter(deps) },
    { path: '/api/v1/staff', router: createAgreementRouter(deps) },
    { path: '/api/v1/staff', router: createStaffAccountsRouter(deps) },
    { path: '/api/v1', router: createLegalPagesRouter(deps) },
    { path: '/api/v1/staff', router: createStaffDeliveryRouter(deps) },
    { path: '/api/v1', router: createUploadsRouter(deps) },
    { path: '/api/v1/staff', router: createStaffFilesRouter(deps) },
    { path: '/api/v1', router: createStatusRouter(deps) },
    { path: '/api/v1', router: createPaymentsRouter(deps) },
    { path: '/api/v1/staff', router: createStaffPaymentsRouter(deps) },
  ];
  for (const mount of mounts) app.use(mount.path, mount.router);
  app.locals.routerMounts = mounts;

  app.use('/api', () => {
    throw createHttpError('NOT_FOUND');
  });
  app.use(createPortalPagesRouter(deps));
  if (existsSync(deps.config.rendererDir)) app.use(express.static(deps.config.rendererDir, { index: false }));
  app.use(() => {
    throw createHttpError('NOT_FOUND');
  });
  app.use(handleErrors(deps.logger));
  useSubmissionRoute(app, deps, securityHeaders);
  return app;
}

/**
 * Puts the plain-Node submission route (createSubmissionRoute) in front of Express: the app function calls
 * app.handle for every request, so the route answers its plain requests before Express sets up req/res and walks
 * its routers; every other request, and every unusual submission request, goes to Express unchanged.
 */
function useSubmissionRoute(app: Application, deps: AppDeps, securityHeaders: ReturnType<typeof setSecurityHeaders>): void {
  const expressRequest = (app as unknown as { request: Request }).request;
  const clientIp =
    deps.config.trustProxy === false
      ? (req: IncomingMessage) => req.socket.remoteAddress
      : (req: IncomingMessage) => (Object.create(expressRequest, { headers: { value: req.headers }, socket: { value: req.socket }, connection: { value: req.socket } }) as Request).ip;
  const submissionRoute = createSubmissionRoute(deps, { securityHeaders, clientIp });
  type Handle = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
  const withHandle = app as unknown as { handle: Handle };
  const expressHandle = withHandle.handle.bind(app);
  withHandle.handle = (req, res, next) => {
    if (!submissionRoute(req, res)) expressHandle(req, res, next);
  };
}
