/** Timing helpers for `npm run bench`: warm up, then time, and print one aligned line. */
export function timeIt(label: string, n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(20, n); i++) fn(i); // warm-up for the JIT
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = (performance.now() - t0) / n;
  console.log(`${label.padEnd(58)} ${ms.toFixed(3).padStart(9)} ms/op`);
  return ms;
}

export function line(s = ''): void {
  console.log(s);
}
