import { expect } from '@open-wc/testing';
import { shareTargetUrl } from '../../src/wishlist/share-targets.js';

const payload = {
  url: 'https://maison.example/shared#vitrine-wishlist=eyJ2IjoxfQ',
  text: 'Ma liste & mes envies ? 100% #soie',
  image: 'https://cdn.example/sac.jpg?w=800&h=600',
};

describe('share target URLs', () => {
  it('encodes every part so nothing leaks into another parameter', () => {
    const pin = new URL(shareTargetUrl('pinterest', payload));
    expect(pin.origin + pin.pathname).to.equal('https://www.pinterest.com/pin/create/button/');
    expect(pin.searchParams.get('url')).to.equal(payload.url);
    expect(pin.searchParams.get('media')).to.equal(payload.image);
    expect(pin.searchParams.get('description')).to.equal(payload.text);
    expect([...pin.searchParams.keys()]).to.deep.equal(['url', 'media', 'description']);

    const facebook = new URL(shareTargetUrl('facebook', payload));
    expect(facebook.searchParams.get('u')).to.equal(payload.url);

    const x = new URL(shareTargetUrl('x', payload));
    expect(x.hostname).to.equal('x.com');
    expect(x.searchParams.get('text')).to.equal(payload.text);
    expect(x.searchParams.get('url')).to.equal(payload.url);

    const whatsapp = new URL(shareTargetUrl('whatsapp', payload));
    expect(whatsapp.origin).to.equal('https://wa.me');
    expect(whatsapp.searchParams.get('text')).to.equal(`${payload.text} ${payload.url}`);
  });

  it('builds mailto links with percent-encoding (no "+" for spaces)', () => {
    const mail = shareTargetUrl('email', payload);
    expect(mail.startsWith('mailto:?subject=')).to.equal(true);
    expect(mail).not.to.contain('+');
    const query = new URLSearchParams(mail.slice('mailto:?'.length));
    expect(query.get('subject')).to.equal(payload.text);
    expect(query.get('body')).to.equal(`${payload.text}\n${payload.url}`);
  });
});
