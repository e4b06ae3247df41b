// Test feeds and media for the stories tests, served by the test runner:
//   /__stories/feed.json?slides=N&bad=M   a feed of N valid slides and M hostile ones
//   /__stories/not-json                   an HTML error page where a feed should be
//   /__stories/slow.svg?ms=N              a picture that takes N ms to arrive
//   /__stories/group.json?id=G&slides=N&video=1   a tray group's feed: slides G-1…G-N
//   /__stories/hostile.json?kind=K        a feed nothing of which can be shown (see HOSTILE)
const picture = (hue) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 160" width="90" height="160"><rect width="90" height="160" fill="hsl(${hue} 40% 45%)"/></svg>`;

function feed(slides, bad) {
  const good = Array.from({ length: slides }, (_, i) => ({
    id: `slide-${i + 1}`,
    type: i % 3 === 2 ? 'text' : 'image',
    ...(i % 3 === 2
      ? { heading: `Chapter ${i + 1}`, text: '<b>never markup</b>' }
      : {
          src: `/__stories/picture.svg?hue=${(i * 40) % 360}`,
          alt: `Picture ${i + 1}`,
          width: 90,
          height: 160,
        }),
    hotspots:
      i === 0
        ? [
            { productId: 'sac-lune', x: 0.5, y: 0.6, name: 'Lune Bag', url: 'javascript:alert(1)' },
            { productId: 'bad hotspot', x: 2, y: -1 },
          ]
        : [],
  }));
  const hostile = [
    { type: 'image' },
    { type: 'image', src: 'javascript:alert(1)' },
    { type: 'video', src: 'data:video/mp4;base64,AAAA' },
    { type: 'text' },
    { type: 'carousel', src: '/x.svg' },
    'a string',
    null,
    {
      type: 'image',
      src: '/__stories/picture.svg',
      poster: 'javascript:alert(2)',
      duration: 'long',
    },
  ];
  const extra = Array.from({ length: bad }, (_, i) => hostile[i % hostile.length]);
  return {
    version: 1,
    label: 'Test stories',
    slides: [...good.slice(0, 1), ...extra, ...good.slice(1)],
  };
}

/** A tray group's feed, its slides named as the light-DOM groups of the tray tests are. */
function groupFeed(id, slides, video) {
  return {
    version: 1,
    label: `Feed ${id}`,
    slides: Array.from({ length: slides }, (_, i) =>
      video && i === 0
        ? {
            id: `${id}-1`,
            type: 'video',
            src: '/demo/public/stories/silk.webm',
            width: 360,
            height: 640,
          }
        : {
            id: `${id}-${i + 1}`,
            type: 'image',
            src: `/__stories/picture.svg?slide=${id}-${i + 1}`,
            alt: `${id}, picture ${i + 1}`,
            width: 90,
            height: 160,
          },
    ),
  };
}

const TEN_KB = 'x'.repeat(10 * 1024);

/** Feeds that parse (or not) but hold nothing that can be shown. */
const HOSTILE = {
  // Not JSON: cut off in the middle.
  truncated: '{"version":1,"slides":[{"type":"image","src":"/__stories/pic',
  // JSON, but not the shape of a feed.
  shape: JSON.stringify({ version: 1, slides: 'all of them' }),
  version: JSON.stringify({ version: 99, slides: [{ type: 'text', heading: 'Later' }] }),
  // Every slide's media a script.
  javascript: JSON.stringify({
    version: 1,
    slides: [
      { type: 'image', src: 'javascript:alert(1)' },
      { type: 'video', src: 'JaVaScRiPt:alert(2)', poster: 'javascript:alert(3)' },
      { type: 'image', src: ' javascript:alert(4)', alt: '<img src=x onerror=alert(5)>' },
    ],
  }),
  // 10 KB strings where short ones belong.
  huge: JSON.stringify({
    version: 1,
    label: TEN_KB,
    slides: [
      { type: TEN_KB, src: `/__stories/picture.svg?${TEN_KB}` },
      { id: TEN_KB, type: 'image', src: `javascript:${TEN_KB}` },
      { type: 'text', heading: 42, text: { html: TEN_KB } },
    ],
  }),
};

export function storiesFeedsPlugin() {
  return {
    name: 'vitrine-stories-feeds',
    async serve(context) {
      if (!context.path.startsWith('/__stories/')) return undefined;
      const query = new URL(context.url, 'http://test').searchParams;
      if (context.path === '/__stories/feed.json') {
        const slides = Number(query.get('slides') ?? 3);
        const bad = Number(query.get('bad') ?? 0);
        return { body: JSON.stringify(feed(slides, bad)), type: 'json' };
      }
      if (context.path === '/__stories/group.json') {
        const id = query.get('id') ?? 'group';
        const body = groupFeed(id, Number(query.get('slides') ?? 3), query.get('video') === '1');
        return { body: JSON.stringify(body), type: 'json' };
      }
      if (context.path === '/__stories/hostile.json') {
        const body = HOSTILE[query.get('kind') ?? ''];
        return body === undefined ? undefined : { body, type: 'json' };
      }
      if (context.path === '/__stories/not-json') {
        return { body: '<!doctype html><title>Error</title><h1>502</h1>', type: 'html' };
      }
      if (context.path === '/__stories/picture.svg' || context.path === '/__stories/slow.svg') {
        const wait = Number(query.get('ms') ?? 0);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        return { body: picture(Number(query.get('hue') ?? 200)), type: 'svg' };
      }
      return undefined;
    },
  };
}
