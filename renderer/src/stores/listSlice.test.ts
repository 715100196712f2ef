import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, ok, type CollectionPatch, type Result, type VolumeSummary } from '../api/contract';
import { createFakeClient } from '../testing/fakeClient';
import { createList, type ListSpec, type ListState } from './listSlice';

const volume = (name: string, over: Partial<VolumeSummary> = {}): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: `/v/${name}`,
  scope: 'local',
  labels: {},
  refCount: 0,
  usedBy: [],
  anonymous: false,
  ...over,
});

type Action = 'remove' | 'label';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A list over a plain variable, as a slice puts it under its key in the store. */
function setup(
  list: ListSpec<VolumeSummary, Action>['list'] = () => Promise.resolve(ok([volume('a'), volume('b')])),
) {
  const fake = createFakeClient();
  const spec: ListSpec<VolumeSummary, Action> = {
    list,
    changes: (client, push) => client.on('volumes.changed', push),
    keyOf: (v) => v.name,
    removeAction: 'remove',
  };
  const changes = vi.fn<(s: ListState<VolumeSummary, Action>) => void>();
  let state: ListState<VolumeSummary, Action> = createList(
    spec,
    fake.client,
    () => state,
    (next) => {
      state = next;
      changes(next);
    },
  );
  return { fake, changes, get: () => state };
}

const failure = { ok: false as const, error: { code: ErrorCode.CONFLICT, message: 'in use' } };

describe('createList', () => {
  it('loads items by key, and keeps the last good items with the error when a list fails', async () => {
    let answer: Result<VolumeSummary[]> = ok([volume('a'), volume('b')]);
    const { get } = setup(() => Promise.resolve(answer));
    expect(get()).toMatchObject({ items: {}, loaded: false, error: null });
    await get().load();
    expect(Object.keys(get().items)).toEqual(['a', 'b']);
    expect(get()).toMatchObject({ loaded: true, error: null });
    answer = failure;
    await get().load();
    expect(get().error).toEqual(failure.error);
    expect(Object.keys(get().items)).toEqual(['a', 'b']);
    answer = ok([volume('c')]);
    await get().load();
    expect(get()).toMatchObject({ items: { c: volume('c') }, error: null });
  });

  it('takes only the newest list answer when calls overlap', async () => {
    const answers = [deferred<Result<VolumeSummary[]>>(), deferred<Result<VolumeSummary[]>>()];
    let call = 0;
    const { get } = setup(() => answers[call++]?.promise ?? Promise.resolve(ok([])));
    const older = get().load();
    const newer = get().load();
    answers[1]?.resolve(ok([volume('new')]));
    await newer;
    answers[0]?.resolve(ok([volume('old')]));
    await older;
    expect(Object.keys(get().items)).toEqual(['new']);
  });

  it('applies patches: upserts and removals, and a reset replaces everything and marks the list loaded', () => {
    const { get } = setup();
    get().applyPatches([{ kind: 'patch', upserts: [volume('a'), volume('b')], removed: [] }]);
    expect(get().loaded).toBe(false);
    get().applyPatches([
      { kind: 'patch', upserts: [volume('a', { refCount: 2 })], removed: ['b'] },
      { kind: 'patch', upserts: [volume('c')], removed: [] },
    ]);
    expect(get().items).toEqual({ a: volume('a', { refCount: 2 }), c: volume('c') });
    get().applyPatches([{ kind: 'reset', items: [volume('only')] }]);
    expect(get().items).toEqual({ only: volume('only') });
    expect(get().loaded).toBe(true);
  });

  it('tracks the pending action per item, refuses a second one, and keeps a failure until dismissed', async () => {
    const { get } = setup();
    await get().load();
    const answer = deferred<Result<unknown>>();
    const run = get().runAction('a', 'label', () => answer.promise);
    expect(get().pending).toEqual({ a: 'label' });
    await expect(get().runAction('a', 'remove', () => Promise.resolve(ok(undefined)))).resolves.toBe(false);
    answer.resolve(failure);
    await expect(run).resolves.toBe(false);
    expect(get().pending).toEqual({});
    expect(get().errors).toEqual({ a: { action: 'label', error: failure.error } });
    expect(get().items.a).toBeDefined();
    get().dismissError('a');
    expect(get().errors).toEqual({});
  });

  it('clears an old failure on the next action and drops the row at once when the remove action succeeds', async () => {
    const { get, fake } = setup();
    await get().load();
    await get().runAction('a', 'label', () => Promise.resolve(failure));
    const invoke = vi.fn(() => Promise.resolve(ok(undefined)));
    await expect(get().runAction('a', 'label', invoke)).resolves.toBe(true);
    expect(invoke).toHaveBeenCalledWith(fake.client);
    expect(get().errors).toEqual({});
    expect(get().items.a).toBeDefined();
    await expect(get().runAction('a', 'remove', () => Promise.resolve(ok(undefined)))).resolves.toBe(true);
    expect(Object.keys(get().items)).toEqual(['b']);
  });

  it('follows its change event in one batch per frame until disposed', () => {
    const { get, fake, changes } = setup();
    const frames: (() => void)[] = [];
    const stop = get().follow((run) => {
      frames.push(run);
      return () => undefined;
    });
    const patch = (name: string): CollectionPatch<VolumeSummary> => ({
      kind: 'patch',
      upserts: [volume(name)],
      removed: [],
    });
    fake.emit('volumes.changed', patch('x'));
    fake.emit('volumes.changed', patch('y'));
    expect(changes).not.toHaveBeenCalled();
    frames.splice(0).forEach((f) => f());
    expect(changes).toHaveBeenCalledTimes(1);
    expect(Object.keys(get().items)).toEqual(['x', 'y']);
    stop();
    fake.emit('volumes.changed', patch('z'));
    frames.splice(0).forEach((f) => f());
    expect(Object.keys(get().items)).toEqual(['x', 'y']);
  });
});
