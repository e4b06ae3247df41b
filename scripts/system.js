// The parts of the system the tests need beyond npm's packages, and where to find them.
//
//   node scripts/system.js                  every part (what `npm test` needs)
//   node scripts/system.js chromium         only those named
//
// A part that is missing is installed from Debian's packages when this runs as root on Debian
// (as CI does: `DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq
// …`); anywhere else it stops at once, printing the command that installs it and the
// variable that points at another copy.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * What the tests need, one entry per part: the Debian package that provides it, the files
 * that show it is there (the first that exists is used), the variable that names another
 * copy, and what needs it. A new need is one more entry.
 */
export const PARTS = {
  chromium: {
    package: 'chromium',
    env: 'CHROME_PATH',
    files: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    what: 'a Chrome or Chromium binary',
    neededBy: 'the browser tests, the node journeys and the end-to-end tests',
  },
  firefox: {
    package: 'firefox-esr',
    env: 'FIREFOX_PATH',
    files: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    what: 'a Firefox binary',
    neededBy: 'the second-engine tests (npm run test:firefox)',
  },
  postgresql: {
    package: 'postgresql',
    env: 'VITRINE_PG_BIN',
    // The folder of initdb, pg_ctl and postgres; Debian installs one per major version.
    files: [
      '/usr/lib/postgresql/17/bin',
      '/usr/lib/postgresql/16/bin',
      '/usr/lib/postgresql/15/bin',
    ],
    what: "the folder of PostgreSQL's initdb and pg_ctl",
    neededBy: 'the PostgreSQL storage and scale-out tests (throwaway databases)',
  },
  redis: {
    package: 'redis-server',
    env: 'VITRINE_REDIS_SERVER',
    files: ['/usr/bin/redis-server'],
    what: 'a redis-server binary',
    neededBy: 'the scale-out tests (a throwaway Redis)',
  },
  cjkFonts: {
    package: 'fonts-noto-cjk',
    files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
    what: 'Noto Sans CJK',
    neededBy: 'the demo walk, whose Chinese pages would otherwise show boxes',
  },
};

/** Where part `name` is: its variable's file when set and present, else the first found. */
export function systemPath(name) {
  const part = PARTS[name];
  if (!part) throw new Error(`scripts/system.js knows no part "${name}"`);
  const candidates = [part.env && process.env[part.env], ...part.files];
  return candidates.find((path) => path && existsSync(path));
}

/** The Chromium the browser tests use: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = () => systemPath('chromium');

/** The Firefox of the second-engine run: `FIREFOX_PATH`, else Debian's `firefox-esr`. */
export const firefoxPath = () => systemPath('firefox');

/** PostgreSQL's programs folder: `VITRINE_PG_BIN`, else Debian's `/usr/lib/postgresql/<n>/bin`. */
export const postgresBin = () => systemPath('postgresql');

/** `VITRINE_REDIS_SERVER`, else Debian's `/usr/bin/redis-server`. */
export const redisServerPath = () => systemPath('redis');

const isRoot = () => process.getuid?.() === 0;
const onDebian = () => existsSync('/etc/debian_version');

function apt(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function explain(missing) {
  const packages = missing.map((name) => PARTS[name].package).join(' ');
  const them = missing.length > 1 ? 'them' : 'it';
  const sudo = isRoot() ? '' : 'sudo ';
  const lines = ["Vitrine's tests need what this machine lacks:"];
  for (const name of missing) {
    const part = PARTS[name];
    lines.push(`  ${part.package}, for ${part.neededBy}`);
  }
  lines.push(
    '',
    onDebian()
      ? `Install ${them}, then run the tests again:`
      : `Install ${them} (on Debian or Ubuntu, as below), then run the tests again:`,
    `  ${sudo}apt-get update && ${sudo}apt-get install -y ${packages}`,
  );
  const overrides = missing.filter((name) => PARTS[name].env);
  if (overrides.length > 0) {
    lines.push('', 'Or point the tests at a copy you already have:');
    for (const name of overrides) lines.push(`  ${PARTS[name].env}=<${PARTS[name].what}>`);
  }
  return lines.join('\n');
}

/**
 * Makes sure the parts `names` are there: installs the missing ones (root on Debian) or
 * explains how to, and exits with 1 when any is still missing.
 */
export function requireSystem(names = Object.keys(PARTS)) {
  let missing = names.filter((name) => !systemPath(name));
  if (missing.length > 0 && isRoot() && onDebian()) {
    const packages = missing.map((name) => PARTS[name].package);
    console.log(`Installing ${packages.join(', ')} from Debian's packages…`);
    if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', ...packages])) {
      missing = missing.filter((name) => !systemPath(name));
    }
  }
  if (missing.length > 0) {
    console.error(explain(missing));
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(PARTS);
  requireSystem(names);
  console.log(`System: ${names.map((name) => `${name} ${systemPath(name)}`).join(', ')}`);
}
