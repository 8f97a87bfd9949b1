/** Shared data shapes of the agreement rules (Vereinbarung §§ 2 and 3). Types only. */

/** One population figure: a municipality's population on a reference date, with its source. */
export interface PopulationFigure {
  /** Reference date (Stichtag), `YYYY-MM-DD`. § 2 (2) uses 30 June figures. */
  referenceDate: string;
  /** Amtlicher Gemeindeschlüssel of the Kommune, e.g. '05370004' (Erkelenz). */
  municipalityKey: string;
  population: number;
  /** Where the figure comes from, shown beside every figure used in a split. */
  source: string;
  /** True for the official IT.NRW figure (amtlich festgestellt); false for census or demo figures. */
  official: boolean;
}

/** The lead of a service as recorded in its definition. */
export type ServiceLead = { kind: 'kreis' } | { kind: 'kommunen'; participants: string[] };

/** A participant's enablement of a service, as far as the agreement rules need it. */
export interface AgreementEnablement {
  tenant: string;
  service: string;
  enabled: boolean;
  /** The day the implementation was agreed for this participant, `YYYY-MM-DD`. */
  agreedOn: string;
}

/** A participant of the agreement (subset of engine/participants.ts `Participant`). */
export interface AgreementParticipant {
  slug: string;
  /** Amtlicher Gemeindeschlüssel. */
  key: string;
  name: string;
  kind: 'kreis' | 'kommune';
}

/** A recorded termination notice (§ 3 (3)) and the end date that follows from it. */
export interface TerminationNotice {
  tenant: string;
  noticeDate: string;
  endsOn: string;
}
