import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/verifyPassword.ts';
import { createSqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';

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
});
