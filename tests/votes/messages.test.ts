import { votesMessages } from '../../src/votes/messages/index.js';
import { expectCompleteTranslations } from '../support/helpers.js';

describe('the votes messages', () => {
  it('are all written in every locale, with the same placeholders', async () => {
    await expectCompleteTranslations(votesMessages);
  });
});
