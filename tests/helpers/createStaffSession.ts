import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/auth/hashPassword.ts';
import type { StaffRole, StaffUser } from '../../server/storage/UserRepository.ts';
import type { StartedServer } from './startServer.ts';

export interface StaffSessionForTest {
  user: StaffUser;
  email: string;
  password: string;
  /** Value for the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Headers for a JSON request of this session (cookie, CSRF token, content type). */
  headers(): Record<string, string>;
}

/** Creates a staff user directly in the server's storage and signs in through the real POST /api/v1/staff/login. */
export async function createStaffSession(server: StartedServer, tenant: string, role: StaffRole = 'staff'): Promise<StaffSessionForTest> {
  const email = `${role}-${randomUUID().slice(0, 8)}@${tenant}.example`;
  const password = `Test-Passwort-${randomUUID()}`;
  const user: StaffUser = { id: randomUUID(), tenant, email, role, disabled: false, createdAt: new Date().toISOString() };
  const created = await server.deps.storage.users.create({ ...user, passwordHash: await hashPassword(password) });
  if (created !== 'created') throw new Error(`createStaffSession: user ${email} exists`);
  const response = await fetch(`${server.baseUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`createStaffSession: login answered ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    user,
    email,
    password,
    cookie,
    csrfToken,
    headers: () => ({ cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }),
  };
}
