/**
 * Frontmatter as data every later step can store and hash: what YAML makes of a note's
 * frontmatter can hold things the content store (devalue) or `JSON.stringify` (page cache
 * keys) cannot take, and either would stop the whole build: an own `__proto__` key, a cycle
 * (`a: &a [*a]`), binary (`!!binary`), sets and maps. Here they become plain data, and what
 * was dropped is said, so the note can be reported.
 */

export interface PlainFrontmatter {
  data: Record<string, unknown>;
  /** What could not be kept, as the warning names it: "the key __proto__", "a value that contains itself". */
  dropped: string[];
}

export function plainFrontmatter(value: Record<string, unknown>): PlainFrontmatter {
  const dropped = new Set<string>();
  const ancestors = new Set<object>();
  const plain = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') {
      if (typeof item === 'bigint') return Number(item);
      return typeof item === 'function' || typeof item === 'symbol' ? undefined : item;
    }
    // A Date is what the note's date is read from; both stores keep it.
    if (item instanceof Date) return item;
    if (ancestors.has(item)) {
      dropped.add('a value that contains itself (a YAML alias to its own anchor)');
      return null;
    }
    ancestors.add(item);
    try {
      if (ArrayBuffer.isView(item)) return Array.from(item as unknown as ArrayLike<number>);
      if (Array.isArray(item) || item instanceof Set) return Array.from(item, plain);
      const entries = item instanceof Map ? [...item.entries()].map(([key, entry]) => [String(key), entry] as const) : Object.entries(item);
      const result: Record<string, unknown> = {};
      for (const [key, entry] of entries) {
        if (key === '__proto__') {
          dropped.add('the key __proto__');
          continue;
        }
        result[key] = plain(entry);
      }
      return result;
    } finally {
      ancestors.delete(item);
    }
  };
  return { data: plain(value) as Record<string, unknown>, dropped: [...dropped] };
}
