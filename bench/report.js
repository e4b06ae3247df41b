// The printed report: one Markdown table per measurement (bench/README.md shows the same),
// and the goals, met or not.
import { spread } from './stats.js';

const KB = 1024;
const kb = (bytes) => (bytes / KB).toFixed(1);
const ms = (summary) => spread(summary, '', 1);
const times = (summary) => spread(summary, '×', 2);

/** A Markdown table, columns padded so that it reads in a terminal too. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(cells[0]),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

export function sizeTable(rows) {
  return table(
    [
      'bundle',
      'at load, gzip',
      'at load, brotli',
      'later, gzip',
      'of which CSS, gzip',
      'vs Vitrine',
    ],
    rows.map((row) => [
      row.label,
      `${kb(row.atLoad.gzip)} KB`,
      `${kb(row.atLoad.brotli)} KB`,
      row.later.gzip ? `${kb(row.later.gzip)} KB` : '-',
      row.css?.gzip ? `${kb(row.css.gzip)} KB` : '-',
      row.ratioToCounterpart
        ? `${row.ratioToCounterpart.toFixed(2)}× ${row.counterpart.replace('vitrine-', 'vitrine/')}`
        : '',
    ]),
  );
}

export function firstRenderTable({ firstRender }) {
  return table(
    ['buttons', 'Vitrine, ms', 'plain Lit, ms', 'ratio (goal ≤ 1.25×)', 'ratio of CPU time'],
    firstRender.map((row) => [
      row.count.toLocaleString('en'),
      ms(row.vitrineMs),
      ms(row.plainLitMs),
      times(row.ratio),
      times(row.cpuRatio),
    ]),
  );
}

export function fanOutTable(fanOut, { teardown, teardownGrowth }) {
  const phases = fanOut.laterClicksPhasesMs;
  return table(
    ['figure', 'Vitrine', 'plain Lit (floor)', 'goal'],
    [
      [
        `elements re-rendered per click (${fanOut.buttons.toLocaleString('en')} buttons, ${fanOut.products} products)`,
        spread(fanOut.elementsRendered, '', 0),
        '',
        `those showing the product: ${fanOut.showingTheProduct.median}`,
      ],
      ['shadow roots whose DOM changed', spread(fanOut.shadowDomChanged, '', 0), '', ''],
      [
        'click to settled, first click on the page, ms',
        ms(fanOut.firstClickMs),
        ms(fanOut.plainLit.firstClickMs),
        '≤ 2 ms',
      ],
      [
        'click to settled, later clicks, ms',
        ms(fanOut.laterClicksMs),
        ms(fanOut.plainLit.laterClicksMs),
        '≤ 2 ms',
      ],
      [
        'of which click handler / re-renders / style and layout, ms',
        [phases.click, phases.rerender, phases.styleAndLayout]
          .map((phase) => phase.median.toFixed(2))
          .join(' / '),
        '',
        '',
      ],
      [
        'removing 1,000 buttons, ms',
        ms(teardown[1000].vitrine),
        ms(teardown[1000].plain),
        '≤ 16 ms',
      ],
      ['removing 4,000 buttons, ms', ms(teardown[4000].vitrine), ms(teardown[4000].plain), ''],
      [
        'teardown growth for 4× the buttons',
        times(teardownGrowth.vitrine),
        times(teardownGrowth.plain),
        'linear 4×, quadratic 16×',
      ],
    ],
  );
}

export function storiesTable(stories) {
  return table(
    [
      'carousel',
      'first slide painted, ms',
      'interactive, ms',
      'main thread per change, ms',
      'style recalcs per change',
      'the same two, no frame watcher',
      'animations off the compositor',
      'long tasks',
      'frames > 16.7 ms',
      'changes seen',
    ],
    stories.map((row) => [
      row.carousel,
      ms(row.firstSlidePaintedMs),
      ms(row.interactiveMs),
      ms(row.mainThreadMsPerChange),
      ms(row.styleRecalcsPerChange),
      `${ms(row.quietMainThreadMsPerChange)} ms, ${ms(row.quietStyleRecalcsPerChange)}`,
      spread(row.offCompositor, '', 0),
      spread(row.longTasks, '', 0),
      `${spread(row.slowFrames, '', 0)} of ${row.frames.median}`,
      String(row.changesReported.median),
    ]),
  );
}

export function hostTable(host) {
  const rows = [
    ['Vitrine script time, ms', (v) => ms(v.scriptMs)],
    ['style recalculation, ms', (v) => ms(v.styleMs)],
    ['layout, ms', (v) => ms(v.layoutMs)],
    ['main thread, all tasks, ms', (v) => ms(v.mainThreadMs)],
    ['added to all widgets rendered, ms', (v) => ms(v.allRenderedMs)],
    ['long tasks (> 50 ms)', (v) => spread(v.longTasks, '', 0)],
    ['longest task, ms', (v) => ms(v.longestTaskMs)],
    ['cumulative layout shift (goal 0.00)', (v) => spread(v.cls, '', 3)],
    ['host elements moved anywhere on the page', (v) => spread(v.movedOnPage, '', 0)],
  ];
  return table(
    ['figure', 'with the reserved-space CSS', 'without it'],
    rows.map(([label, format]) => [
      label,
      format(host.withReservedSpace),
      format(host.withoutReservedSpace),
    ]),
  );
}

export function serverTable({ votes, fanOut, scaleOut, baseline }) {
  const subscribers = (fan) => fan.subscribers.toLocaleString('en');
  const rows = [
    ['votes per second (SQLite, one process)', String(votes.votesPerSecond), '≥ 10,000'],
    [
      'vote latency p50 / p99, ms (SQLite)',
      `${votes.latencyMs.p50} / ${votes.latencyMs.p99}`,
      'p99 ≤ 25 ms',
    ],
    [
      `SSE fan-out to ${subscribers(fanOut)} streams, ms (SQLite)`,
      `${fanOut.medianMs} (slowest round ${fanOut.maxMs})`,
      '≤ 1,000 ms',
    ],
  ];
  if (scaleOut) {
    const { processes } = scaleOut;
    rows.push(
      [
        `votes per second (PostgreSQL + Redis, ${processes} processes together)`,
        String(scaleOut.votes.votesPerSecond),
        '≥ 10,000',
      ],
      [
        'vote latency p50 / p99, ms (PostgreSQL + Redis)',
        `${scaleOut.votes.latencyMs.p50} / ${scaleOut.votes.latencyMs.p99}`,
        'p99 ≤ 25 ms',
      ],
      [
        `SSE fan-out to ${subscribers(scaleOut.fanOut)} streams over ${processes} processes, ms`,
        `${scaleOut.fanOut.medianMs} (slowest round ${scaleOut.fanOut.maxMs})`,
        '≤ 1,000 ms',
      ],
    );
  }
  rows.push([
    'bare node:http, same load, replies per second',
    String(baseline.repliesPerSecond),
    '',
  ]);
  return table(['figure', 'this run', 'goal'], rows);
}
