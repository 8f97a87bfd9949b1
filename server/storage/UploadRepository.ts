import type { ScanState } from '../../contract/portalApi.ts';
export type { ScanState } from '../../contract/portalApi.ts';

/** One uploaded file (its bytes live in the blob store under `blobKey`). */
export interface Upload {
  id: string;
  tenant: string;
  service: string;
  /** JSON pointer of the field it was uploaded for. */
  field: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  blobKey: string;
  scan: ScanState;
  createdAt: string;
  expiresAt: string;
  submissionId: string | null;
}

export interface NewUpload extends Omit<Upload, 'submissionId'> {
  /** SHA-256 (hex) of the opaque token handed to the citizen. */
  tokenHash: string;
}

/** Uploaded files. Reads are scoped by tenant (another participant's id is not found). */
export interface UploadRepository {
  create(upload: NewUpload): Promise<void>;
  /** An unbound, unexpired upload of the tenant and service by its token's hash. */
  findUnbound(tenant: string, service: string, tokenHash: string, now: string): Promise<Upload | undefined>;
  /** The uploads bound to a submission of the tenant, in field order. */
  listBySubmission(tenant: string, submissionId: string): Promise<Upload[]>;
  /** One upload bound to a submission of the tenant. */
  get(tenant: string, submissionId: string, uploadId: string): Promise<Upload | undefined>;
  /** Deletes unbound uploads that expired (their bytes are queued for deletion in the same transaction). */
  purgeUnbound(now: string): Promise<number>;
  /** Blob keys whose rows are gone (queued in the deleting transaction), oldest first. */
  listBlobDeletions(limit: number): Promise<string[]>;
  /** Forgets queued blob deletions once the bytes are deleted. */
  forgetBlobDeletions(keys: readonly string[]): Promise<void>;
}

/** Error of a submission whose uploads could not be bound (used, expired or another participant's meanwhile). */
export class UploadBindError extends Error {
  constructor() {
    super('uploads could not be bound to the submission');
    this.name = 'UploadBindError';
  }
}
