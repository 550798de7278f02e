/**
 * Shot doctrine over an engagement window.
 *
 * - Barrage: every shot allowed at the threat is fired in one salvo, timed for the earliest
 *   feasible intercept.
 * - Shoot-look-shoot (SLS): a salvo, then a look (kill assessment) before the next salvo is
 *   launched, and so on, as long as the next salvo can still intercept inside the window. Where
 *   the battlespace leaves no time for a look, SLS is not available and the remaining shots go
 *   in one barrage — the choice is reported, never silently made (Wilkening, Science & Global
 *   Security 8 (2000) on the battlespace SLS needs).
 *
 * The plan is conditional: salvo k+1 is fired only if the assessment after salvo k says the
 * threat survived.
 */

export interface EngagementWindow {
  /** Earliest and latest feasible intercept times (simulation time). */
  earliest_s: number;
  latest_s: number;
}

export interface Doctrine {
  kind: 'barrage' | 'shoot-look-shoot';
  /** Shots per salvo (SLS) — default 1; a barrage fires maxShotsPerThreat at once. */
  shotsPerSalvo?: number;
  /** Most interceptors at one threat (default 2). */
  maxShotsPerThreat?: number;
}

export interface Timeline {
  /** Time now: no launch before it. */
  now_s: number;
  /** Interceptor time of flight to an intercept at time t. */
  flyoutTime_s: (interceptTime_s: number) => number;
  /** From intercept to a usable kill assessment. */
  killAssessment_s: number;
}

export interface Salvo {
  launch_s: number;
  intercept_s: number;
  shots: number;
}

export interface ShotPlan {
  doctrine: 'barrage' | 'shoot-look-shoot';
  salvos: Salvo[];
  /** Why the plan differs from what the doctrine asked, or why no shot is possible. */
  reason: 'ok' | 'no-time-to-look' | 'too-late' | 'no-shots';
}

/**
 * Earliest intercept time in [from, latest] whose launch time is not before `notBefore`
 * (launch = t − flyout(t) grows with t when the threat is approaching, so a bisection finds it;
 * we scan coarsely first so that a non-monotone fly-out still gives the first feasible time).
 */
export function earliestIntercept(
  from: number,
  latest: number,
  notBefore: number,
  flyout: (t: number) => number,
): number | null {
  if (from > latest) return null;
  if (from - flyout(from) >= notBefore) return from;
  const n = 64;
  let prev = from;
  for (let k = 1; k <= n; k++) {
    const t = from + ((latest - from) * k) / n;
    if (t - flyout(t) >= notBefore) {
      let lo = prev;
      let hi = t;
      for (let it = 0; it < 60 && hi - lo > 1e-9; it++) {
        const mid = (lo + hi) / 2;
        if (mid - flyout(mid) >= notBefore) hi = mid;
        else lo = mid;
      }
      return hi;
    }
    prev = t;
  }
  return null;
}

export function planShots(window: EngagementWindow, doctrine: Doctrine, tl: Timeline): ShotPlan {
  const maxShots = doctrine.maxShotsPerThreat ?? 2;
  if (maxShots < 1) return { doctrine: doctrine.kind, salvos: [], reason: 'no-shots' };
  const t1 = earliestIntercept(window.earliest_s, window.latest_s, tl.now_s, tl.flyoutTime_s);
  if (t1 === null) return { doctrine: doctrine.kind, salvos: [], reason: 'too-late' };
  const salvo = (t: number, shots: number): Salvo => ({
    launch_s: t - tl.flyoutTime_s(t),
    intercept_s: t,
    shots,
  });
  if (doctrine.kind === 'barrage') {
    return { doctrine: 'barrage', salvos: [salvo(t1, maxShots)], reason: 'ok' };
  }
  const per = Math.max(1, Math.min(doctrine.shotsPerSalvo ?? 1, maxShots));
  const salvos: Salvo[] = [salvo(t1, per)];
  let fired = per;
  while (fired < maxShots) {
    const last = salvos[salvos.length - 1];
    // The next salvo may launch only once the last one has been assessed.
    const next = earliestIntercept(
      last.intercept_s,
      window.latest_s,
      last.intercept_s + tl.killAssessment_s,
      tl.flyoutTime_s,
    );
    if (next === null) break;
    const n = Math.min(per, maxShots - fired);
    salvos.push(salvo(next, n));
    fired += n;
  }
  if (salvos.length === 1) {
    // No time to look: fire everything at once rather than hold interceptors back.
    return { doctrine: 'barrage', salvos: [salvo(t1, maxShots)], reason: 'no-time-to-look' };
  }
  return { doctrine: 'shoot-look-shoot', salvos, reason: 'ok' };
}
