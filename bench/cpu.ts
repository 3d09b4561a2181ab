import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/**
 * CPU time of the Node servers and of the bench database's PostgreSQL backends,
 * from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms), before and
 * after a scenario's measured load. Per-process CPU time does not depend on
 * what else the shared machine runs (only on cache and frequency effects),
 * so it is steadier than requests/s.
 */

export interface CpuUse {
  nodeMs: number;
  postgresMs: number;
}
export type CpuPerRequest = CpuUse;
/** Starts a measurement; the function it returns ends it. */
export type CpuMeter = () => Promise<() => Promise<CpuUse>>;

const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone, or not on this machine
  }
}

/** The pids `pid` has forked, from /proc/<pid>/task/<tid>/children (Linux 3.5+); none when gone. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * `pid` and all its descendants: the started process and, under the
 * production process model, the workers node:cluster forks from it.
 */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(processTree)];
}

/**
 * `nodePids`: the app and baseline processes, read at the start of each
 * measurement (a cluster's workers are their children, and may be replaced).
 * Backends: the database's client backends but the bench's own.
 */
export function cpuMeter(owner: pg.Client, nodePids: () => number[]): CpuMeter {
  const backends = async () => {
    const { rows } = await owner.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return new Map(rows.map((row) => [row.pid, cpuTicks(row.pid)]));
  };
  return async () => {
    const pids = nodePids();
    const nodeTicks = () => pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
    const node = nodeTicks();
    const before = await backends();
    return async () => {
      const nodeAfter = nodeTicks();
      const after = await backends();
      // A backend that started during the load counts whole (a backend that ended is lost: the pools keep theirs).
      let postgres = 0;
      for (const [pid, ticks] of after) postgres += ticks - (before.get(pid) ?? 0);
      return { nodeMs: (nodeAfter - node) * TICK_MS, postgresMs: postgres * TICK_MS };
    };
  };
}
