import { Link } from '../components/Link.tsx';
import { STAFF_BASE } from '../navigation.ts';

/** Shown for an unknown staff path. */
export function NotFoundPage() {
  return (
    <>
      <h1 className="kern-heading-large">Seite nicht gefunden</h1>
      <p className="kern-body">
        Diese Seite gibt es nicht. <Link to={`${STAFF_BASE}/`}>Zur Übersicht</Link>
      </p>
    </>
  );
}
