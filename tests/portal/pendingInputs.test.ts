import { describe, expect, it } from 'vitest';
import { createPendingInputs } from '../../renderer/shared/kern/PendingInputs.tsx';

describe('createPendingInputs', () => {
  it('When pending values are flushed, then each commit runs once and the registry is empty', () => {
    const pending = createPendingInputs();
    const committed: string[] = [];
    pending.set('a', () => committed.push('a'));
    pending.set('b', () => committed.push('b'));
    pending.set('a', () => committed.push('a2'));
    pending.delete('b');
    pending.flush();
    pending.flush();
    expect(committed).toEqual(['a2']);
  });

  it('When nothing is being read, then whenSettled is undefined', () => {
    expect(createPendingInputs().whenSettled()).toBeUndefined();
  });

  it.each([
    ['succeeds', (release: { resolve: () => void; reject: () => void }) => release.resolve()],
    ['fails', (release: { resolve: () => void; reject: () => void }) => release.reject()],
  ])('When a tracked read %s, then whenSettled resolves only after it and is undefined again', async (_outcome, settle) => {
    const pending = createPendingInputs();
    let release!: { resolve: () => void; reject: () => void };
    pending.track(new Promise<void>((resolve, reject) => (release = { resolve, reject: () => reject(new Error('read failed')) })));
    const settled = pending.whenSettled();
    expect(settled).toBeDefined();
    let done = false;
    void settled!.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    settle(release);
    await settled;
    expect(done).toBe(true);
    expect(pending.whenSettled()).toBeUndefined();
  });
});
