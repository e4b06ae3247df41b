import { expect } from '@open-wc/testing';
import {
  $products,
  describeProduct,
  productFromAttributes,
  registerProduct,
  rememberProducts,
  sanitizeProduct,
  type ProductAttributes,
} from '../../src/stores/products.js';
import { captureWarnings } from '../support/helpers.js';

/** How many times `$products` told its listeners while `run` went (microtasks included). */
async function notifications(run: () => void): Promise<number> {
  let count = 0;
  const stop = $products.listen(() => (count += 1));
  try {
    run();
    await Promise.resolve();
    await Promise.resolve();
  } finally {
    stop();
  }
  return count;
}

const attributes = (values: Partial<ProductAttributes>): ProductAttributes => ({
  productId: '',
  name: '',
  price: '',
  currency: '',
  image: '',
  url: '',
  ...values,
});

describe('sanitizeProduct()', () => {
  it('keeps what is valid, drops the rest, and never keeps an unsafe URL', () => {
    const product = sanitizeProduct({
      productId: 'gid://shopify/Product/7982',
      name: '  Sac\u0000Lune\n ',
      price: 1250,
      currency: 'EUR',
      image: 'javascript:alert(1)',
      url: 'https://maison.example/sac-lune',
      colour: 'noir',
    });
    expect(product).to.deep.equal({
      productId: 'gid://shopify/Product/7982',
      name: 'Sac Lune',
      price: 1250,
      currency: 'EUR',
      url: 'https://maison.example/sac-lune',
    });
  });

  it('drops a bad price, a bad currency and an over-long name', () => {
    for (const price of [-1, Infinity, NaN, '12', 2e9]) {
      expect(sanitizeProduct({ productId: 'p', price })!.price, String(price)).to.equal(undefined);
    }
    expect(sanitizeProduct({ productId: 'p', currency: 'eur' })!.currency).to.equal(undefined);
    expect(sanitizeProduct({ productId: 'p', name: 'x'.repeat(500) })!.name).to.have.length(200);
  });

  it('refuses a product without a usable id', () => {
    for (const raw of [
      null,
      'sac',
      42,
      {},
      { productId: '' },
      { productId: 'has space' },
      { productId: 'x'.repeat(129) },
      { productId: 7 },
    ]) {
      expect(sanitizeProduct(raw), JSON.stringify(raw)).to.equal(undefined);
    }
  });

  it('checks once: what it returns is frozen, and passes through again as it is', () => {
    const raw = { productId: 'checked-once', name: 'Carré' };
    const product = sanitizeProduct(raw)!;
    expect(product).not.to.equal(raw);
    expect(Object.isFrozen(product)).to.equal(true);
    expect(sanitizeProduct(product)).to.equal(product);
    // A frozen look-alike that did not pass through it is checked like any other.
    const lookalike = Object.freeze({ productId: 'checked-once', image: 'javascript:x' });
    expect(sanitizeProduct(lookalike)).to.deep.equal({ productId: 'checked-once' });
  });
});

describe('productFromAttributes()', () => {
  it('reads a product from a widget’s attributes without a word', async () => {
    let product: ReturnType<typeof productFromAttributes>;
    const warnings = await captureWarnings(() => {
      product = productFromAttributes(
        'vitrine-wishlist-button',
        attributes({
          productId: ' sac-lune ',
          name: 'Sac Lune',
          price: '1250.5',
          currency: 'EUR',
          image: 'https://cdn.example/sac.jpg',
          url: '/sac-lune',
        }),
      );
    });
    expect(warnings).to.deep.equal([]);
    expect(product!).to.deep.equal({
      productId: 'sac-lune',
      available: true,
      name: 'Sac Lune',
      price: 1250.5,
      currency: 'EUR',
      image: 'https://cdn.example/sac.jpg',
      url: new URL('/sac-lune', location.href).href,
    });
    expect(sanitizeProduct(product!)).to.equal(product!);
  });

  it('disables a widget without a usable product-id, and says what an id may hold', async () => {
    const warnings = await captureWarnings(() => {
      expect(productFromAttributes('vitrine-vote', attributes({ productId: 'sac lune' }))).to.equal(
        undefined,
      );
    }, 'needs a product-id');
    expect(warnings).to.deep.equal([
      '[vitrine] <vitrine-vote> needs a product-id of letters, digits and . _ : / @ + - (got "sac lune"); it is disabled. Write product-id="sac-lune", for example.',
    ]);
  });

  it('warns once about each value it drops, and keeps the product', async () => {
    let product: ReturnType<typeof productFromAttributes>;
    const warnings = await captureWarnings(() => {
      product = productFromAttributes(
        'vitrine-wishlist-button',
        attributes({
          productId: 'sac-lune',
          name: 'Sac Lune',
          price: 'free',
          currency: 'euro',
          image: 'javascript:alert(1)',
          url: 'data:text/html,x',
        }),
      );
    }, 'price="free"');
    expect(product!).to.deep.equal({ productId: 'sac-lune', name: 'Sac Lune', available: true });
    expect(warnings).to.deep.equal([
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> price="free" is not a plain number (digits, and a dot before the cents); no price is shown. Write price="1250.00", for example.',
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> currency="euro" is not an ISO 4217 currency code; the page\'s currency is used. Write currency="EUR", for example.',
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> image="javascript:alert(1)" is not an http(s) address; no picture is shown. Write image="https://example.com/sac-lune.jpg", for example.',
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> url="data:text/html,x" is not an http(s) address; no link is shown. Write url="https://example.com/sac-lune", for example.',
    ]);
  });
});

describe('a price written as a marketer might', () => {
  const warningFor = async (price: string) => {
    let product: ReturnType<typeof productFromAttributes>;
    const warnings = await captureWarnings(() => {
      product = productFromAttributes(
        'vitrine-wishlist-button',
        attributes({ productId: 'sac-lune', name: 'Sac Lune', price }),
      );
    }, 'price=');
    expect(product!.price, price).to.equal(undefined);
    return warnings;
  };

  it('with a thousands separator and a decimal comma, shows the form to write', async () => {
    expect(await warningFor('1.250,00')).to.deep.equal([
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> price="1.250,00" is not a plain number (digits, and a dot before the cents); no price is shown. Write price="1250.00", for example.',
    ]);
  });

  it('below zero, says so rather than "not a number"', async () => {
    expect(await warningFor('-5')).to.deep.equal([
      '[vitrine] <vitrine-wishlist-button product-id="sac-lune"> price="-5" is not a price of zero or more; no price is shown. Write price="1250.00", for example.',
    ]);
  });
});

describe('$products', () => {
  it('takes a burst of described products as one change', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `burst-${i}`);
    const count = await notifications(() => {
      for (const id of ids) registerProduct(sanitizeProduct({ productId: id, name: id })!);
      expect($products.get()['burst-0']).to.equal(undefined);
    });
    expect(count).to.equal(1);
    expect(ids.every((id) => $products.get()[id]?.name === id)).to.equal(true);
  });

  it('joins what two widgets say of one product in the same burst', async () => {
    registerProduct({ productId: 'joined', name: 'Pochette' });
    registerProduct({ productId: 'joined', price: 890 });
    await Promise.resolve();
    expect($products.get().joined).to.deep.equal({
      productId: 'joined',
      name: 'Pochette',
      price: 890,
    });
  });

  it('changes nothing when a widget says again what is known', async () => {
    registerProduct({ productId: 'known', name: 'Étole' });
    await Promise.resolve();
    const before = $products.get().known;
    expect(
      await notifications(() => registerProduct({ productId: 'known', name: 'Étole' })),
    ).to.equal(0);
    expect($products.get().known).to.equal(before);
  });

  it('keeps every product frozen, so no widget changes another’s copy', async () => {
    registerProduct({ productId: 'frozen-one', name: 'Trench' });
    await Promise.resolve();
    registerProduct({ productId: 'frozen-one', price: 2100 });
    await Promise.resolve();
    expect(Object.isFrozen($products.get()['frozen-one'])).to.equal(true);
  });

  it('describeProduct() records at once, over what was known', async () => {
    registerProduct({ productId: 'saved-now', name: 'Old name', price: 100 });
    await Promise.resolve();
    describeProduct({ productId: 'saved-now', name: 'New name' });
    expect($products.get()['saved-now']).to.deep.equal({
      productId: 'saved-now',
      name: 'New name',
      price: 100,
    });
    expect(
      await notifications(() => describeProduct({ productId: 'saved-now', name: 'New name' })),
    ).to.equal(0);
  });

  it('rememberProducts() fills in what the page has not said, and never overrides it', async () => {
    registerProduct({ productId: 'remembered', name: 'Page name' });
    await Promise.resolve();
    rememberProducts([
      { productId: 'remembered', name: 'Stored name', price: 640 },
      { productId: 'only-stored', name: 'Stored only' },
    ]);
    expect($products.get().remembered).to.deep.equal({
      productId: 'remembered',
      name: 'Page name',
      price: 640,
    });
    expect($products.get()['only-stored']!.name).to.equal('Stored only');
    expect(
      await notifications(() =>
        rememberProducts([{ productId: 'remembered', name: 'Stored again' }]),
      ),
    ).to.equal(0);
  });

  it('lets the page’s description win over a list remembered in the same moment', async () => {
    registerProduct({ productId: 'same-moment', name: 'Page name' });
    rememberProducts([{ productId: 'same-moment', name: 'Stored name', price: 75 }]);
    await Promise.resolve();
    expect($products.get()['same-moment']).to.deep.equal({
      productId: 'same-moment',
      name: 'Page name',
      price: 75,
    });
  });
});
