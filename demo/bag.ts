/**
 * The house's bag, as a brand wires its own cart to Vitrine: the wishlist, the shared list
 * and the story cards ask through `vitrine-add-to-bag`, the site puts the lines in its bag
 * and answers `done(true)`. Here the bag lives in this browser; a real site would call its
 * cart API (see the README's recipes) and answer once it has replied.
 */
import { $products, itemKey, type AddToBagDetail } from 'vitrine';
import type { Lang } from './messages.js';
import { messages } from './messages.js';

const BAG_KEY = 'maison:bag';

type Line = AddToBagDetail['items'][number];

function readBag(): Map<string, Line> {
  try {
    const lines = JSON.parse(localStorage.getItem(BAG_KEY) ?? '[]') as Line[];
    return new Map(lines.filter((line) => line?.productId).map((line) => [itemKey(line), line]));
  } catch {
    return new Map();
  }
}

const bag = readBag();
let lang: Lang = 'en';

function saveBag(): void {
  try {
    localStorage.setItem(BAG_KEY, JSON.stringify([...bag.values()]));
  } catch {
    /* kept for this visit only */
  }
}

/** The header's count and the drawer's lines, drawn from the bag (text only, never HTML). */
function render(): void {
  const words = messages[lang];
  const count = [...bag.values()].reduce((sum, line) => sum + line.quantity, 0);
  const badge = document.getElementById('bag-count');
  if (badge) badge.textContent = count > 0 ? String(count) : '';
  const list = document.getElementById('bag-lines');
  if (!list) return;
  list.replaceChildren();
  if (bag.size === 0) {
    const empty = document.createElement('p');
    empty.className = 'bag-empty';
    empty.textContent = words['bag.empty'];
    list.append(empty);
    return;
  }
  const lines = document.createElement('ul');
  lines.className = 'bag-list';
  for (const [key, line] of bag) {
    const product = $products.get()[key] ?? $products.get()[line.productId];
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'bag-name';
    name.textContent = product?.name ?? line.productId;
    const detail = document.createElement('span');
    detail.className = 'bag-detail';
    detail.textContent = [product?.variantName, `× ${line.quantity}`].filter(Boolean).join(' · ');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'bag-remove';
    remove.textContent = words['bag.remove'];
    remove.setAttribute('aria-label', `${words['bag.remove']} ${name.textContent}`);
    remove.addEventListener('click', () => {
      bag.delete(key);
      saveBag();
      render();
      document.getElementById('bag-heading')?.focus();
    });
    item.append(name, detail, remove);
    lines.append(item);
  }
  list.append(lines);
}

/** The size menu of a shoe: its heart and its story card save the size chosen. */
export function applySizes(next: Lang): void {
  lang = next;
  const words = messages[lang];
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-sizes-for]')) {
    const size = select.value;
    for (const piece of document.querySelectorAll(
      `[product-id="${select.dataset.sizesFor}"][variant-id]`,
    )) {
      piece.setAttribute('variant-id', size);
      piece.setAttribute('variant-name', words['size.name'].replace('{size}', size));
    }
  }
  render();
}

/** Answers the widgets' requests for the bag, and opens the bag drawer from the header. */
export function wireBag(): void {
  document.addEventListener('vitrine-add-to-bag', (event) => {
    for (const line of event.detail.items) {
      const key = itemKey(line);
      const held = bag.get(key);
      bag.set(key, { ...line, quantity: (held?.quantity ?? 0) + line.quantity });
    }
    saveBag();
    render();
    event.detail.done(true);
  });
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-sizes-for]')) {
    select.addEventListener('change', () => applySizes(lang));
  }
  const dialog = document.getElementById('bag-dialog');
  const opener = document.getElementById('bag-open');
  if (dialog instanceof HTMLDialogElement && opener) {
    opener.addEventListener('click', () => {
      render();
      dialog.showModal();
    });
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
  $products.listen(render);
  render();
}
