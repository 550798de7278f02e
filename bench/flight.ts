/**
 * Flight (issue 3): a 30-minute ICBM flyout with drag, J2 and Earth rotation at the default
 * tolerance; targeted flyouts; and the free flight integrated by Dormand–Prince 5(4) versus a
 * fixed-step RK4 tuned to the same end-point accuracy.
 */
import { Flyer, newFlightResult } from '../src/flight/flyer.ts';
import { Targeter } from '../src/flight/targeting.ts';
import { DormandPrince54 } from '../src/dynamics/dormand-prince.ts';
import { Rk4 } from '../src/dynamics/rk4.ts';
import { gravityJ2 } from '../src/dynamics/gravity.ts';
import { dragAccelerationBallistic } from '../src/dynamics/drag.ts';
import type { Derivative } from '../src/dynamics/ode.ts';
import { TEST_SOLID_ICBM } from '../src/flight/test-support/fixtures.ts';
import { line, timeIt } from './util.ts';

const D = Math.PI / 180;

export function benchFlight(): void {
  line('## Flight');

  const missile = TEST_SOLID_ICBM;
  const flyer = new Flyer(missile);
  const launch = { lat_rad: 48.4 * D, lon_rad: -101.3 * D, alt_m: 0 };
  const aim = { lat_rad: 55.75 * D, lon_rad: 37.62 * D };
  const tg = new Targeter(flyer);
  const sol = tg.solve(launch, aim, 'min-energy');
  const controls = { azimuth_rad: sol.azimuth_rad, kick_rad: sol.kick_rad, cutoff_s: sol.cutoff_s };
  const res = newFlightResult();
  flyer.fly(launch, controls, res);
  line(
    `reference flyout: ${(res.impactTime_s / 60).toFixed(1)} min, ${res.steps} integrator steps, ${res.evaluations} force evaluations`,
  );
  const tFly = timeIt('propagated flyout (boost + free flight + reentry)', 300, () =>
    flyer.fly(launch, controls, res),
  );

  const shapes = ['min-energy', 'lofted', 'depressed'] as const;
  const tAim = timeIt('targeted flyout (min-energy / lofted / depressed, cycled)', 30, (i) =>
    tg.solve(launch, aim, shapes[i % 3]),
  );
  line(
    `  targeted / propagated = ${(tAim / tFly).toFixed(1)}× (flights per solve ≈ ${tg.fullFlights} full + ${tg.boostFlights} to burnout)`,
  );

  // Free flight from burnout to just before impact with the same force model both ways.
  const beta = missile.reentryVehicle.ballisticCoefficient_kgpm2;
  const g = new Float64Array(3);
  const a = new Float64Array(3);
  const f: Derivative = (_t, y, dy) => {
    gravityJ2(y, g);
    dragAccelerationBallistic(y, y.subarray(3, 6), beta, a);
    dy[0] = y[3];
    dy[1] = y[4];
    dy[2] = y[5];
    dy[3] = g[0] + a[0];
    dy[4] = g[1] + a[1];
    dy[5] = g[2] + a[2];
  };
  const y0 = Float64Array.from(res.burnoutStateEci);
  const t0 = res.burnoutTime_s;
  const t1 = res.impactTime_s - 20;
  const ref = new Float64Array(6);
  new DormandPrince54(6).integrate(f, t0, y0, t1, { rtol: 1e-13, atol: 1e-9 }, ref);
  const dp = new DormandPrince54(6);
  const yDp = new Float64Array(6);
  const rDp = dp.integrate(f, t0, y0, t1, { rtol: 1e-9, atol: 1e-3 }, yDp);
  const errDp = Math.hypot(yDp[0] - ref[0], yDp[1] - ref[1], yDp[2] - ref[2]);
  const rk = new Rk4(6);
  const yRk = new Float64Array(6);
  // Largest RK4 step (on a 1.25× grid) whose end-point error is no worse than Dormand–Prince's.
  let h = 20;
  for (; h > 0.01; h /= 1.25) {
    rk.integrate(f, t0, y0, t1, h, yRk);
    if (Math.hypot(yRk[0] - ref[0], yRk[1] - ref[1], yRk[2] - ref[2]) <= errDp) break;
  }
  const tDp = timeIt(
    `free flight ${((t1 - t0) / 60).toFixed(0)} min, Dormand–Prince 5(4) rtol 1e-9`,
    300,
    () => dp.integrate(f, t0, y0, t1, { rtol: 1e-9, atol: 1e-3 }, yDp),
  );
  const tRk = timeIt(
    `free flight, fixed-step RK4 h = ${h.toFixed(2)} s (same end-point error)`,
    30,
    () => rk.integrate(f, t0, y0, t1, h, yRk),
  );
  line(
    `  end-point error ${errDp.toExponential(2)} m; DP5(4) ${rDp.steps} steps / ${rDp.evaluations} evaluations; RK4 ${Math.ceil((t1 - t0) / h)} steps`,
  );
  line(`  RK4 / DP5(4) time = ${(tRk / tDp).toFixed(1)}×`);
  line();
  line(
    'Budgets (issue 3, this 2-core machine): ≤ 2 ms per propagated flyout, ≤ 30 ms per targeted flyout.',
  );
}
