import { getCostReport } from '../../server/usecases/getCostReport.ts';
import { toCostsCsv } from '../../server/usecases/getCostsCsv.ts';
import { isCostYear, parseYear } from '../../server/usecases/isCostYear.ts';
import { parseFlags } from '../agreement/parseFlags.ts';
import { withStorage } from '../agreement/withStorage.ts';

export const summary = 'Print the cost allocation of a year as CSV (§ 2 (2)): --year YYYY';

/**
 * Prints one CSV row per share (service, participant, municipality key, population, reference date, source,
 * official, share and cost in cents) to stdout; notes about missing costs and non-official figures go to stderr.
 * Exit 1 when population figures are missing (the message names the reference date), 2 on bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const flags = parseFlags(args, ['year']);
  const year = typeof flags === 'string' ? Number.NaN : parseYear(flags.year);
  if (typeof flags === 'string' || !isCostYear(year)) {
    console.error(`costs: ${typeof flags === 'string' ? flags : '--year must be a year from 2000 to 2100'}\nUsage: npm run forms -- costs --year 2025`);
    return 2;
  }
  return withStorage('costs', async (storage) => {
    const report = await getCostReport(storage, year);
    process.stdout.write(toCostsCsv(report));
    for (const allocation of report.services) {
      if (allocation.kind === 'cost-missing') {
        console.error(`costs: no cost entered for ${allocation.service} in ${year}; set it with npm run forms -- cost-set --service ${allocation.service} --year ${year} --cents N`);
      }
    }
    if (report.provisional) console.error('costs: some figures are not official (amtlich: false); the split is provisional.');
    return 0;
  });
}
