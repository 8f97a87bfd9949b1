/** German names of the delivery channel kinds and states (staff app). */
export const DELIVERY_KIND_NAMES: Record<string, string> = {
  citizen_receipt: 'Eingangsbestätigung an die antragstellende Person (E-Mail)',
  citizen_status: 'Statusmitteilung an die antragstellende Person (E-Mail)',
  staff_notice: 'Hinweis an den Posteingang (E-Mail, ohne personenbezogene Daten)',
  webhook: 'Signierter Webhook an ein Fachverfahren',
  fitconnect: 'FIT-Connect',
};

export const DELIVERY_STATE_NAMES: Record<string, string> = {
  pending: 'Ausstehend',
  delivered: 'Zugestellt',
  dead: 'Gescheitert (keine weiteren Versuche)',
};

export interface DeliveryView {
  id: string;
  eventType: 'submission.received' | 'submission.status_changed';
  eventStatus: string | null;
  kind: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
