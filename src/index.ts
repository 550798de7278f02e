// Typed library entry for the Aspis engine. Nothing here imports Node built-ins: the same code
// runs in a browser or a worker. File access (catalog, built-in scenarios) is in the CLI's
// node/ edge; give the engine texts (`Catalog.fromYamlTexts`, `parseScenario`).
export * from './core/constants.ts';
export * from './core/errors.ts';
export * as vec3 from './core/vec3.ts';
export type { Detection, MeasurementKind } from './core/detection.ts';
export { randomStream, type RandomStream } from './core/random.ts';
export * from './frames/wgs84.ts';
export * from './frames/eci-ecef.ts';
export * from './frames/enu.ts';
export { geodesicDirect, geodesicInverse } from './frames/geodesic.ts';
export { DormandPrince54 } from './dynamics/dormand-prince.ts';
export type { Derivative, EventSpec, IntegrateOptions } from './dynamics/ode.ts';
export { atmosphere, density_kgpm3 } from './dynamics/atmosphere.ts';
export { gravityJ2, gravityPointMass } from './dynamics/gravity.ts';
export type { MissileSpec, StageSpec } from './flight/missile-spec.ts';
export { Flyer, newFlightResult, type FlightResult } from './flight/flyer.ts';
export { Targeter, type TrajectoryShape } from './flight/targeting.ts';
export { flyout, maxRange, type FlyoutReport, type RangeReport } from './flight/flyout.ts';
export { minimumEnergyBallistic } from './flight/ballistic.ts';
export { lambert } from './flight/lambert.ts';
export { propagateKepler } from './flight/two-body.ts';
export { BallisticFlyer } from './flight/ballistic-flyer.ts';
export { deployPayload } from './flight/deployment.ts';
export { detectionRange_m, snrAtRange_dB } from './sensors/radar-equation.ts';
export { pdSwerling0, pdSwerling1 } from './sensors/detection-probability.ts';
export { createRadarSite, radarLook } from './sensors/radar.ts';
export { createTracker } from './tracking/tracker.ts';
export { createEkf } from './tracking/ekf.ts';
export { createUkf } from './tracking/ukf.ts';
export { ospa, gospa } from './tracking/metrics.ts';
export { Catalog } from './scenario/catalog.ts';
export { parseScenario } from './scenario/loader.ts';
export { scenarioSchema, scenarioJsonSchema, type Scenario } from './scenario/schema.ts';
export { trackScenario } from './scenario/track-scenario.ts';
