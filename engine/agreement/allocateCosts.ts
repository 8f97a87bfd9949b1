import { getReferenceDate } from './getReferenceDate.ts';
import { isMemberInYear } from './isMemberInYear.ts';
import { isParticipatingInYear } from './isParticipatingInYear.ts';
import { splitLargestRemainder } from './splitLargestRemainder.ts';
import type {
  AgreementEnablement,
  AgreementParticipant,
  PopulationFigure,
  ServiceLead,
  TerminationNotice,
} from './types.ts';

/** Everything the split of one service's costs for one year depends on. */
export interface AllocateCostsInput {
  service: string;
  /** The service's lead from its definition. */
  lead: ServiceLead;
  year: number;
  /** Costs entered for the service and year in integer cents; undefined when none are entered yet. */
  amountCents: number | undefined;
  /** The participant register (engine/participants.ts PARTICIPANTS). */
  participants: readonly AgreementParticipant[];
  /** Enablements of this service (other services' rows are ignored). */
  enablements: readonly AgreementEnablement[];
  terminations: readonly TerminationNotice[];
  /** All stored population figures; only those on the participants' reference dates are used. */
  populationFigures: readonly PopulationFigure[];
}

/** A participant taking part in the service in the year. */
export interface ParticipationEntry {
  tenant: string;
  name: string;
  kind: 'kreis' | 'kommune';
  agreedOn: string;
}

/** One Kommune's share, with the figure it rests on, its reference date and its source. */
export interface CostShare {
  tenant: string;
  name: string;
  municipalityKey: string;
  agreedOn: string;
  referenceDate: string;
  population: number;
  source: string;
  official: boolean;
  shareCents: number;
}

/** A population figure a split needs but the stored tables do not have. */
export interface MissingPopulation {
  referenceDate: string;
  /** Undefined when the whole table for the date is missing. */
  municipalityKey?: string;
  tenant: string;
}

interface AllocationBase {
  service: string;
  year: number;
  amountCents: number | null;
  /** Participants taking part in the year, Kreis included (it never gets a share). */
  participants: ParticipationEntry[];
}

/**
 * The outcome for one service and year:
 * - `split`: § 2 (2), shares of the participating Kommunen summing exactly to `amountCents`;
 *   `provisional` when any figure used is not official.
 * - `kreisumlage`: every Kommune still in the agreement takes part; the Kreis bears the costs (§ 2 (1)).
 * - `kreis-only`: no Kommune takes part; the Kreis bears the costs of its own service (§ 2 (1)).
 * - `kommunen-lead`: introduced by Kommunen (§ 1 (3)); not a Kreis-provided service, nothing to split here.
 * - `cost-missing`: a split is due but no cost is entered for the year.
 * - `population-missing`: a split is due but figures are missing; `message` names the reference dates.
 */
export type CostAllocation = AllocationBase &
  (
    | { kind: 'split'; provisional: boolean; shares: CostShare[] }
    | { kind: 'kreisumlage' | 'kreis-only' | 'kommunen-lead' | 'cost-missing' }
    | { kind: 'population-missing'; missing: MissingPopulation[]; message: string }
  );

/**
 * Splits a Kreis-provided service's costs for one year among the participating Kommunen in proportion to
 * their population (§ 2 (2) of the agreement).
 *
 * Rules as implemented (see README "Agreement rules"):
 * - Participating in `year`: enabled, agreed on or before 31 December of `year`, not ended before 1 January
 *   of `year` (isParticipatingInYear). The Kreis (kind 'kreis') never counts as a participating Kommune.
 * - Weight: each Kommune's own official figure as of 30 June of the year before its own `agreedOn` year
 *   (getReferenceDate); Kommunen that joined in different years are weighed with figures of different dates.
 * - No fallback to another date: a missing table or figure is reported naming the reference date; the Kreis
 *   must import it. Figures not flagged official are used but mark the split `provisional`.
 * - Shares are integer cents by largest remainder, ties to the smaller municipality key; they sum to the total.
 */
export function allocateCosts(input: AllocateCostsInput): CostAllocation {
  const { service, year, lead } = input;
  const endsOnByTenant = new Map(input.terminations.map((notice) => [notice.tenant, notice.endsOn]));
  const participantBySlug = new Map(input.participants.map((participant) => [participant.slug, participant]));

  const participating: { participant: AgreementParticipant; agreedOn: string }[] = [];
  for (const enablement of input.enablements) {
    const participant = participantBySlug.get(enablement.tenant);
    if (enablement.service !== service || !participant) continue;
    if (isParticipatingInYear(enablement, endsOnByTenant.get(enablement.tenant), year)) {
      participating.push({ participant, agreedOn: enablement.agreedOn });
    }
  }
  participating.sort((a, b) => (a.participant.key < b.participant.key ? -1 : 1));

  const base: AllocationBase = {
    service,
    year,
    amountCents: input.amountCents ?? null,
    participants: participating.map(({ participant, agreedOn }) => ({
      tenant: participant.slug,
      name: participant.name,
      kind: participant.kind,
      agreedOn,
    })),
  };
  if (lead.kind !== 'kreis') return { ...base, kind: 'kommunen-lead' };

  const kommunen = participating.filter(({ participant }) => participant.kind === 'kommune');
  if (kommunen.length === 0) return { ...base, kind: 'kreis-only' };
  const members = input.participants.filter(
    (participant) => participant.kind === 'kommune' && isMemberInYear(endsOnByTenant.get(participant.slug), year),
  );
  if (members.every((member) => kommunen.some(({ participant }) => participant.slug === member.slug))) {
    return { ...base, kind: 'kreisumlage' };
  }

  const figureByDateAndKey = new Map(
    input.populationFigures.map((figure) => [`${figure.referenceDate}|${figure.municipalityKey}`, figure]),
  );
  const datesWithTables = new Set(input.populationFigures.map((figure) => figure.referenceDate));
  const missing: MissingPopulation[] = [];
  const weighed: { participant: AgreementParticipant; agreedOn: string; figure: PopulationFigure }[] = [];
  for (const { participant, agreedOn } of kommunen) {
    const referenceDate = getReferenceDate(agreedOn);
    const figure = figureByDateAndKey.get(`${referenceDate}|${participant.key}`);
    if (figure) weighed.push({ participant, agreedOn, figure });
    else if (datesWithTables.has(referenceDate)) {
      missing.push({ referenceDate, municipalityKey: participant.key, tenant: participant.slug });
    } else missing.push({ referenceDate, tenant: participant.slug });
  }
  if (missing.length > 0) return { ...base, kind: 'population-missing', missing, message: describeMissing(missing) };
  if (input.amountCents === undefined) return { ...base, kind: 'cost-missing' };

  const cents = splitLargestRemainder(
    input.amountCents,
    weighed.map(({ participant, figure }) => ({ id: participant.key, weight: figure.population })),
  );
  return {
    ...base,
    kind: 'split',
    provisional: weighed.some(({ figure }) => !figure.official),
    shares: weighed.map(({ participant, agreedOn, figure }, index) => ({
      tenant: participant.slug,
      name: participant.name,
      municipalityKey: participant.key,
      agreedOn,
      referenceDate: figure.referenceDate,
      population: figure.population,
      source: figure.source,
      official: figure.official,
      shareCents: cents[index] ?? 0,
    })),
  };
}

function describeMissing(missing: readonly MissingPopulation[]): string {
  const tables = [...new Set(missing.filter((entry) => !entry.municipalityKey).map((entry) => entry.referenceDate))];
  const figures = missing.filter((entry) => entry.municipalityKey);
  const parts: string[] = [];
  if (tables.length > 0) {
    parts.push(`no population table for reference date ${tables.sort().join(', ')} (import the IT.NRW figures as of that date)`);
  }
  for (const entry of figures) {
    parts.push(`population table ${entry.referenceDate} has no figure for municipality key ${entry.municipalityKey} (${entry.tenant})`);
  }
  return `Cannot split the costs: ${parts.join('; ')}.`;
}
