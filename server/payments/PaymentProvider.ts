import type { ProviderConfig } from '../storage/PaymentRepository.ts';

/** XBezahldienste's transaction states (PaymentInformation.status). */
export type ProviderStatus = 'INITIAL' | 'PAYED' | 'FAILED' | 'CANCELED' | 'TIMEOUT';

/** What the online service asks the provider to collect. Amounts in integer cents. */
export interface PaymentInitiation {
  /** Our id for the request (XBezahldienste requestId, ≤ 36 characters of [A-Za-z0-9_-]). */
  requestId: string;
  requestTimestamp: string;
  amountCents: number;
  /** Booking text (≤ 27 characters). */
  purpose: string;
  /** Shown on the paypage (≤ 250 characters). */
  description: string;
  /** Where the provider sends the citizen back (success or cancel); the status is then queried. */
  redirectUrl: string;
  items: { id: string; description: string; quantity: number; singleAmountCents: number }[];
}

export interface InitiatedPayment {
  transactionId: string;
  /** The paypage to send the citizen to. */
  paypageUrl: string;
}

/** The provider's answer to a status query. */
export interface ProviderPaymentState {
  transactionId: string;
  status: ProviderStatus;
  /** The requestId the transaction was created with (checked against ours). */
  requestId: string | undefined;
  amountCents: number | undefined;
  transactionReference: string | undefined;
  transactionTimestamp: string | undefined;
  paymentMethod: string | undefined;
}

/** One payment provider (adapter). Errors: ProviderUnavailableError (down, timeout, 5xx), ProviderRefusedError (4xx). */
export interface PaymentProvider {
  initiate(config: ProviderConfig, request: PaymentInitiation): Promise<InitiatedPayment>;
  queryStatus(config: ProviderConfig, transactionId: string): Promise<ProviderPaymentState>;
  /** Whether the provider's interface has a refund message (XBezahldienste 1.0 has none). */
  readonly supportsRefund: boolean;
}

/** The provider cannot be reached or failed (network error, timeout, 5xx). */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
}

/** The provider refused the request (4xx), e.g. a validation or authorisation problem. */
export class ProviderRefusedError extends Error {
  override readonly name = 'ProviderRefusedError';
  constructor(
    message: string,
    readonly errorCode: string | undefined,
  ) {
    super(message);
  }
}
