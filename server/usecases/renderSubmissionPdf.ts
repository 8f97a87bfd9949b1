import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { createHash } from 'node:crypto';
import { getParticipant, isDataUrl } from '../../engine/index.ts';
import { formatDateTime } from '../../engine/formatDateTime.ts';
import { collectAnswers } from '../../engine/review/collectAnswers.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { renderApplicationPdf } from '../files/renderApplicationPdf.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

export interface RenderedPdf {
  fileName: string;
  bytes: Buffer;
}

const SCAN_NAMES = { clean: 'geprüft, unauffällig', unchecked: 'nicht geprüft' } as const;

/**
 * The application PDF of a submission: participant and portal, service title, form version, reference, received
 * date-time in German time, every answer as on the review page (labels, choice titles, German dates) and the
 * attachments with their SHA-256.
 */
export async function renderSubmissionPdf(deps: Pick<AppDeps, 'storage'>, submission: Submission): Promise<RenderedPdf> {
  const version = await deps.storage.formVersions.get(submission.service, submission.version);
  if (!version) throw createHttpError('FORM_VERSION_NOT_FOUND');
  const participant = getParticipant(submission.tenant);
  const attachments = await deps.storage.uploads.listBySubmission(submission.tenant, submission.id);
  const data = submission.data !== null && typeof submission.data === 'object' ? (submission.data as Record<string, unknown>) : {};
  const bytes = await renderApplicationPdf({
    participantName: participant?.name ?? submission.tenant,
    portalName: participant?.portalName ?? '',
    serviceTitle: version.definition.title,
    version: submission.version,
    reference: submission.reference,
    receivedAt: formatDateTime(submission.receivedAt),
    answers: collectAnswers(version.definition.schema as RJSFSchema, version.definition.uiSchema as UiSchema, data),
    attachments: [
      ...attachments.map((upload) => ({ name: upload.name, type: upload.mediaType, size: upload.size, sha256: upload.sha256, scan: SCAN_NAMES[upload.scan] })),
      ...collectDataUrlFiles(data),
    ],
  });
  return { fileName: `Antrag-${submission.reference}.pdf`, bytes };
}

/**
 * Files of older versions' data-URL fields (`format: "data-url"`), which travel inside the data: listed like uploads,
 * with size and SHA-256 of the decoded bytes; they were never scanned.
 */
function collectDataUrlFiles(data: unknown): { name: string; type: string; size: number; sha256: string; scan: string }[] {
  const files: { name: string; type: string; size: number; sha256: string; scan: string }[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (!isDataUrl(value)) return;
      const match = /^data:([^;]*);name=([^;,]+);base64,(.*)$/s.exec(value)!;
      const bytes = Buffer.from(match[3]!, 'base64');
      files.push({ name: decodeURIComponent(match[2]!), type: match[1] || 'application/octet-stream', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), scan: SCAN_NAMES.unchecked });
    } else if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) visit(child, depth + 1);
    }
  };
  visit(data, 0);
  return files;
}

/** The PDF of a submission of the user's participant (another participant's id: 404 like a missing one); audited. */
export async function renderStaffSubmissionPdf(deps: AppDeps, user: StaffUser, id: string): Promise<RenderedPdf> {
  const submission = await deps.storage.submissions.get(user.tenant, id);
  if (!submission) throw createHttpError('SUBMISSION_NOT_FOUND');
  const pdf = await renderSubmissionPdf(deps, submission);
  await deps.storage.audit.append({ tenant: user.tenant, actor: user.id, action: 'submission.pdf_downloaded', subject: id, details: {} });
  return pdf;
}
