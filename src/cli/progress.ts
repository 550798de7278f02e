/**
 * A one-line progress display for long runs: `trials 3400/10000  34%  512/s  ETA 13s` redrawn in
 * place on stderr, only when stderr is a TTY (DESIGN.md §6: never on stdout, never in pipes).
 */
import type { Progress } from '../node/pool.ts';

export interface ProgressLine {
  update(p: Progress): void;
  /** Clears the line (call once at the end). */
  done(): void;
}

interface TtyLike {
  isTTY?: boolean;
  write(s: string): unknown;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The text of one progress line (exported for tests). */
export function formatProgress(p: Progress, label = 'trials'): string {
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const width = 20;
  const filled = Math.round((width * pct) / 100);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const rate = p.trialsPerSecond > 0 ? `${p.trialsPerSecond.toFixed(0)}/s` : '…/s';
  const eta = p.eta_s === undefined ? 'ETA …' : `ETA ${duration(p.eta_s)}`;
  return `${label} ${bar} ${p.done}/${p.total} ${pct}%  ${rate}  ${eta}`;
}

/**
 * A progress line on `stream` (default stderr), or a no-op when it is not a TTY or `quiet`
 * (e.g. under --json). Redraws at most every `minInterval_ms`, and always at 100 %.
 */
export function progressLine(
  opts: { stream?: TtyLike; quiet?: boolean; label?: string; minInterval_ms?: number } = {},
): ProgressLine {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet || !stream.isTTY) return { update: () => undefined, done: () => undefined };
  const minInterval = opts.minInterval_ms ?? 100;
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < minInterval && p.done < p.total) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${formatProgress(p, opts.label)}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
