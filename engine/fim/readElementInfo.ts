import type { ElementInfo } from './ImportContext.ts';
import type { XmlElement } from './XmlElement.ts';

/** Reads id, version, name, label and help text of a FIM element in XDatenfelder 2 or 3. */
export function readElementInfo(element: XmlElement): ElementInfo {
  const identification = element.child('identifikation');
  const id = identification?.childText('id') || element.childText('id');
  const version = identification?.childText('version') || element.childText('version');
  const name = element.childText('name');
  return {
    id,
    version,
    name,
    label: element.childText('bezeichnungEingabe') || element.childText('bezeichnung') || name || id,
    help: element.childText('hilfetextEingabe') || element.childText('hilfetext'),
    reference: `FIM ${id}${version ? ` ${version}` : ''}`,
  };
}
