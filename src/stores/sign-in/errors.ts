export type LoginErrorCode =
  | 'config'
  | 'cancelled'
  | 'denied'
  | 'provider'
  | 'state'
  | 'token'
  | 'network'
  | 'issuer'
  | 'storage';

/** Why a sign-in did not happen; `code` picks the localized message shown to the fan. */
export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LoginError';
  }
}
