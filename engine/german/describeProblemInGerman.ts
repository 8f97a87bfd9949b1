import type { DefinitionProblem } from '../DefinitionError.ts';
import { parsePointer } from '../jsonPointer.ts';
import { translateChangeDescription } from './describeChangeInGerman.ts';
import { describeLocationInGerman, KEYWORD_NAMES } from './describeLocationInGerman.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'ein Text',
  number: 'eine Zahl',
  integer: 'eine ganze Zahl',
  boolean: 'ja oder nein (true/false)',
  object: 'eine Gruppe von Angaben (Objekt)',
  array: 'eine Liste',
  null: 'leer (null)',
};

/** German names of the semver bumps. */
export const BUMP_NAMES_GERMAN = { major: 'neue Hauptversion', minor: 'neue Nebenversion', patch: 'neue Korrekturversion' } as const;

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  date: 'Datum (JJJJ-MM-TT)',
  'date-time': 'Zeitpunkt',
  email: 'E-Mail-Adresse',
  uri: 'Internetadresse',
};

function quoted(message: string, index = 0): string {
  return [...message.matchAll(/"([^"]*)"/g)][index]?.[1] ?? '';
}

function typeNames(value: unknown): string {
  const list = Array.isArray(value) ? value : [value];
  return list.map((type) => TYPE_NAMES[String(type)] ?? String(type)).join(' oder ');
}

function keywordOf(problem: DefinitionProblem): string | undefined {
  return problem.keyword ?? /\(([A-Za-z$]+)\)$/.exec(problem.message)?.[1];
}

/** The German sentence of a meta-schema problem; undefined for a keyword without a translation. */
function translateMetaProblem(problem: DefinitionProblem, subject: string): string | undefined {
  const keyword = keywordOf(problem);
  const params = problem.params ?? {};
  const limit = typeof params.limit === 'number' ? params.limit : Number(/\d+/.exec(problem.message)?.[0] ?? NaN);
  switch (keyword) {
    case 'required':
      return `${subject} fehlt; bitte ausfüllen.`;
    case 'additionalProperties':
      return `${subject} ist keine bekannte Angabe einer Formulardefinition; bitte entfernen oder den Namen prüfen.`;
    case 'minLength':
      return limit <= 1 ? `${subject} darf nicht leer sein.` : `${subject} muss mindestens ${limit} Zeichen lang sein.`;
    case 'maxLength':
      return `${subject} darf höchstens ${limit} Zeichen lang sein.`;
    case 'minItems':
      return limit === 1 ? `${subject} braucht mindestens einen Eintrag.` : `${subject} braucht mindestens ${limit} Einträge.`;
    case 'maxItems':
      return `${subject} darf höchstens ${limit} Einträge haben.`;
    case 'minProperties':
      return `${subject} braucht mindestens ${limit} Angaben.`;
    case 'maxProperties':
      return `${subject} darf höchstens ${limit} Angaben haben.`;
    case 'minimum':
      return `${subject} muss mindestens ${limit} sein.`;
    case 'maximum':
      return `${subject} darf höchstens ${limit} sein.`;
    case 'exclusiveMinimum':
      return `${subject} muss größer als ${limit} sein.`;
    case 'exclusiveMaximum':
      return `${subject} muss kleiner als ${limit} sein.`;
    case 'multipleOf':
      return `${subject} muss ein Vielfaches von ${String(params.multipleOf ?? limit)} sein.`;
    case 'type':
      return `${subject} muss ${typeNames(params.type ?? quoted(problem.message))} sein.`;
    case 'pattern':
      if (problem.pointer === '/version') return `${subject} muss die Form HAUPT.NEBEN.KORREKTUR haben, zum Beispiel 1.2.0.`;
      if (problem.pointer === '/id') return `${subject} darf nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten, zum Beispiel „fundsache-melden“.`;
      if (problem.pointer === '/leikaKey') return `${subject} muss aus 14 Ziffern bestehen.`;
      return `${subject} hat nicht die erwartete Form.`;
    case 'format': {
      const format = String(params.format ?? '');
      return `${subject} muss das Format ${FORMAT_NAMES[format] ?? `„${format}“`} haben.`;
    }
    case 'const':
      return `${subject} muss genau ${JSON.stringify(params.allowedValue)} sein.`;
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map((value) => JSON.stringify(value)).join(', ') : '';
      return `${subject} muss einer dieser Werte sein: ${allowed}.`;
    }
    case 'oneOf':
    case 'anyOf':
      return `${subject} passt zu keiner der erlaubten Varianten; bitte die Angaben darin prüfen.`;
    case 'uniqueItems':
      return `${subject} enthält doppelte Einträge; jeder Eintrag darf nur einmal vorkommen.`;
    case 'false schema':
    case 'not':
      return `${subject} ist an dieser Stelle nicht erlaubt.`;
    case 'if':
    case 'then':
    case 'else':
      return `${subject} erfüllt eine Bedingung der Formulardefinition nicht.`;
    case 'dependentRequired':
      return `${subject} verlangt weitere Angaben, die fehlen.`;
    case 'propertyNames':
      return `${subject} enthält einen unzulässigen Namen.`;
    default:
      return undefined;
  }
}

/**
 * The German text of a definition problem for editors who do not know JSON Schema, or undefined when the code (or,
 * for 'meta-schema', the keyword) has no translation yet. Stable codes stay English for the API and the CLI.
 */
export function translateProblem(problem: DefinitionProblem, definition?: unknown): string | undefined {
  const subject = describeLocationInGerman(problem.pointer, definition);
  const tokens = parsePointer(problem.pointer) ?? [];
  const last = tokens[tokens.length - 1] ?? '';
  const numbers = problem.message.match(/\d+/g) ?? [];
  switch (problem.code) {
    case 'meta-schema':
      return translateMetaProblem(problem, subject);
    case 'not-object':
      return 'Die Formulardefinition muss eine Gruppe von Angaben in geschweiften Klammern { … } sein.';
    case 'too-deep':
      return `${problem.message.includes('data schema') ? 'Das Datenschema' : 'Die Formulardefinition'} ist zu tief verschachtelt (höchstens ${numbers[0] ?? 32} Ebenen).`;
    case 'not-json':
      return 'Die Formulardefinition enthält Werte, die in JSON nicht vorkommen dürfen (zum Beispiel undefinierte Werte oder Zyklen).';
    case 'too-large':
      return `Die Formulardefinition ist zu groß: ${numbers[0] ?? '?'} Zeichen, erlaubt sind höchstens ${numbers[1] ?? '?'}.`;
    case 'step-unknown-property':
      return `Schritt ${Number(tokens[1] ?? 0) + 1} nennt das Feld „${quoted(problem.message)}“, das es auf der obersten Ebene des Formulars nicht gibt.`;
    case 'step-duplicate-property':
      return `Das Feld „${quoted(problem.message)}“ steht schon in Schritt ${numbers[numbers.length - 1] ?? '?'}; jedes Feld gehört zu genau einem Schritt.`;
    case 'step-missing-property':
      return `${subject} ist keinem Schritt zugeordnet; jedes Feld gehört zu genau einem Schritt.`;
    case 'lead-kreis-in-kommunen':
      return 'Der Kreis kann nicht zu den federführenden Kommunen gehören; wenn der Kreis federführend ist, als Federführung „Kreis“ wählen.';
    case 'schema-not-object':
      return 'Das Datenschema muss eine Gruppe von Angaben (Objekt) sein.';
    case 'invalid-schema':
      return `${subject} ist keine gültige Regel (erwartet wird eine Gruppe von Angaben oder true/false).`;
    case 'remote-ref':
      return `${subject} verweist nach außerhalb des Formulars; erlaubt sind nur Verweise innerhalb des Datenschemas („#/$defs/…“).`;
    case 'unsupported-ref':
      return `${subject} enthält einen Verweis, der kein gültiger Pfad innerhalb des Datenschemas ist.`;
    case 'unsupported-keyword':
      return last === '$id'
        ? 'Die Schema-Kennung („$id“) ist nur ganz oben im Datenschema erlaubt.'
        : `Die Regel „${KEYWORD_NAMES[last] ?? last}“ wird nicht unterstützt; bitte entfernen.`;
    case 'data-ref':
      return `${subject} enthält einen Datenverweis („$data“); solche Verweise sind nicht erlaubt.`;
    case 'additional-properties':
      return `${subject} muss unbekannte Angaben ablehnen; bitte „additionalProperties: false“ ergänzen.`;
    case 'invalid-upload':
      return `${subject} ist ein Dateifeld und muss deshalb eine Gruppe („type“: „object“) ohne eigene Unterfelder oder Pflichtangaben sein.`;
    case 'contact-email-invalid':
      return 'Die Kontakt-E-Mail-Adresse muss auf ein Feld zeigen, das eine E-Mail-Adresse erfasst (Textfeld mit dem Format „E-Mail“).';
    case 'pattern-not-linear':
      return `${subject} hat ein Muster, das sich nicht in linearer Zeit prüfen lässt (Rückverweis wie „\\1“ oder Vorausschau wie „(?=…)“) oder das ungültig ist; bitte das Muster ohne solche Teile schreiben.`;
    case 'unbounded-pattern':
      return `${subject} hat ein Muster, aber keine Höchstlänge; bitte eine Höchstlänge angeben.`;
    case 'unbounded-format':
      return `${subject} hat ein Format, aber keine Höchstlänge; bitte eine Höchstlänge angeben.`;
    case 'unbounded-unique-items':
      return `${subject} verlangt eindeutige Einträge, aber keine Höchstzahl der Einträge; bitte eine Höchstzahl angeben.`;
    case 'branch-unknown-property':
      return `Das Feld „${quoted(problem.message)}“ in einer Bedingung oder Kombination ist in der umgebenden Gruppe nicht angelegt.`;
    case 'required-unknown':
      return `Das Pflichtfeld „${quoted(problem.message)}“ ist nicht als Feld angelegt.`;
    case 'reserved-name':
      return `Der Name „${quoted(problem.message)}“ ist reserviert und kann nicht als Feldname verwendet werden.`;
    case 'schema-compile':
      return 'Das Datenschema lässt sich nicht übersetzen; bitte die zuletzt geänderte Regel prüfen.';
    case 'unresolved-ref':
      return `Der Verweis „#${quoted(problem.message).replace(/^#/, '')}“ zeigt auf nichts im Datenschema.`;
    case 'circular-ref':
      return `Der Verweis „#${quoted(problem.message).replace(/^#/, '')}“ verweist im Kreis auf sich selbst zurück.`;
    case 'version-invalid':
      return 'Beide Versionsnummern müssen die Form HAUPT.NEBEN.KORREKTUR haben, zum Beispiel 1.2.0.';
    case 'version-not-increasing': {
      const versions = problem.message.match(/\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?/g) ?? [];
      return `Version ${versions[0] ?? '?'} muss höher sein als ${versions[1] ?? 'die vorige Version'}.`;
    }
    case 'version-not-greater': {
      const given = /^Version (\S+)/.exec(problem.message)?.[1];
      const latest = /latest: ([^)]+)\)/.exec(problem.message)?.[1] ?? '?';
      return `Version ${given && given !== '(none)' ? given : '(keine)'} muss höher sein als jede veröffentlichte Version (zuletzt ${latest}).`;
    }
    case 'version-bump-too-small':
      return translateBumpTooSmall(problem.message);
    case 'id-mismatch':
      return `Die Kennung der Formulardefinition muss „${quoted(problem.message)}“ lauten.`;
    default:
      return undefined;
  }
}

function translateBumpTooSmall(message: string): string | undefined {
  const head = /^(\S+) -> (\S+) is a (major|minor|patch) bump, but the changes need a (major|minor|patch) bump:/.exec(message);
  if (!head) return undefined;
  const lines = message
    .split('\n')
    .slice(1)
    .map((line) => /^\s*- (breaking|compatible) (\S*): (.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[1] === 'breaking' ? 'inkompatibel' : 'kompatibel'}: ${translateChangeDescription(match[3]!) ?? 'sonstige Änderung'} (${match[2]})`);
  const bumpWord = { major: 'eine neue Hauptversion', minor: 'eine neue Nebenversion', patch: 'eine neue Korrekturversion' } as const;
  const from = head[1]!;
  const to = head[2]!;
  return `Von ${from} auf ${to} ist ${bumpWord[head[3] as 'major']}, die Änderungen erfordern aber ${bumpWord[head[4] as 'major']}:${lines.map((line) => `\n– ${line}`).join('')}`;
}

/** The German text of a problem; a problem without a translation gets a German notice naming its stable code. */
export function describeProblemInGerman(problem: DefinitionProblem, definition?: unknown): string {
  return translateProblem(problem, definition) ?? `${describeLocationInGerman(problem.pointer, definition)} ist fehlerhaft (Prüfregel ${problem.code}).`;
}
