import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { RJSFSchema } from '@rjsf/utils';
import { checkDataSchema } from '../../engine/checkDataSchema.ts';
import { createFormValidator, type ValidatableDefinition } from '../../engine/createFormValidator.ts';
import { neutraliseCsvFormula } from '../../engine/neutraliseCsvFormula.ts';
import { toCsvCell } from '../../server/domain/toCsvCell.ts';
import { createValidatorModuleSource } from '../../server/usecases/createValidatorModuleSource.ts';
import { getLoginDelay } from '../../server/usecases/getLoginDelay.ts';
import { requireFromRuntime } from '../../renderer/shared/validation/validatorRuntime.ts';
import { createStaffSession } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer, VALID_V1 } from './startFixtureServer.ts';

const SUBMIT_ERK = '/api/v1/tenants/erkelenz/services/testantrag/submissions';
const DRAFT_ERK = '/api/v1/tenants/erkelenz/services/testantrag/drafts';

async function errorOf(response: Response): Promise<{ code: string; errors?: { pointer: string; message: string }[]; errorsOmitted?: number }> {
  return (await response.json()) as { code: string; errors?: { pointer: string; message: string }[]; errorsOmitted?: number };
}

function stringSchema(pattern: string, maxLength = 40): ValidatableDefinition {
  return {
    id: `redos-${Buffer.from(pattern).toString('hex')}`,
    version: '1.0.0',
    schema: { type: 'object', additionalProperties: false, properties: { x: { type: 'string', maxLength, pattern } } } as ValidatableDefinition['schema'],
  };
}

async function importModule(schema: unknown): Promise<ReturnType<typeof createPrecompiledValidator>> {
  const source = createValidatorModuleSource(schema as RJSFSchema);
  const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
    default: (require: (name: string) => unknown) => Record<string, never>;
  };
  return createPrecompiledValidator(module.default(requireFromRuntime), schema as RJSFSchema);
}

// The classic catastrophic patterns with an input that makes a backtracking engine take hours at this length.
const CATASTROPHIC: [pattern: string, input: string][] = [
  ['^(a+)+$', `${'a'.repeat(39)}!`],
  ['^(a|aa)+$', `${'a'.repeat(39)}!`],
  ['^(a|a?)+$', `${'a'.repeat(39)}!`],
  ['^(\\w+\\s?)*$', `${'wort '.repeat(7)}!!!!!`],
  ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', `${'a'.repeat(36)}!@x`],
  ['(x+x+)+y', 'x'.repeat(40)],
];

describe('Finding 2: patterns of definitions run in linear time', () => {
  it.each(CATASTROPHIC)('When %s meets a hostile 40-character input on the server, then validation finishes and refuses it', (pattern, input) => {
    const validator = createFormValidator();
    const result = validator.validate(stringSchema(pattern), { x: input });
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.keyword)).toContain('pattern');
  });

  it.each(CATASTROPHIC)('When %s meets the same input in the portal validator module, then it finishes and agrees', async (pattern, input) => {
    const definition = stringSchema(pattern);
    const validator = await importModule(definition.schema);
    expect(validator.validateFormData({ x: input }, definition.schema as RJSFSchema).errors.length).toBeGreaterThan(0);
  });

  it.each([
    ['^[0-9]{5}$', '41812', true],
    ['^[0-9]{5}$', '4181', false],
    ['^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [1-9][0-9]{0,3}$', 'HS-AB 123', true],
    ['^\\+?[0-9][0-9 /()-]{4,28}[0-9]$', '02452 13-0', true],
    ['^\\p{Lu}\\p{Ll}+$', 'Ärger', true],
    ['^\\p{Lu}\\p{Ll}+$', 'ärger', false],
  ])('When %s checks %j, then server and portal both answer %s', async (pattern, value, valid) => {
    const definition = stringSchema(pattern);
    expect(createFormValidator().validate(definition, { x: value }).valid).toBe(valid);
    const portal = await importModule(definition.schema);
    expect(portal.validateFormData({ x: value }, definition.schema as RJSFSchema).errors.length === 0).toBe(valid);
  });
});

describe('Finding 8: the validator module works for any property name', () => {
  const NAMES = [
    'export', 'default', 'toString', 'valueOf', 'hasOwnProperty', 'class', 'function', 'return', 'new', 'this',
    'null', 'true', 'await', 'yield', 'let', 'static', 'enum', 'import', 'require', 'exports', 'module', 'validate20',
    'a"b', "it's", 'back\\slash', 'x y', '1abc', '$', 'ümlaut', 'Straße', '日本', 'emoji😀', '*/', '${x}', '`tick`',
  ];

  it('When a form has fields named like JavaScript reserved words, quotes and unicode, then the module loads and validates like the server', async () => {
    const properties = Object.fromEntries(NAMES.map((name) => [name, { type: 'string', maxLength: 5 }]));
    const schema = { type: 'object', additionalProperties: false, required: NAMES, properties };
    expect(checkDataSchema(schema, '/schema')).toEqual([]);
    const portal = await importModule(schema);
    const definition: ValidatableDefinition = { id: 'odd-names', version: '1.0.0', schema: schema as ValidatableDefinition['schema'] };
    const valid = Object.fromEntries(NAMES.map((name) => [name, 'ok']));
    const invalid = { ...valid, export: 'zu lang!', toString: 7 };
    for (const [data, expected] of [[valid, true], [invalid, false]] as const) {
      expect(createFormValidator().validate(definition, data).valid).toBe(expected);
      expect(portal.validateFormData(data, schema as RJSFSchema).errors.length === 0).toBe(expected);
    }
  });

  it('When a field is named constructor or __proto__, then checkDefinition refuses it with a clear code before anything is generated', () => {
    const schema = JSON.parse('{"type":"object","additionalProperties":false,"properties":{"constructor":{"type":"string","maxLength":3},"__proto__":{"type":"string","maxLength":3}}}') as unknown;
    expect(checkDataSchema(schema, '/schema').map((problem) => problem.code)).toEqual(['reserved-name', 'reserved-name']);
  });

  it('When a field is named __proto__ in the schema, then the module still loads and checks it', async () => {
    const schema = JSON.parse('{"type":"object","additionalProperties":false,"properties":{"__proto__":{"type":"string","maxLength":3}}}') as unknown;
    const portal = await importModule(schema);
    expect(portal.validateFormData(JSON.parse('{"__proto__":"abcdef"}'), schema as RJSFSchema).errors.length).toBeGreaterThan(0);
  });
});

describe('Finding 10: CSV cells follow the OWASP guidance', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49 2452', "'+49 2452"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    [' =HYPERLINK("x")', "' =HYPERLINK(\"x\")"],
    ['\u3000=1', "'\u3000=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['Mustermann', 'Mustermann'],
    ['  Mustermann', '  Mustermann'],
    ['a=b', 'a=b'],
  ])('neutraliseCsvFormula(%j) = %j', (value, expected) => {
    expect(neutraliseCsvFormula(value)).toBe(expected);
  });

  it('When a formula hides behind a newline in a submission value, then the export cell is quoted and neutralised', () => {
    expect(toCsvCell('\n=cmd|calc')).toBe(`"'\n=cmd|calc"`);
  });
});

describe('Findings 1, 3, 4, 6: hostile bodies are refused early and cheaply', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer({ config: { draftsPerParticipant: 3 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a body has 5,000 unknown keys, then 422 lists 100 problems and counts the rest', async () => {
    const body: Record<string, unknown> = { ...VALID_V1 };
    for (let i = 0; i < 5000; i++) body[`k${i}`] = 1;
    const response = await postJson(server, SUBMIT_ERK, body);
    expect(response.status).toBe(422);
    const text = await response.text();
    const error = JSON.parse(text) as { errors: unknown[]; errorsOmitted: number };
    expect(error.errors).toHaveLength(100);
    expect(error.errorsOmitted).toBe(4900);
    expect(text.length).toBeLessThan(20_000);
  });

  it('When a body has more than 10,000 values, then 400 TOO_MANY_MEMBERS before parsing', async () => {
    const response = await postJson(server, SUBMIT_ERK, `{"person":{"vorname":"A","nachname":"B"},"anzahl":1,"x":[${'0,'.repeat(20_000)}0]}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('TOO_MANY_MEMBERS');
  });

  it('When a body nests 100,000 arrays, then 400 NESTING_TOO_DEEP', async () => {
    const response = await postJson(server, SUBMIT_ERK, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('NESTING_TOO_DEEP');
  });

  it('When a client declares a body over the limit and sends nothing, then 413 answers at once and the connection closes', async () => {
    const { status, connection, code } = await new Promise<{ status: number; connection: string | undefined; code: string }>((resolve, reject) => {
      const req = request(`${server.baseUrl}${SUBMIT_ERK}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(server.deps.config.submissionBodyLimitBytes + 1) },
      });
      req.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, code: (JSON.parse(text) as { code: string }).code }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
    expect(code).toBe('PAYLOAD_TOO_LARGE');
    expect(connection).toBe('close');
  });

  it('When the server runs, then it has header, request and keep-alive timeouts for a public server', () => {
    expect(server.server.headersTimeout).toBe(server.deps.config.headersTimeoutMs);
    expect(server.server.requestTimeout).toBe(server.deps.config.requestTimeoutMs);
    expect(server.server.keepAliveTimeout).toBe(server.deps.config.keepAliveTimeoutMs);
    expect(server.deps.config.headersTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(server.deps.config.requestTimeoutMs).toBeLessThanOrEqual(600_000);
  });

  it('When a draft holds keys the form does not have or wrong types, then 422 INVALID_DRAFT and nothing is stored', async () => {
    for (const data of [{ fremd: 'x'.repeat(1000) }, { person: { vorname: 42 } }, { anzahl: 'zwei' }, { person: { vorname: 'x'.repeat(101) } }]) {
      const response = await postJson(server, DRAFT_ERK, { data });
      expect(response.status, JSON.stringify(data).slice(0, 40)).toBe(422);
      const error = await errorOf(response);
      expect(error.code).toBe('INVALID_DRAFT');
      expect(error.errors?.[0]?.pointer).toMatch(/^\/data\//);
    }
  });

  it('When a draft is partial but fits the form, then it is stored; when the participant holds its maximum, then 429', async () => {
    for (let i = 0; i < 3; i++) expect((await postJson(server, DRAFT_ERK, { data: { person: { vorname: 'Erika' } } })).status).toBe(201);
    const response = await postJson(server, DRAFT_ERK, { data: { anzahl: 1 } });
    expect(response.status).toBe(429);
    expect((await errorOf(response)).code).toBe('DRAFT_QUOTA_EXCEEDED');
  });

  it('When a draft body is larger than the draft limit, then 413 without parsing', async () => {
    const response = await postJson(server, DRAFT_ERK, { data: { person: { vorname: 'x'.repeat(server.deps.config.draftBodyLimitBytes) } } });
    expect(response.status).toBe(413);
  });
});

describe('Finding 4: body limits follow the served version', () => {
  it('When a 5 MB body goes to a version without data-URL fields, then 413; to a published version that still carries files as data URLs, then it is read and validated', async () => {
    const server = await startServer();
    try {
      const body = JSON.stringify({ beschreibung: 'x'.repeat(5 * 1024 * 1024) });
      const post = (service: string, tenant = 'erkelenz') =>
        fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services/${service}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const modern = await post('briefwahl');
      expect(modern.status).toBe(413);
      // Heinsberg serves fundsache-melden 2.0.0, whose photo is uploaded apart (x-upload): the small limit applies.
      const uploading = await post('fundsache-melden', 'heinsberg');
      expect(uploading.status).toBe(413);
      const legacy = await post('fundsache-melden');
      expect(legacy.status).toBe(422);
      expect((await errorOf(legacy)).code).toBe('VALIDATION_FAILED');
    } finally {
      await server.close();
    }
  });
});

describe('Finding 6: drafts per client and day', () => {
  it('When one client saves more drafts in a day than allowed, then 429 RATE_LIMITED', async () => {
    const server = await startFixtureServer({ config: { draftsPerIpPerDay: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postJson(server, DRAFT_ERK, { data: { anzahl: 1 } })).status);
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await server.close();
    }
  });
});

describe('Finding 7: sign-in limits per account and per IP', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [8, 240_000],
    [20, 900_000],
  ])('getLoginDelay(%i) = %i ms', (failures, delay) => {
    expect(getLoginDelay(failures)).toBe(delay);
  });

  let server: StartedServer;
  let clock = Date.now();
  beforeAll(async () => {
    server = await startFixtureServer({ now: () => new Date(clock), config: { loginRateLimit: 3, trustProxy: 'loopback' } });
  });
  afterAll(async () => {
    await server.close();
  });

  const login = (email: string, password: string, ip: string) =>
    fetch(`${server.baseUrl}/api/v1/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email, password }) });

  it('When successful sign-ins come from one office IP, then they never count against its IP limit; failures do', async () => {
    const staff = await createStaffSession(server, 'erkelenz');
    for (let i = 0; i < 6; i++) expect((await login(staff.email, staff.password, '10.0.0.1')).status).toBe(200);
    const other = await createStaffSession(server, 'erkelenz');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(other.email, 'falsch-falsch-falsch', '10.0.0.9')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('When an account gets wrong passwords, then after five the account waits (German notice, Retry-After) even with the right password, and the failures are audited without the password', async () => {
    const staff = await createStaffSession(server, 'erkelenz');
    const typed = 'falsches-Passwort-123';
    // From several IPs, each under its own limit of three failures: the account limit must hold whichever IP asks.
    for (let i = 0; i < 5; i++) expect((await login(staff.email, typed, `10.0.1.${i}`)).status).toBe(401);
    const delayed = await login(staff.email, staff.password, '10.0.2.1');
    expect(delayed.status).toBe(429);
    expect(delayed.headers.get('retry-after')).toBe('30');
    const error = await errorOf(delayed);
    expect(error.code).toBe('LOGIN_DELAYED');
    expect(error.errors?.[0]?.message).toMatch(/zu viele fehlgeschlagene Anmeldungen.*einer Minute/);

    const events = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'staff.login_failed', subject: staff.user.id });
    expect(events).toHaveLength(5);
    expect(JSON.stringify(events)).not.toContain(typed);

    clock += 31_000;
    expect((await login(staff.email, staff.password, '10.0.0.3')).status).toBe(200);
    // Success cleared the count: one more typo costs no wait.
    expect((await login(staff.email, typed, '10.0.0.3')).status).toBe(401);
    expect((await login(staff.email, staff.password, '10.0.0.3')).status).toBe(200);
  });
});
