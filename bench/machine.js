import { cpus, loadavg, totalmem } from 'node:os';

const round = (value, digits = 2) => Number(value.toFixed(digits));

/** What the figures depend on: the CPU, how busy it is, and the runtimes. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
  };
}

/** The 1, 5 and 15 minute load averages. */
export const load = () => loadavg().map((value) => round(value));
