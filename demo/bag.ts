/**
 * The house's bag, and how a brand wires its cart to Vitrine. The "Add to bag" buttons of the
 * wishlist, the shared wishlist and the story cards fire `vitrine-add-to-bag` with the lines
 * (`{productId, variantId?, quantity}`); the cart code below adds them and answers
 * `detail.done(true)`, or `detail.done(false)` when it will not (a piece it does not sell,
 * or more than two of one piece), and the button says so. The bag itself belongs to the site:
 * kept in this browser, shown in the header's drawer. A real house would call its commerce
 * platform here instead (README: The bag).
 */
import type { BagLine } from 'vitrine';
import { isMessageKey, messages, priceFormat, type Lang, type MessageKey } from './messages.js';

const BAG_KEY = 'maison:bag';
/** The house's rule, and the demo's example of a refusal: two of each piece per order. */
const MAX_PER_PIECE = 2;

/** What the cart knows of each piece: its price (the page's currency) and its variants. */
const CATALOG: Record<string, { price: number; variants?: Record<string, MessageKey> }> = {
  'sac-lune': { price: 1250 },
  'carre-jardin': { price: 420 },
  'escarpin-opera': { price: 780 },
  'eau-de-minuit': { price: 185, variants: { '100-ml': 'p.eau-de-minuit.variant' } },
  'manteau-tuileries': { price: 2900 },
  'boucles-etoile': { price: 640 },
  'pochette-soiree': { price: 890 },
  'etole-nuage': { price: 560 },
  'mocassin-marais': { price: 620 },
  'bague-serment': { price: 1480 },
  'trench-ete': { price: 2100 },
  'ceinture-anneau': { price: 390 },
};

const sells = (line: BagLine): boolean => {
  const piece = Object.hasOwn(CATALOG, line.productId) ? CATALOG[line.productId] : undefined;
  if (!piece) return false;
  return line.variantId === undefined || Object.hasOwn(piece.variants ?? {}, line.variantId);
};

const sameLine = (a: BagLine, b: BagLine) =>
  a.productId === b.productId && a.variantId === b.variantId;

/** The bag as last kept; whatever storage holds that is not a line the house sells is dropped. */
function load(): BagLine[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(BAG_KEY) ?? '[]');
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((entry: Partial<BagLine>) => {
      const { productId, variantId, quantity } = entry ?? {};
      if (typeof productId !== 'string' || !Number.isInteger(quantity)) return [];
      const line: BagLine = { productId, quantity: Math.min(Number(quantity), MAX_PER_PIECE) };
      if (typeof variantId === 'string') line.variantId = variantId;
      return sells(line) && line.quantity > 0 ? [line] : [];
    });
  } catch {
    return [];
  }
}

/** Storage can be full, blocked or absent (private modes): the bag then lasts as long as the page. */
function save(lines: BagLine[]): void {
  try {
    localStorage.setItem(BAG_KEY, JSON.stringify(lines));
  } catch {
    /* kept in memory only */
  }
}

let bag = load();

/**
 * The cart's answer to one request: every line is added, or none is (so "Add all" never
 * half-happens).
 */
function addLines(items: readonly BagLine[]): boolean {
  const next = bag.map((line) => ({ ...line }));
  for (const item of items) {
    if (!sells(item) || !Number.isInteger(item.quantity) || item.quantity < 1) return false;
    const line = next.find((candidate) => sameLine(candidate, item));
    if (line) line.quantity += item.quantity;
    else next.push({ ...item });
  }
  if (next.some((line) => line.quantity > MAX_PER_PIECE)) return false;
  bag = next;
  save(bag);
  return true;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/**
 * Wires the bag: the cart's listener, the header's button and count, the drawer. Returns the
 * function that draws the bag in a language (the page calls it on every language switch).
 */
export function wireBag(currency: string): (lang: Lang) => void {
  const opener = byId<HTMLButtonElement>('bag-open');
  const dialog = byId<HTMLDialogElement>('bag-dialog');
  const list = byId<HTMLUListElement>('bag-lines');
  const status = byId('bag-status');
  let lang: Lang = 'en';

  const say = (key: MessageKey, values: Record<string, string | number> = {}) =>
    messages[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  const nameOf = (line: BagLine) => {
    const key = `p.${line.productId}.name`;
    return isMessageKey(key) ? messages[lang][key] : line.productId;
  };
  const variantOf = (line: BagLine) => {
    const key = line.variantId && CATALOG[line.productId]?.variants?.[line.variantId];
    return key ? messages[lang][key] : '';
  };

  function draw(): void {
    const price = priceFormat(lang, currency);
    const count = bag.reduce((sum, line) => sum + line.quantity, 0);
    const badge = opener?.querySelector<HTMLElement>('.bag-count');
    const spoken = opener?.querySelector<HTMLElement>('.bag-count-label');
    if (badge) {
      badge.hidden = count === 0;
      badge.textContent = new Intl.NumberFormat(lang).format(count);
    }
    if (spoken) {
      const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
      spoken.textContent = count === 0 ? '' : say(`bag.count.${form}`, { count });
    }
    if (!dialog || !list) return;
    dialog.classList.toggle('is-empty', count === 0);
    list.replaceChildren(
      ...bag.map((line) => {
        const item = document.createElement('li');
        item.className = 'bag-line';
        const image = document.createElement('img');
        image.src = `/products/${line.productId}.svg`;
        image.alt = '';
        image.width = 48;
        image.height = 64;
        const name = document.createElement('span');
        name.className = 'bag-line-name';
        name.textContent = nameOf(line);
        const details = document.createElement('span');
        details.className = 'bag-line-details';
        details.textContent = [variantOf(line), say('bag.quantity', { count: line.quantity })]
          .filter(Boolean)
          .join(' · ');
        const amount = document.createElement('span');
        amount.className = 'bag-line-price';
        amount.textContent = price.format((CATALOG[line.productId]?.price ?? 0) * line.quantity);
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'bag-remove';
        remove.textContent = say('bag.remove');
        const label = [nameOf(line), variantOf(line)].filter(Boolean).join(', ');
        remove.setAttribute('aria-label', say('bag.remove.label', { name: label }));
        remove.addEventListener('click', () => removeLine(line, label));
        item.append(image, name, details, amount, remove);
        return item;
      }),
    );
    const total = bag.reduce(
      (sum, line) => sum + (CATALOG[line.productId]?.price ?? 0) * line.quantity,
      0,
    );
    const totalText = dialog.querySelector('.bag-total-amount');
    if (totalText) totalText.textContent = price.format(total);
  }

  function removeLine(line: BagLine, label: string): void {
    const index = bag.findIndex((candidate) => sameLine(candidate, line));
    bag = bag.filter((candidate) => !sameLine(candidate, line));
    save(bag);
    draw();
    if (status) status.textContent = say('bag.removed', { name: label });
    // Focus stays in the drawer: on the next piece's button, else on the drawer's title.
    const buttons = list?.querySelectorAll<HTMLButtonElement>('.bag-remove') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? byId('bag-title'))?.focus();
  }

  // The cart: Vitrine asks, the site answers.
  document.addEventListener('vitrine-add-to-bag', ({ detail }) => {
    const added = addLines(detail.items);
    if (added) draw();
    detail.done(added);
  });

  // Another tab changed the bag.
  window.addEventListener('storage', (event) => {
    if (event.key !== BAG_KEY && event.key !== null) return;
    bag = load();
    draw();
  });

  // A native modal <dialog>: focus kept inside and returned to the button, Escape closes it;
  // the page behind does not scroll (styles.css).
  opener?.addEventListener('click', () => {
    if (status) status.textContent = '';
    dialog?.showModal();
  });
  dialog?.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog?.querySelector('.bag-checkout')?.addEventListener('click', () => {
    if (status) status.textContent = say('bag.note');
  });

  return (next) => {
    lang = next;
    draw();
  };
}
