/**
 * Who is calling: the `sub` of a Bearer ID token from the brand's OpenID Provider, its
 * signature checked against the keys the provider publishes (found through its discovery
 * document), its `iss`, `aud` and `exp` checked with 30 s of clock tolerance. Only an ID
 * token passes: not an access token (`typ: at+jwt`), not a logout token (`events`), not one
 * issued to another client of a shared audience (`azp`), not one issued in the future or
 * meant to live longer than `maxTokenAgeMs`.
 *
 * A verified token is remembered for a few minutes (never past its expiry), so a fan's burst
 * of votes costs one RSA verification, not one per vote; concurrent first uses of a token
 * share that verification. The provider's keys are read again every `keysRefreshMs`; when
 * they changed (a key withdrawn), every remembered token is verified again.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { HttpError } from './http.js';
import type { Logger } from './logger.js';

const CLOCK_TOLERANCE_S = 30;
/** Enough for every fan active in the last hour of a busy campaign; the oldest go first. */
const CACHE_SIZE = 50_000;
/** The longest a verification is remembered. */
const REMEMBER_MS = 5 * 60_000;
/** After the provider could not be reached, requests fail fast for this long. */
const OUTAGE_BACKOFF_MS = 5_000;
const FETCH_TIMEOUT_MS = 5_000;
/** An unknown key id reads the keys again (a rotation), at most this often. */
const UNKNOWN_KEY_COOLDOWN_MS = 30_000;
/** The `typ` headers of an ID token (absent is the usual case). */
const ID_TOKEN_TYPE = /^(?:application\/)?(?:id_token\+)?jwt$/i;

export interface IdentityVerifier {
  /** The person (`sub`) behind an `Authorization` header, or a 401/503 `HttpError`. */
  verify(authorization: string): Promise<string>;
  /** The person, when this header was verified before and has not expired; no I/O. */
  known(authorization: string): string | undefined;
}

const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);

/** The provider could not be asked for its keys: not the fan's fault, so not a 401. */
class ProviderUnavailable extends Error {}

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

/** The provider's keys as last read. */
interface KeySet {
  get: JWTVerifyGetKey;
  /** The published keys, to tell whether a new read changed them. */
  text: string;
  readAt: number;
}

export function createIdentityVerifier(options: {
  issuer: string;
  audience: string | string[];
  /** The longest `exp - iat` accepted. */
  maxTokenAgeMs: number;
  /** How often the provider's keys are read again. */
  keysRefreshMs: number;
  logger: Logger;
}): IdentityVerifier {
  const issuer = options.issuer;
  const { maxTokenAgeMs, keysRefreshMs } = options;
  const audiences = new Set(
    typeof options.audience === 'string' ? [options.audience] : options.audience,
  );
  const discoveryUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const verified = new Map<string, { person: string; validUntil: number }>();
  const pending = new Map<string, Promise<string>>();
  let jwksUri: URL | undefined;
  let keys: KeySet | undefined;
  let reading: Promise<KeySet> | undefined;
  let outageUntil = 0;

  const discover = async (): Promise<URL> => {
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
    return new URL(document.jwks_uri);
  };

  const readKeys = async (): Promise<KeySet> => {
    try {
      jwksUri ??= await discover();
    } catch (error) {
      report(`cannot read the identity provider's ${discoveryUrl}`, error);
      throw error;
    }
    try {
      const response = await fetch(jwksUri, {
        headers: { accept: 'application/jwk-set+json, application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`${jwksUri.href} answered ${response.status}`);
      const jwks = (await response.json()) as JSONWebKeySet;
      return { get: createLocalJWKSet(jwks), text: JSON.stringify(jwks.keys), readAt: Date.now() };
    } catch (error) {
      report("cannot fetch the identity provider's keys", error);
      throw error;
    }
  };

  /** Logs an outage of the provider once per back-off period, not once per request. */
  let reportedAt = -Infinity;
  const report = (message: string, error: unknown) => {
    if (Date.now() - reportedAt < OUTAGE_BACKOFF_MS) return;
    reportedAt = Date.now();
    options.logger.error(message, error);
  };

  /** Reads the keys (once for concurrent callers); a change forgets remembered tokens. */
  const refresh = (): Promise<KeySet> => {
    reading ??= readKeys()
      .then(
        (found) => {
          if (keys && keys.text !== found.text) verified.clear();
          return (keys = found);
        },
        (error) => {
          outageUntil = Date.now() + OUTAGE_BACKOFF_MS;
          // Keys read before still hold through an outage; they are asked for again later.
          if (keys) {
            keys.readAt = outageUntil - keysRefreshMs;
            return keys;
          }
          throw new ProviderUnavailable('no keys', { cause: error });
        },
      )
      .finally(() => (reading = undefined));
    return reading;
  };

  const fresh = (set: KeySet | undefined): set is KeySet =>
    set !== undefined && Date.now() - set.readAt < keysRefreshMs;

  const keySet = (): Promise<KeySet> => {
    if (fresh(keys)) return Promise.resolve(keys);
    if (!keys && Date.now() < outageUntil) return Promise.reject(new ProviderUnavailable());
    return refresh();
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const set = await keySet();
    try {
      return await set.get(header, token);
    } catch (error) {
      const unknownKey = (error as { code?: unknown }).code === 'ERR_JWKS_NO_MATCHING_KEY';
      if (!unknownKey || Date.now() - set.readAt < UNKNOWN_KEY_COOLDOWN_MS) throw error;
      return (await refresh()).get(header, token);
    }
  };

  /** Refuses what verifies but is not an ID token for this client, alive and sane. */
  const checkClaims = (header: { typ?: string }, payload: Record<string, unknown>) => {
    if (header.typ !== undefined && !ID_TOKEN_TYPE.test(header.typ)) {
      throw unauthorized(`A token of type "${header.typ}" is not an ID token.`);
    }
    if (payload.events !== undefined) throw unauthorized('A logout token is not an ID token.');
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (
      payload.azp !== undefined
        ? typeof payload.azp !== 'string' || !audiences.has(payload.azp)
        : aud.length > 1
    ) {
      throw unauthorized('The ID token was issued to another client ("azp").');
    }
    const iat = payload.iat as number;
    const exp = payload.exp as number;
    if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_S) {
      throw unauthorized('The ID token is issued in the future ("iat").');
    }
    if ((exp - iat) * 1000 > maxTokenAgeMs) {
      throw unauthorized('The ID token lives longer than this server accepts ("exp" - "iat").');
    }
  };

  const check = async (authorization: string): Promise<string> => {
    const token = /^bearer +(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthorized('Send the ID token as "Authorization: Bearer <token>".');
    try {
      const { payload, protectedHeader } = await jwtVerify(token, getKey, {
        issuer,
        audience: options.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      checkClaims(protectedHeader, payload);
      const person = payload.sub;
      if (typeof person !== 'string' || person === '') {
        throw unauthorized('The ID token names no subject.');
      }
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(authorization, {
        person,
        validUntil: Math.min((payload.exp! + CLOCK_TOLERANCE_S) * 1000, Date.now() + REMEMBER_MS),
      });
      return person;
    } catch (error) {
      throw error instanceof HttpError ? error : verdict(error);
    }
  };

  const known = (authorization: string): string | undefined => {
    const entry = verified.get(authorization);
    if (entry === undefined || !fresh(keys)) return undefined;
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
