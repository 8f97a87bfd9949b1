import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/verifyPassword.ts';
import { HttpError } from '../../server/errors.ts';
import { createSqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';
import { createStaffUser } from '../../server/usecases/createStaffUser.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('forms create-user', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kreisform-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const run = (args: string[], env: Record<string, string>, input = '') =>
    spawnSync(process.execPath, ['--import', 'tsx', 'cli/forms.ts', 'create-user', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, KREISFORM_PASSWORD: '', ...env },
      input,
      encoding: 'utf8',
    });

  it('When the password comes from KREISFORM_PASSWORD, then the user is created with a scrypt hash', async () => {
    const result = run(['--tenant', 'kreis-heinsberg', '--email', 'admin@kreis.example', '--role', 'admin'], { KREISFORM_PASSWORD: 'ein-sehr-langes-Passwort' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created admin admin@kreis.example');
    const storage = await createSqliteStorage(join(dataDir, 'kreisform.sqlite'));
    try {
      const user = await storage.users.findByEmail('ADMIN@kreis.example');
      expect(user).toMatchObject({ tenant: 'kreis-heinsberg', role: 'admin', disabled: false });
      expect(user!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword('ein-sehr-langes-Passwort', user!.passwordHash)).toBe(true);
      expect(await verifyPassword('ein-sehr-langes-passwort', user!.passwordHash)).toBe(false);
    } finally {
      await storage.close();
    }
  });

  it('When the password comes on stdin, then it is used', () => {
    const result = run(['--tenant', 'erkelenz', '--email', 'staff@erkelenz.example', '--role', 'staff'], { KREISFORM_PASSWORD: '' }, 'passwort-von-stdin-123\n');
    expect(result.status).toBe(0);
  });

  it.each([
    [['--tenant', 'erkelenz', '--email', 'x@erkelenz.example', '--role', 'staff'], { KREISFORM_PASSWORD: '' }, '', /at least 12/],
    [['--tenant', 'erkelenz', '--email', 'x@erkelenz.example', '--role', 'staff'], { KREISFORM_PASSWORD: 'kurz' }, '', /at least 12/],
    [['--tenant', 'atlantis', '--email', 'x@erkelenz.example', '--role', 'staff'], { KREISFORM_PASSWORD: 'ein-sehr-langes-Passwort' }, '', /--tenant/],
    [['--tenant', 'erkelenz', '--email', 'kein-at', '--role', 'staff'], { KREISFORM_PASSWORD: 'ein-sehr-langes-Passwort' }, '', /--email/],
    [['--tenant', 'erkelenz', '--email', 'x@erkelenz.example', '--role', 'root'], { KREISFORM_PASSWORD: 'ein-sehr-langes-Passwort' }, '', /--role/],
    [['--tenant', 'erkelenz', '--email', 'admin@kreis.example', '--role', 'staff'], { KREISFORM_PASSWORD: 'ein-sehr-langes-Passwort' }, '', /already exists/],
  ])('When create-user gets %j, then it refuses with a clear message', (args, env, input, message) => {
    const result = run(args, env, input);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it('When create-user has created a user, then the audit trail records user.created by cli with the role', async () => {
    const storage = await createSqliteStorage(join(dataDir, 'kreisform.sqlite'));
    try {
      const user = await storage.users.findByEmail('admin@kreis.example');
      const { events } = await storage.auditView.search({ tenant: 'kreis-heinsberg', action: 'user.created', offset: 0, limit: 10 });
      expect(events).toEqual([expect.objectContaining({ actor: 'cli', action: 'user.created', subject: user!.id, details: { role: 'admin' } })]);
    } finally {
      await storage.close();
    }
  });

  it.each([
    [{ tenant: 'atlantis', email: 'x@erkelenz.example', role: 'staff', password: 'ein-sehr-langes-Passwort' }, 'INVALID_USER'],
    [{ tenant: 'erkelenz', email: 'kein-at', role: 'staff', password: 'ein-sehr-langes-Passwort' }, 'INVALID_USER'],
    [{ tenant: 'erkelenz', email: 'x@erkelenz.example', role: 'root', password: 'ein-sehr-langes-Passwort' }, 'INVALID_USER'],
    [{ tenant: 'erkelenz', email: 'x@erkelenz.example', role: 'staff', password: 'kurz' }, 'WEAK_PASSWORD'],
    [{ tenant: 'erkelenz', email: 'admin@kreis.example', role: 'staff', password: 'ein-sehr-langes-Passwort' }, 'USER_EXISTS'],
  ])('When the createStaffUser use case gets %j, then it refuses with %s and writes nothing', async (input, code) => {
    const storage = await createSqliteStorage(join(dataDir, 'kreisform.sqlite'));
    try {
      const error = await createStaffUser(storage, input, 'cli', new Date()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).code).toBe(code);
      expect(await storage.users.findByEmail('x@erkelenz.example')).toBeUndefined();
    } finally {
      await storage.close();
    }
  });
});
