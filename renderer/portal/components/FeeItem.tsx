import { describeFee } from '../describeFee.ts';
import { portalApi } from '../portalApi.ts';
import { useAsync } from '../useAsync.ts';

/** "Gebühr" in a service's description list: the participant's own amount (nothing when the service is free here). */
export function FeeItem({ tenant, service }: { tenant: string; service: string }) {
  const state = useAsync(`fee:${tenant}/${service}`, () => portalApi.getFee(tenant, service));
  if (state.status !== 'done' || !state.value.chargeable) return null;
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">Gebühr</dt>
      <dd className="kern-description-list-item__value" id="kf-gebuehr">
        {describeFee(state.value)}
      </dd>
    </div>
  );
}
