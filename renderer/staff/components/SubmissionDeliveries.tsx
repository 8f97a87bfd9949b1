import { useState } from 'react';
import { staffApi } from '../api/staffApi.ts';
import { DELIVERY_KIND_NAMES, DELIVERY_STATE_NAMES, type DeliveryView } from '../deliveryNames.ts';
import { formatDateTime } from '../formatting.ts';
import { isTenantAdmin, useSession } from '../session.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { DataTable } from './DataTable.tsx';
import { LoadState } from './LoadState.tsx';
import { useApi } from './useApi.ts';

function describeState(delivery: DeliveryView): string {
  if (delivery.state === 'delivered') return `${DELIVERY_STATE_NAMES.delivered} am ${formatDateTime(delivery.deliveredAt!)}`;
  if (delivery.state === 'pending' && delivery.attempts > 0 && delivery.lastError) {
    return `Fehlgeschlagen (${delivery.attempts} ${delivery.attempts === 1 ? 'Versuch' : 'Versuche'}), nächster Versuch ${formatDateTime(delivery.nextAttemptAt)}`;
  }
  if (delivery.state === 'dead') return `${DELIVERY_STATE_NAMES.dead} nach ${delivery.attempts} ${delivery.attempts === 1 ? 'Versuch' : 'Versuchen'}`;
  return DELIVERY_STATE_NAMES[delivery.state] ?? delivery.state;
}

/** Per channel: pending, delivered (when), failed (attempts, last technical error), dead; the admin re-sends dead ones. */
export function SubmissionDeliveries({ submissionId }: { submissionId: string }) {
  const { user } = useSession();
  const { result, reload } = useApi<{ items: DeliveryView[] }>(`/api/v1/staff/submissions/${encodeURIComponent(submissionId)}/deliveries`);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  const resend = async (delivery: DeliveryView) => {
    setMessage(null);
    try {
      await staffApi.post(`/api/v1/staff/deliveries/${encodeURIComponent(delivery.id)}/resend`);
      setMessage({ kind: 'success', text: 'Die Zustellung wird erneut versucht.' });
      reload();
    } catch {
      setMessage({ kind: 'danger', text: 'Die Zustellung konnte nicht erneut angestoßen werden.' });
    }
  };

  return (
    <section aria-labelledby="zustellung-titel" className="staff-section">
      <h2 className="kern-heading-medium" id="zustellung-titel">
        Zustellung
      </h2>
      {message ? (
        <Alert kind={message.kind}>
          <p className="kern-body">{message.text}</p>
        </Alert>
      ) : null}
      <LoadState loaded={result}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="kern-body">Für diesen Antrag ist keine Zustellung eingerichtet.</p>
          ) : (
            <DataTable caption="Zustellungen dieses Antrags" columns={['Anlass', 'Zustellweg', 'Stand', 'Letzter Fehler', 'Aktion']}>
              {data.items.map((delivery) => (
                <tr key={delivery.id} className="kern-table__row" data-delivery-state={delivery.state}>
                  <td className="kern-table__cell">{delivery.eventType === 'submission.received' ? 'Eingang' : 'Statusänderung'}</td>
                  <td className="kern-table__cell">{DELIVERY_KIND_NAMES[delivery.kind] ?? delivery.kind}</td>
                  <td className="kern-table__cell">{describeState(delivery)}</td>
                  <td className="kern-table__cell">{delivery.lastError ?? '–'}</td>
                  <td className="kern-table__cell">
                    {delivery.state === 'dead' && isTenantAdmin(user) ? (
                      <Button variant="secondary" small onClick={() => void resend(delivery)} ariaLabel={`Erneut senden: ${DELIVERY_KIND_NAMES[delivery.kind] ?? delivery.kind}`}>
                        Erneut senden
                      </Button>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </section>
  );
}
