import { warn } from './warn.js';

export type StorageKind = 'local' | 'session' | 'memory';

/**
 * A key/value store of JSON values that never throws into the page. Browser storage can be
 * disabled (privacy modes, sandboxed iframes), full, or hold corrupted JSON written by
 * someone else: each case warns once and the value lives in memory, so the shopper loses
 * nothing they did on this page. A write that fails (a full quota) is tried again on the next
 * write, so the value is stored again as soon as there is room.
 */
export interface SafeStorage {
  readonly kind: StorageKind;
  read(key: string): unknown;
  write(key: string, value: unknown): void;
  remove(key: string): void;
  /**
   * Calls `listener` when another tab of the same origin changes `key`: with the new value, or
   * `undefined` when the key was removed, the storage cleared, or the value is unreadable.
   */
  watch(key: string, listener: (value: unknown) => void): () => void;
}

function backend(kind: StorageKind): Storage | undefined {
  if (kind === 'memory') return undefined;
  try {
    const store = kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    return store ?? undefined;
  } catch {
    return undefined;
  }
}

function parse(raw: string | null, key: string): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    warn(`stored data under "${key}" is not valid JSON; starting from empty.`, `corrupt:${key}`);
    return undefined;
  }
}

export function createStorage(kind: StorageKind): SafeStorage {
  const memory = new Map<string, unknown>();
  const store = backend(kind);
  // Told once per page: a full or blocked storage must not flood the console.
  const failed = (error: unknown, once = 'storage-failed'): void =>
    warn(
      `${kind}Storage is unavailable (${String(error)}); data is kept in memory until it can be stored.`,
      once,
    );
  if (kind !== 'memory' && !store) failed('no access', 'storage-unavailable');

  return {
    kind,
    read(key) {
      if (memory.has(key) || !store) return memory.get(key);
      try {
        return parse(store.getItem(key), key);
      } catch (error) {
        failed(error);
        return memory.get(key);
      }
    },
    write(key, value) {
      try {
        if (store) {
          store.setItem(key, JSON.stringify(value));
          memory.delete(key);
          return;
        }
      } catch (error) {
        // Full, most often: the storage stays, and the next write tries it again.
        failed(error);
      }
      memory.set(key, value);
    },
    remove(key) {
      memory.delete(key);
      try {
        store?.removeItem(key);
      } catch (error) {
        failed(error);
      }
    },
    watch(key, listener) {
      if (kind !== 'local' || typeof window === 'undefined') return () => {};
      const onStorage = (event: StorageEvent): void => {
        if (!store || event.storageArea !== store) return;
        // `key` null: another tab called clear().
        if (event.key === null || event.key === key) listener(parse(event.newValue, key));
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}
