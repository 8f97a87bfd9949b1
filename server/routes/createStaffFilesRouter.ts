import { pipeline } from 'node:stream/promises';
import { Router, type Response } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { toContentDisposition } from '../domain/toContentDisposition.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { listAttachments, openAttachment } from '../usecases/getAttachments.ts';
import { renderStaffSubmissionPdf } from '../usecases/renderSubmissionPdf.ts';
import { getPathParam } from './getPathParam.ts';

/**
 * Staff open what citizens sent (mounted at /api/v1/staff): a submission's attachments (list and download) and its
 * application PDF. Downloads are attachments (never rendered inline) with nosniff; the tenant comes from the session.
 */
export function createStaffFilesRouter(deps: AppDeps): Router {
  const router = Router();
  const staff = requireStaff(deps, ['staff', 'admin']);

  router.get('/submissions/:id/attachments', staff, async (req, res) => {
    res.json({ items: await listAttachments(deps, getStaffContext(res).user, getPathParam(req, 'id')) });
  });

  router.get('/submissions/:id/attachments/:attachmentId', staff, async (req, res) => {
    const { info, bytes } = await openAttachment(deps, getStaffContext(res).user, getPathParam(req, 'id'), getPathParam(req, 'attachmentId'));
    sendDownload(res, info.type, info.name, info.size);
    await pipeline(bytes, res);
  });

  router.get('/submissions/:id/pdf', staff, async (req, res) => {
    const pdf = await renderStaffSubmissionPdf(deps, getStaffContext(res).user, getPathParam(req, 'id'));
    sendDownload(res, 'application/pdf', pdf.fileName, pdf.bytes.length);
    res.end(pdf.bytes);
  });

  return router;
}

/** Headers of a file download: its type, as an attachment with its name, never sniffed, never cached. */
export function sendDownload(res: Response, type: string, name: string, size: number): void {
  res.status(200);
  res.set({
    'Content-Type': type,
    'Content-Length': String(size),
    'Content-Disposition': toContentDisposition(name),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}
