import { PARTICIPANTS } from '../../engine/index.ts';
import type { Storage } from '../storage/Storage.ts';

/**
 * Where SMTP_URL is set, the citizen's receipt is on by default: every participant without a 'citizen_receipt'
 * channel for all services gets one (enabled). A participant's admin may switch it off (it is then kept, switched
 * off, and never seeded again) or switch it off per service.
 */
export async function seedDeliveryDefaults(storage: Storage, smtpUrl: string | undefined, now: Date): Promise<number> {
  if (!smtpUrl) return 0;
  return storage.deliveryChannels.seedDefaults('citizen_receipt', PARTICIPANTS.map((participant) => participant.slug), now.toISOString());
}
