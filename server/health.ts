/**
 * `GET /healthz`: the process is up and answering. `GET /readyz`: it can serve, that is its
 * database and (when configured) Redis answer; 503 `unavailable` otherwise, so a load
 * balancer sends fans elsewhere until they do.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.js';

/** A dependency's check: resolves when it answers. */
export type ReadinessCheck = () => Promise<void>;

/** A check that has not answered in this time has failed. */
const CHECK_TIMEOUT_MS = 2_000;

function withinTimeout(check: ReadinessCheck): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
  });
  return Promise.race([
    check().then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    late,
  ]).finally(() => clearTimeout(timer));
}

export function sendHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

export async function sendReadiness(
  res: ServerResponse,
  checks: Record<string, ReadinessCheck>,
): Promise<void> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => withinTimeout(checks[name]!)));
  const report = Object.fromEntries(names.map((name, index) => [name, results[index]]));
  const down = names.filter((name) => report[name] === 'down');
  if (down.length === 0) {
    sendJson(res, 200, { status: 'ready', checks: report });
    return;
  }
  sendJson(
    res,
    503,
    {
      error: { code: 'unavailable', message: `Not ready: ${down.join(' and ')} not answering.` },
      checks: report,
    },
    { 'retry-after': '2' },
  );
}
