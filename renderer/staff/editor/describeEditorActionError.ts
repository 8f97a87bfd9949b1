const PATTERNS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^No group at "(.*)"$/, () => 'Die Gruppe gibt es nicht (mehr). Bitte die Ansicht neu laden.'],
  [/^No field at "(.*)"$/, () => 'Das Feld gibt es nicht (mehr). Bitte die Ansicht neu laden.'],
  [/^Empty field path$/, () => 'Es ist kein Feld ausgewählt.'],
  [/^Condition of "(.*)" tests unknown field "(.*)"$/, (m) => `Die Bedingung von „${m[1]}“ prüft das Feld „${m[2]}“, das es nicht gibt.`],
  [/^Unknown field kind "(.*)"$/, (m) => `Die Feldart „${m[1]}“ ist unbekannt.`],
];

/** The German text of an error of a visual editor action, or undefined for an unknown message. */
export function translateEditorActionError(message: string): string | undefined {
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return undefined;
}

/** The German message the editor shows when an action cannot be applied. */
export function describeEditorActionError(error: unknown): string {
  return translateEditorActionError(error instanceof Error ? error.message : String(error)) ?? 'Die Änderung ließ sich nicht anwenden. Bitte die Ansicht neu laden.';
}
