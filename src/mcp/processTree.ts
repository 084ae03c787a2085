import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Child-process bookkeeping so that disposing the manager leaves no orphan: a stdio server may
 * itself spawn children (`npx`, `uvx`, shell wrappers), so we kill the whole tree, leaves first.
 */

/** Parent pid of `pid` from `/proc/<pid>/stat` (Linux), or undefined. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(rest[1]);
    return Number.isFinite(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** pid → ppid pairs: `/proc` on Linux, `ps` on macOS/BSD; empty when neither works. */
function processTable(): [number, number][] {
  try {
    const out: [number, number][] = [];
    for (const e of readdirSync('/proc')) {
      const pid = Number(e);
      if (!Number.isInteger(pid)) continue;
      const ppid = parentOf(pid);
      if (ppid !== undefined) out.push([pid, ppid]);
    }
    return out;
  } catch {
    // no /proc
  }
  if (process.platform === 'win32') return [];
  try {
    const text = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 2000 });
    return text
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number) as [number, number])
      .filter(([pid, ppid]) => Number.isInteger(pid) && Number.isInteger(ppid));
  } catch {
    return [];
  }
}

/**
 * All descendants of `root` (children, grandchildren…), deepest last. Uses `/proc` on Linux and
 * `ps` on macOS; on Windows returns an empty list (killTree uses `taskkill /T` there).
 */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of processTable()) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const next = children.get(queue.shift()!) ?? [];
    out.push(...next);
    queue.push(...next);
  }
  return out;
}

/** True when a process with this pid exists (and is not a zombie on Linux). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).charAt(0) !== 'Z';
  } catch {
    return true;
  }
}

/** Sends SIGKILL to `root` and every descendant; never throws. Returns the pids signalled. */
export function killTree(root: number): number[] {
  if (process.platform === 'win32') {
    try {
      execFileSync('taskkill', ['/pid', String(root), '/T', '/F'], { stdio: 'ignore', timeout: 5000, windowsHide: true });
    } catch {
      // already gone, or taskkill unavailable: fall through to a plain kill
    }
  }
  const pids = [...descendantsOf(root).reverse(), root];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids;
}
