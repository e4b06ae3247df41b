// In the stories page: the same slides in <vitrine-stories> and in each peer, each loaded
// the way its documentation shows. The Node side calls these through `window.bench`.
const stage = document.getElementById('stage');
const FIRST_SLIDE = 'first-slide';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `test()` holds, checking after each update and task. */
async function until(test, element) {
  while (!test()) {
    await element?.updateComplete;
    if (!test()) await sleep(0);
  }
}

const slideImage = (src, index, lazy) =>
  `<img ${index === 0 ? `src="${src}" elementtiming="${FIRST_SLIDE}"` : lazy(src)}` +
  ` alt="Slide ${index + 1}" width="1080" height="1920" />`;

/**
 * Per carousel: its markup or set-up, when it is ready to be driven, how to go to the next
 * slide, and the event that says a slide changed.
 */
const CAROUSELS = {
  'vitrine-stories': {
    mount(images) {
      stage.innerHTML = `<vitrine-stories label="Bench">${images
        .map(
          (src, i) =>
            `<vitrine-story>${slideImage(src, i, (s) => `data-src="${s}"`)}</vitrine-story>`,
        )
        .join('')}</vitrine-stories>`;
      return stage.firstElementChild;
    },
    ready: (element, count) =>
      until(() => element.shadowRoot?.querySelectorAll('[part~="bar"]').length === count, element),
    next: (element) => element.next(),
    previous: (element) => element.previous(),
    changeEvent: 'vitrine-story-change',
  },
  'swiper-element': {
    mount(images) {
      stage.innerHTML = `<swiper-container navigation="true" pagination="true">${images
        .map(
          (src, i) =>
            `<swiper-slide>${slideImage(src, i, (s) => `src="${s}" loading="lazy"`)}</swiper-slide>`,
        )
        .join('')}</swiper-container>`;
      return stage.firstElementChild;
    },
    ready: (element) => until(() => element.swiper?.initialized),
    next: (element) => element.swiper.slideNext(),
    previous: (element) => element.swiper.slidePrev(),
    changeEvent: 'swiperslidechange',
  },
  'shoelace-carousel': {
    mount(images) {
      stage.innerHTML = `<sl-carousel navigation pagination>${images
        .map(
          (src, i) =>
            `<sl-carousel-item>${slideImage(src, i, (s) => `src="${s}" loading="lazy"`)}</sl-carousel-item>`,
        )
        .join('')}</sl-carousel>`;
      return stage.firstElementChild;
    },
    ready: (element, count) =>
      until(
        () => element.shadowRoot?.querySelectorAll('[part~="pagination-item"]').length === count,
        element,
      ),
    next: (element) => element.next(),
    previous: (element) => element.previous(),
    changeEvent: 'sl-slide-change',
  },
  zuck: {
    mount(images, { Zuck }) {
      stage.innerHTML = '<div id="zuck-stories"></div>';
      const now = Date.now() / 1000;
      const zuck = Zuck(stage.firstElementChild, {
        localStorage: false,
        stories: [
          {
            id: 'bench',
            name: 'Bench',
            photo: images[0],
            time: now,
            items: images.map((src, i) => ({
              id: `slide-${i}`,
              type: 'photo',
              // Seconds: long enough that only the benchmark moves the slides.
              length: 3600,
              src,
              preview: src,
              time: now,
            })),
          },
        ],
        callbacks: {
          onNavigateItem: (_story, _next, change) => {
            change();
            stage.dispatchEvent(new Event('zuck-item-change', { bubbles: true }));
          },
        },
      });
      // Its viewer opens on a tap on the story: the slides show there.
      stage.querySelector('.story').click();
      return zuck;
    },
    ready: () => until(() => document.querySelector('#zuck-modal .story-viewer .item.active')),
    next: (zuck) => zuck.navigateItem('next'),
    previous: (zuck) => zuck.navigateItem('previous'),
    changeEvent: 'zuck-item-change',
  },
};

let carousel;
let bundleExports;
let element;
let images = [];

/** Zuck.js builds its viewer itself: its first slide's picture is marked as it appears. */
new MutationObserver(() => {
  for (const image of document.querySelectorAll('#zuck-modal img:not([elementtiming])')) {
    if (image.getAttribute('src') === images[0]) image.setAttribute('elementtiming', FIRST_SLIDE);
  }
}).observe(document.body, { subtree: true, childList: true });

/** Loads a carousel's bundle (and its style sheet) without showing anything yet. */
async function load(id, bundle, styles, slides) {
  carousel = CAROUSELS[id];
  images = slides;
  if (styles) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = styles;
    const loaded = new Promise((resolve) => (link.onload = resolve));
    document.head.append(link);
    await loaded;
  }
  bundleExports = await import(bundle);
}

/**
 * Shows the carousel; ms from insertion until its first slide's picture is painted
 * (Element Timing) and until it is interactive: ready to be driven, and the task that
 * made it so over.
 */
async function mount() {
  const painted = new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntries().find((e) => e.identifier === FIRST_SLIDE);
      if (entry) {
        observer.disconnect();
        resolve(entry.renderTime || entry.loadTime);
      }
    });
    observer.observe({ type: 'element' });
  });
  await sleep(0);
  const start = performance.now();
  element = carousel.mount(images, bundleExports);
  await carousel.ready(element, images.length);
  await sleep(0);
  const interactive = performance.now() - start;
  const paint = await Promise.race([painted, sleep(10_000).then(() => undefined)]);
  return { firstSlidePainted: paint === undefined ? null : paint - start, interactive };
}

/**
 * Runs the frame and long-task watchers for `ms` while `action` runs (if any): frames that
 * took longer than one 60 Hz frame, tasks over 50 ms. Without `frames`, no frame watcher: its
 * `requestAnimationFrame` callbacks make the page draw every frame, and in a frame the page
 * draws, Chromium updates the styles of the animations running on the compositor too.
 */
async function watch(ms, action, { frames: countFrames = true } = {}) {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let frames = 0;
  let slowFrames = 0;
  let running = true;
  let last;
  const onFrame = (time) => {
    if (last !== undefined) {
      frames += 1;
      // rAF times are aligned to the display's frames: a missed frame shows as 33 ms.
      if (time - last > 1000 / 60 + 1) slowFrames += 1;
    }
    last = time;
    if (running) requestAnimationFrame(onFrame);
  };
  if (countFrames) requestAnimationFrame(onFrame);
  const done = sleep(ms);
  await action?.();
  await done;
  running = false;
  observer.disconnect();
  if (!countFrames) return { longTasks: longTasks.length };
  return {
    frames,
    slowFrames,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks.map((task) => task.duration)),
  };
}

/**
 * `count` slide changes, one every `gapMs`: forward to the last slide, then back (none of
 * them loops). What the watchers saw, and how many changes the carousel reported.
 */
async function changeSlides(count, gapMs, options) {
  let reported = 0;
  const onChange = () => (reported += 1);
  document.addEventListener(carousel.changeEvent, onChange);
  const seen = await watch(
    count * gapMs,
    async () => {
      for (let i = 0; i < count; i += 1) {
        if (i < images.length - 1) carousel.next(element);
        else carousel.previous(element);
        await sleep(gapMs);
      }
    },
    options,
  );
  document.removeEventListener(carousel.changeEvent, onChange);
  return { ...seen, reported };
}

/** Ten pictures the size of a phone screen, drawn here and encoded as JPEG (data URLs). */
async function drawSlides(count) {
  const canvas = document.createElement('canvas');
  canvas.width = 1080;
  canvas.height = 1920;
  const context = canvas.getContext('2d');
  const slides = [];
  for (let index = 0; index < count; index += 1) {
    const hue = (index * 36) % 360;
    const gradient = context.createLinearGradient(0, 0, 1080, 1920);
    gradient.addColorStop(0, `hsl(${hue} 45% 35%)`);
    gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 55% 70%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, 1080, 1920);
    // Detail a photograph has, so that the JPEG weighs what a photograph does.
    for (let dot = 0; dot < 4000; dot += 1) {
      context.fillStyle = `hsl(${(hue + Math.random() * 90) % 360} 50% ${30 + Math.random() * 50}% / 0.5)`;
      context.beginPath();
      context.arc(Math.random() * 1080, Math.random() * 1920, 4 + Math.random() * 28, 0, 7);
      context.fill();
    }
    context.fillStyle = '#fff';
    context.font = 'bold 240px serif';
    context.fillText(String(index + 1), 420, 1000);
    slides.push(canvas.toDataURL('image/jpeg', 0.82));
  }
  return slides;
}

window.bench = { load, mount, watch, changeSlides, drawSlides };
