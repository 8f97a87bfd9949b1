import { resolve } from 'node:path';
import { startServer, type StartedServer, type StartServerOptions } from '../helpers/startServer.ts';

export const FIXTURE_FORMS_DIR = resolve(import.meta.dirname, '../fixtures/server/forms');
export const FIXTURE_ENABLEMENTS_FILE = resolve(import.meta.dirname, '../fixtures/server/seed/enablements.json');

/** A valid body for testantrag 1.x (served by erkelenz). */
export const VALID_V1 = { person: { vorname: 'Erika', nachname: 'Mustermann' }, anzahl: 2 };
/** A valid body for testantrag 2.x (served by gangelt). */
export const VALID_V2 = { ...VALID_V1, email: 'erika@example.org' };

/**
 * The real server on the small fixture catalogue of the server tests (testantrag 1.0.0 and 2.0.0; erkelenz serves ^1,
 * gangelt ^2, wegberg has it disabled), so the tests do not depend on the evolving real catalogue.
 */
export function startFixtureServer(options: StartServerOptions = {}): Promise<StartedServer> {
  return startServer({ ...options, config: { formsDir: FIXTURE_FORMS_DIR, enablementsFile: FIXTURE_ENABLEMENTS_FILE, ...options.config } });
}

/** POSTs JSON to a path of the server. */
export function postJson(server: StartedServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Number of stored submissions (all tenants), read straight from the database. */
export async function countSubmissions(server: StartedServer): Promise<number> {
  const db = (server.deps.storage as unknown as { db: { get<T>(sql: string): Promise<T | undefined> } }).db;
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM submissions'))!.n;
}
