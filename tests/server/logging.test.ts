import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/createLogger.ts';
import { createStaffSession } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer } from './startFixtureServer.ts';

describe('logging', () => {
  const lines: string[] = [];
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer({ config: { logLevel: 'debug' }, logger: createLogger('debug', (line) => void lines.push(line)) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When citizens submit and staff sign in and work at debug level, then no personal data reaches the log', async () => {
    const personal = { person: { vorname: 'Hildegard', nachname: 'Zwiebelmeyer' }, anzahl: 3, bemerkung: 'Telefon 02431 987654' };
    const created = await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', personal);
    expect(created.status).toBe(201);
    await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', { ...personal, anzahl: 'drei' });
    await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', '{"person": {"vorname": "Hildegard"');
    const staff = await createStaffSession(server, 'erkelenz');
    await postJson(server, '/api/v1/staff/login', { email: staff.email, password: 'falsches-Passwort-123' });
    await fetch(`${server.baseUrl}/api/v1/staff/exports/testantrag/1.0.0?format=csv`, { headers: { cookie: staff.cookie } }).then((r) => r.text());
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of ['Hildegard', 'Zwiebelmeyer', '987654', staff.email, staff.password, 'falsches-Passwort', staff.cookie.split('=')[1]!, staff.csrfToken]) {
      expect(log, secret).not.toContain(secret);
    }
    expect(log).toContain('"route":"/api/v1/tenants/:tenant/services/:service/submissions"');
  });
});
