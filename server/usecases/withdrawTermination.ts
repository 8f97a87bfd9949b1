import { createHttpError } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';

/** Withdraws a termination recorded in error (audited); NOT_FOUND when the participant has none. */
export async function withdrawTermination(storage: Storage, tenant: string, actor: string): Promise<void> {
  const existing = await storage.agreement.getTermination(tenant);
  const deleted =
    existing !== undefined &&
    (await storage.agreement.deleteTermination(tenant, {
      tenant,
      actor,
      action: 'agreement.termination_withdrawn',
      subject: tenant,
      details: { noticeDate: existing.noticeDate, endsOn: existing.endsOn },
    }));
  if (!deleted) throw createHttpError('NOT_FOUND', undefined, `No termination is recorded for "${tenant}".`);
}
