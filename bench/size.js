// Bundles every subject (the browser measurements load these same files) and reports what
// each weighs, minified then gzip -9 and brotli.
import { join } from 'node:path';
import { SUBJECTS, buildSubject, cdnSizes } from './subjects.js';

export async function buildAll(buildDir) {
  const built = {};
  for (const subject of SUBJECTS)
    built[subject.id] = await buildSubject(subject, join(buildDir, subject.id));
  built.cdn = await cdnSizes();
  return built;
}

const atLoad = (size, kind) => size.initial[kind] + (size.css?.[kind] ?? 0);

/** Bytes per subject; peers with the ratio of what loads with the page to their counterpart's. */
export function sizes(built) {
  const rows = SUBJECTS.map((subject) => ({
    id: subject.id,
    label: subject.label,
    counterpart: subject.counterpart,
    ...built[subject.id],
  }));
  rows.splice(
    rows.findIndex((row) => row.id === 'plain-lit'),
    0,
    {
      id: 'vitrine-cdn-hearts',
      label: 'dist/cdn/vitrine.js, a page of wishlist buttons and a count',
      ...built.cdn.hearts,
    },
    {
      id: 'vitrine-cdn-everything',
      label: 'dist/cdn/vitrine.js, a page of every element',
      ...built.cdn.everything,
    },
    { id: 'vitrine-cdn-bundle', label: 'dist/cdn/vitrine.bundle.js', ...built.cdn.bundle },
  );
  for (const row of rows) {
    row.atLoad = { gzip: atLoad(row, 'gzip'), brotli: atLoad(row, 'brotli') };
    const counterpart = rows.find((other) => other.id === row.counterpart);
    if (counterpart) {
      row.ratioToCounterpart = Number((row.atLoad.gzip / atLoad(counterpart, 'gzip')).toFixed(2));
    }
    delete row.hasCss;
  }
  return rows;
}
