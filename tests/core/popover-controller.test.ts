import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing } from 'lit';
import { PopoverController } from '../../src/core/popover-controller.js';

/** A menu button: a trigger and a panel of two choices, in the top layer when `topLayer`. */
class MenuHost extends LitElement {
  readonly toggles: boolean[] = [];
  readonly menu: PopoverController;

  constructor({ group, topLayer = false }: { group?: string; topLayer?: boolean } = {}) {
    super();
    this.menu = new PopoverController(this, {
      trigger: () => this.renderRoot.querySelector('#trigger'),
      panel: () => this.renderRoot.querySelector('[role="group"]'),
      initialFocus: () => this.renderRoot.querySelector('#copy'),
      onToggle: (open) => this.toggles.push(open),
      ...(group ? { group } : {}),
    });
    this.topLayer = topLayer;
  }

  private readonly topLayer: boolean;

  override render() {
    const open = this.menu.open;
    return html`<button
        id="trigger"
        aria-expanded=${String(open)}
        aria-controls=${this.menu.id}
        @click=${() => this.menu.toggle()}
      >
        Share
      </button>
      <div
        id=${this.menu.id}
        role="group"
        aria-label="Share"
        popover=${this.topLayer ? 'manual' : nothing}
        ?hidden=${!open}
      >
        <button id="copy">Copy link</button><button id="email">Email</button>
      </div>`;
  }
}
customElements.define('test-popover-host', MenuHost);

const byId = (el: MenuHost, id: string) =>
  el.shadowRoot!.getElementById(id === 'panel' ? el.menu.id : id)!;
const focused = (el: MenuHost) => el.shadowRoot!.activeElement;

/** The menu on the page, with a button before and after it. */
async function menu(options?: ConstructorParameters<typeof MenuHost>[0]) {
  const el = new MenuHost(options);
  const page = await fixture<HTMLElement>(
    html`<div><button id="before">Before</button>${el}<button id="after">After</button></div>`,
  );
  await el.updateComplete;
  return { el, page };
}

async function open(el: MenuHost): Promise<void> {
  byId(el, 'trigger').click();
  await el.updateComplete;
}

/** The capture-phase pointerdown listeners on the document, added while this runs. */
function documentPointerListeners() {
  const active = new Set<unknown>();
  const { addEventListener, removeEventListener } = document;
  document.addEventListener = function (
    this: Document,
    ...args: Parameters<Document['addEventListener']>
  ) {
    if (args[0] === 'pointerdown') active.add(args[1]);
    return addEventListener.apply(this, args);
  } as Document['addEventListener'];
  document.removeEventListener = function (
    this: Document,
    ...args: Parameters<Document['removeEventListener']>
  ) {
    if (args[0] === 'pointerdown') active.delete(args[1]);
    return removeEventListener.apply(this, args);
  } as Document['removeEventListener'];
  return {
    active,
    restore() {
      document.addEventListener = addEventListener;
      document.removeEventListener = removeEventListener;
    },
  };
}

const pointerdownOn = (target: EventTarget) =>
  target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));

describe('PopoverController', () => {
  it('opens on the trigger, shows the panel and moves focus into it', async () => {
    const { el } = await menu();
    expect(el.menu.open).to.equal(false);
    expect(byId(el, 'panel').hidden).to.equal(true);
    await open(el);
    expect(el.menu.open).to.equal(true);
    expect(byId(el, 'trigger').getAttribute('aria-expanded')).to.equal('true');
    expect(byId(el, 'panel').hidden).to.equal(false);
    expect(focused(el)).to.equal(byId(el, 'copy'));
    expect(el.toggles).to.deep.equal([true]);
    await expect(el).to.be.accessible();
  });

  it('tells the host once per change, however often it is asked', async () => {
    const { el } = await menu();
    el.menu.show();
    el.menu.show();
    el.menu.close();
    el.menu.close();
    el.menu.toggle();
    expect(el.toggles).to.deep.equal([true, false, true]);
  });

  it('closes on Escape, puts focus back on the trigger, and keeps the key from the page', async () => {
    const { el } = await menu();
    await open(el);
    const seenByPage: string[] = [];
    const onKey = (event: KeyboardEvent) => seenByPage.push(event.key);
    document.addEventListener('keydown', onKey);
    try {
      await sendKeys({ press: 'Escape' });
    } finally {
      document.removeEventListener('keydown', onKey);
    }
    await el.updateComplete;
    expect(el.menu.open).to.equal(false);
    expect(byId(el, 'panel').hidden).to.equal(true);
    expect(focused(el)).to.equal(byId(el, 'trigger'));
    expect(seenByPage).to.deep.equal([]);
  });

  it('closes on a press elsewhere on the page, not on one inside it', async () => {
    const { el, page } = await menu();
    await open(el);
    pointerdownOn(byId(el, 'email'));
    pointerdownOn(byId(el, 'trigger'));
    expect(el.menu.open).to.equal(true);
    pointerdownOn(page.querySelector('#after')!);
    await el.updateComplete;
    expect(el.menu.open).to.equal(false);
    expect(byId(el, 'panel').hidden).to.equal(true);
  });

  it('closes when keyboard focus leaves it, and stays open while focus moves inside', async () => {
    const { el, page } = await menu();
    await open(el);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(byId(el, 'email'));
    expect(el.menu.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(page.querySelector('#after'));
    expect(el.menu.open).to.equal(false);
  });

  it('keeps one menu of a group open at a time', async () => {
    const first = await menu({ group: 'test-header' });
    const second = await menu({ group: 'test-header' });
    await open(first.el);
    // At once, not only when focus moves into the other menu.
    second.el.menu.show();
    expect(first.el.menu.open).to.equal(false);
    await second.el.updateComplete;
    expect(second.el.menu.open).to.equal(true);
    expect(byId(first.el, 'panel').hidden).to.equal(true);
    first.el.menu.show();
    expect(second.el.menu.open).to.equal(false);
    // One that closed by itself is no longer the one the group closes.
    first.el.menu.close();
    second.el.menu.show();
    expect(first.el.toggles).to.deep.equal([true, false, true, false]);
    expect(second.el.toggles).to.deep.equal([true, false, true]);
  });

  it('shows and hides a panel in the top layer', async () => {
    const { el } = await menu({ topLayer: true });
    const panel = byId(el, 'panel');
    expect(panel.matches(':popover-open')).to.equal(false);
    await open(el);
    expect(panel.matches(':popover-open')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(false);
  });

  it('listens to the page only while open, and not after the element left the page', async () => {
    const listeners = documentPointerListeners();
    try {
      const { el } = await menu();
      expect(listeners.active.size).to.equal(0);
      await open(el);
      expect(listeners.active.size).to.equal(1);
      el.menu.close();
      expect(listeners.active.size).to.equal(0);
      await open(el);
      el.remove();
      expect(listeners.active.size).to.equal(0);
      expect(el.menu.open).to.equal(false);
      expect(el.toggles).to.deep.equal([true, false, true, false]);
    } finally {
      listeners.restore();
    }
  });

  it('gives every panel an id of its own, the same on every render', async () => {
    const menus = await Promise.all([menu(), menu(), menu()]);
    const ids = menus.map(({ el }) => el.menu.id);
    expect(new Set(ids).size).to.equal(3);
    const { el } = menus[0]!;
    await open(el);
    expect(byId(el, 'trigger').getAttribute('aria-controls')).to.equal(ids[0]);
  });
});
