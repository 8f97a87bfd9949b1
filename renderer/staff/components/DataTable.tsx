import type { ReactNode } from 'react';

/** A column heading; numeric columns are right-aligned. */
export type Column = string | { label: string; numeric: true };

/** A responsive KERN table with caption and column headings; the rows are its children. */
export function DataTable({ caption, columns, children }: { caption: ReactNode; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="kern-title">{caption}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col" className="kern-table__header">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className="kern-table__header kern-table__header--numeric">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="kern-table__body">{children}</tbody>
      </table>
    </div>
  );
}
