import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse } from '@web/test-runner-commands';
import '../../src/stories/index.js';
import { clearStoriesSeen } from '../../src/stores/story-seen.js';
import { resetVitrine, until } from '../support/helpers.js';
import { covers, dialogOf, groupsOf, opened, part, tray } from '../support/tray.js';

// Chromium only: `prefers-reduced-motion` is switched through its DevTools protocol. The
// keyboard path and a group's own time, in both engines: tray-keyboard.test.ts.

describe('<vitrine-story-tray> dialog with reduced motion', () => {
  beforeEach(async () => {
    resetVitrine();
    clearStoriesSeen();
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

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
