import { bagMessages } from '../../src/wishlist/messages/bag.js';
import { wishlistMessages } from '../../src/wishlist/messages/index.js';
import { sharingMessages } from '../../src/wishlist/messages/sharing.js';
import { expectCompleteTranslations } from '../support/helpers.js';

describe('the wishlist messages', () => {
  it('are all written in every locale, with the same placeholders', async () => {
    await expectCompleteTranslations(wishlistMessages, sharingMessages, bagMessages);
  });
});
