/** The agreement rules (Vereinbarung §§ 2, 3): pure functions for the server, the CLI and the staff apps. */
export type {
  AgreementEnablement,
  AgreementParticipant,
  PopulationFigure,
  ServiceLead,
  TerminationNotice,
} from './types.ts';
export { addMonths } from './addMonths.ts';
export {
  allocateCosts,
  type AllocateCostsInput,
  type CostAllocation,
  type CostShare,
  type MissingPopulation,
  type ParticipationEntry,
} from './allocateCosts.ts';
export {
  buildParticipationMatrix,
  type MatrixService,
  type ParticipationCell,
  type ParticipationMatrix,
} from './buildParticipationMatrix.ts';
export { computeTerminationEnd, NOTICE_PERIOD_MONTHS } from './computeTerminationEnd.ts';
export { createTerminationMessage } from './createTerminationMessage.ts';
export { formatCostsCsv, COSTS_CSV_HEADER } from './formatCostsCsv.ts';
export { formatCsv } from './formatCsv.ts';
export { formatGermanDate } from './formatGermanDate.ts';
export { getDaysInMonth } from './getDaysInMonth.ts';
export { getReferenceDate } from './getReferenceDate.ts';
export { isAcceptingSubmissions } from './isAcceptingSubmissions.ts';
export { isMemberInYear } from './isMemberInYear.ts';
export { isParticipatingInYear } from './isParticipatingInYear.ts';
export {
  parsePopulationImport,
  type PopulationImportOptions,
  type PopulationImportProblem,
  type PopulationImportResult,
} from './parsePopulationImport.ts';
export { splitLargestRemainder, type SplitClaim } from './splitLargestRemainder.ts';
