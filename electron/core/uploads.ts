import { randomUUID } from 'node:crypto';
import type { UploadStore } from './types';

/**
 * Browser mode's uploaded files live in this process's memory only (never a plaintext temp file), are
 * taken once by the command that uses them, and expire so a forgotten upload does not sit in memory.
 */
export function createUploadStore(options: { maxBytes?: number; ttlMs?: number; now?: () => number } = {}): UploadStore {
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const ttlMs = options.ttlMs ?? 30 * 60_000;
  const now = options.now ?? Date.now;
  const items = new Map<string, { name: string; bytes: Buffer; at: number }>();
  const prune = () => {
    for (const [id, item] of items) if (now() - item.at > ttlMs) items.delete(id);
  };
  return {
    put(name, bytes) {
      prune();
      const held = [...items.values()].reduce((n, i) => n + i.bytes.length, 0);
      if (held + bytes.length > maxBytes) throw new Error('upload store full');
      const id = randomUUID();
      items.set(id, { name, bytes, at: now() });
      return id;
    },
    take(id) {
      prune();
      const item = items.get(id);
      items.delete(id);
      return item && { name: item.name, bytes: item.bytes };
    },
  };
}
