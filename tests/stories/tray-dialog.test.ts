import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import { clearStoriesSeen } from '../../src/stores/story-seen.js';
import { resetVitrine, until } from '../support/helpers.js';
import { covers, dialogOf, focused, groupsOf, opened, part, tray } from '../support/tray.js';

// Chromium only: `prefers-reduced-motion` is switched through its DevTools protocol, and
// Firefox's WebDriver BiDi never returns from a key press that closes a modal dialog.

describe('<vitrine-story-tray> dialog, by the keyboard and with reduced motion', () => {
  beforeEach(async () => {
    resetVitrine();
    clearStoriesSeen();
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

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

  it('opens without movement and without a running show under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await tray();
    covers(el)[1]!.click();
    await opened(el, 'atelier', 'atelier-1');
    expect(dialogOf(el).getAnimations()).to.have.length(0);
    const atelier = groupsOf(el)[1]!;
    await atelier.updateComplete;
    expect(part(atelier, 'rotation')!.getAttribute('aria-label')).to.equal(
      'Start automatic slide show',
    );
    // The fan moves on by hand, into the next group too.
    part(atelier, 'next')!.click();
    await opened(el, 'atelier', 'atelier-2');
    part(atelier, 'next')!.click();
    await opened(el, 'capsule', 'capsule-1');
    await until(() => dialogOf(el).open, 'still open');
    await expect(el).to.be.accessible();
  });
});
