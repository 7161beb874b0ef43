// Whether a process that registered itself on the database is still the same process and still running. A pid
// alone is not enough: after a crash and a reboot (or just a long time) the pid is reused by something else, and a
// crashed holder would block restores forever. On Linux the kernel's start time of the process (in clock ticks
// since boot) tells the original from a reuse; elsewhere only whether some process has that pid.
import { readFileSync } from 'node:fs';

/** /proc/PID/stat field 22, or null where there is no /proc (macOS, Windows) or the process is gone. */
export function processStartTime(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2 is the command name in parentheses and may hold spaces or parentheses itself: count after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // The first field after the name is field 3, so field 22 is at index 19.
  return fields[19] ?? null;
}

export function isProcessAlive(pid: number, startTime: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (startTime !== null && process.platform === 'linux') return processStartTime(pid) === startTime;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, which is still a live holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
