import type { LocalDetails, LocalDetailsRepository } from '../LocalDetailsRepository.ts';
import type { SqlDatabase } from './SqlDatabase.ts';

interface LocalDetailsRow {
  service_id: string;
  office: string;
  contact: string;
  phone: string;
  email: string;
  notification_email: string;
  opening_hours: string;
  address: string;
  fee_amounts: string;
}

function parseFeeAmounts(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

function toDetails(row: LocalDetailsRow): LocalDetails {
  return {
    office: row.office,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    notificationEmail: row.notification_email,
    openingHours: row.opening_hours,
    address: row.address,
    feeAmounts: parseFeeAmounts(row.fee_amounts),
  };
}

const INSERT = `INSERT INTO local_details (tenant, service_id, office, contact, phone, email, notification_email, opening_hours, address, fee_amounts, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function values(tenant: string, serviceId: string, details: LocalDetails, updatedAt: string, updatedBy: string): unknown[] {
  return [
    tenant, serviceId, details.office, details.contact, details.phone, details.email, details.notificationEmail, details.openingHours,
    details.address, JSON.stringify(details.feeAmounts), updatedAt, updatedBy,
  ];
}

/** Local details per participant and service in table local_details (migrations 31 and 81). */
export class SqlLocalDetailsRepository implements LocalDetailsRepository {
  constructor(private readonly db: SqlDatabase) {}

  async get(tenant: string, serviceId: string): Promise<LocalDetails | undefined> {
    const row = await this.db.get<LocalDetailsRow>('SELECT * FROM local_details WHERE tenant = ? AND service_id = ?', [tenant, serviceId]);
    return row ? toDetails(row) : undefined;
  }

  async listByTenant(tenant: string): Promise<(LocalDetails & { serviceId: string })[]> {
    const rows = await this.db.all<LocalDetailsRow>('SELECT * FROM local_details WHERE tenant = ?', [tenant]);
    // Sorted here, by code unit: the same order on both backends whatever PostgreSQL's collation.
    rows.sort((a, b) => (a.service_id < b.service_id ? -1 : a.service_id > b.service_id ? 1 : 0));
    return rows.map((row) => ({ serviceId: row.service_id, ...toDetails(row) }));
  }

  async put(tenant: string, serviceId: string, details: LocalDetails, updatedAt: string, updatedBy: string): Promise<void> {
    await this.db.write((tx) =>
      tx.run(
        `${INSERT}
         ON CONFLICT (tenant, service_id) DO UPDATE SET office = excluded.office, contact = excluded.contact,
           phone = excluded.phone, email = excluded.email, notification_email = excluded.notification_email,
           opening_hours = excluded.opening_hours, address = excluded.address, fee_amounts = excluded.fee_amounts,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        values(tenant, serviceId, details, updatedAt, updatedBy),
      ),
    );
  }

  async seed(entries: readonly { tenant: string; serviceId: string; details: LocalDetails }[], updatedAt: string): Promise<number> {
    return this.db.write(async (tx) => {
      let inserted = 0;
      for (const entry of entries) {
        const result = await tx.run(`${INSERT} ON CONFLICT (tenant, service_id) DO NOTHING`, values(entry.tenant, entry.serviceId, entry.details, updatedAt, 'seed'));
        inserted += result;
      }
      return inserted;
    });
  }
}
