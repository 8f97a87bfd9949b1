import { PAINTED_MESSAGE } from './paintedMessage.ts';

/** What both benchmark pages expose to the runner. */
export interface BenchState {
  /** performance.now() once the form is painted. */
  firstPaint?: number;
  /** performance.now() when onSubmit ran. */
  submitted?: number;
  /** performance.now() once the review page (answers after a valid submit) is painted; kreisform page only. */
  reviewed?: number;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

// Guarded: the kreisform page's App (KernBenchApp, which imports the marks) is also rendered in Node by the runner.
if (typeof window !== 'undefined') window.__bench = {};

type BenchDefinition = { schema: Record<string, unknown>; uiSchema: Record<string, unknown> };

/**
 * The field count of this run (?fields=N) and its definition: from the page's JSON data block when the page came
 * with one (the kreisform page, like the portal's form route), else fetched from next to the page.
 */
export async function loadBenchDefinition(fromPage?: () => unknown): Promise<BenchDefinition & { fields: number }> {
  const fields = Number(new URLSearchParams(window.location.search).get('fields') ?? '1000');
  const embedded = fromPage?.() as BenchDefinition | undefined;
  if (embedded) return { ...embedded, fields };
  const response = await fetch(`/definition-${fields}.json`);
  return { ...((await response.json()) as { schema: Record<string, unknown>; uiSchema: Record<string, unknown> }), fields };
}

/**
 * Marks the first paint after the form's first commit (next frame, then after that frame's work) and tells the
 * runner by a console message: the runner waits for that message instead of polling with page.waitForFunction,
 * whose injected script (compiled on the page's main thread, 50–90 ms) would otherwise run between the first
 * frame and this mark on either page.
 */
export function markPainted(): void {
  if (window.__bench.firstPaint !== undefined) return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (window.__bench.firstPaint !== undefined) return;
      window.__bench.firstPaint = performance.now();
      console.debug(PAINTED_MESSAGE);
    };
    channel.port2.postMessage(null);
  });
}

export function markSubmitted(): void {
  window.__bench.submitted = performance.now();
}

/** Marks the review page painted (next frame after its commit, then after that frame's work). */
export function markReviewed(): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__bench.reviewed ??= performance.now();
    };
    channel.port2.postMessage(null);
  });
}
