import { isIsoDate } from '../../engine/index.ts';
import { getStartOfDayInGermany } from '../domain/getStartOfDayInGermany.ts';
import { SUBMISSION_STATUSES } from '../domain/isAllowedStatusTransition.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { SubmissionFilter, SubmissionStatus } from '../storage/SubmissionRepository.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Reads the submission filters from a query (service, version, status, from and to as German calendar days,
 * both inclusive) for the signed-in tenant; 400 INVALID_QUERY with details for a malformed value. The tenant is
 * always the caller's, never taken from the query.
 */
export function parseSubmissionFilter(tenant: string, query: Record<string, unknown>): SubmissionFilter {
  const problems: ErrorDetail[] = [];
  const filter: SubmissionFilter = { tenant };
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push({ pointer: `/${name}`, message: `${name} must be given once.` });
      return undefined;
    }
    return value;
  };
  const service = text('service');
  if (service !== undefined) {
    if (SLUG.test(service)) filter.service = service;
    else problems.push({ pointer: '/service', message: 'service must be a service id.' });
  }
  const version = text('version');
  if (version !== undefined) {
    if (VERSION.test(version)) filter.version = version;
    else problems.push({ pointer: '/version', message: 'version must be MAJOR.MINOR.PATCH.' });
  }
  const status = text('status');
  if (status !== undefined) {
    if ((SUBMISSION_STATUSES as readonly string[]).includes(status)) filter.status = status as SubmissionStatus;
    else problems.push({ pointer: '/status', message: `status must be one of ${SUBMISSION_STATUSES.join(', ')}.` });
  }
  const from = text('from');
  if (from !== undefined) {
    if (isIsoDate(from)) filter.receivedFrom = getStartOfDayInGermany(from);
    else problems.push({ pointer: '/from', message: 'from must be a date YYYY-MM-DD.' });
  }
  const to = text('to');
  if (to !== undefined) {
    if (isIsoDate(to)) filter.receivedBefore = getStartOfDayInGermany(nextDay(to));
    else problems.push({ pointer: '/to', message: 'to must be a date YYYY-MM-DD.' });
  }
  if (problems.length > 0) throw createHttpError('INVALID_QUERY', problems);
  return filter;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
