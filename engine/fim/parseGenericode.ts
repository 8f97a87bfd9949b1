import { XmlElement } from './XmlElement.ts';

/** One entry of a code list: the stored code and its German label. */
export interface CodeListEntry {
  code: string;
  name: string;
}

/** The parts of a genericode code list the FIM import needs. */
export interface GenericodeList {
  shortName: string;
  canonicalUri: string;
  canonicalVersionUri: string;
  version: string;
  entries: CodeListEntry[];
}

export type ParseGenericodeResult = { ok: true; codeList: GenericodeList } | { ok: false; message: string };

function keyColumn(columnSet: XmlElement | undefined, keyId: string): string | undefined {
  const key = columnSet?.children('Key').find((candidate) => candidate.attribute('Id') === keyId);
  return key?.child('ColumnRef')?.attribute('Ref');
}

/**
 * Parses an OASIS genericode 1.0 code list (as published in the XRepository for FIM select fields). The code
 * column is the one the `codeKey` key names (else the first key's, else the first column); the label column is
 * the one the `codenameKey` key names (else a column called `name`, else the second column, else the code).
 * Returns an error message as data when the text is not a genericode code list.
 */
export function parseGenericode(xml: string): ParseGenericodeResult {
  const parsed = XmlElement.parse(xml);
  if (!parsed.ok) return parsed;
  const { root } = parsed;
  if (root.name !== 'CodeList') return { ok: false, message: `Expected a genericode <CodeList>, found <${root.name}>.` };
  const identification = root.child('Identification');
  const columnSet = root.child('ColumnSet');
  const columns = (columnSet?.children('Column') ?? []).map((column) => column.attribute('Id') ?? '');
  const codeColumn =
    keyColumn(columnSet, 'codeKey') ?? columnSet?.child('Key')?.child('ColumnRef')?.attribute('Ref') ?? columns[0];
  const nameColumn =
    keyColumn(columnSet, 'codenameKey') ?? columns.find((id) => id.toLowerCase() === 'name') ?? columns[1] ?? codeColumn;
  if (!codeColumn) return { ok: false, message: 'The genericode code list has no columns.' };

  const entries: CodeListEntry[] = [];
  for (const row of root.child('SimpleCodeList')?.children('Row') ?? []) {
    const values = new Map<string, string>();
    for (const [index, value] of row.children('Value').entries()) {
      // Without ColumnRef a value belongs to the column at the same position.
      const column = value.attribute('ColumnRef') ?? columns[index];
      if (column) values.set(column, value.childText('SimpleValue'));
    }
    const code = values.get(codeColumn) ?? '';
    if (!code) continue;
    entries.push({ code, name: (nameColumn && values.get(nameColumn)) || code });
  }
  return {
    ok: true,
    codeList: {
      shortName: identification?.childText('ShortName') ?? '',
      canonicalUri: identification?.childText('CanonicalUri') ?? '',
      canonicalVersionUri: identification?.childText('CanonicalVersionUri') ?? '',
      version: identification?.childText('Version') ?? '',
      entries,
    },
  };
}
