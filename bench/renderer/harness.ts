/** What both benchmark pages expose to the runner. */
export interface BenchState {
  /** performance.now() once the form is painted. */
  firstPaint?: number;
  /** performance.now() when onSubmit ran. */
  submitted?: number;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

window.__bench = {};

/** The field count of this run (?fields=N) and its definition (served next to the page). */
export async function loadBenchDefinition(): Promise<{ schema: Record<string, unknown>; uiSchema: Record<string, unknown>; fields: number }> {
  const fields = Number(new URLSearchParams(window.location.search).get('fields') ?? '1000');
  const response = await fetch(`/definition-${fields}.json`);
  return { ...((await response.json()) as { schema: Record<string, unknown>; uiSchema: Record<string, unknown> }), fields };
}

/** Marks the first paint after the form's first commit (next frame, then after that frame's work). */
export function markPainted(): void {
  if (window.__bench.firstPaint !== undefined) return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__bench.firstPaint ??= performance.now();
    };
    channel.port2.postMessage(null);
  });
}

export function markSubmitted(): void {
  window.__bench.submitted = performance.now();
}
