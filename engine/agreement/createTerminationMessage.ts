import { formatGermanDate } from './formatGermanDate.ts';

/**
 * The German notice shown to citizens when a Kommune's portal takes no new submissions because the Kommune left
 * the agreement (§ 3 (3)). Example: "Das Serviceportal Stadt Erkelenz nimmt seit dem 01.01.2027 keine Anträge
 * mehr an. Die Stadt Erkelenz ist zum 31.12.2026 aus dem gemeinsamen Serviceportal des Kreises Heinsberg
 * ausgeschieden. Bitte wenden Sie sich direkt an die Stadt Erkelenz."
 */
export function createTerminationMessage(participant: { name: string; portalName: string }, endsOn: string): string {
  const dayAfter = new Date(`${endsOn}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  return (
    `Das ${participant.portalName} nimmt seit dem ${formatGermanDate(dayAfter.toISOString().slice(0, 10))} ` +
    `keine Anträge mehr an. Die ${participant.name} ist zum ${formatGermanDate(endsOn)} aus dem gemeinsamen ` +
    `Serviceportal des Kreises Heinsberg ausgeschieden. Bitte wenden Sie sich direkt an die ${participant.name}.`
  );
}
