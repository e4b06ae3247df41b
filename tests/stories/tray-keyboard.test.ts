import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import { clearStoriesSeen } from '../../src/stores/story-seen.js';
import { resetVitrine, until } from '../support/helpers.js';
import { covers, dialogOf, focused, groupsOf, opened, part, tray } from '../support/tray.js';

// In both engines: the tray by the keyboard alone, and a group's own time running out.

describe('<vitrine-story-tray> by the keyboard', () => {
  beforeEach(async () => {
    resetVitrine();
    clearStoriesSeen();
    await resetMouse();
  });

  it('is used with the keyboard alone: covers, opening, inside the dialog, closing', async () => {
    const el = await tray();
    el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(covers(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(covers(el)[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(covers(el)[2]);
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(covers(el)[0]);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(covers(el)[1]);
    await sendKeys({ press: 'Enter' });
    await opened(el, 'atelier', 'atelier-1');
    // The keyboard starts in the dialog, on its close button, and stays inside (a modal
    // dialog: the page behind is inert).
    expect(focused(el)).to.equal(part(el, 'close'));
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(part(el, 'share'));
    // The arrows step through slides wherever the focus is in the dialog.
    part(el, 'close')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await opened(el, 'atelier', 'atelier-2');
    // Closing by the keyboard: the next tests.
    part(el, 'close')!.click();
    expect(focused(el)).to.equal(covers(el)[1]);
  });

  it('closes on Escape, the keyboard back on the cover', async () => {
    const el = await tray();
    covers(el)[2]!.focus();
    await sendKeys({ press: 'Enter' });
    await opened(el, 'capsule', 'capsule-1');
    expect(focused(el)).to.equal(part(el, 'close'));
    await sendKeys({ press: 'Escape' });
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal(covers(el)[2]);
    expect(groupsOf(el)[2]!.trayOpen).to.equal(false);
  });

  it('closes with Enter on the close button', async () => {
    const el = await tray();
    covers(el)[0]!.focus();
    await sendKeys({ press: ' ' });
    await opened(el, 'heritage', 'heritage-1');
    await sendKeys({ press: 'Enter' });
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal(covers(el)[0]);
  });

  it('completes a group when its last slide has run its time', async function () {
    // A slide's shortest time is one second, and its picture loads first.
    this.timeout(10000);
    const el = await tray([{ id: 'quick', label: 'Quick', slides: 1 }]);
    groupsOf(el)[0]!.setAttribute('duration', '1');
    const complete = oneEvent(el, 'vitrine-story-complete');
    covers(el)[0]!.click();
    expect((await complete).detail).to.deep.equal({ storiesId: 'quick' });
    await until(() => !dialogOf(el).open, 'closed after the only group');
  });
});
