import { storiesMessages } from '../../src/stories/messages/index.js';
import { trayMessages } from '../../src/stories/messages/tray.js';
import { expectCompleteTranslations } from '../support/helpers.js';

describe('the stories messages', () => {
  it('are all written in every locale, with the same placeholders', async () => {
    await expectCompleteTranslations(storiesMessages, trayMessages);
  });
});
