/**
 * The JSON feed of a `<vitrine-stories src="…">`: untrusted, so read defensively. Every slide
 * is checked on its own; a bad one is skipped (and counted), the rest are kept. URLs pass
 * `safeUrl`, texts are plain text, numbers are bounded, and the feed itself is capped in size
 * and in slides.
 *
 * ```json
 * { "version": 1, "label": "Our heritage", "slides": [
 *   { "id": "atelier", "type": "image", "src": "/stories/atelier.jpg", "alt": "…",
 *     "width": 1080, "height": 1920, "duration": 6,
 *     "hotspots": [{ "productId": "sac-lune", "x": 0.4, "y": 0.62, "name": "Lune Bag",
 *                    "price": 1250, "currency": "EUR", "image": "…", "url": "…" }] },
 *   { "type": "video", "src": "/stories/atelier.mp4", "poster": "…", "width": 1080, "height": 1920 },
 *   { "type": "text", "heading": "1924", "text": "A workshop opens on the Left Bank." } ] }
 * ```
 */
import { cleanText, readLocalizedText } from '../contract/index.js';
import { onBrandOrigins } from '../core/brand-origins.js';
import { safeUrl } from '../core/safe-url.js';
import { warn } from '../core/warn.js';
import { sanitizeProduct, type ProductInfo } from '../stores/products.js';
import type { VitrineHotspot } from './hotspot.js';
import type { VitrineStory } from './story.js';

export const FEED_VERSION = 1;
const FEED_TIMEOUT_MS = 10_000;
/** A feed bigger than this is refused unread. */
const MAX_FEED_BYTES = 512 * 1024;
/** More slides than anyone watches; a longer feed is cut here, with a warning. */
export const MAX_SLIDES = 50;
export const MAX_HOTSPOTS = 12;
const MAX_TEXT = 600;
const MAX_SHORT = 200;
const MAX_DIMENSION = 10_000;

/** A hotspot of a feed: where it sits on the slide, and its product (checked once). */
export interface FeedHotspot {
  x: number;
  y: number;
  product: ProductInfo;
  /** The product's name in several languages, when the feed gives it so. */
  name?: Readonly<Record<string, string>>;
}

export interface FeedSlide {
  id?: string;
  type: 'image' | 'video' | 'text';
  src?: string;
  poster?: string;
  alt?: string;
  width?: number;
  height?: number;
  heading?: string;
  text?: string;
  /** Seconds. */
  duration?: number;
  label?: string;
  hotspots: FeedHotspot[];
}

export interface Feed {
  label?: string;
  slides: FeedSlide[];
  /** Slides dropped as invalid, or beyond `MAX_SLIDES`. */
  skipped: number;
  /** Why slides were dropped, the first few (for the console). */
  problems: string[];
}

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const plain = (value: unknown, max = MAX_SHORT) => cleanText(value, max);

function bounded(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : undefined;
}

/** A hotspot, or a reason it is unusable. */
export function readHotspot(raw: unknown): FeedHotspot | string {
  if (!isRecord(raw)) return 'a hotspot is not an object';
  const sanitized = sanitizeProduct(raw);
  if (!sanitized) return 'a hotspot has no valid productId';
  // A feed can come from another host (a CDN, a partner): its shop links stay on the brand's
  // page's origin, its product pictures on the brand's image origins.
  const product = onBrandOrigins(sanitized);
  if (product !== sanitized) {
    warn(
      `feed hotspot "${product.productId}": a link or picture from another site left out (see image-origins).`,
      'feed-foreign-origin',
    );
  }
  const x = bounded(raw.x, 0, 1);
  const y = bounded(raw.y, 0, 1);
  if (x === undefined || y === undefined)
    return `hotspot "${product.productId}" needs x and y in 0..1`;
  const name = typeof raw.name === 'object' ? readLocalizedText(raw.name) : undefined;
  return typeof name === 'object' ? { x, y, product, name } : { x, y, product };
}

/** A slide, or a reason it is unusable. */
export function readSlide(raw: unknown, base?: string): FeedSlide | string {
  if (!isRecord(raw)) return 'a slide is not an object';
  const type = raw.type ?? (raw.src === undefined ? 'text' : 'image');
  if (type !== 'image' && type !== 'video' && type !== 'text') {
    return `unknown slide type ${JSON.stringify(String(type)).slice(0, 40)}`;
  }
  const slide: FeedSlide = { type, hotspots: [] };
  const id = plain(raw.id, 64);
  if (id) slide.id = id;
  if (type !== 'text') {
    const src = safeUrl(raw.src, base);
    if (!src) return `slide ${id ? `"${id}" ` : ''}needs an http(s) src`;
    slide.src = src;
    const poster = safeUrl(raw.poster, base);
    if (poster) slide.poster = poster;
  }
  const heading = plain(raw.heading);
  const text = plain(raw.text, MAX_TEXT);
  if (type === 'text' && !heading && !text) return 'a text slide needs a heading or a text';
  if (heading) slide.heading = heading;
  if (text) slide.text = text;
  const alt = plain(raw.alt, MAX_TEXT);
  if (alt) slide.alt = alt;
  const label = plain(raw.label);
  if (label) slide.label = label;
  const width = bounded(raw.width, 1, MAX_DIMENSION);
  const height = bounded(raw.height, 1, MAX_DIMENSION);
  if (width !== undefined && height !== undefined) {
    slide.width = Math.round(width);
    slide.height = Math.round(height);
  }
  const duration = bounded(raw.duration, 1, 60);
  if (duration !== undefined) slide.duration = duration;
  const hotspots = Array.isArray(raw.hotspots) ? raw.hotspots.slice(0, MAX_HOTSPOTS) : [];
  for (const entry of hotspots) {
    const hotspot = readHotspot(entry);
    if (typeof hotspot !== 'string') slide.hotspots.push(hotspot);
  }
  return slide;
}

/** Reads a parsed feed; never throws. `base` resolves relative URLs (the feed's own URL). */
export function readFeed(raw: unknown, base?: string): Feed | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.slides)) return undefined;
  if (raw.version !== undefined && raw.version !== FEED_VERSION) return undefined;
  const feed: Feed = { slides: [], skipped: 0, problems: [] };
  const label = plain(raw.label);
  if (label) feed.label = label;
  for (const entry of raw.slides) {
    if (feed.slides.length >= MAX_SLIDES) {
      feed.skipped += 1;
      continue;
    }
    const slide = readSlide(entry, base);
    if (typeof slide === 'string') {
      feed.skipped += 1;
      if (feed.problems.length < 5) feed.problems.push(slide);
    } else {
      feed.slides.push(slide);
    }
  }
  if (raw.slides.length > MAX_SLIDES) {
    feed.problems.push(`only the first ${MAX_SLIDES} slides are shown`);
  }
  return feed;
}

/** A slide of a feed as a `<vitrine-story>`: text as text, media loaded when it comes near. */
export function slideElement(slide: FeedSlide): VitrineStory {
  const story = document.createElement('vitrine-story') as VitrineStory;
  story.dataset.vitrineFeed = '';
  if (slide.id) story.dataset.feedId = slide.id;
  if (slide.duration !== undefined) story.duration = String(slide.duration);
  if (slide.type !== 'text' && slide.src) {
    const media = document.createElement(slide.type === 'video' ? 'video' : 'img');
    media.dataset.src = slide.src;
    if (media instanceof HTMLImageElement) {
      media.alt = slide.alt ?? '';
      media.decoding = 'async';
    } else {
      if (slide.poster) media.dataset.poster = slide.poster;
      media.muted = true;
      media.playsInline = true;
      media.preload = 'none';
      if (slide.alt) media.setAttribute('aria-label', slide.alt);
    }
    if (slide.width && slide.height) {
      media.setAttribute('width', String(slide.width));
      media.setAttribute('height', String(slide.height));
    }
    story.append(media);
  }
  if (slide.heading || slide.text) {
    const text = document.createElement('div');
    text.dataset.vitrineText = '';
    if (slide.heading) {
      const heading = document.createElement('p');
      heading.className = 'vitrine-story-heading';
      heading.textContent = slide.heading;
      text.append(heading);
    }
    if (slide.text) {
      const body = document.createElement('p');
      body.textContent = slide.text;
      text.append(body);
    }
    story.append(text);
  }
  for (const { x, y, product, name } of slide.hotspots) {
    const hotspot = document.createElement('vitrine-hotspot') as VitrineHotspot;
    hotspot.product = product;
    // A name in several languages, read in the page's language as the attribute would be.
    if (name) hotspot.name = JSON.stringify(name);
    hotspot.x = String(x);
    hotspot.y = String(y);
    story.append(hotspot);
  }
  return story;
}

/** A URL as the console shows it: a 10 KB one cut short. */
const quoted = (url: string) => (url.length > 160 ? `${url.slice(0, 160)}…` : url);

/**
 * Fetches and reads the feed at `src` into `<vitrine-story>` elements; `undefined` (after a
 * warning) when there is nothing to show. Bad slides are skipped with a warning that says why.
 */
export async function fetchFeed(
  src: string,
  signal: AbortSignal,
): Promise<{ slides: VitrineStory[]; label?: string } | undefined> {
  const url = safeUrl(src);
  if (!url) {
    warn(`<vitrine-stories> src="${quoted(src)}" is not an http(s) URL; no feed loaded.`);
    return undefined;
  }
  let feed: Feed | undefined;
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      signal: AbortSignal.any([signal, AbortSignal.timeout(FEED_TIMEOUT_MS)]),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_FEED_BYTES) throw new Error(`over ${MAX_FEED_BYTES / 1024} KB`);
    feed = readFeed(JSON.parse(text), url);
    if (!feed) throw new Error('not a stories feed (version 1 with a slides array)');
  } catch (error) {
    if (!signal.aborted)
      warn(`<vitrine-stories> could not use the feed ${quoted(url)}: ${String(error)}`);
    return undefined;
  }
  if (feed.skipped > 0) {
    warn(
      `<vitrine-stories> skipped ${feed.skipped} slide(s) of ${quoted(url)}: ${feed.problems.join('; ')}.`,
    );
  }
  return feed.slides.length > 0
    ? { slides: feed.slides.map(slideElement), label: feed.label }
    : undefined;
}
