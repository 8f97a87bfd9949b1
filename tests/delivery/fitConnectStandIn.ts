import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { compactDecrypt, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The FIT-Connect metadata schema of the shared folder (../shared/fim/ from the repository). */
export const METADATA_SCHEMA_FILE = '/work/shared/fim/fitko_fit-connect_metadata.schema.v1.0.0.json';

interface StandInSubmission {
  submissionId: string;
  destinationId: string;
  announced: string[];
  serviceType: { name?: string; identifier: string };
  attachments: Map<string, Buffer>;
  state: 'created' | 'submitted';
  metadata?: Record<string, unknown>;
  data?: unknown;
  protectedHeaders: Record<string, unknown>[];
}

export interface FitConnectStandIn {
  tokenUrl: string;
  submissionApiUrl: string;
  destinationId: string;
  clientId: string;
  clientSecret: string;
  /** Every request as "METHOD path -> status", in order. */
  calls: string[];
  submissions: StandInSubmission[];
  close(): Promise<void>;
}

/**
 * A local Zustelldienst stand-in for the FIT-Connect Submission API v1: client-credentials tokens; the destination
 * with its encryption key; create submission (announced attachments), upload attachments, submit. It enforces the
 * sequence (token before everything; only announced attachments, each once, before the submit; nothing after it),
 * decrypts every JWE with the destination's private key (RSA-OAEP-256 + A256GCM only), validates the metadata
 * against the FIT-Connect metadata schema 1.0.0 with ajv and checks the hashes of data and attachments.
 */
export async function startFitConnectStandIn(): Promise<FitConnectStandIn> {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { modulusLength: 4096, extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['wrapKey'] };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validateMetadata = ajv.compile(JSON.parse(readFileSync(METADATA_SCHEMA_FILE, 'utf8')) as object);
  const tokens = new Set<string>();
  const standIn: FitConnectStandIn = {
    tokenUrl: '',
    submissionApiUrl: '',
    destinationId: randomUUID(),
    clientId: `client-${randomUUID().slice(0, 8)}`,
    clientSecret: `secret-${randomUUID()}`,
    calls: [],
    submissions: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };

  const decrypt = async (jwe: string, submission: StandInSubmission): Promise<Buffer> => {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, privateKey, { keyManagementAlgorithms: ['RSA-OAEP-256'], contentEncryptionAlgorithms: ['A256GCM'] });
    if (protectedHeader.kid !== kid) throw new Error('wrong kid');
    submission.protectedHeaders.push(protectedHeader as Record<string, unknown>);
    return Buffer.from(plaintext);
  };

  async function handle(req: IncomingMessage, body: Buffer): Promise<[number, unknown?]> {
    const url = new URL(req.url!, 'http://stand-in');
    const path = url.pathname;
    if (req.method === 'POST' && path === '/token') {
      const form = new URLSearchParams(body.toString('utf8'));
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== standIn.clientId || form.get('client_secret') !== standIn.clientSecret) {
        return [401, { error: 'invalid_client' }];
      }
      const token = randomUUID();
      tokens.add(token);
      return [200, { access_token: token, token_type: 'Bearer', expires_in: 1800, scope: 'send:region:DE' }];
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) return [401, { title: 'no valid token' }];
    const destinationPath = `/v1/destinations/${standIn.destinationId}`;
    if (req.method === 'GET' && path === destinationPath) return [200, { destinationId: standIn.destinationId, status: 'active', encryptionKid: kid }];
    if (req.method === 'GET' && path === `${destinationPath}/keys/${kid}`) return [200, publicJwk];
    if (req.method === 'POST' && path === '/v1/submissions') {
      if (!String(req.headers['content-type']).startsWith('application/json')) return [415];
      const announcement = JSON.parse(body.toString('utf8')) as { destinationId?: string; announcedAttachments?: string[]; serviceType?: { name?: string; identifier?: string } };
      if (announcement.destinationId !== standIn.destinationId) return [404, { title: 'unknown destination' }];
      if (!/^urn:de:fim:leika:leistung:[0-9]{14}$/.test(announcement.serviceType?.identifier ?? '')) return [422, { title: 'serviceType.identifier invalid' }];
      const announced = announcement.announcedAttachments ?? [];
      if (new Set(announced).size !== announced.length) return [422, { title: 'duplicate attachment ids' }];
      const submission: StandInSubmission = {
        submissionId: randomUUID(),
        destinationId: standIn.destinationId,
        announced,
        serviceType: announcement.serviceType as { identifier: string },
        attachments: new Map(),
        state: 'created',
        protectedHeaders: [],
      };
      standIn.submissions.push(submission);
      return [201, { destinationId: standIn.destinationId, submissionId: submission.submissionId, caseId: randomUUID() }];
    }
    const attachmentMatch = /^\/v1\/submissions\/([^/]+)\/attachments\/([^/]+)$/.exec(path);
    const submitMatch = /^\/v1\/submissions\/([^/]+)$/.exec(path);
    const submission = standIn.submissions.find((entry) => entry.submissionId === (attachmentMatch?.[1] ?? submitMatch?.[1]));
    if (req.method === 'PUT' && attachmentMatch) {
      if (!submission) return [404];
      if (submission.state !== 'created') return [409, { title: 'submission already submitted' }];
      if (req.headers['content-type'] !== 'application/jose') return [415];
      const attachmentId = attachmentMatch[2]!;
      if (!submission.announced.includes(attachmentId)) return [409, { title: 'attachment was not announced' }];
      if (submission.attachments.has(attachmentId)) return [409, { title: 'attachment already uploaded' }];
      submission.attachments.set(attachmentId, await decrypt(body.toString('utf8'), submission));
      return [204];
    }
    if (req.method === 'PUT' && submitMatch) {
      if (!submission) return [404];
      if (submission.state !== 'created') return [409, { title: 'submission already submitted' }];
      const missing = submission.announced.filter((id) => !submission.attachments.has(id));
      if (missing.length > 0) return [409, { title: `announced attachments missing: ${missing.join(', ')}` }];
      const { encryptedMetadata, encryptedData } = JSON.parse(body.toString('utf8')) as { encryptedMetadata?: string; encryptedData?: string };
      if (!encryptedMetadata || !encryptedData) return [422, { title: 'encryptedMetadata and encryptedData required' }];
      const metadata = JSON.parse((await decrypt(encryptedMetadata, submission)).toString('utf8')) as Record<string, unknown>;
      if (!validateMetadata(metadata)) return [422, { title: 'metadata invalid', errors: validateMetadata.errors }];
      const data = await decrypt(encryptedData, submission);
      const structure = metadata.contentStructure as { data: { hash: { content: string } }; attachments: { attachmentId: string; hash: { content: string } }[] };
      if (createHash('sha512').update(data).digest('hex') !== structure.data.hash.content) return [422, { title: 'data hash mismatch' }];
      for (const entry of structure.attachments) {
        const content = submission.attachments.get(entry.attachmentId);
        if (!content || createHash('sha512').update(content).digest('hex') !== entry.hash.content) return [422, { title: `attachment ${entry.attachmentId} hash mismatch` }];
      }
      if (structure.attachments.length !== submission.announced.length) return [422, { title: 'metadata does not list every attachment' }];
      submission.metadata = metadata;
      submission.data = JSON.parse(data.toString('utf8'));
      submission.state = 'submitted';
      return [202, { destinationId: standIn.destinationId, submissionId: submission.submissionId }];
    }
    return [404];
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, Buffer.concat(chunks)).then(
        ([status, answer]) => {
          standIn.calls.push(`${req.method} ${new URL(req.url!, 'http://x').pathname} -> ${status}`);
          res.writeHead(status, answer === undefined ? {} : { 'content-type': 'application/json' }).end(answer === undefined ? undefined : JSON.stringify(answer));
        },
        (error: unknown) => {
          standIn.calls.push(`${req.method} ${req.url} -> 400 ${error instanceof Error ? error.message : ''}`);
          res.writeHead(400).end();
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.tokenUrl = `${base}/token`;
  standIn.submissionApiUrl = base;
  return standIn;
}
