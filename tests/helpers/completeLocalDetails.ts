import type { StaffSessionForTest } from './createStaffSession.ts';
import type { StartedServer } from './startServer.ts';

/** Complete local details of a service (every point of the enable checklist that local details cover). */
export const COMPLETE_LOCAL_DETAILS = {
  office: 'Bürgerbüro',
  contact: 'Service-Team',
  phone: '02431 85-0',
  email: 'buergerbuero@example.org',
  notificationEmail: 'posteingang@example.org',
  openingHours: 'Montag bis Freitag 8 bis 12 Uhr',
  address: 'Johannismarkt 17\n41812 Erkelenz',
  feeAmounts: {} as Record<string, string>,
};

/**
 * Saves complete local details of a service for the session's participant through the real API, so that the enable
 * checklist is complete (the seeded demo participants already have legal pages). Throws unless the server answers 200.
 */
export async function completeLocalDetails(server: StartedServer, session: StaffSessionForTest, service: string, feeAmounts: Record<string, string> = {}): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/v1/staff/catalogue/${encodeURIComponent(service)}/local-details`, {
    method: 'PUT',
    headers: session.headers(),
    body: JSON.stringify({ ...COMPLETE_LOCAL_DETAILS, feeAmounts }),
  });
  if (response.status !== 200) throw new Error(`completeLocalDetails: ${response.status} ${await response.text()}`);
}
