import { escapeRegExp } from './escapeRegExp.ts';
import type { ElementInfo, ImportContext, ParsedCodeList } from './ImportContext.ts';
import type { CodeListEntry } from './parseGenericode.ts';
import type { XmlElement } from './XmlElement.ts';

/**
 * Finds the values of a select field: XDF3 inline values (`werte`), else the given code list the field's
 * `codelisteReferenz` names, matched by canonical version URI, then URI and version, then the kennung (C...) in
 * the file name; a list with the same URI but another version is used with a warning. Undefined (with a
 * warning) when nothing matches.
 */
export function resolveCodeList(
  field: XmlElement,
  info: ElementInfo,
  context: ImportContext,
): { entries: CodeListEntry[]; label: string } | undefined {
  const inlineValues = field.child('werte')?.children('wert') ?? [];
  if (inlineValues.length > 0) {
    const entries = inlineValues.map((value) => ({
      code: value.childText('code'),
      name: value.childText('name') || value.childText('code'),
    }));
    const withCode = entries.filter((entry) => entry.code);
    if (withCode.length > 0) return { entries: withCode, label: 'inline values' };
  }
  const reference = field.child('codelisteReferenz');
  const kennung = reference?.find('identifikation')?.childText('id') ?? '';
  const uri = reference?.find('canonicalIdentification')?.text() ?? '';
  const version = reference?.find('version')?.text() ?? '';
  const versionUri = reference?.find('canonicalVersionUri')?.text() ?? '';
  const describe = [kennung, uri, version].filter(Boolean).join(' ');
  if (!describe) {
    context.warnings.push({
      code: 'codelist-missing',
      elementId: info.id,
      message: `Select field "${info.label}" names no code list; imported as free text.`,
    });
    return undefined;
  }
  const byFileName = (list: ParsedCodeList): boolean =>
    kennung !== '' && new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(kennung)}([^A-Za-z0-9]|$)`).test(list.fileName);
  const exact =
    context.codeLists.find((list) => versionUri !== '' && list.canonicalVersionUri === versionUri) ??
    context.codeLists.find((list) => uri !== '' && list.canonicalUri === uri && list.version === version) ??
    context.codeLists.find((list) => byFileName(list) && (uri === '' || list.canonicalUri === uri));
  const found = exact ?? context.codeLists.find((list) => uri !== '' && list.canonicalUri === uri) ?? context.codeLists.find(byFileName);
  if (!found) {
    context.warnings.push({
      code: 'codelist-missing',
      elementId: info.id,
      message: `Code list ${describe} not among the given code lists; "${info.label}" imported as free text.`,
    });
    return undefined;
  }
  if (!exact) {
    context.warnings.push({
      code: 'codelist-version-differs',
      elementId: info.id,
      message: `Code list ${describe} matched ${found.fileName} (${found.canonicalUri} ${found.version}) only partly; check the values.`,
    });
  }
  if (found.entries.length === 0) {
    context.warnings.push({
      code: 'codelist-missing',
      elementId: info.id,
      message: `Code list ${found.fileName} has no values; "${info.label}" imported as free text.`,
    });
    return undefined;
  }
  return { entries: found.entries, label: `${found.canonicalVersionUri || found.canonicalUri || found.fileName}` };
}

