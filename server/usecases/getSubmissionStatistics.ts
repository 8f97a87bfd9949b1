import { formatCsv } from '../../engine/agreement/formatCsv.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStartOfDayInGermany } from '../domain/getStartOfDayInGermany.ts';
import { createHttpError } from '../errors.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { KREIS_TENANT } from './assertKreisEditor.ts';

/** The submission statuses in workflow order (the columns of every statistic). */
export const STATISTIC_STATUSES = ['eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt'] as const;
export type StatisticStatus = (typeof STATISTIC_STATUSES)[number];

/** Submissions of one service in one German calendar month, by current status, with each status' share (0..1). */
export interface StatisticsRow {
  service: string;
  /** YYYY-MM in German time. */
  month: string;
  total: number;
  counts: Record<StatisticStatus, number>;
  shares: Record<StatisticStatus, number>;
}

export interface SubmissionStatistics {
  /** The participant counted, or null for the whole Kreis (all participants). */
  tenant: string | null;
  from: string;
  to: string;
  statuses: readonly StatisticStatus[];
  rows: StatisticsRow[];
}

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;
const GERMAN_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' });

function currentGermanMonth(now: Date): string {
  return GERMAN_MONTH.format(now).slice(0, 7);
}

function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function readMonth(value: unknown, name: string, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !MONTH.test(value)) throw createHttpError('INVALID_QUERY', [{ pointer: `/${name}`, message: 'Monat als JJJJ-MM.' }]);
  return value;
}

/**
 * Submissions per service and German calendar month with status shares (issue 14). A participant's admin sees
 * its own participant; a Kreis admin sees the whole Kreis or (query `tenant`) one participant. Another
 * participant asked for by a Kommune's admin answers 404 like an unknown one. Counts only, never data; only
 * submissions still stored (retention erases older ones) are counted. Default range: the last 12 months.
 */
export async function getSubmissionStatistics(deps: AppDeps, admin: StaffUser, query: Record<string, unknown>): Promise<SubmissionStatistics> {
  const to = readMonth(query.to, 'to', currentGermanMonth(deps.now()));
  const from = readMonth(query.from, 'from', addMonths(to, -11));
  if (from > to || addMonths(from, 120) <= to) {
    throw createHttpError('INVALID_QUERY', [{ pointer: '/from', message: 'Der Zeitraum muss 1 bis 120 Monate umfassen.' }]);
  }
  let tenant: string | null = admin.tenant === KREIS_TENANT ? null : admin.tenant;
  const asked = query.tenant;
  if (asked !== undefined && asked !== '') {
    if (typeof asked !== 'string' || (admin.tenant !== KREIS_TENANT && asked !== admin.tenant) || !(await deps.storage.participants.get(asked))) {
      throw createHttpError('TENANT_NOT_FOUND');
    }
    tenant = asked;
  }
  const counts = await deps.storage.statistics.countSubmissions({
    ...(tenant !== null ? { tenant } : {}),
    from: getStartOfDayInGermany(`${from}-01`),
    to: getStartOfDayInGermany(`${addMonths(to, 1)}-01`),
  });
  const monthOfHour = new Map<string, string>();
  const rows = new Map<string, StatisticsRow>();
  for (const count of counts) {
    let month = monthOfHour.get(count.hour);
    if (month === undefined) {
      month = GERMAN_MONTH.format(new Date(`${count.hour}:00:00Z`)).slice(0, 7);
      monthOfHour.set(count.hour, month);
    }
    const key = `${count.service}\u0000${month}`;
    let row = rows.get(key);
    if (!row) {
      row = { service: count.service, month, total: 0, counts: zero(), shares: zero() };
      rows.set(key, row);
    }
    if ((STATISTIC_STATUSES as readonly string[]).includes(count.status)) {
      row.counts[count.status as StatisticStatus] += count.count;
      row.total += count.count;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.service.localeCompare(b.service) || a.month.localeCompare(b.month));
  for (const row of sorted) {
    for (const status of STATISTIC_STATUSES) row.shares[status] = row.total === 0 ? 0 : Math.round((row.counts[status] / row.total) * 1000) / 1000;
  }
  return { tenant, from, to, statuses: STATISTIC_STATUSES, rows: sorted };
}

function zero(): Record<StatisticStatus, number> {
  return { eingegangen: 0, in_bearbeitung: 0, abgeschlossen: 0, abgelehnt: 0 };
}

/** The statistics as CSV (one row per service and month: total, then count and share in percent per status). */
export function formatStatisticsCsv(statistics: SubmissionStatistics): string {
  const header = ['service', 'month', 'total', ...STATISTIC_STATUSES.flatMap((status) => [status, `${status}_percent`])];
  return formatCsv(
    header,
    statistics.rows.map((row) => [
      row.service,
      row.month,
      row.total,
      ...STATISTIC_STATUSES.flatMap((status) => [row.counts[status], Math.round(row.shares[status] * 1000) / 10]),
    ]),
  );
}
