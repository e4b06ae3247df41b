import {
  bagMessages,
  wishlistMessages,
  sharingMessages,
} from '../../src/wishlist/messages/index.js';
import { expectCompleteTranslations } from '../support/helpers.js';

describe('the wishlist messages', () => {
  it('are all written in every locale, with the same placeholders', async () => {
    await expectCompleteTranslations(wishlistMessages, sharingMessages, bagMessages);
  });
});
