// A handler that wants the wrong detail: a vote is not a wishlist change.
import type { WishlistChangeDetail } from 'vitrine/react';

const onSaved = (event: CustomEvent<WishlistChangeDetail>) => event.detail.saved;
export const Wrong = () => <vitrine-vote campaign="next-icon" onvitrine-vote={onSaved} />;
