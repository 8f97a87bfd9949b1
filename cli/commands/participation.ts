import { formatCsv } from '../../engine/agreement/index.ts';
import { getParticipationReport } from '../../server/usecases/getParticipationReport.ts';
import { withStorage } from '../agreement/withStorage.ts';

export const summary = 'Print the participation matrix (services x participants, with lead) as CSV';

/**
 * One row per published service: id, title, lead ('kreis' or 'kommunen:<slugs>'), number of Kommunen offering
 * it, then one column per participant holding the agreedOn date where it offers the service. Participants with
 * a termination are listed on stderr.
 */
export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    console.error('participation: takes no arguments\nUsage: npm run forms -- participation');
    return 2;
  }
  return withStorage('participation', async (storage) => {
    const matrix = await getParticipationReport(storage);
    const header = ['service', 'title', 'lead', 'kommunen', ...matrix.participants.map((participant) => participant.tenant)];
    const rows = matrix.services.map((row) => [
      row.service,
      row.title,
      row.lead.kind === 'kreis' ? 'kreis' : `kommunen:${row.lead.participants.join('+')}`,
      row.kommunenCount,
      ...row.cells.map((cell) => (cell.offered ? cell.agreedOn : null)),
    ]);
    process.stdout.write(formatCsv(header, rows));
    for (const participant of matrix.participants) {
      if (participant.endsOn) console.error(`participation: ${participant.tenant} leaves the agreement on ${participant.endsOn}`);
    }
    return 0;
  });
}
