import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore, BlobWriter } from './BlobStore.ts';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The default blob store: one file per blob under `<dir>/<first two hex digits>/<key>` (DATA_DIR/blobs). A blob is
 * written to `<dir>/tmp/` first; `commit` fsyncs the file, renames it into place and fsyncs both directories, so a
 * committed blob survives a crash and a half-written one never appears under a key.
 */
export class FileBlobStore implements BlobStore {
  private readonly tmpDir: string;
  private prepared: Promise<void> | undefined;

  constructor(private readonly dir: string) {
    this.tmpDir = join(dir, 'tmp');
  }

  private prepare(): Promise<void> {
    this.prepared ??= mkdir(this.tmpDir, { recursive: true }).then(() => undefined);
    return this.prepared;
  }

  async create(): Promise<BlobWriter> {
    await this.prepare();
    const key = randomUUID();
    const tmpPath = join(this.tmpDir, key);
    const handle = await open(tmpPath, 'wx', 0o600);
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      write: async (chunk) => {
        let offset = 0;
        while (offset < chunk.length) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
      },
      readBack: () => createReadStream(tmpPath),
      commit: async () => {
        await handle.sync();
        await close();
        const targetDir = join(this.dir, key.slice(0, 2));
        await mkdir(targetDir, { recursive: true });
        await rename(tmpPath, join(targetDir, key));
        await syncDirectory(targetDir);
        await syncDirectory(this.tmpDir);
        return key;
      },
      abort: async () => {
        await close().catch(() => undefined);
        await rm(tmpPath, { force: true });
      },
    };
  }

  async open(key: string): Promise<Readable | undefined> {
    if (!KEY.test(key)) return undefined;
    let handle: FileHandle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    if (!KEY.test(key)) return;
    await rm(this.pathOf(key), { force: true });
  }

  /** Path of a committed blob (for tests that check the bytes are gone). */
  pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
