/**
 * Who is calling: the `sub` of a Bearer ID token from the brand's OpenID Provider, its
 * signature checked against the keys the provider publishes (found through its discovery
 * document), its `iss`, `aud` and `exp` checked with 30 s of clock tolerance.
 *
 * A verified token is remembered until it expires, so a fan's burst of votes costs one RSA
 * verification, not one per vote; concurrent first uses of a token share that verification.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { HttpError } from './http.js';
import type { Logger } from './logger.js';

const CLOCK_TOLERANCE_S = 30;
/** Enough for every fan active in the last hour of a busy campaign; the oldest go first. */
const CACHE_SIZE = 50_000;
/** After the provider could not be reached, requests fail fast for this long. */
const OUTAGE_BACKOFF_MS = 5_000;
const FETCH_TIMEOUT_MS = 5_000;

export interface IdentityVerifier {
  /** The person (`sub`) behind an `Authorization` header, or a 401/503 `HttpError`. */
  verify(authorization: string): Promise<string>;
  /** The person, when this header was verified before and has not expired; no I/O. */
  known(authorization: string): string | undefined;
}

const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);

/** The provider could not be asked for its keys: not the fan's fault, so not a 401. */
class ProviderUnavailable extends Error {}

/** jose's failures to obtain keys, as opposed to its verdicts on a token. */
function isKeyFetchFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    !(error instanceof Error) ||
    typeof code !== 'string' ||
    !code.startsWith('ERR_') ||
    code === 'ERR_JOSE_GENERIC' ||
    code === 'ERR_JWKS_TIMEOUT' ||
    code === 'ERR_JWKS_INVALID'
  );
}

function verdict(error: unknown): HttpError {
  if (error instanceof ProviderUnavailable) {
    return new HttpError(
      503,
      'unavailable',
      'The identity provider cannot be reached to check the ID token; try again shortly.',
      { 'retry-after': String(OUTAGE_BACKOFF_MS / 1000) },
    );
  }
  switch ((error as { code?: unknown }).code) {
    case 'ERR_JWT_EXPIRED':
      return unauthorized('The ID token has expired.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return unauthorized(
        `The ID token's "${(error as { claim?: string }).claim}" claim is not accepted here.`,
      );
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthorized("The ID token's signature does not verify.");
    default:
      return unauthorized('The ID token is malformed.');
  }
}

export function createIdentityVerifier(options: {
  issuer: string;
  audience: string | string[];
  logger: Logger;
}): IdentityVerifier {
  const issuer = options.issuer;
  const discoveryUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const verified = new Map<string, { person: string; validUntil: number }>();
  const pending = new Map<string, Promise<string>>();
  let keys: JWTVerifyGetKey | undefined;
  let discovery: Promise<JWTVerifyGetKey> | undefined;
  let outageUntil = 0;

  const discover = async (): Promise<JWTVerifyGetKey> => {
    const response = await fetch(discoveryUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`${discoveryUrl} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== issuer) {
      throw new Error(`${discoveryUrl} names another issuer: ${JSON.stringify(document.issuer)}`);
    }
    if (typeof document.jwks_uri !== 'string') throw new Error(`${discoveryUrl} has no jwks_uri`);
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
  };

  /** Logs an outage of the provider once per back-off period, not once per request. */
  let reportedAt = -Infinity;
  const report = (message: string, error: unknown) => {
    if (Date.now() - reportedAt < OUTAGE_BACKOFF_MS) return;
    reportedAt = Date.now();
    options.logger.error(message, error);
  };

  const keySet = (): Promise<JWTVerifyGetKey> => {
    if (keys) return Promise.resolve(keys);
    if (Date.now() < outageUntil) return Promise.reject(new ProviderUnavailable());
    discovery ??= discover()
      .then(
        (found) => (keys = found),
        (error) => {
          outageUntil = Date.now() + OUTAGE_BACKOFF_MS;
          report(`cannot read the identity provider's ${discoveryUrl}`, error);
          throw new ProviderUnavailable('discovery failed', { cause: error });
        },
      )
      .finally(() => (discovery = undefined));
    return discovery;
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const remote = await keySet();
    try {
      return await remote(header, token);
    } catch (error) {
      if (!isKeyFetchFailure(error)) throw error;
      report("cannot fetch the identity provider's keys", error);
      throw new ProviderUnavailable('no keys', { cause: error });
    }
  };

  const check = async (authorization: string): Promise<string> => {
    const token = /^bearer +(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthorized('Send the ID token as "Authorization: Bearer <token>".');
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer,
        audience: options.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      });
      const person = payload.sub;
      if (typeof person !== 'string' || person === '') {
        throw unauthorized('The ID token names no subject.');
      }
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(authorization, {
        person,
        validUntil: (payload.exp! + CLOCK_TOLERANCE_S) * 1000,
      });
      return person;
    } catch (error) {
      throw error instanceof HttpError ? error : verdict(error);
    }
  };

  const known = (authorization: string): string | undefined => {
    const entry = verified.get(authorization);
    if (entry === undefined) return undefined;
    if (Date.now() < entry.validUntil) return entry.person;
    verified.delete(authorization);
    return undefined;
  };

  return {
    known,
    verify(authorization) {
      const person = known(authorization);
      if (person !== undefined) return Promise.resolve(person);
      let verification = pending.get(authorization);
      if (verification === undefined) {
        verification = check(authorization).finally(() => pending.delete(authorization));
        pending.set(authorization, verification);
      }
      return verification;
    },
  };
}
