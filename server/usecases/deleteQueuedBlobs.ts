import type { AppDeps } from '../AppDeps.ts';

const CHUNK = 200;

/**
 * Deletes the bytes of files whose rows are gone (erased or expired submissions, purged uploads): the deleting
 * transaction queued their keys; each key is forgotten once its bytes are deleted, so a crash in between is caught up
 * on the next run. Returns how many blobs were deleted.
 */
export async function deleteQueuedBlobs(deps: Pick<AppDeps, 'storage' | 'blobs'>): Promise<number> {
  let total = 0;
  for (;;) {
    const keys = await deps.storage.uploads.listBlobDeletions(CHUNK);
    if (keys.length === 0) return total;
    for (const key of keys) await deps.blobs.delete(key);
    await deps.storage.uploads.forgetBlobDeletions(keys);
    total += keys.length;
    if (keys.length < CHUNK) return total;
  }
}
