import { createHash } from 'node:crypto';
import type { AppDeps } from '../AppDeps.ts';
import type { BlobStore } from '../files/BlobStore.ts';
import { createStatusCode } from '../usecases/createStatusCode.ts';
import { renderSubmissionPdf, type RenderedPdf } from '../usecases/renderSubmissionPdf.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';
import { DeliveryError } from './DeliveryError.ts';
import type { PayloadContributor } from './payloadContributors.ts';

/** Application PDFs kept in memory for the other channels of the same submission (a few seconds' worth). */
const RECENT_PDFS = 16;
const RECENT_PDF_MS = 60_000;

/**
 * The contributors of the files area (issue 11): the citizen's status code (derived again from the submission id,
 * so the outbox never stores it), and for a received submission its uploaded files and the application PDF. Every
 * channel then carries them: the receipt names the status code and attaches the PDF, webhooks and FIT-Connect
 * carry the files.
 */
export function createFilePayloadContributors(deps: Pick<AppDeps, 'storage' | 'blobs' | 'statusCodeKey'>): PayloadContributor[] {
  // The channels of one submission (receipt, notice, webhook, ...) are sent close together: they share one rendering.
  const recentPdfs = new Map<string, Promise<RenderedPdf>>();
  const renderOnce = (submission: Submission): Promise<RenderedPdf> => {
    let pdf = recentPdfs.get(submission.id);
    if (!pdf) {
      pdf = renderSubmissionPdf(deps, submission);
      pdf.catch(() => recentPdfs.delete(submission.id));
      recentPdfs.set(submission.id, pdf);
      if (recentPdfs.size > RECENT_PDFS) recentPdfs.delete(recentPdfs.keys().next().value!);
      // Personal data: never kept longer than the burst of one submission's deliveries.
      setTimeout(() => recentPdfs.delete(submission.id), RECENT_PDF_MS).unref();
    }
    return pdf;
  };
  return [
    async (payload, { submission }) => {
      payload.statusCode = createStatusCode(deps.statusCodeKey, submission.id);
    },
    async (payload, { submission }) => {
      if (payload.event.type !== 'submission.received') return;
      for (const upload of await deps.storage.uploads.listBySubmission(submission.tenant, submission.id)) {
        payload.attachments.push({
          id: upload.id,
          purpose: 'attachment',
          filename: upload.name,
          mimeType: upload.mediaType,
          size: upload.size,
          read: () => readBlob(deps.blobs, upload.blobKey),
        });
      }
      const pdf = await renderOnce(submission);
      payload.documents.push({
        id: toStableUuid(`application-pdf:${submission.id}`),
        purpose: 'form',
        filename: pdf.fileName,
        mimeType: 'application/pdf',
        size: pdf.bytes.length,
        read: async () => pdf.bytes,
      });
    },
  ];
}

async function readBlob(blobs: BlobStore, key: string): Promise<Buffer> {
  const stream = await blobs.open(key);
  if (!stream) throw new DeliveryError('INTERNAL', 'an attachment of the submission is missing from the blob store', true);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A UUID derived from a name, so a generated document keeps its id across retries (FIT-Connect attachment ids). */
function toStableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
