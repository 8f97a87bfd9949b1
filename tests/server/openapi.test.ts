import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../server/listRoutes.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { startFixtureServer } from './startFixtureServer.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('OpenAPI document', () => {
  let server: StartedServer;
  let document: { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
  beforeAll(async () => {
    server = await startFixtureServer();
    document = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as typeof document;
  });
  afterAll(async () => {
    await server.close();
  });

  it('When the document is fetched, then it is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('When the Express routes are enumerated, then each is described in the document and each described operation is a route', () => {
    const routes = listRoutes(server.app).filter((route) => route.path.startsWith('/api/') || route.path === '/healthz');
    const fromRouter = new Set(routes.map((route) => `${route.method.toUpperCase()} ${route.path}`));
    const fromDocument = new Set(
      Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).filter((key) => METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${path}`)),
    );
    expect(fromRouter.size).toBeGreaterThan(10);
    expect([...fromRouter].filter((route) => !fromDocument.has(route)), 'routes missing from the document').toEqual([]);
    expect([...fromDocument].filter((route) => !fromRouter.has(route)), 'documented operations without a route').toEqual([]);
  });

  it('When an operation references a component schema, then the schema exists', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(document.components.schemas, ref).toHaveProperty(ref);
  });

  it('When operations are listed, then operationIds are unique', () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => (op as { operationId?: string }).operationId));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
