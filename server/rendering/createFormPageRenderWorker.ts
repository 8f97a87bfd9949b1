import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FormPageRenderInput, FormPageRenderReply, FormPageRenderRequest } from '../../contract/formPagePrerender.ts';

/** Renders form pages in a worker thread that runs the renderer's server-side entry. */
export interface FormPageRenderWorker {
  /** The app's HTML for a form page; rejects when the render fails, times out or the worker dies. */
  render(input: FormPageRenderInput): Promise<string>;
  /** Ends the worker; renders still waiting are rejected. */
  close(): Promise<void>;
}

export interface FormPageRenderWorkerOptions {
  /** A render taking longer ends the worker (a fresh one takes the next render). */
  timeoutMs?: number;
  /** The worker ends after this long without a render: its memory goes back, a later render starts a new one. */
  idleMs?: number;
  /** Heap limit of the worker; a render beyond it ends the worker, never the server. */
  maxHeapMb?: number;
}

interface Waiting {
  resolve: (html: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A worker thread for the renderer's server-side entry (`entry`, see RenderFormPage), started on the first render
 * and ended when idle. Rendering off the main thread keeps the server answering while a page renders, and keeps
 * the render's memory out of the server's heap once the worker has ended.
 */
export function createFormPageRenderWorker(entry: string, options: FormPageRenderWorkerOptions = {}): FormPageRenderWorker {
  const { timeoutMs = 15_000, idleMs = 60_000, maxHeapMb = 64 } = options;
  const waiting = new Map<number, Waiting>();
  let worker: Worker | undefined;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const rejectAll = (error: Error) => {
    for (const waiter of waiting.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    waiting.clear();
  };
  const stop = (error: Error): Promise<unknown> => {
    clearTimeout(idleTimer);
    const ending = worker;
    worker = undefined;
    rejectAll(error);
    return ending ? ending.terminate() : Promise.resolve();
  };
  const start = (): Worker => {
    const started = new Worker(pathToFileURL(entry), { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 8 } });
    // An idle worker never keeps the process alive.
    started.unref();
    started.on('message', (reply: FormPageRenderReply) => {
      const waiter = waiting.get(reply.id);
      if (!waiter) return;
      waiting.delete(reply.id);
      clearTimeout(waiter.timer);
      if ('html' in reply) waiter.resolve(reply.html);
      else waiter.reject(new Error(reply.error));
      if (waiting.size === 0) {
        idleTimer = setTimeout(() => void stop(new Error('form page render worker ended (idle)')), idleMs);
        idleTimer.unref();
      }
    });
    started.on('error', (error) => {
      if (worker === started) void stop(error);
    });
    started.on('exit', (code) => {
      if (worker === started) void stop(new Error(`form page render worker exited with code ${code}`));
    });
    return started;
  };

  return {
    render(input) {
      clearTimeout(idleTimer);
      worker ??= start();
      const id = nextId++;
      const request: FormPageRenderRequest = { id, input };
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => void stop(new Error(`form page render took longer than ${timeoutMs} ms`)), timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        worker!.postMessage(request);
      });
    },
    async close() {
      await stop(new Error('form page render worker closed'));
    },
  };
}
