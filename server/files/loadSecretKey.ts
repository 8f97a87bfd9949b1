import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a 32-byte secret key file, creating it (random, mode 0600, synced) on first start. Keys live beside the
 * database in DATA_DIR, never inside it, so a copy of the database alone does not reveal what they protect.
 * Several processes starting at once on a new shared DATA_DIR agree on one key: the key is written to a file of its
 * own and then hard-linked into place, which either succeeds whole or finds the key another process linked first.
 */
export async function loadSecretKey(path: string): Promise<Buffer> {
  const existing = await readKey(path);
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true });
  const key = randomBytes(32);
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.write(key);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readKey(path))!;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function readKey(path: string): Promise<Buffer | undefined> {
  try {
    const key = await readFile(path);
    if (key.length !== 32) throw new Error(`${path} must hold exactly 32 bytes`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}
