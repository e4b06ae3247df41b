// A misspelt component prop: `prodctId` for `productId`.
import { WishlistButton } from 'vitrine/react';

export const Misspelt = () => <WishlistButton prodctId="sac-lune" />;
