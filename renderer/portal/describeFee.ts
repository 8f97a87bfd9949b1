import { formatEuro } from '../../engine/payments/formatEuro.ts';
import type { FeeInfo } from './portalApi.ts';

/** The participant's fee in German for the service page, e.g. '30,50 €' or '10,00 € zuzüglich 5,00 € je Fahrzeug'. */
export function describeFee(fee: FeeInfo): string {
  const base = formatEuro(fee.baseCents ?? 0);
  const payment = fee.online ? ' (online zu bezahlen)' : '';
  if (fee.basis === 'perItem') return `${base} zuzüglich ${formatEuro(fee.unitCents ?? 0)} ${fee.label ?? 'je Einheit'}${payment}`;
  if (fee.basis === 'byOption') {
    const options = Object.entries(fee.optionCents ?? {}).map(([option, cents]) => `${option}: ${formatEuro(cents)}`);
    return `${base}${options.length > 0 ? ` zuzüglich je nach Auswahl (${options.join(', ')})` : ''}${payment}`;
  }
  return `${base}${payment}`;
}
