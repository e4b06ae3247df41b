// On the demo page, in place of the site's script: records layout shifts and long tasks, and
// adds Vitrine's CDN file when the measurement calls `benchHost.inject()`, after the page
// has loaded, as a tag manager or a deferred script would.
const shifts = [];
const longTasks = [];
let injectedAt = Infinity;

new PerformanceObserver((list) => shifts.push(...list.getEntries())).observe({
  type: 'layout-shift',
  buffered: true,
});
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
});

const VITRINE_TAGS = [
  'vitrine-login',
  'vitrine-wishlist-count',
  'vitrine-wishlist-button',
  'vitrine-wishlist',
  'vitrine-stories',
  'vitrine-story',
  'vitrine-hotspot',
  'vitrine-vote',
  'vitrine-leaderboard',
].join(', ');

/** "section#heritage", or "img in vitrine-story" for a node inside a Vitrine element. */
function describe(node) {
  if (!(node instanceof Element)) return node?.nodeName ?? 'a node since removed';
  const name = node.localName + (node.id ? `#${node.id}` : '');
  const widget = node.closest(VITRINE_TAGS);
  return widget && widget !== node ? `${name} in ${widget.localName}` : name;
}

/** Where each element of the host page (not of a Vitrine element) sits in the document. */
function positions() {
  const boxes = new Map();
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest(VITRINE_TAGS)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    boxes.set(element, { x: box.left + scrollX, y: box.top + scrollY });
  }
  return boxes;
}

let before = new Map();

window.benchHost = {
  inject() {
    before = positions();
    injectedAt = performance.now();
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/vitrine.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => reject(new Error('/vitrine.js did not load'));
    });
    document.head.append(script);
    return loaded;
  },

  /** Once every Vitrine element on the page is defined and has rendered: how many, and ms since `inject()`. */
  async settle() {
    const widgets = [...document.querySelectorAll('*')].filter((element) =>
      element.localName.startsWith('vitrine-'),
    );
    // The loader defines each tag when its code has arrived: until then an element has no
    // `updateComplete` to wait for.
    const tags = new Set(widgets.map((widget) => widget.localName));
    await Promise.all([...tags].map((tag) => customElements.whenDefined(tag)));
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    return { widgets: widgets.length, renderedMs: performance.now() - injectedAt };
  },

  /**
   * Shifts and long tasks since the script was added, and the host page's elements that
   * moved anywhere on the page (CLS counts only what is in the window).
   */
  report() {
    const after = (entry) => entry.startTime >= injectedAt;
    const now = positions();
    const offset = (element) => {
      const [then, at] = [before.get(element), now.get(element)];
      return then && at ? { x: at.x - then.x, y: at.y - then.y } : { x: 0, y: 0 };
    };
    const movedBy = (element) => {
      const { x, y } = offset(element);
      return Math.abs(x) > 0.5 || Math.abs(y) > 0.5;
    };
    // The first of a block that moves together: its parent did not move the same way.
    const moved = [...now.keys()].filter((element) => {
      if (!movedBy(element)) return false;
      const parent = element.parentElement;
      const [own, parents] = [offset(element), offset(parent)];
      return own.x !== parents.x || own.y !== parents.y;
    });
    const late = shifts.filter((shift) => after(shift) && !shift.hadRecentInput);
    return {
      cls: late.reduce((sum, shift) => sum + shift.value, 0),
      shiftSources: [
        ...new Set(late.flatMap((shift) => shift.sources.map((source) => describe(source.node)))),
      ],
      clsBeforeScript: shifts
        .filter((shift) => !after(shift))
        .reduce((sum, shift) => sum + shift.value, 0),
      longTasks: longTasks.filter(after).map((task) => task.duration),
      movedOnPage: moved.map((element) => {
        const { x, y } = offset(element);
        return `${describe(element)} by (${Math.round(x)}, ${Math.round(y)}) px`;
      }),
    };
  },
};
