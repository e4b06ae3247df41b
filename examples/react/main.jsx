// Vitrine in a React 19 storefront: the vitrine/react components, with their typed `on…`
// props, and a plain tag beside them (React 19 sets its properties and listens to
// `onvitrine-…` itself). Both share the same wishlist.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Config, Login, Vote, Wishlist, WishlistButton, WishlistCount } from 'vitrine/react';

const settings = JSON.parse(document.getElementById('settings').textContent);

const PRODUCTS = [
  { id: 'sac-lune', name: 'Sac Lune', price: '2400' },
  { id: 'pochette-soiree', name: 'Pochette Soirée', price: '1650' },
  { id: 'carre-jardin', name: 'Carré Jardin', price: '420' },
];

function Product({ product, onSaved }) {
  return (
    <li className="product">
      <img src={`/products/${product.id}.svg`} alt="" width="240" height="240" />
      <h2>{product.name}</h2>
      <WishlistButton
        productId={product.id}
        name={product.name}
        price={product.price}
        image={`/products/${product.id}.svg`}
        showLabel
        onWishlistChange={(event) => onSaved(event.detail)}
      />
      <Vote campaign="next-icon" productId={product.id} name={product.name} />
    </li>
  );
}

function App() {
  const [lastChange, setLastChange] = useState('');
  return (
    <>
      <Config
        api="/api"
        issuer={settings.issuer}
        client-id={settings.clientId}
        providers="google apple"
        provider-param="idp"
        currency="EUR"
        locale="en"
      />
      <header>
        <strong>Maison Aurèle</strong>
        <WishlistCount />
        <Login onLogin={(event) => setLastChange(`Welcome, ${event.detail.user.name}.`)} />
      </header>
      <main>
        <p role="status">{lastChange}</p>
        <ul className="products">
          {PRODUCTS.map((product) => (
            <Product
              key={product.id}
              product={product}
              onSaved={({ saved, count }) =>
                setLastChange(`${saved ? 'Saved' : 'Removed'}: ${count} in your wishlist.`)
              }
            />
          ))}
        </ul>
        <section>
          <h2>The plain tag works too</h2>
          <vitrine-wishlist-button
            product-id="sac-lune"
            name="Sac Lune"
            show-label
            onvitrine-wishlist-change={(event) => console.log('plain tag', event.detail)}
          />
        </section>
        <Wishlist shareUrl="/" />
      </main>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
