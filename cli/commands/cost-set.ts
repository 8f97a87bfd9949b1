import { setServiceCost } from '../../server/usecases/setServiceCost.ts';
import { parseFlags } from '../agreement/parseFlags.ts';
import { withStorage } from '../agreement/withStorage.ts';

export const summary = "Enter a service's costs for a year in cents: --service ID --year YYYY --cents N";

/** Sets (or corrects) the costs of a published service for a year, audited as actor 'cli'. */
export async function run(args: string[]): Promise<number> {
  const flags = parseFlags(args, ['service', 'year', 'cents']);
  if (typeof flags === 'string' || !flags.service || !flags.year || !flags.cents) {
    console.error(`cost-set: ${typeof flags === 'string' ? flags : '--service, --year and --cents are required'}\nUsage: npm run forms -- cost-set --service hundesteuer-anmeldung --year 2025 --cents 1250000`);
    return 2;
  }
  const toNumber = (value: string): number => (/^\d+$/.test(value) ? Number(value) : Number.NaN);
  return withStorage('cost-set', async (storage) => {
    const cost = await setServiceCost(
      storage,
      { service: flags.service as string, year: toNumber(flags.year as string), amountCents: toNumber(flags.cents as string) },
      'cli',
      new Date(),
    );
    console.log(`Set the costs of ${cost.service} for ${cost.year} to ${cost.amountCents} cents.`);
    return 0;
  });
}
