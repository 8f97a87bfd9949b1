import { computeTerminationEnd } from '../../engine/agreement/index.ts';
import { getParticipant, isIsoDate, todayInGermany } from '../../engine/index.ts';
import { createHttpError } from '../errors.ts';
import type { StoredTermination } from '../storage/AgreementRepository.ts';
import type { Storage } from '../storage/Storage.ts';

/**
 * Records a participant's written termination notice (§ 3 (3)) as received by the Kreis, and the end date
 * that follows from it (computeTerminationEnd). Only Kommunen: the Kreis leads the portal, its notice would
 * end the agreement for everyone and is not a matter for this register. The notice date may not lie in the
 * future (it is the day the letter was received). Audited.
 */
export async function recordTermination(
  storage: Storage,
  input: { tenant: unknown; noticeDate: unknown },
  actor: string,
  now: Date,
): Promise<StoredTermination> {
  const problems = [];
  const participant = typeof input.tenant === 'string' ? getParticipant(input.tenant) : undefined;
  if (!participant) problems.push({ pointer: '/tenant', message: 'tenant must be the slug of a participant' });
  else if (participant.kind !== 'kommune') {
    problems.push({ pointer: '/tenant', message: 'only a Kommune can be recorded as terminating; the Kreis leads the portal' });
  }
  const today = todayInGermany(now);
  if (typeof input.noticeDate !== 'string' || !isIsoDate(input.noticeDate)) {
    problems.push({ pointer: '/noticeDate', message: 'noticeDate must be a real date YYYY-MM-DD' });
  } else if (input.noticeDate > today) {
    problems.push({ pointer: '/noticeDate', message: `noticeDate is the day the notice was received and cannot be after today (${today})` });
  }
  if (problems.length > 0 || !participant) throw createHttpError('INVALID_TERMINATION', problems);
  const noticeDate = input.noticeDate as string;
  const termination: StoredTermination = {
    tenant: participant.slug,
    noticeDate,
    endsOn: computeTerminationEnd(noticeDate),
    recordedBy: actor,
    recordedAt: now.toISOString(),
  };
  const outcome = await storage.agreement.createTermination(termination, {
    tenant: participant.slug,
    actor,
    action: 'agreement.termination_recorded',
    subject: participant.slug,
    details: { noticeDate, endsOn: termination.endsOn },
  });
  if (outcome === 'exists') {
    const existing = await storage.agreement.getTermination(participant.slug);
    throw createHttpError(
      'TERMINATION_EXISTS',
      undefined,
      `A termination is already recorded for ${participant.slug} (notice ${existing?.noticeDate ?? '?'}, ends ${existing?.endsOn ?? '?'}); withdraw it first to correct it.`,
    );
  }
  return termination;
}
