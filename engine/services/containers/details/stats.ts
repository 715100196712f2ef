import type { StatsSample } from '../../../contract';

/** The parts of one engine stats sample (GET /containers/{id}/stats) the computation reads. */
export interface EngineStats {
  read?: string;
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  pids_stats?: { current?: number };
}

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** CPU % as the docker CLI computes it: the container's share of the host's CPU time, times the CPU count. */
export function cpuPercent(s: EngineStats): number {
  const cpu = s.cpu_stats;
  const pre = s.precpu_stats;
  const cpuDelta = (cpu?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  const cpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  // The first sample has no previous one (precpu is empty): no delta, no figure.
  if (!pre?.system_cpu_usage || systemDelta <= 0 || cpuDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/**
 * Memory in use without the page cache the kernel can drop, as the docker CLI shows it: usage minus
 * total_inactive_file on cgroup v1, minus inactive_file on cgroup v2.
 */
export function memoryUsage(s: EngineStats): number {
  const usage = s.memory_stats?.usage ?? 0;
  const stats = s.memory_stats?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file;
  if (v2 !== undefined && v2 < usage) return usage - v2;
  return usage;
}

function netTotals(s: EngineStats): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

function blockTotals(s: EngineStats): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const e of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (e.op ?? '').toLowerCase();
    if (op === 'read') read += e.value ?? 0;
    else if (op === 'write') write += e.value ?? 0;
  }
  return { read, write };
}

/** Per-second rate between two counter readings; 0 when a counter went backwards (container restarted). */
const rate = (now: number, before: number, seconds: number): number =>
  seconds > 0 && now >= before ? (now - before) / seconds : 0;

/** Turns engine samples into StatsSamples, keeping the previous one for the rates. */
export class StatsComputer {
  private previous: StatsSample | undefined;

  next(s: EngineStats, receivedAt = Date.now()): StatsSample {
    const parsed = s.read ? Date.parse(s.read) : NaN;
    const at = Number.isFinite(parsed) && parsed > 0 ? parsed : receivedAt;
    const memoryUsed = memoryUsage(s);
    const limit = s.memory_stats?.limit ?? 0;
    const net = netTotals(s);
    const block = blockTotals(s);
    const prev = this.previous;
    const seconds = prev ? (at - prev.at) / 1000 : 0;
    const sample: StatsSample = {
      at,
      cpuPercent: cpuPercent(s),
      memoryUsage: memoryUsed,
      memoryLimit: limit,
      memoryPercent: limit > 0 ? (memoryUsed / limit) * 100 : 0,
      netRxBytes: net.rx,
      netTxBytes: net.tx,
      netRxRate: prev ? rate(net.rx, prev.netRxBytes, seconds) : 0,
      netTxRate: prev ? rate(net.tx, prev.netTxBytes, seconds) : 0,
      blockReadBytes: block.read,
      blockWriteBytes: block.write,
      blockReadRate: prev ? rate(block.read, prev.blockReadBytes, seconds) : 0,
      blockWriteRate: prev ? rate(block.write, prev.blockWriteBytes, seconds) : 0,
      pids: s.pids_stats?.current ?? 0,
    };
    this.previous = sample;
    return sample;
  }
}
