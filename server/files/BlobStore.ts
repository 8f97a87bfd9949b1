import type { Readable } from 'node:stream';

/**
 * Where the bytes of uploaded files live, apart from the database. A blob is written through a BlobWriter and only
 * exists once `commit` resolved (durable: synced to disk); the database refers to it by its key.
 */
export interface BlobStore {
  /** Starts a new blob. */
  create(): Promise<BlobWriter>;
  /** The bytes of a committed blob, or undefined when there is none under the key. */
  open(key: string): Promise<Readable | undefined>;
  /** Deletes a blob (no error when it is already gone). */
  delete(key: string): Promise<void>;
}

/** A blob being written. Exactly one of `commit` or `abort` ends it. */
export interface BlobWriter {
  /** Appends bytes; resolves when they may be followed by more (back-pressure). */
  write(chunk: Buffer): Promise<void>;
  /** Reads back what was written so far (e.g. for a virus scan before committing). */
  readBack(): Readable;
  /** Makes the blob durable and returns its key. */
  commit(): Promise<string>;
  /** Discards what was written. */
  abort(): Promise<void>;
}
