/**
 * `npm run bench:engine`: validation throughput of the engine (createFormValidator().validate, German errors as
 * data) beside a bare Ajv validator compiled from the same schema with the same options (plus ajv-i18n German
 * messages for failures), on the same mixed payloads in the same run. Prints a table and the overhead ratio;
 * exits 1 when the engine's overhead on the mixed workload exceeds 10 %. Timed in CPU time (see pass()).
 */
import localizeDe from 'ajv-i18n/localize/de/index.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkDefinition, createFormValidator, germanFormats, type FormDefinition } from '../engine/index.ts';

const LIMIT = 0.1;
const ROUNDS = 9;
const ROUND_MS = 600;

function buildDefinition(): FormDefinition {
  const text = (maxLength: number, extra: Record<string, unknown> = {}) => ({ type: 'string', minLength: 1, maxLength, ...extra });
  const person = {
    type: 'object',
    additionalProperties: false,
    required: ['anrede', 'vorname', 'nachname', 'geburtsdatum', 'strasse', 'hausnummer', 'plz', 'ort'],
    properties: {
      anrede: { type: 'string', enum: ['frau', 'herr', 'divers', 'keine'] },
      titel: text(40),
      vorname: text(100),
      nachname: text(100),
      geburtsname: text(100),
      geburtsdatum: { type: 'string', format: 'past-date', maxLength: 10 },
      geburtsort: text(100),
      staatsangehoerigkeit: text(60),
      strasse: text(100),
      hausnummer: text(10, { pattern: '^[0-9]+[a-zA-Z]?$' }),
      plz: text(5, { pattern: '^[0-9]{5}$' }),
      ort: text(100),
      email: { type: 'string', format: 'email', maxLength: 200 },
      telefon: { type: 'string', format: 'de-phone', maxLength: 30 },
      steuerId: { type: 'string', format: 'steuer-id', maxLength: 11 },
    },
  };
  const properties: Record<string, unknown> = {
    antragsteller: { $ref: '#/$defs/person' },
    bevollmaechtigter: { $ref: '#/$defs/person' },
    iban: { type: 'string', format: 'iban', maxLength: 34 },
    kontoinhaber: text(100),
    zahlungsart: { type: 'string', enum: ['lastschrift', 'ueberweisung'] },
    anzahl: { type: 'integer', minimum: 1, maximum: 20 },
    betrag: { type: 'number', minimum: 0, maximum: 100000 },
    beginn: { type: 'string', format: 'date', maxLength: 10 },
    zustimmung: { type: 'boolean', const: true },
    hinweise: { type: 'array', maxItems: 10, items: text(200) },
  };
  for (let i = 1; i <= 10; i++) properties[`angabe${i}`] = text(200);
  const required = ['antragsteller', 'iban', 'zahlungsart', 'anzahl', 'beginn', 'zustimmung', 'angabe1'];
  return {
    id: 'bench-antrag',
    version: '1.0.0',
    title: 'Benchmark-Antrag',
    description: 'Ein Antrag mit etwa 50 Feldern für den Benchmark der Engine.',
    lead: { kind: 'kreis' },
    retentionDays: 30,
    schema: { type: 'object', additionalProperties: false, required, properties, $defs: { person } } as FormDefinition['schema'],
    uiSchema: {},
    changelog: { date: '2026-01-01', summary: 'Benchmark.' },
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same payloads. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildPayloads(count: number, invalidShare: number): unknown[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const person = () => ({
    anrede: pick(['frau', 'herr', 'divers']),
    vorname: pick(['Erika', 'Max', 'Aylin', 'Jan']),
    nachname: pick(['Mustermann', 'Schmitz', 'Yılmaz', 'Janssen']),
    geburtsdatum: pick(['1980-02-29', '1975-07-14', '2001-12-01']),
    strasse: pick(['Valkenburger Straße', 'Johannismarkt', 'Markt']),
    hausnummer: pick(['45', '17a', '1']),
    plz: pick(['52525', '41812', '52511']),
    ort: pick(['Heinsberg', 'Erkelenz', 'Geilenkirchen']),
    email: 'erika@example.org',
    telefon: '02452 13-0',
    steuerId: '86095742719',
  });
  const breakers: ((p: Record<string, unknown>) => void)[] = [
    (p) => { (p.antragsteller as Record<string, unknown>).plz = '5252'; },
    (p) => { delete (p.antragsteller as Record<string, unknown>).vorname; },
    (p) => { p.iban = 'DE89370400440532013001'; },
    (p) => { p.anzahl = 0; },
    (p) => { p.unbekannt = 'x'; },
    (p) => { p.zustimmung = false; },
    (p) => { (p.antragsteller as Record<string, unknown>).steuerId = '86095742710'; },
  ];
  const payloads: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const payload: Record<string, unknown> = {
      antragsteller: person(),
      iban: 'DE89370400440532013000',
      kontoinhaber: 'Erika Mustermann',
      zahlungsart: pick(['lastschrift', 'ueberweisung']),
      anzahl: 1 + Math.floor(next() * 5),
      betrag: Math.round(next() * 10000) / 100,
      beginn: '2026-04-01',
      zustimmung: true,
      hinweise: ['Bitte schriftlich antworten.'],
    };
    if (next() < 0.5) payload.bevollmaechtigter = person();
    for (let k = 1; k <= 10; k++) if (k === 1 || next() < 0.5) payload[`angabe${k}`] = `Angabe ${k}`;
    if (i < count * invalidShare) {
      const errors = 1 + Math.floor(next() * 3);
      for (let e = 0; e < errors; e++) pick(breakers)(payload);
    }
    payloads.push(JSON.parse(JSON.stringify(payload)));
  }
  // Interleave valid and invalid payloads.
  return payloads.map((p, i) => ({ p, k: random(i + 7)() })).sort((a, b) => a.k - b.k).map(({ p }) => p);
}

type Runner = (data: unknown) => unknown;

let sink = 0;

const REPEAT = 5;

/**
 * CPU milliseconds (user + system of this process) one pass of `run` over the payloads takes, REPEAT times.
 * CPU time rather than wall time: on a shared machine wall time mostly measures the other processes.
 */
function pass(run: Runner, payloads: readonly unknown[]): number {
  const start = process.cpuUsage();
  for (let r = 0; r < REPEAT; r++) {
    for (let i = 0; i < payloads.length; i++) if (run(payloads[i])) sink++;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Calls per second of engine and bare ajv, measured in interleaved passes over the payloads (engine, bare,
 * bare, engine, ...) for about `ms` milliseconds, so both see the same machine load.
 */
function measurePair(payloads: readonly unknown[], ms: number): { engine: number; bare: number } {
  let engineTime = 0;
  let bareTime = 0;
  let passes = 0;
  while (engineTime + bareTime < ms) {
    if (passes % 2 === 0) {
      engineTime += pass(runEngine, payloads);
      bareTime += pass(runBare, payloads);
    } else {
      bareTime += pass(runBare, payloads);
      engineTime += pass(runEngine, payloads);
    }
    passes++;
  }
  const calls = passes * payloads.length * REPEAT;
  return { engine: (calls / engineTime) * 1000, bare: (calls / bareTime) * 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const definition = buildDefinition();
const problems = checkDefinition(definition);
if (problems.length > 0) throw new Error(`benchmark definition invalid: ${JSON.stringify(problems)}`);
const fieldCount = (() => {
  const props = definition.schema.properties as Record<string, unknown>;
  const person = Object.keys(((definition.schema.$defs as Record<string, { properties: object }>).person!).properties).length;
  return Object.keys(props).length - 2 + 2 * person;
})();

const engine = createFormValidator();
const { $id: _id, ...schema } = definition.schema as Record<string, unknown>;
// The baseline: a plain Ajv with the engine's options and formats, without the engine's caching, input guards
// and error mapping.
const bareAjv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true, multipleOfPrecision: 8 });
addFormats(bareAjv);
for (const [name, format] of Object.entries(germanFormats)) bareAjv.addFormat(name, format);
const bare = bareAjv.compile(schema);
const runEngine: Runner = (data) => engine.validate(definition, data).valid;
const runBare: Runner = (data) => {
  if (bare(data)) return true;
  localizeDe(bare.errors);
  return bare.errors;
};

const workloads: [string, unknown[]][] = [
  ['valid only', buildPayloads(200, 0)],
  ['invalid only', buildPayloads(200, 1)],
  ['mixed (75 % valid)', buildPayloads(200, 0.25)],
];

// Sanity: both judge every payload the same way.
for (const [, payloads] of workloads) {
  for (const payload of payloads) {
    if (engine.validate(definition, payload).valid !== bare(payload)) throw new Error('engine and bare ajv disagree');
  }
}
// Warm-up (JIT) for both.
for (const [, payloads] of workloads) measurePair(payloads, 400);

console.log(`kreisform engine benchmark: ${fieldCount} fields, 200 payloads per workload, ${ROUNDS} rounds of ${ROUND_MS} ms`);
console.log('engine and bare ajv run in interleaved passes, timed in process CPU time; calls/s per CPU second and');
console.log('overhead (bare/engine - 1) are medians of the rounds');
console.log(`node ${process.version}\n`);
const rows: { workload: string; bare: number; engine: number; overhead: number }[] = [];
for (const [name, payloads] of workloads) {
  const rounds = Array.from({ length: ROUNDS }, () => measurePair(payloads, ROUND_MS));
  rows.push({
    workload: name,
    bare: median(rounds.map((r) => r.bare)),
    engine: median(rounds.map((r) => r.engine)),
    overhead: median(rounds.map((r) => r.bare / r.engine - 1)),
  });
}
if (sink < 0) console.log(sink);

const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
console.log(`${'workload'.padEnd(20)} ${'bare ajv/s'.padStart(12)} ${'engine/s'.padStart(12)} ${'ratio'.padStart(8)} ${'overhead'.padStart(9)}`);
for (const row of rows) {
  console.log(
    `${row.workload.padEnd(20)} ${format(row.bare)} ${format(row.engine)} ${(row.engine / row.bare).toFixed(3).padStart(8)} ${`${(row.overhead * 100).toFixed(1)} %`.padStart(9)}`,
  );
}
const mixed = rows[rows.length - 1]!;
const ok = mixed.overhead < LIMIT;
console.log(`\nengine overhead on the mixed workload: ${(mixed.overhead * 100).toFixed(1)} % (limit ${LIMIT * 100} %): ${ok ? 'OK' : 'TOO SLOW'}`);
process.exitCode = ok ? 0 : 1;
