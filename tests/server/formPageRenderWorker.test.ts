import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormPageRenderInput } from '../../contract/formPagePrerender.ts';
import { createFormPageRenderWorker } from '../../server/rendering/createFormPageRenderWorker.ts';

// A stand-in for the renderer's server-side entry, speaking the same protocol: it answers with its thread id and the
// pathname, never answers for /hang, fails for /fail and runs out of memory for /oom.
const ENTRY = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, input }) => {
  if (input.pathname === '/hang') return;
  if (input.pathname === '/fail') return parentPort.postMessage({ id, error: 'render broke' });
  if (input.pathname === '/oom') { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(hoard.length)); }
  parentPort.postMessage({ id, html: threadId + ':' + input.pathname });
});
`;

let dir: string;
let entry: string;

const input = (pathname: string) => ({ pathname, definition: {}, validatorModuleSource: '' }) as unknown as FormPageRenderInput;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kreisform-render-worker-'));
  entry = join(dir, 'entry.mjs');
  await writeFile(entry, ENTRY);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createFormPageRenderWorker', () => {
  it('When pages are rendered one after another and at once, then each gets its own answer from one worker', async () => {
    const worker = createFormPageRenderWorker(entry);
    try {
      const [a, b] = await Promise.all([worker.render(input('/a')), worker.render(input('/b'))]);
      const c = await worker.render(input('/c'));
      expect([a, b, c].map((html) => html.split(':')[1])).toEqual(['/a', '/b', '/c']);
      expect(new Set([a, b, c].map((html) => html.split(':')[0])).size).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('When a render fails, then it is rejected with the reason and the worker renders on', async () => {
    const worker = createFormPageRenderWorker(entry);
    try {
      await expect(worker.render(input('/fail'))).rejects.toThrow('render broke');
      expect(await worker.render(input('/a'))).toMatch(/:\/a$/);
    } finally {
      await worker.close();
    }
  });

  it('When a render hangs, then it is rejected after the time limit and a fresh worker takes the next render', async () => {
    const worker = createFormPageRenderWorker(entry, { timeoutMs: 300 });
    try {
      const before = await worker.render(input('/a'));
      await expect(worker.render(input('/hang'))).rejects.toThrow(/longer than 300 ms/);
      const after = await worker.render(input('/a'));
      expect(after.split(':')[0]).not.toBe(before.split(':')[0]);
    } finally {
      await worker.close();
    }
  });

  it('When a render runs out of memory, then only the worker ends and the next render gets a fresh one', async () => {
    const worker = createFormPageRenderWorker(entry, { maxHeapMb: 32 });
    try {
      await expect(worker.render(input('/oom'))).rejects.toThrow();
      expect(await worker.render(input('/a'))).toMatch(/:\/a$/);
    } finally {
      await worker.close();
    }
  });

  it('When the worker has been idle, then it has ended and a later render starts a new one', async () => {
    const worker = createFormPageRenderWorker(entry, { idleMs: 100 });
    try {
      const first = await worker.render(input('/a'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      const second = await worker.render(input('/a'));
      expect(second.split(':')[0]).not.toBe(first.split(':')[0]);
    } finally {
      await worker.close();
    }
  });

  it('When the worker is closed, then renders still waiting are rejected', async () => {
    const worker = createFormPageRenderWorker(entry);
    const waiting = expect(worker.render(input('/hang'))).rejects.toThrow('closed');
    await worker.close();
    await waiting;
  });
});
