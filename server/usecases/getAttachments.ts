import type { Readable } from 'node:stream';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { ScanState, Upload } from '../storage/UploadRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

/** An attachment as the inbox lists it (no token, no storage key). */
export interface AttachmentInfo {
  id: string;
  /** JSON pointer of the file field in the data. */
  field: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  scan: ScanState;
}

export function toAttachmentInfo(upload: Upload): AttachmentInfo {
  return { id: upload.id, field: upload.field, name: upload.name, type: upload.mediaType, size: upload.size, sha256: upload.sha256, scan: upload.scan };
}

/** The attachments of a submission of the user's participant; another participant's id is 404 like a missing one. */
export async function listAttachments(deps: AppDeps, user: StaffUser, submissionId: string): Promise<AttachmentInfo[]> {
  const submission = await deps.storage.submissions.get(user.tenant, submissionId);
  if (!submission) throw createHttpError('SUBMISSION_NOT_FOUND');
  return (await deps.storage.uploads.listBySubmission(user.tenant, submissionId)).map(toAttachmentInfo);
}

/**
 * Opens one attachment of a submission of the user's participant for download and records the audit event
 * 'attachment.downloaded' (ids only). A foreign or missing submission or attachment answers 404 ATTACHMENT_NOT_FOUND
 * alike.
 */
export async function openAttachment(deps: AppDeps, user: StaffUser, submissionId: string, attachmentId: string): Promise<{ info: AttachmentInfo; bytes: Readable }> {
  const upload = await deps.storage.uploads.get(user.tenant, submissionId, attachmentId);
  if (!upload) throw createHttpError('ATTACHMENT_NOT_FOUND');
  const bytes = await deps.blobs.open(upload.blobKey);
  if (!bytes) {
    deps.logger.error('attachment bytes missing', { attachment: upload.id });
    throw createHttpError('ATTACHMENT_NOT_FOUND');
  }
  await deps.storage.audit.append({ tenant: user.tenant, actor: user.id, action: 'attachment.downloaded', subject: submissionId, details: { attachment: upload.id } });
  return { info: toAttachmentInfo(upload), bytes };
}
