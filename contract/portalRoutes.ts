/** The pages of a participant's portal, parsed from the pathname. */
export type PortalRoute =
  | { page: 'start'; tenant: string }
  | { page: 'service'; tenant: string; service: string }
  | { page: 'form'; tenant: string; service: string }
  | { page: 'resume'; tenant: string }
  | { page: 'accessibility'; tenant: string }
  | { page: 'feedback'; tenant: string }
  | { page: 'legal'; tenant: string; legal: LegalPageKind }
  | { page: 'status'; tenant: string }
  | { page: 'payment'; tenant: string }
  | { page: 'not-found'; tenant: string | undefined };

/** The legal pages of every portal, linked in its footer. */
export type LegalPageKind = 'impressum' | 'datenschutz' | 'kontakt';
const LEGAL_PAGES: readonly string[] = ['impressum', 'datenschutz', 'kontakt'];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function decode(segment: string): string | undefined {
  try {
    const value = decodeURIComponent(segment);
    return SLUG.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a portal pathname ('/erkelenz/leistungen/hundesteuer-anmeldung/antrag') into a route. */
export function parseRoute(pathname: string): PortalRoute {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const tenant = segments[0] === undefined ? undefined : decode(segments[0]);
  if (!tenant) return { page: 'not-found', tenant: undefined };
  const rest = segments.slice(1);
  if (rest.length === 0) return { page: 'start', tenant };
  if (rest.length === 1 && rest[0] === 'fortsetzen') return { page: 'resume', tenant };
  if (rest.length === 1 && rest[0] === 'barrierefreiheit') return { page: 'accessibility', tenant };
  if (rest.length === 1 && rest[0] === 'barriere-melden') return { page: 'feedback', tenant };
  if (rest.length === 1 && LEGAL_PAGES.includes(rest[0]!)) return { page: 'legal', tenant, legal: rest[0] as LegalPageKind };
  if (rest.length === 1 && rest[0] === 'status') return { page: 'status', tenant };
  if (rest.length === 1 && rest[0] === 'zahlung') return { page: 'payment', tenant };
  if (rest[0] === 'leistungen' && rest[1] !== undefined) {
    const service = decode(rest[1]);
    if (service && rest.length === 2) return { page: 'service', tenant, service };
    if (service && rest.length === 3 && rest[2] === 'antrag') return { page: 'form', tenant, service };
  }
  return { page: 'not-found', tenant };
}

/** Paths of the portal pages (the inverse of parseRoute). */
export const portalPaths = {
  start: (tenant: string) => `/${tenant}/`,
  service: (tenant: string, service: string) => `/${tenant}/leistungen/${service}`,
  form: (tenant: string, service: string) => `/${tenant}/leistungen/${service}/antrag`,
  resume: (tenant: string) => `/${tenant}/fortsetzen`,
  accessibility: (tenant: string) => `/${tenant}/barrierefreiheit`,
  feedback: (tenant: string) => `/${tenant}/barriere-melden`,
  legal: (tenant: string, legal: LegalPageKind) => `/${tenant}/${legal}`,
  status: (tenant: string) => `/${tenant}/status`,
  payment: (tenant: string) => `/${tenant}/zahlung`,
};
