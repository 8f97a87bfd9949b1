import { generateSecret, generateURI, verify } from 'otplib';

/** Issuer shown by authenticator apps. */
const ISSUER = 'kreisform';

/** A new random TOTP secret (Base32, 20 bytes). */
export function createTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI of a secret, for authenticator apps that accept a pasted link. */
export function buildTotpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/**
 * Checks a 6-digit code at `now` (one 30 s step of clock drift either way). Returns the code's time step, or
 * undefined when it is wrong or not newer than `afterStep` (a code used once cannot be used again).
 */
export async function verifyTotpCode(secret: string, code: unknown, now: Date, afterStep: number | null): Promise<number | undefined> {
  if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code.trim())) return undefined;
  const result = await verify({
    secret,
    token: code.trim(),
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? (result.timeStep as number) : undefined;
}
