import type { Request } from 'express';

/** A path parameter as a string (Express types widen params when handlers are spread); '' when absent. */
export function getPathParam(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
