import { loginMessages } from '../../src/login/messages/index.js';
import { expectCompleteTranslations } from '../support/helpers.js';

describe('the login messages', () => {
  it('are all written in every locale, with the same placeholders', async () => {
    await expectCompleteTranslations(loginMessages);
  });
});
