/** otplib loads with the first enrolment or sign-in code, not with every server process. */
const loadOtplib = () => import('otplib');

/** Issuer shown by authenticator apps. */
const ISSUER = 'kreisform';

/** A new random TOTP secret (Base32, 20 bytes). */
export async function createTotpSecret(): Promise<string> {
  return (await loadOtplib()).generateSecret();
}

/** The otpauth:// URI of a secret, for authenticator apps that accept a pasted link. */
export async function buildTotpUri(email: string, secret: string): Promise<string> {
  return (await loadOtplib()).generateURI({ issuer: ISSUER, label: email, secret });
}

/**
 * Checks a 6-digit code at `now` (one 30 s step of clock drift either way). Returns the code's time step, or
 * undefined when it is wrong or not newer than `afterStep` (a code used once cannot be used again).
 */
export async function verifyTotpCode(secret: string, code: unknown, now: Date, afterStep: number | null): Promise<number | undefined> {
  if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code.trim())) return undefined;
  const { verify } = await loadOtplib();
  const result = await verify({
    secret,
    token: code.trim(),
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? (result.timeStep as number) : undefined;
}
