import type { LocalDetails, LocalDetailsRepository } from '../LocalDetailsRepository.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

interface LocalDetailsRow {
  service_id: string;
  office: string;
  contact: string;
  phone: string;
  email: string;
  notification_email: string;
  opening_hours: string;
}

function toDetails(row: LocalDetailsRow): LocalDetails {
  return {
    office: row.office,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    notificationEmail: row.notification_email,
    openingHours: row.opening_hours,
  };
}

/** Local details per participant and service in table local_details (migration 31). */
export class SqliteLocalDetailsRepository implements LocalDetailsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async get(tenant: string, serviceId: string): Promise<LocalDetails | undefined> {
    const row = await this.db.get<LocalDetailsRow>('SELECT * FROM local_details WHERE tenant = ? AND service_id = ?', [tenant, serviceId]);
    return row ? toDetails(row) : undefined;
  }

  async listByTenant(tenant: string): Promise<(LocalDetails & { serviceId: string })[]> {
    const rows = await this.db.all<LocalDetailsRow>('SELECT * FROM local_details WHERE tenant = ? ORDER BY service_id', [tenant]);
    return rows.map((row) => ({ serviceId: row.service_id, ...toDetails(row) }));
  }

  async put(tenant: string, serviceId: string, details: LocalDetails, updatedAt: string, updatedBy: string): Promise<void> {
    await this.db.write((tx) =>
      tx.run(
        `INSERT INTO local_details (tenant, service_id, office, contact, phone, email, notification_email, opening_hours, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant, service_id) DO UPDATE SET office = excluded.office, contact = excluded.contact,
           phone = excluded.phone, email = excluded.email, notification_email = excluded.notification_email,
           opening_hours = excluded.opening_hours, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [tenant, serviceId, details.office, details.contact, details.phone, details.email, details.notificationEmail, details.openingHours, updatedAt, updatedBy],
      ),
    );
  }
}
