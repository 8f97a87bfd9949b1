import { replaceStringParameters, TranslatableString } from '@rjsf/utils';

/** German texts for every string rjsf renders itself (buttons, labels, file info, fallbacks). */
const GERMAN: Record<TranslatableString, string> = {
  [TranslatableString.ArrayItemTitle]: 'Eintrag',
  [TranslatableString.MissingItems]: 'Für diese Liste fehlt die Beschreibung der Einträge.',
  [TranslatableString.EmptyArray]: 'Noch keine Einträge. Fügen Sie mit der Schaltfläche unten einen hinzu.',
  [TranslatableString.YesLabel]: 'Ja',
  [TranslatableString.NoLabel]: 'Nein',
  [TranslatableString.CloseLabel]: 'Schließen',
  [TranslatableString.ErrorsLabel]: 'Fehler',
  [TranslatableString.NewStringDefault]: 'Neuer Wert',
  [TranslatableString.AddButton]: 'Hinzufügen',
  [TranslatableString.AddItemButton]: 'Eintrag hinzufügen',
  [TranslatableString.CopyButton]: 'Kopieren',
  [TranslatableString.ExpandButton]: 'Nächste Ebene anzeigen',
  [TranslatableString.MoveDownButton]: 'Nach unten verschieben',
  [TranslatableString.MoveUpButton]: 'Nach oben verschieben',
  [TranslatableString.RemoveButton]: 'Entfernen',
  [TranslatableString.NowLabel]: 'Jetzt',
  [TranslatableString.ClearLabel]: 'Leeren',
  [TranslatableString.AriaDateLabel]: 'Datum auswählen',
  [TranslatableString.PreviewLabel]: 'Vorschau',
  [TranslatableString.DecrementAriaLabel]: 'Wert um 1 verringern',
  [TranslatableString.IncrementAriaLabel]: 'Wert um 1 erhöhen',
  [TranslatableString.OptionalObjectAdd]: 'Angaben für dieses freiwillige Feld hinzufügen',
  [TranslatableString.OptionalObjectRemove]: 'Angaben für dieses freiwillige Feld entfernen',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Keine Angaben für dieses freiwillige Feld',
  [TranslatableString.Type]: 'Typ',
  [TranslatableString.Value]: 'Wert',
  [TranslatableString.ClearButton]: 'Eingabe leeren',
  [TranslatableString.UnknownFieldType]: 'Unbekannter Feldtyp %1',
  [TranslatableString.OptionPrefix]: 'Option %1',
  [TranslatableString.TitleOptionPrefix]: '%1 Option %2',
  [TranslatableString.KeyLabel]: '%1 (Schlüssel)',
  [TranslatableString.DeprecatedLabel]: '%1 (veraltet)',
  [TranslatableString.CycleDetected]: 'Zirkulärer Verweis im Feld „%1“ erkannt.',
  [TranslatableString.InvalidObjectField]: 'Ungültige Konfiguration des Objektfelds „%1“: _%2_.',
  [TranslatableString.UnsupportedField]: 'Dieses Feld wird nicht unterstützt.',
  [TranslatableString.UnsupportedFieldWithId]: 'Das Feld `%1` wird nicht unterstützt.',
  [TranslatableString.UnsupportedFieldWithReason]: 'Dieses Feld wird nicht unterstützt: _%1_.',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'Das Feld `%1` wird nicht unterstützt: _%2_.',
  [TranslatableString.FilesInfo]: '**%1** (%2, %3 Bytes)',
};

/** rjsf `translateString` implementation: every built-in rjsf string in German. */
export function translateGerman(key: TranslatableString, params?: string[]): string {
  return replaceStringParameters(GERMAN[key] ?? key, params);
}
