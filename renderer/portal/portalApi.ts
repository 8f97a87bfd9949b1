import type {
  FeeInfo,
  LegalPagesView,
  OfferedService,
  ParticipantStatus,
  PaymentState,
  PublicStatus,
  ResumedDraft,
  SavedDraft,
  ServedDefinition,
  StartedPayment,
  SubmissionReceipt,
  UploadReceipt,
} from '../../contract/portalApi.ts';

/** One service in a participant's catalogue (GET /api/v1/tenants/{tenant}/services). */
export type CatalogueEntry = OfferedService;

export type { LegalPagesView, ServedDefinition, SubmissionReceipt, PublicStatus, UploadReceipt };
export type { FeeInfo, PaymentState, StartedPayment };
export type DraftSaved = SavedDraft;

/** An answer of the API that is not 2xx: status, stable code and the details (German messages). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: { pointer: string; message: string }[],
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: { method: string; body: unknown; headers?: Record<string, string> }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init ? { 'content-type': 'application/json', ...init.headers } : { accept: 'application/json' },
      body: init ? JSON.stringify(init.body) : undefined,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', []);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; errors?: { pointer: string; message: string }[] };
    throw new ApiError(response.status, body.code ?? 'UNKNOWN', body.errors ?? []);
  }
  return (await response.json()) as T;
}

const base = '/api/v1/tenants';
const seg = encodeURIComponent;

export const portalApi = {
  listServices: (tenant: string) => request<{ items: CatalogueEntry[] } & ParticipantStatus>(`${base}/${seg(tenant)}/services`),
  getLegalPages: (tenant: string) => request<LegalPagesView>(`${base}/${seg(tenant)}/legal-pages`),
  getService: (tenant: string, service: string) => request<ServedDefinition>(`${base}/${seg(tenant)}/services/${seg(service)}`),
  submit: (tenant: string, service: string, data: unknown, idempotencyKey: string) =>
    request<SubmissionReceipt>(`${base}/${seg(tenant)}/services/${seg(service)}/submissions`, {
      method: 'POST',
      body: data,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  saveDraft: (tenant: string, service: string, data: unknown) =>
    request<DraftSaved>(`${base}/${seg(tenant)}/services/${seg(service)}/drafts`, { method: 'POST', body: { data } }),
  resumeDraft: (tenant: string, code: string) =>
    request<ResumedDraft>(`${base}/${seg(tenant)}/drafts/resume`, { method: 'POST', body: { code } }),
  getFee: (tenant: string, service: string) => request<FeeInfo>(`${base}/${seg(tenant)}/services/${seg(service)}/fee`),
  startPayment: (tenant: string, service: string, data: unknown) =>
    request<StartedPayment>(`${base}/${seg(tenant)}/services/${seg(service)}/payments`, { method: 'POST', body: data }),
  getPayment: async (paymentId: string, token: string): Promise<PaymentState> => {
    let response: Response;
    try {
      response = await fetch(`/api/v1/payments/${seg(paymentId)}`, { headers: { accept: 'application/json', 'x-payment-token': token }, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK', []);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      throw new ApiError(response.status, body.code ?? 'UNKNOWN', []);
    }
    return (await response.json()) as PaymentState;
  },
  sendFeedback: (tenant: string, feedback: { page: string; message: string; email?: string }) =>
    request<{ id: string }>(`${base}/${seg(tenant)}/accessibility-feedback`, { method: 'POST', body: feedback }),
  lookupStatus: (tenant: string, reference: string, code: string) =>
    request<PublicStatus>(`${base}/${seg(tenant)}/status`, { method: 'POST', body: { reference, code } }),
  /** The application PDF as a Blob (reference and code travel in the body, never in a URL). */
  async downloadPdf(tenant: string, reference: string, code: string): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(`${base}/${seg(tenant)}/status/pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference, code }),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', []);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: string; errors?: { pointer: string; message: string }[] };
      throw new ApiError(response.status, body.code ?? 'UNKNOWN', body.errors ?? []);
    }
    return response.blob();
  },
  /** Uploads one file for a file field, streamed, with progress (XMLHttpRequest: fetch reports no upload progress). */
  uploadFile: (tenant: string, service: string, field: string, file: File, onProgress: (fraction: number) => void) =>
    new Promise<UploadReceipt>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base}/${seg(tenant)}/services/${seg(service)}/uploads?field=${encodeURIComponent(field)}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        let body: { code?: string; errors?: { pointer: string; message: string }[] } & Partial<UploadReceipt> = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          // not JSON: handled below by the status
        }
        if (xhr.status === 201) resolve(body as UploadReceipt);
        else reject(new ApiError(xhr.status, body.code ?? 'UNKNOWN', body.errors ?? []));
      };
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', []));
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    }),
};

/** German text for an API failure the page cannot handle otherwise. */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.';
    if (error.status === 429) return 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.';
    if (error.status === 410) return 'Dieses Serviceportal nimmt keine neuen Anträge mehr an.';
    if (error.status === 404) return 'Die angefragte Seite oder Leistung gibt es nicht.';
    if (error.status === 413) return 'Ihre Angaben sind zu umfangreich, um sie zu senden (höchstens 256 KB). Bitte verkleinern Sie angehängte Dateien.';
  }
  return 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.';
}
