import type { Request } from 'express';
import { createHttpError } from '../errors.ts';
import { isCostYear, parseYear } from '../usecases/isCostYear.ts';

/** The `year` query parameter of a report: a four-digit year from 2000 to 2100, else 400 INVALID_QUERY. */
export function readYearQuery(req: Request): number {
  const year = parseYear(req.query.year);
  if (!isCostYear(year)) throw createHttpError('INVALID_QUERY', [{ pointer: '/year', message: 'year must be a four-digit year from 2000 to 2100' }]);
  return year;
}
