import { readdir, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey } from '../../server/files/loadSecretKey.ts';

describe('secret keys in a DATA_DIR shared by several processes', () => {
  it('When many starts create the key of a new DATA_DIR at once, then all get the same 32 bytes and one file remains', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kreisform-key-'));
    try {
      const path = join(dir, 'status-code.key');
      const keys = await Promise.all(Array.from({ length: 16 }, () => loadSecretKey(path)));
      expect(keys[0]).toHaveLength(32);
      expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
      expect(await readdir(dir)).toEqual(['status-code.key']);
      expect((await loadSecretKey(path)).equals(keys[0]!)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
