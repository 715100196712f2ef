import { describe, expect, it } from 'vitest';
import type { SwarmNode, SwarmTask } from '../../../api/contract';
import { autoMode, createBoard, noFilter, serviceColor, UNASSIGNED, type ColumnView } from './model';
import { swarmNode, swarmTask, threeNodeSwarm } from './testing/swarmFixtures';

const byId = <T extends { id: string }>(xs: T[]): Record<string, T> => Object.fromEntries(xs.map((x) => [x.id, x]));
const names = (c: ColumnView) => c.cards.map((v) => `${v.task.serviceName}.${v.task.slot ?? ''}`);

function setup() {
  const { nodes, tasks } = threeNodeSwarm();
  let clock = 1000;
  const board = createBoard(() => clock);
  return { board, nodes: byId(nodes), tasks: byId(tasks), tick: (ms: number) => (clock += ms) };
}

describe('visualizer board', () => {
  it('puts each task in its node column, managers first, sorted by service and slot', () => {
    const { board, nodes, tasks } = setup();
    const columns = board.columns(tasks, nodes, noFilter, true);
    expect(columns.map((c) => c.node?.hostname)).toEqual(['node1', 'node2', 'node3']);
    expect(columns.map(names)).toEqual([['web.1'], ['api.1', 'web.2'], ['api.2', 'web.3']]);
  });

  it('filters by service, stack and node, and hides ended tasks unless asked', () => {
    const { board, nodes, tasks } = setup();
    const old = swarmTask('web', 2, 'node1', { id: 'old', state: 'shutdown', desiredState: 'shutdown', createdAt: 1 });
    const all = { ...tasks, old };
    expect(board.columns(all, nodes, { ...noFilter, service: 'api-sid' }, true).map(names)).toEqual([[], ['api.1'], ['api.2']]);
    expect(board.columns(all, nodes, { ...noFilter, stack: 'shop' }, true).flatMap(names)).toEqual(['web.1', 'web.2', 'web.3']);
    expect(board.columns(all, nodes, { ...noFilter, node: 'node3-id' }, true).map((c) => c.node?.hostname)).toEqual(['node3']);
    expect(board.columns(all, nodes, noFilter, true)[0]?.cards).toHaveLength(1);
    expect(board.columns(all, nodes, { ...noFilter, showStopped: true }, true)[0]?.cards).toHaveLength(2);
  });

  it('keeps a just-failed task that the orchestrator still wants running, and shows unscheduled tasks first', () => {
    const { board, nodes, tasks } = setup();
    const failed = swarmTask('api', 3, 'node1', { state: 'failed', error: 'task: non-zero exit (1)' });
    const pending = swarmTask('api', 4, undefined, { state: 'pending', error: 'no suitable node (1 node not available for new tasks)' });
    const columns = board.columns({ ...tasks, [failed.id]: failed, [pending.id]: pending }, nodes, noFilter, true);
    expect(columns[0]?.key).toBe(UNASSIGNED);
    expect(names(columns[0] as ColumnView)).toEqual(['api.4']);
    expect(names(columns[1] as ColumnView)).toEqual(['api.3', 'web.1']);
  });

  it('keeps the identity of unchanged columns and cards, so one task patch changes one column', () => {
    const { board, nodes, tasks } = setup();
    const before = board.columns(tasks, nodes, noFilter, true);
    const t = tasks['api-1-node2-tid'] as SwarmTask;
    const after = board.columns({ ...tasks, [t.id]: { ...t, state: 'failed' } }, nodes, noFilter, true);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    // The other card of the changed column is the same object.
    expect(after[1]?.cards[1]).toBe(before[1]?.cards[1]);
  });

  it('highlights state changes and new tasks, but not the first load', () => {
    const { board, nodes, tasks, tick } = setup();
    const first = board.columns(tasks, nodes, noFilter, true);
    expect(first.flatMap((c) => c.cards).every((v) => v.flash === undefined)).toBe(true);
    tick(500);
    const t = tasks['web-2-node2-tid'] as SwarmTask;
    const added = swarmTask('web', 4, 'node1');
    const next = board.columns({ ...tasks, [t.id]: { ...t, state: 'shutdown' }, [added.id]: added }, nodes, { ...noFilter, showStopped: true }, true);
    const flashes = Object.fromEntries(next.flatMap((c) => c.cards).filter((v) => v.flash).map((v) => [v.task.id, v.flash]));
    expect(flashes).toEqual({ [t.id]: { kind: 'changed', at: 1500 }, [added.id]: { kind: 'new', at: 1500 } });
  });

  it('shows where a slot moved from when its new task runs on another node', () => {
    const { board, nodes } = setup();
    const gone = swarmTask('web', 1, 'node2', { id: 'a', state: 'shutdown', desiredState: 'shutdown', createdAt: 10 });
    const moved = swarmTask('web', 1, 'node3', { id: 'b', createdAt: 20 });
    const columns = board.columns(byId([gone, moved]), nodes, noFilter, true);
    expect(columns[2]?.cards[0]?.movedFrom).toBe('node2');
  });

  it('chooses dense cards for large clusters and counts for huge ones', () => {
    expect(autoMode(3, 6)).toBe('cards');
    expect(autoMode(50, 1000)).toBe('dense');
    expect(autoMode(20, 5000)).toBe('counts');
  });

  it('gives a service the same colour every time', () => {
    expect(serviceColor('web')).toBe(serviceColor('web'));
    expect(serviceColor('web')).not.toBe(serviceColor('api'));
  });

  it('drops a node column when the node goes, and moves its tasks to "not scheduled"', () => {
    const { board, tasks } = setup();
    const two: Record<string, SwarmNode> = byId([swarmNode('node2'), swarmNode('node3')]);
    const columns = board.columns(tasks, two, noFilter, true);
    expect(columns.map((c) => c.key)).toEqual([UNASSIGNED, 'node2-id', 'node3-id']);
  });
});
