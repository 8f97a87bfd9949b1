import { createXBezahldiensteProvider } from '../../payments/createXBezahldiensteProvider.ts';
import type { PaymentProvider } from '../../payments/PaymentProvider.ts';
import type { ProviderKind } from '../../storage/PaymentRepository.ts';

const providers: Record<ProviderKind, PaymentProvider> = { xbezahldienste: createXBezahldiensteProvider() };

/** The adapter for a provider kind (one adapter per kind; participants differ only in their settings). */
export function getPaymentProvider(kind: ProviderKind): PaymentProvider {
  return providers[kind];
}
