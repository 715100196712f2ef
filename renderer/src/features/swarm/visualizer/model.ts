import type { SwarmNode, SwarmTask, SwarmTaskState } from '../../../api/contract';

/** How the tasks in a column are drawn: full cards, one-line dense cards, or per-service counts. */
export type CardMode = 'cards' | 'dense' | 'counts';
export type ModeChoice = 'auto' | CardMode;

export interface VisualizerFilter {
  /** Service ID, stack name and node ID to keep; null keeps all. */
  service: string | null;
  stack: string | null;
  node: string | null;
  /** Show tasks that ended (complete, shutdown, failed, ...). */
  showStopped: boolean;
}

export const noFilter: VisualizerFilter = { service: null, stack: null, node: null, showStopped: false };

/** Why a card is highlighted (it appeared, or its state changed) and when (ms since epoch). */
export interface Flash {
  kind: 'new' | 'changed';
  at: number;
}

/** A task as a card shows it. */
export interface CardView {
  task: SwarmTask;
  /** Hostname of the node the same slot ran on before (the task moved there from that node). */
  movedFrom?: string;
  /** The last change, kept while the task exists: a card mounted later (scrolled into view) plays only the rest. */
  flash?: Flash;
}

export interface ColumnView {
  /** The node; undefined for the column of tasks no node was assigned to (pending, "no suitable node"). */
  node: SwarmNode | undefined;
  key: string;
  cards: readonly CardView[];
}

/** The column of tasks that have no node (yet). */
export const UNASSIGNED = '__unassigned__';

const ENDED: ReadonlySet<SwarmTaskState> = new Set(['complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned']);
export const isEnded = (state: SwarmTaskState): boolean => ENDED.has(state);
const FAILED: ReadonlySet<SwarmTaskState> = new Set(['failed', 'rejected', 'orphaned']);
export const isFailed = (state: SwarmTaskState): boolean => FAILED.has(state);

/**
 * A task is current while it runs or is on its way, and also right after it ended while the orchestrator still
 * wants it running (a failure the user should see before the replacement arrives). Others are history.
 */
export const isCurrent = (t: SwarmTask): boolean => !isEnded(t.state) || t.desiredState === 'running';

/** Auto mode: full cards for a small cluster, dense cards when many, counts when the board would be a wall. */
export function autoMode(nodes: number, tasks: number): CardMode {
  if (nodes <= 12 && tasks <= 200) return 'cards';
  return tasks <= 3000 ? 'dense' : 'counts';
}

/** A stable colour per service (hashed from its name: the same service keeps its colour across sessions). */
export function serviceHue(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  // Golden-angle steps spread neighbouring hashes around the wheel.
  return Math.round(((h % 360) * 137.508) % 360);
}
export const serviceColor = (name: string): string => `hsl(${serviceHue(name)} 60% 42%)`;

const byTask = (a: SwarmTask, b: SwarmTask) =>
  a.serviceName.localeCompare(b.serviceName) || (a.slot ?? 0) - (b.slot ?? 0) || a.id.localeCompare(b.id);

/** Nodes in column order: managers first, then by hostname. */
export const sortNodes = (nodes: Iterable<SwarmNode>): SwarmNode[] =>
  [...nodes].sort(
    (a, b) => Number(b.role === 'manager') - Number(a.role === 'manager') || a.hostname.localeCompare(b.hostname),
  );

const slotKey = (t: SwarmTask): string | undefined => (t.slot === undefined ? undefined : `${t.serviceId}:${t.slot}`);

/** For each slot's newest task, the node its predecessor in the slot ran on, when that was another node. */
function movedFromNodes(tasks: readonly SwarmTask[]): Map<string, string> {
  const slots = new Map<string, SwarmTask[]>();
  for (const t of tasks) {
    const key = slotKey(t);
    if (key === undefined || !t.nodeId) continue;
    const list = slots.get(key) ?? [];
    list.push(t);
    slots.set(key, list);
  }
  const moved = new Map<string, string>();
  for (const list of slots.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
    const newest = list[list.length - 1];
    const before = list[list.length - 2];
    if (newest?.nodeId && before?.nodeId && newest.nodeId !== before.nodeId) moved.set(newest.id, before.nodeId);
  }
  return moved;
}

const sameCards = (a: readonly CardView[], b: readonly CardView[]): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * Turns the store's tasks and nodes into columns of cards, remembering its last answer so that what did not change
 * keeps its identity: an unchanged column gets the same `cards` array and each unchanged card the same object, so
 * memoized columns and cards skip rendering and one task patch re-renders one column. It also remembers each task's
 * last state to highlight a change, and which tasks it has seen to highlight new ones (not those of the first
 * load, nor those a filter brings back).
 */
export function createBoard(now: () => number = Date.now) {
  const states = new Map<string, SwarmTaskState>();
  const flashes = new Map<string, Flash>();
  let started = false;
  let lastTasks: Record<string, SwarmTask> | null = null;
  let cards = new Map<string, CardView>();
  let columns = new Map<string, ColumnView>();
  let last: { args: unknown[]; result: ColumnView[] } | null = null;

  function track(tasks: Record<string, SwarmTask>) {
    if (tasks === lastTasks) return;
    lastTasks = tasks;
    for (const t of Object.values(tasks)) {
      const before = states.get(t.id);
      if (before === undefined) {
        if (started) flashes.set(t.id, { kind: 'new', at: now() });
      } else if (before !== t.state) flashes.set(t.id, { kind: 'changed', at: now() });
      states.set(t.id, t.state);
    }
    for (const id of states.keys()) {
      if (!(id in tasks)) {
        states.delete(id);
        flashes.delete(id);
      }
    }
    started = true;
  }

  function card(task: SwarmTask, movedFrom: string | undefined): CardView {
    const flash = flashes.get(task.id);
    const prev = cards.get(task.id);
    if (prev && prev.task === task && prev.movedFrom === movedFrom && prev.flash === flash) return prev;
    const view: CardView = { task };
    if (movedFrom) view.movedFrom = movedFrom;
    if (flash) view.flash = flash;
    return view;
  }

  return {
    /** Columns for the current store state; `loaded` false means the first list has not arrived yet. */
    columns(
      tasks: Record<string, SwarmTask>,
      nodes: Record<string, SwarmNode>,
      filter: VisualizerFilter,
      loaded: boolean,
    ): ColumnView[] {
      const args = [tasks, nodes, filter, loaded];
      if (last && last.args.every((a, i) => a === args[i])) return last.result;
      if (loaded) track(tasks);
      const all = Object.values(tasks);
      const moved = movedFromNodes(all);
      const byNode = new Map<string, SwarmTask[]>();
      for (const t of all) {
        if (!filter.showStopped && !isCurrent(t)) continue;
        if (filter.service !== null && t.serviceId !== filter.service) continue;
        if (filter.stack !== null && t.stack !== filter.stack) continue;
        const key = t.nodeId && nodes[t.nodeId] ? t.nodeId : UNASSIGNED;
        const list = byNode.get(key) ?? [];
        list.push(t);
        byNode.set(key, list);
      }
      const nextCards = new Map<string, CardView>();
      const nextColumns = new Map<string, ColumnView>();
      const build = (key: string, node: SwarmNode | undefined): ColumnView => {
        const list = (byNode.get(key) ?? []).sort(byTask).map((t) => {
          const from = moved.get(t.id);
          const view = card(t, from === undefined ? undefined : (nodes[from]?.hostname ?? from.slice(0, 12)));
          nextCards.set(t.id, view);
          return view;
        });
        const prev = columns.get(key);
        const view = prev && prev.node === node && sameCards(prev.cards, list) ? prev : { node, key, cards: list };
        nextColumns.set(key, view);
        return view;
      };
      const shownNodes = sortNodes(Object.values(nodes)).filter((n) => filter.node === null || n.id === filter.node);
      const result = shownNodes.map((n) => build(n.id, n));
      if (filter.node === null && byNode.has(UNASSIGNED)) result.unshift(build(UNASSIGNED, undefined));
      cards = nextCards;
      columns = nextColumns;
      last = { args, result };
      return result;
    },
  };
}

export type Board = ReturnType<typeof createBoard>;

/** Per-service counts of one column's tasks (the counts mode), biggest first. */
export function serviceCounts(cards: readonly CardView[]): { service: string; running: number; total: number }[] {
  const counts = new Map<string, { service: string; running: number; total: number }>();
  for (const { task } of cards) {
    const c = counts.get(task.serviceName) ?? { service: task.serviceName, running: 0, total: 0 };
    c.total++;
    if (task.state === 'running') c.running++;
    counts.set(task.serviceName, c);
  }
  return [...counts.values()].sort((a, b) => b.total - a.total || a.service.localeCompare(b.service));
}

/** A down, disconnected or drained node's column is marked at once. */
export function nodeTrouble(node: SwarmNode): 'down' | 'drained' | 'paused' | null {
  if (node.state !== 'ready') return 'down';
  if (node.availability === 'drain') return 'drained';
  if (node.availability === 'pause') return 'paused';
  return null;
}

/** The short name of a task: "web.3" for a replica, "web.<node>" for a global task, as `docker service ps`. */
export const taskName = (t: SwarmTask): string =>
  `${t.serviceName}.${t.slot ?? (t.nodeId ? t.nodeId.slice(0, 6) : t.id.slice(0, 6))}`;
