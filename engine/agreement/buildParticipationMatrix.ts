import type { AgreementEnablement, AgreementParticipant, ServiceLead, TerminationNotice } from './types.ts';

/** A service row's input: its id, title and lead (from its latest published definition). */
export interface MatrixService {
  service: string;
  title: string;
  lead: ServiceLead;
}

export interface ParticipationCell {
  tenant: string;
  /** The service is enabled for this participant. */
  offered: boolean;
  agreedOn: string | null;
}

export interface ParticipationMatrix {
  /** The columns, in register order. */
  participants: { tenant: string; name: string; kind: 'kreis' | 'kommune'; key: string; endsOn: string | null }[];
  /** The rows, by service id; `cells` in the order of `participants`. */
  services: {
    service: string;
    title: string;
    lead: ServiceLead;
    /** Number of Kommunen offering it (the Kreis is not counted). */
    kommunenCount: number;
    /** All ten Kommunen offer it: costs go through the Kreisumlage (§ 2 (1)), no split. */
    offeredByAllKommunen: boolean;
    cells: ParticipationCell[];
  }[];
}

/** Builds the services x participants matrix with each service's lead and each participant's end date. */
export function buildParticipationMatrix(input: {
  services: readonly MatrixService[];
  participants: readonly AgreementParticipant[];
  enablements: readonly AgreementEnablement[];
  terminations: readonly TerminationNotice[];
}): ParticipationMatrix {
  const endsOn = new Map(input.terminations.map((notice) => [notice.tenant, notice.endsOn]));
  const enablement = new Map(input.enablements.map((entry) => [`${entry.service}|${entry.tenant}`, entry]));
  const kommunen = input.participants.filter((participant) => participant.kind === 'kommune');
  return {
    participants: input.participants.map((participant) => ({
      tenant: participant.slug,
      name: participant.name,
      kind: participant.kind,
      key: participant.key,
      endsOn: endsOn.get(participant.slug) ?? null,
    })),
    services: [...input.services]
      .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0))
      .map(({ service, title, lead }) => {
        const cells = input.participants.map((participant) => {
          const entry = enablement.get(`${service}|${participant.slug}`);
          return { tenant: participant.slug, offered: entry?.enabled === true, agreedOn: entry?.agreedOn ?? null };
        });
        const kommunenCount = kommunen.filter((kommune) =>
          cells.some((cell) => cell.tenant === kommune.slug && cell.offered),
        ).length;
        return {
          service,
          title,
          lead,
          kommunenCount,
          offeredByAllKommunen: kommunen.length > 0 && kommunenCount === kommunen.length,
          cells,
        };
      }),
  };
}
