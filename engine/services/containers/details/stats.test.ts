import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryUsage, StatsComputer, type EngineStats } from './stats';

const sample = (over: Partial<EngineStats> & { at: string; cpu: number; system: number; preCpu: number; preSystem: number }): EngineStats => ({
  read: over.at,
  cpu_stats: { cpu_usage: { total_usage: over.cpu }, system_cpu_usage: over.system, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: over.preCpu }, system_cpu_usage: over.preSystem },
  memory_stats: over.memory_stats ?? { usage: 100, limit: 1000, stats: {} },
  networks: over.networks ?? {},
  blkio_stats: over.blkio_stats ?? { io_service_bytes_recursive: [] },
  pids_stats: { current: 3 },
});

describe('stats computation', () => {
  it('computes CPU % like the docker CLI (share of system time × CPUs)', () => {
    expect(cpuPercent(sample({ at: '', cpu: 2_000, system: 20_000, preCpu: 1_000, preSystem: 10_000 }))).toBeCloseTo(20);
    // First sample: no previous reading.
    expect(cpuPercent(sample({ at: '', cpu: 2_000, system: 20_000, preCpu: 0, preSystem: 0 }))).toBe(0);
    // percpu length counts when online_cpus is missing (old engines).
    const old: EngineStats = {
      cpu_stats: { cpu_usage: { total_usage: 300, percpu_usage: [1, 1, 1, 1] }, system_cpu_usage: 1_100 },
      precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 100 },
    };
    expect(cpuPercent(old)).toBeCloseTo(80);
  });

  it('subtracts inactive file cache from memory (cgroup v1 and v2)', () => {
    expect(memoryUsage({ memory_stats: { usage: 1000, stats: { total_inactive_file: 300 } } })).toBe(700);
    expect(memoryUsage({ memory_stats: { usage: 1000, stats: { inactive_file: 400 } } })).toBe(600);
    expect(memoryUsage({ memory_stats: { usage: 1000, stats: { inactive_file: 4000 } } })).toBe(1000);
    expect(memoryUsage({})).toBe(0);
  });

  it('sums network and block I/O and turns them into per-second rates', () => {
    const c = new StatsComputer();
    const first = c.next(
      sample({
        at: '2024-01-01T00:00:00Z',
        cpu: 0,
        system: 0,
        preCpu: 0,
        preSystem: 0,
        networks: { eth0: { rx_bytes: 1000, tx_bytes: 500 }, eth1: { rx_bytes: 1000, tx_bytes: 0 } },
        blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 4096 }, { op: 'write', value: 100 }] },
      }),
    );
    expect(first).toMatchObject({ netRxBytes: 2000, netTxBytes: 500, blockReadBytes: 4096, netRxRate: 0, memoryPercent: 10, pids: 3 });
    const second = c.next(
      sample({
        at: '2024-01-01T00:00:02Z',
        cpu: 0,
        system: 0,
        preCpu: 0,
        preSystem: 0,
        networks: { eth0: { rx_bytes: 3000, tx_bytes: 1500 }, eth1: { rx_bytes: 1000, tx_bytes: 0 } },
        blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 8192 }, { op: 'write', value: 100 }] },
      }),
    );
    expect(second).toMatchObject({ netRxRate: 1000, netTxRate: 500, blockReadRate: 2048, blockWriteRate: 0 });
    expect(second.at - first.at).toBe(2000);
  });
});
