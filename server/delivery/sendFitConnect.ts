import { createHash } from 'node:crypto';
import type { JWK } from 'jose';
import type { DeliveryFile, DeliveryPayload } from './DeliveryPayload.ts';
import { DeliveryError } from './DeliveryError.ts';
import { requestOutbound, type OutboundResponse } from './requestOutbound.ts';

/** FIT-Connect metadata schema the metadata is written against (../shared/fim/fitko_fit-connect_metadata.schema.v1.0.0.json). */
export const FIT_CONNECT_METADATA_SCHEMA = 'https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json';

/** Settings of a FIT-Connect channel (the OAuth client secret is the channel's write-only secret). */
export interface FitConnectConfig {
  /** OAuth2 token endpoint, e.g. https://auth-testing.fit-connect.fitko.dev/token */
  tokenUrl: string;
  /** Submission API base without version, e.g. https://submission-api-testing.fit-connect.fitko.dev */
  submissionApiUrl: string;
  destinationId: string;
  clientId: string;
  /** Optional OAuth scope, e.g. 'send:region:DE'. */
  scope?: string;
}

export interface FitConnectOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/** Reads and checks a channel's FIT-Connect settings (also used when an admin saves the channel). */
export function readFitConnectConfig(config: Record<string, unknown>): FitConnectConfig {
  const text = (name: string) => (typeof config[name] === 'string' && (config[name] as string).length > 0 ? (config[name] as string) : undefined);
  const tokenUrl = text('tokenUrl');
  const submissionApiUrl = text('submissionApiUrl');
  const destinationId = text('destinationId');
  const clientId = text('clientId');
  if (!tokenUrl || !submissionApiUrl || !destinationId || !clientId) {
    throw new DeliveryError('CHANNEL_INVALID', 'the FIT-Connect channel needs tokenUrl, submissionApiUrl, destinationId and clientId', true);
  }
  return { tokenUrl, submissionApiUrl: submissionApiUrl.replace(/\/+$/, ''), destinationId, clientId, ...(text('scope') ? { scope: text('scope')! } : {}) };
}

/** The JWE (compact, RSA-OAEP-256 + A256GCM) of `plaintext` to the destination's public encryption key. */
export async function encryptForDestination(plaintext: Uint8Array, key: { jwk: JWK; kid: string }, contentType: string): Promise<string> {
  // FIT-Connect publishes encryption keys with key_ops ["wrapKey"]; WebCrypto's RSA-OAEP import wants "encrypt".
  const { key_ops: _keyOps, use: _use, ...jwk } = key.jwk;
  const { CompactEncrypt, importJWK } = await import('jose');
  const publicKey = await importJWK({ ...jwk, alg: 'RSA-OAEP-256' }, 'RSA-OAEP-256');
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: key.kid, cty: contentType }).encrypt(publicKey);
}

/** The FIT-Connect metadata of a submission (valid against metadata schema 1.0.0). */
export function buildFitConnectMetadata(
  payload: DeliveryPayload,
  dataHash: string,
  files: { file: DeliveryFile; hash: string }[],
  schemaUri: string,
): Record<string, unknown> {
  return {
    $schema: FIT_CONNECT_METADATA_SCHEMA,
    contentStructure: {
      data: { hash: { type: 'sha512', content: dataHash }, submissionSchema: { schemaUri, mimeType: 'application/json' } },
      attachments: files.map(({ file, hash }) => ({
        hash: { type: 'sha512', content: hash },
        purpose: file.purpose,
        filename: file.filename,
        mimeType: file.mimeType,
        attachmentId: file.id,
      })),
    },
    publicServiceType: { name: payload.service.title, identifier: `urn:de:fim:leika:leistung:${payload.service.leikaKey}` },
    ...(payload.contactEmail ? { replyChannel: { eMail: { address: payload.contactEmail } } } : {}),
  };
}

/**
 * Delivers a submission through the FIT-Connect Submission API (v1): OAuth2 client credentials token; the
 * destination's encryption key (GET /v1/destinations/{id} → encryptionKid, GET .../keys/{kid}); POST /v1/submissions
 * announcing every attachment; PUT /v1/submissions/{id}/attachments/{attachmentId} per file (application/jose);
 * PUT /v1/submissions/{id} with encryptedMetadata and encryptedData. A definition without LeiKa key is refused
 * (dead-lettered with LEIKA_KEY_MISSING): FIT-Connect routes by service type.
 */
export async function sendFitConnect(
  payload: DeliveryPayload,
  channel: { config: Record<string, unknown>; secret: string | null },
  options: FitConnectOptions,
): Promise<{ submissionId: string }> {
  if (!payload.service.leikaKey) {
    throw new DeliveryError('LEIKA_KEY_MISSING', `service ${payload.service.id} ${payload.service.version} has no LeiKa key (source.leika or leikaKey); FIT-Connect needs the service type`, true);
  }
  const config = readFitConnectConfig(channel.config);
  if (!channel.secret) throw new DeliveryError('CHANNEL_INVALID', 'the FIT-Connect channel has no client secret', true);
  const http = (url: string, init: { method: string; headers?: Record<string, string>; body?: string }) =>
    requestOutbound(url, { ...init, timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate });

  const tokenResponse = await http(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: channel.secret, ...(config.scope ? { scope: config.scope } : {}) }).toString(),
  });
  const token = readJson<{ access_token?: unknown }>(expectStatus(tokenResponse, [200], 'token')).access_token;
  if (typeof token !== 'string') throw new DeliveryError('FIT_CONNECT_TOKEN', 'the token endpoint answered without access_token');
  const auth = { authorization: `Bearer ${token}` };
  const api = `${config.submissionApiUrl}/v1`;
  const destinationPath = `${api}/destinations/${encodeURIComponent(config.destinationId)}`;

  const destination = readJson<{ encryptionKid?: unknown }>(expectStatus(await http(destinationPath, { method: 'GET', headers: auth }), [200], 'destination'));
  if (typeof destination.encryptionKid !== 'string') throw new DeliveryError('FIT_CONNECT_DESTINATION', 'the destination has no encryptionKid');
  const jwk = readJson<JWK>(expectStatus(await http(`${destinationPath}/keys/${encodeURIComponent(destination.encryptionKid)}`, { method: 'GET', headers: auth }), [200], 'key'));
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || (jwk.key_ops && !jwk.key_ops.includes('wrapKey'))) {
    throw new DeliveryError('FIT_CONNECT_KEY', 'the destination key is not an RSA encryption key (wrapKey)', true);
  }
  if (Buffer.from(jwk.n, 'base64url').length * 8 < 4096) throw new DeliveryError('FIT_CONNECT_KEY', 'the destination key is shorter than 4096 bits', true);
  const key = { jwk, kid: destination.encryptionKid };

  const files = [...payload.attachments, ...payload.documents];
  const created = readJson<{ submissionId?: unknown }>(
    expectStatus(
      await http(`${api}/submissions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          destinationId: config.destinationId,
          announcedAttachments: files.map((file) => file.id),
          serviceType: { name: payload.service.title, identifier: `urn:de:fim:leika:leistung:${payload.service.leikaKey}` },
        }),
      }),
      [201],
      'create submission',
    ),
  );
  if (typeof created.submissionId !== 'string') throw new DeliveryError('FIT_CONNECT_PROTOCOL', 'create submission answered without submissionId');
  const submissionPath = `${api}/submissions/${encodeURIComponent(created.submissionId)}`;

  const hashed: { file: DeliveryFile; hash: string }[] = [];
  for (const file of files) {
    const content = await file.read();
    hashed.push({ file, hash: createHash('sha512').update(content).digest('hex') });
    const jwe = await encryptForDestination(content, key, file.mimeType);
    expectStatus(
      await http(`${submissionPath}/attachments/${encodeURIComponent(file.id)}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/jose' }, body: jwe }),
      [204],
      'upload attachment',
    );
  }

  const data = Buffer.from(JSON.stringify(payload.submission.data), 'utf8');
  const metadata = buildFitConnectMetadata(
    payload,
    createHash('sha512').update(data).digest('hex'),
    hashed,
    `urn:de:kreis-heinsberg:kreisform:${payload.service.id}:${payload.service.version}`,
  );
  const body = JSON.stringify({
    encryptedMetadata: await encryptForDestination(Buffer.from(JSON.stringify(metadata), 'utf8'), key, 'application/json'),
    encryptedData: await encryptForDestination(data, key, 'application/json'),
  });
  expectStatus(await http(submissionPath, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body }), [200, 202], 'submit');
  return { submissionId: created.submissionId };
}

function expectStatus(response: OutboundResponse, expected: number[], step: string): OutboundResponse {
  if (!expected.includes(response.status)) {
    throw new DeliveryError('FIT_CONNECT_HTTP', `${step} answered ${response.status}`, response.status === 400 || response.status === 422);
  }
  return response;
}

function readJson<T>(response: OutboundResponse): T {
  try {
    return JSON.parse(response.body.toString('utf8')) as T;
  } catch {
    throw new DeliveryError('FIT_CONNECT_PROTOCOL', 'an answer was not JSON');
  }
}
