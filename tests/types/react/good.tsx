// Both ways of writing Vitrine in React 19: the vitrine/react components and the tags.
import { Login, Vote, WishlistButton, type WishlistChangeDetail } from 'vitrine/react';

export function Product({ onSaved }: { onSaved: (detail: WishlistChangeDetail) => void }) {
  return (
    <article>
      <WishlistButton
        productId="sac-lune"
        name="Sac Lune"
        showLabel
        onWishlistChange={(event) => onSaved(event.detail)}
      />
      <Vote campaign="next-icon" productId="sac-lune" onVote={(event) => event.detail.count} />
      <Login mode="popup" onLogin={(event) => console.log(event.detail.user.name)} />
      <vitrine-wishlist-button
        product-id="sac-lune"
        show-label
        className="heart"
        onvitrine-wishlist-change={(event) => onSaved(event.detail)}
      />
      <vitrine-vote campaign="next-icon" product-id="sac-lune" />
      <vitrine-login mode="redirect" compact onvitrine-login={(event) => event.detail.user.sub} />
      <vitrine-stories autoplay loop label="Heritage">
        <vitrine-story duration="6">
          <vitrine-hotspot product-id="sac-lune" x="40" y="60" />
        </vitrine-story>
      </vitrine-stories>
    </article>
  );
}
