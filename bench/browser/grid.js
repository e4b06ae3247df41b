// In the product-grid page: first render, fan-out and teardown of <vitrine-wishlist-button>
// (or of the plain Lit baseline, which takes the same tag). The Node side calls these
// through `window.bench`, one fresh page per measurement.
const TAG = 'vitrine-wishlist-button';
const grid = document.getElementById('grid');

/** Elements whose `update()` (Lit's render and commit) ran, and how often. */
const rendered = new Map();
/** Elements whose shadow DOM changed. */
const changed = new Set();
const watcher = new MutationObserver((records) => {
  for (const record of records) changed.add(record.target.getRootNode().host);
});

const buttons = () => Array.from(grid.querySelectorAll(TAG));
const settled = (elements) => Promise.all(elements.map((element) => element.updateComplete));
/** Style and layout of the whole page, now. */
const layout = () => document.body.getBoundingClientRect();
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** `count` product cards; product `i % distinct`, so each product shows count/distinct times. */
function cards(count, distinct) {
  let markup = '';
  for (let index = 0; index < count; index += 1) {
    const id = `p${index % distinct}`;
    const name = `Product ${index % distinct}`;
    markup +=
      `<li><div class="media"></div><h3>${name}</h3><p>€1,250</p>` +
      `<${TAG} product-id="${id}" name="${name}" price="1250" currency="EUR"` +
      ` image="https://shop.example/images/${id}.jpg" url="https://shop.example/products/${id}"` +
      `></${TAG}></li>`;
  }
  return markup;
}

async function load(bundle) {
  await import(bundle);
  const prototype = (await customElements.whenDefined(TAG)).prototype;
  const update = prototype.update;
  prototype.update = function (changedProperties) {
    rendered.set(this, (rendered.get(this) ?? 0) + 1);
    return update.call(this, changedProperties);
  };
}

/** Inserts the cards; ms until every element has rendered and the page is laid out. */
async function firstRender(count, distinct = count) {
  const template = document.createElement('template');
  template.innerHTML = cards(count, distinct);
  await nextTask();
  const start = performance.now();
  grid.append(document.importNode(template.content, true));
  await settled(buttons());
  layout();
  const time = performance.now() - start;
  for (const button of buttons()) {
    watcher.observe(button.shadowRoot, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }
  return time;
}

/** What waiting for every element to settle costs when nothing changed. */
async function idleSettle() {
  const all = buttons();
  await nextTask();
  const start = performance.now();
  await settled(all);
  layout();
  return performance.now() - start;
}

/** Clicks the heart of button `index`, as a shopper does; what re-rendered, and how long it took. */
async function toggle(index) {
  const all = buttons();
  const target = all[index];
  const productId = target.getAttribute('product-id');
  const pressed = () => target.shadowRoot.querySelector('button').getAttribute('aria-pressed');
  const before = pressed();
  await nextTask();
  rendered.clear();
  changed.clear();
  const start = performance.now();
  target.shadowRoot.querySelector('button').click();
  const clicked = performance.now();
  await settled(all);
  const updated = performance.now();
  layout();
  const time = performance.now() - start;
  await nextTask();
  return {
    time,
    // The click's own work (store, storage, event), then the re-renders, then style and layout.
    phases: [clicked - start, updated - clicked, start + time - updated],
    showing: all.filter((button) => button.getAttribute('product-id') === productId).length,
    rendered: rendered.size,
    renders: [...rendered.values()].reduce((sum, count) => sum + count, 0),
    changed: changed.size,
    flipped: pressed() !== before,
  };
}

/** Removes every card at once; ms until the page is laid out again. */
async function removeAll() {
  await nextTask();
  const start = performance.now();
  grid.replaceChildren();
  layout();
  return performance.now() - start;
}

window.bench = { load, firstRender, idleSettle, toggle, removeAll };
