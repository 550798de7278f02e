/** Levenshtein distance, for "did you mean" suggestions on unknown ids. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Up to `n` candidates closest to `query`, substring matches first. */
export function nearest(query: string, candidates: readonly string[], n = 3): string[] {
  const q = query.toLowerCase();
  return [...candidates]
    .map((c) => {
      const cl = c.toLowerCase();
      const d = cl.includes(q) || q.includes(cl) ? 0 : editDistance(q, cl);
      return { c, d };
    })
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, n)
    .map((x) => x.c);
}
