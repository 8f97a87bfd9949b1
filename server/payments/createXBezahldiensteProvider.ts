import type { ProviderConfig } from '../storage/PaymentRepository.ts';
import {
  ProviderRefusedError,
  ProviderUnavailableError,
  type InitiatedPayment,
  type PaymentInitiation,
  type PaymentProvider,
  type ProviderPaymentState,
  type ProviderStatus,
} from './PaymentProvider.ts';

const STATUSES: readonly ProviderStatus[] = ['INITIAL', 'PAYED', 'FAILED', 'CANCELED', 'TIMEOUT'];
const TIMEOUT_MS = 10_000;

/**
 * Adapter for the FIT standard XBezahldienste (API 1.0.0, docs.fitko.de/xbezahldienste):
 * 1. OAuth2 client credentials: POST {base}/auth/token (Basic client id/secret) → access_token (as pmPayment and
 *    GiroCheckout implement it; the standard leaves authentication to the operator);
 * 2. POST {base}/paymenttransaction/{originatorId}/{endPointId} with a PaymentRequest (requestId, requestTimestamp,
 *    currency EUR, grosAmount = sum of items, purpose, description, redirectUrl, items) → PaymentTransaction with
 *    paymentInformation.transactionId and transactionRedirectUrl (the paypage);
 * 3. after the citizen returns to redirectUrl: GET {base}/paymenttransaction/{originatorId}/{endPointId}/{transactionId}
 *    → paymentInformation.status INITIAL | PAYED | FAILED | CANCELED. The return itself carries no status: only the
 *    status query counts.
 * Amounts travel as euros with two decimals; inside kreisform they are integer cents.
 */
export function createXBezahldiensteProvider(fetchImpl: typeof fetch = fetch): PaymentProvider {
  const tokens = new Map<string, { token: string; expiresAt: number }>();

  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch (error) {
      throw new ProviderUnavailableError(`payment provider unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function readProblem(response: Response): Promise<never> {
    if (response.status >= 500) throw new ProviderUnavailableError(`payment provider answered ${response.status}`);
    let code: string | undefined;
    try {
      const body = (await response.json()) as { errorCode?: unknown };
      if (typeof body.errorCode === 'string') code = body.errorCode;
    } catch {
      code = undefined;
    }
    throw new ProviderRefusedError(`payment provider refused with ${response.status}${code ? ` ${code}` : ''}`, code);
  }

  async function getToken(config: ProviderConfig): Promise<string> {
    const key = `${config.baseUrl}|${config.clientId}|${config.clientSecret}`;
    const cached = tokens.get(key);
    if (cached && cached.expiresAt > Date.now() + 5_000) return cached.token;
    const response = await call(`${trimSlash(config.baseUrl)}/auth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    if (!response.ok) return readProblem(response);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new ProviderUnavailableError('payment provider sent no access token');
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
    tokens.set(key, { token: body.access_token, expiresAt: Date.now() + seconds * 1000 });
    return body.access_token;
  }

  function transactionsUrl(config: ProviderConfig): string {
    return `${trimSlash(config.baseUrl)}/paymenttransaction/${encodeURIComponent(config.originatorId)}/${encodeURIComponent(config.endPointId)}`;
  }

  return {
    supportsRefund: false,

    async initiate(config: ProviderConfig, request: PaymentInitiation): Promise<InitiatedPayment> {
      const token = await getToken(config);
      const body = {
        requestId: request.requestId,
        requestTimestamp: request.requestTimestamp,
        currency: 'EUR',
        grosAmount: toEuros(request.amountCents),
        purpose: request.purpose,
        description: request.description,
        redirectUrl: request.redirectUrl,
        items: request.items.map((item) => ({
          id: item.id,
          description: item.description,
          quantity: item.quantity,
          taxRate: 0,
          singleNetAmount: toEuros(item.singleAmountCents),
          singleTaxAmount: 0,
          totalNetAmount: toEuros(item.singleAmountCents * item.quantity),
          totalTaxAmount: 0,
        })),
      };
      const response = await call(transactionsUrl(config), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) return readProblem(response);
      const answer = (await response.json()) as { paymentInformation?: { transactionId?: unknown; transactionRedirectUrl?: unknown; status?: unknown } };
      const info = answer.paymentInformation;
      if (!info || typeof info.transactionId !== 'string' || typeof info.transactionRedirectUrl !== 'string' || info.status !== 'INITIAL') {
        throw new ProviderUnavailableError('payment provider sent an incomplete PaymentTransaction');
      }
      return { transactionId: info.transactionId, paypageUrl: info.transactionRedirectUrl };
    },

    async queryStatus(config: ProviderConfig, transactionId: string): Promise<ProviderPaymentState> {
      const token = await getToken(config);
      const response = await call(`${transactionsUrl(config)}/${encodeURIComponent(transactionId)}`, {
        method: 'GET',
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      });
      if (!response.ok) return readProblem(response);
      const answer = (await response.json()) as {
        paymentRequest?: { requestId?: unknown; grosAmount?: unknown };
        paymentInformation?: Record<string, unknown>;
      };
      const info = answer.paymentInformation ?? {};
      const status = STATUSES.find((candidate) => candidate === info.status);
      if (!status || info.transactionId !== transactionId) throw new ProviderUnavailableError('payment provider sent an unknown status');
      return {
        transactionId,
        status,
        requestId: typeof answer.paymentRequest?.requestId === 'string' ? answer.paymentRequest.requestId : undefined,
        amountCents: typeof answer.paymentRequest?.grosAmount === 'number' ? Math.round(answer.paymentRequest.grosAmount * 100) : undefined,
        transactionReference: typeof info.transactionReference === 'string' ? info.transactionReference : undefined,
        transactionTimestamp: typeof info.transactionTimestamp === 'string' ? info.transactionTimestamp : undefined,
        paymentMethod: typeof info.paymentMethod === 'string' ? info.paymentMethod : undefined,
      };
    },
  };
}

function toEuros(cents: number): number {
  return cents / 100;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
