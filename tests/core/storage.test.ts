import { expect } from '@open-wc/testing';
import { createStorage } from '../../src/core/storage.js';
import { captureWarnings } from '../support/helpers.js';

describe('createStorage', () => {
  beforeEach(() => localStorage.clear());

  it('reads and writes JSON in the chosen storage', () => {
    const storage = createStorage('local');
    storage.write('k', { a: 1 });
    expect(JSON.parse(localStorage.getItem('k')!)).to.deep.equal({ a: 1 });
    expect(storage.read('k')).to.deep.equal({ a: 1 });
  });

  it('treats corrupted JSON as empty and warns once', async () => {
    localStorage.setItem('bad', '{"v":1,"items":[');
    const storage = createStorage('local');
    const warnings = await captureWarnings(() => {
      expect(storage.read('bad')).to.equal(undefined);
      expect(storage.read('bad')).to.equal(undefined);
    });
    expect(warnings.filter((w) => w.includes('not valid JSON'))).to.have.length(1);
  });

  it('falls back to memory when the quota is full, keeping every write', async () => {
    const storage = createStorage('local');
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const warnings = await captureWarnings(() => {
        storage.write('k', [1]);
        storage.write('k', [1, 2]);
      });
      expect(storage.read('k')).to.deep.equal([1, 2]);
      expect(warnings.filter((w) => w.includes('kept in memory'))).to.have.length(1);
    } finally {
      Storage.prototype.setItem = original;
    }
  });

  it('stores the value again on the next write once the quota has room', async () => {
    const storage = createStorage('local');
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    await captureWarnings(() => storage.write('k', [1]));
    Storage.prototype.setItem = original;
    storage.write('k', [1, 2]);
    expect(JSON.parse(localStorage.getItem('k')!)).to.deep.equal([1, 2]);
    expect(storage.read('k')).to.deep.equal([1, 2]);
  });

  it('works in memory when storage is disabled (access throws)', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      let storage!: ReturnType<typeof createStorage>;
      const warnings = await captureWarnings(() => (storage = createStorage('local')));
      storage.write('k', 'v');
      expect(storage.read('k')).to.equal('v');
      expect(warnings.join()).to.contain('unavailable');
    } finally {
      Object.defineProperty(window, 'localStorage', descriptor);
    }
  });

  it('memory storage never touches browser storage', () => {
    const storage = createStorage('memory');
    storage.write('k', 1);
    expect(storage.read('k')).to.equal(1);
    expect(localStorage.getItem('k')).to.equal(null);
  });

  it('tells about changes made by another tab, and clear()', async () => {
    const storage = createStorage('local');
    const seen: unknown[] = [];
    const stop = storage.watch('k', (value) => seen.push(value));
    const init = { key: 'k', newValue: '{"x":1}', storageArea: localStorage };
    window.dispatchEvent(new StorageEvent('storage', init));
    window.dispatchEvent(new StorageEvent('storage', { ...init, key: 'other' }));
    window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }));
    stop();
    window.dispatchEvent(new StorageEvent('storage', init));
    expect(seen).to.deep.equal([{ x: 1 }, undefined]);
  });
});
