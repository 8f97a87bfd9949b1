import { agreementPaths } from './agreementPaths.ts';
import { legalPaths } from './legalPaths.ts';
import { deliveryPaths } from './deliveryPaths.ts';
import { filesPaths } from './filesPaths.ts';
import type { OpenApiPaths } from './OpenApiPaths.ts';
import { paymentPaths } from './paymentPaths.ts';
import { portalPaths } from './portalPaths.ts';
import { publicPaths } from './publicPaths.ts';
import { staffAppPaths } from './staffAppPaths.ts';
import { staffPaths } from './staffPaths.ts';
import { staffAccountPaths } from './staffAccountPaths.ts';

/** The path groups of the API; add yours with one line (a test checks every Express route is described). */
const PATH_GROUPS: readonly OpenApiPaths[] = [publicPaths, staffPaths, agreementPaths, staffAppPaths, portalPaths, staffAccountPaths, legalPaths, deliveryPaths, filesPaths, paymentPaths];

/** Builds the OpenAPI 3.1 document of the whole HTTP API. Throws if two groups describe the same path and method. */
export function createOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  for (const group of PATH_GROUPS) {
    for (const [path, item] of Object.entries(group.paths)) {
      const merged = (paths[path] ??= {});
      for (const [method, operation] of Object.entries(item)) {
        if (method in merged) throw new Error(`createOpenApiDocument: ${method.toUpperCase()} ${path} is described twice`);
        merged[method] = operation;
      }
    }
    Object.assign(schemas, group.schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'kreisform API',
      version: '1.0.0',
      description:
        'Form engine of the shared Serviceportal of Kreis Heinsberg and its ten Kommunen. Errors answer { code, message, errors? }; codes are stable (server/errors.ts). Staff routes use a session cookie and, for unsafe methods, the X-CSRF-Token header.',
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'public' }, { name: 'staff' }, { name: 'operations' }],
    paths,
    components: {
      schemas,
      securitySchemes: { staffSession: { type: 'apiKey', in: 'cookie', name: 'kf_session' } },
    },
  };
}
