import { describe, expect, it } from 'vitest';
import { applyPatches } from './collection';

interface Item {
  key: string;
  v: number;
}
const keyOf = (i: Item) => i.key;

describe('applyPatches', () => {
  it('upserts and removes by key without touching the current record', () => {
    const current: Record<string, Item> = { a: { key: 'a', v: 1 }, b: { key: 'b', v: 1 } };
    const { items, reset } = applyPatches(
      current,
      [{ kind: 'patch', upserts: [{ key: 'a', v: 2 }, { key: 'c', v: 1 }], removed: ['b'] }],
      keyOf,
    );
    expect(items).toEqual({ a: { key: 'a', v: 2 }, c: { key: 'c', v: 1 } });
    expect(reset).toBe(false);
    expect(current).toEqual({ a: { key: 'a', v: 1 }, b: { key: 'b', v: 1 } });
  });

  it('lets a reset replace everything and applies later patches on top', () => {
    const { items, reset } = applyPatches(
      { a: { key: 'a', v: 1 } },
      [
        { kind: 'patch', upserts: [{ key: 'b', v: 1 }], removed: [] },
        { kind: 'reset', items: [{ key: 'x', v: 1 }, { key: 'y', v: 1 }] },
        { kind: 'patch', upserts: [{ key: 'z', v: 1 }], removed: ['y'] },
      ],
      keyOf,
    );
    expect(items).toEqual({ x: { key: 'x', v: 1 }, z: { key: 'z', v: 1 } });
    expect(reset).toBe(true);
  });

  it('returns the same record for an empty batch', () => {
    const current: Record<string, Item> = { a: { key: 'a', v: 1 } };
    const { items, reset } = applyPatches(current, [], keyOf);
    expect(items).toBe(current);
    expect(reset).toBe(false);
  });
});
