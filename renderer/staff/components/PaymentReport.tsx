import { formatEuro } from '../../../engine/payments/formatEuro.ts';
import { getParticipant } from '../../../engine/participants.ts';
import type { PaymentReport as PaymentReportData } from '../../../contract/staffApi.ts';
import { DataTable } from './DataTable.tsx';
import { LoadState } from './LoadState.tsx';
import { useApi } from './useApi.ts';

/**
 * Payments and transaction costs per participant and service for a year (§ 2 (1)): each participant bears its own,
 * so every row is one participant's and nothing is split. Kreis editors see all participants, others their own.
 */
export function PaymentReport({ year }: { year: string }) {
  const { result } = useApi<PaymentReportData>(`/api/v1/staff/reports/payments?year=${year}`);
  return (
    <>
      <p className="kern-body">
        <a className="kern-link" href={`/api/v1/staff/reports/payments.csv?year=${year}`} download>
          Zahlungen und Transaktionskosten {year} als CSV
        </a>
      </p>
      <LoadState loaded={result}>
        {(report) =>
          report.rows.length === 0 ? (
            <p className="kern-body" id="zahlungen-leer">
              Keine Online-Zahlungen im Jahr {report.year}.
            </p>
          ) : (
            <DataTable
              caption={`Zahlungen und Transaktionskosten ${report.year}`}
              columns={['Beteiligter', 'Dienst', { label: 'Zahlungen', numeric: true }, { label: 'Betrag', numeric: true }, { label: 'Transaktionskosten', numeric: true }, { label: 'Erstattet', numeric: true }]}
            >
              {report.rows.map((row) => (
                <tr className="kern-table__row" key={`${row.tenant}/${row.service}`}>
                  <td className="kern-table__cell">{getParticipant(row.tenant)?.shortName ?? row.tenant}</td>
                  <td className="kern-table__cell">{row.service}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{row.count}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatEuro(row.amountCents)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatEuro(row.transactionCostCents)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{row.refundedCount}</td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </>
  );
}
