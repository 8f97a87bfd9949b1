import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a 32-byte secret key file, creating it (random, mode 0600, synced) on first start. Keys live beside the
 * database in DATA_DIR, never inside it, so a copy of the database alone does not reveal what they protect.
 */
export async function loadSecretKey(path: string): Promise<Buffer> {
  try {
    const key = await readFile(path);
    if (key.length !== 32) throw new Error(`${path} must hold exactly 32 bytes`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const key = randomBytes(32);
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.write(key);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return key;
}
