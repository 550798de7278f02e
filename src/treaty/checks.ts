/**
 * The check kinds of treaty rule files, each a pure function of the facts (facts.ts) and the
 * rule's parameters, returning one finding per component judged. No simulation runs here
 * (DESIGN.md §1); numbers that physics supplies (interceptor burnout speed and reach, radar
 * power-aperture) arrive already in the facts.
 *
 * Readings of the text that are this module's own, not the Treaty's, are said where they are
 * made (e.g. "reach covers the territory centre" as the test of a territorial defence).
 */
import type { Check, CheckKind } from './instrument-schema.ts';
import type {
  DefenseSiteFacts,
  InterceptorFacts,
  LatLon,
  NamedPoint,
  PartyFacts,
  TreatyFacts,
} from './facts.ts';
import { angleBetween_deg, azimuth_deg, distance_m, round } from './geometry.ts';

export const FINDING_STATUSES = [
  'complies',
  'violation',
  'not-applicable',
  'needs-judgement',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export type Evidence = Record<string, number | string | boolean | null | string[]>;

/** A finding before the evaluator adds the instrument, rule and article. */
export interface CheckFinding {
  status: FindingStatus;
  component: string;
  reason: string;
  evidence: Evidence;
}

type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;
type CheckFn<K extends CheckKind> = (facts: TreatyFacts, check: CheckOf<K>) => CheckFinding[];

const km = (m: number): number => round(m / 1000, 1);
const kmps = (mps: number): number => round(mps / 1000, 2);

// ---- shared helpers -------------------------------------------------------------------------

function interceptorOf(facts: TreatyFacts, id: string): InterceptorFacts | undefined {
  return facts.interceptors.find((i) => i.id === id);
}

/** A site counts as ABM when its interceptor is an ABM interceptor (unknown: assume ABM). */
const isAbmSite = (facts: TreatyFacts, s: DefenseSiteFacts): boolean =>
  interceptorOf(facts, s.interceptor)?.abm ?? true;

function partyOf(facts: TreatyFacts, id: string): PartyFacts {
  return facts.parties.find((p) => p.id === id) ?? { id, siloFields: [], testRanges: [] };
}

function atTestRange(party: PartyFacts, p: LatLon): NamedPoint | undefined {
  return party.testRanges.find((r) => distance_m(r, p) <= r.radius_m);
}

/** Centres around which the party may deploy: its declared area, else capital and silo fields. */
function permittedCentres(party: PartyFacts): NamedPoint[] {
  if (party.declaredArea) return [party.declaredArea];
  return [...(party.capital ? [party.capital] : []), ...party.siloFields];
}

function nearestCentre(
  party: PartyFacts,
  p: LatLon,
): { centre: NamedPoint; distance_m: number } | undefined {
  let best: { centre: NamedPoint; distance_m: number } | undefined;
  for (const c of permittedCentres(party)) {
    const d = distance_m(c, p);
    if (!best || d < best.distance_m) best = { centre: c, distance_m: d };
  }
  return best;
}

/** ABM sites of each party that are not at an agreed test range (those fall under Art. IV). */
function deployedAbmSites(facts: TreatyFacts): Map<string, DefenseSiteFacts[]> {
  const byParty = new Map<string, DefenseSiteFacts[]>();
  for (const s of facts.sites) {
    if (!isAbmSite(facts, s) || atTestRange(partyOf(facts, s.party), s)) continue;
    const list = byParty.get(s.party) ?? [];
    list.push(s);
    byParty.set(s.party, list);
  }
  return byParty;
}

/**
 * Groups a party's deployed ABM sites into deployment areas: each site joins the nearest
 * permitted centre within the radius; a site near none is outside every permitted area.
 */
function areasOf(
  party: PartyFacts,
  sites: DefenseSiteFacts[],
  radius_m: number,
): { areas: Map<string, DefenseSiteFacts[]>; outside: DefenseSiteFacts[] } {
  const areas = new Map<string, DefenseSiteFacts[]>();
  const outside: DefenseSiteFacts[] = [];
  for (const s of sites) {
    const n = nearestCentre(party, s);
    if (!n || n.distance_m > radius_m) {
      outside.push(s);
      continue;
    }
    const list = areas.get(n.centre.id) ?? [];
    list.push(s);
    areas.set(n.centre.id, list);
  }
  return { areas, outside };
}

const noAbmSites = (what: string): CheckFinding => ({
  status: 'not-applicable',
  component: 'scenario',
  reason: `no deployed ABM interceptor site to judge ${what} on`,
  evidence: {},
});

// ---- the checks -------------------------------------------------------------------------------

/**
 * Art. I: no ABM defence of the national territory and no base for one. Our reading: a site
 * whose interceptors reach (catalog maxGroundRange) the centre of the national territory is a
 * base for a territorial defence; a site in a permitted area whose reach stays local is not.
 */
const noTerritorialDefense: CheckFn<'no-territorial-defense'> = (facts) => {
  const out: CheckFinding[] = [];
  for (const [partyId, sites] of deployedAbmSites(facts)) {
    const party = partyOf(facts, partyId);
    for (const s of sites) {
      const reach = interceptorOf(facts, s.interceptor)?.maxGroundRange_m;
      const component = `${partyId}/${s.id}`;
      if (reach === undefined || !party.territoryCentre) {
        out.push({
          status: 'needs-judgement',
          component,
          reason:
            reach === undefined
              ? `the reach of ${s.interceptor} is not known`
              : `no national territory centre is known for ${partyId}`,
          evidence: { interceptor: s.interceptor },
        });
        continue;
      }
      const d = distance_m(s, party.territoryCentre);
      const evidence: Evidence = {
        interceptor: s.interceptor,
        interceptorReach_km: km(reach),
        distanceToTerritoryCentre_km: km(d),
        count: s.count,
      };
      out.push(
        reach >= d
          ? {
              status: 'violation',
              component,
              reason: `${s.count} × ${s.interceptor} reach ${km(reach)} km, beyond the ${km(d)} km to the centre of ${partyId} territory: a base for a defence of the national territory`,
              evidence,
            }
          : {
              status: 'complies',
              component,
              reason: `${s.interceptor} reach ${km(reach)} km, short of the ${km(d)} km to the centre of ${partyId} territory: a local defence`,
              evidence,
            },
      );
    }
  }
  return out.length ? out : [noAbmSites('a territorial defence')];
};

const maxDeploymentAreas: CheckFn<'max-deployment-areas'> = (facts, c) => {
  const out: CheckFinding[] = [];
  for (const [partyId, sites] of deployedAbmSites(facts)) {
    const party = partyOf(facts, partyId);
    const { areas, outside } = areasOf(party, sites, c.radius_km * 1000);
    // Sites outside every permitted area each make an area of their own (one per cluster).
    const outsideClusters: DefenseSiteFacts[] = [];
    for (const s of outside)
      if (!outsideClusters.some((o) => distance_m(o, s) <= 2 * c.radius_km * 1000))
        outsideClusters.push(s);
    const n = areas.size + outsideClusters.length;
    const evidence: Evidence = {
      areas: n,
      max: c.max,
      permittedAreas: [...areas.keys()],
      sitesOutsidePermittedAreas: outside.map((s) => s.id),
    };
    if (n > c.max || outside.length > 0)
      out.push({
        status: 'violation',
        component: partyId,
        reason:
          n > c.max
            ? `${partyId} deploys ABM interceptors in ${n} areas; at most ${c.max} allowed`
            : `${partyId} deploys ABM interceptors outside any permitted area (${outside.map((s) => s.id).join(', ')})`,
        evidence,
      });
    else
      out.push({
        status: 'complies',
        component: partyId,
        reason: `${partyId} deploys ABM interceptors in ${n} area(s) (${[...areas.keys()].join(', ')}); at most ${c.max}`,
        evidence,
      });
  }
  return out.length ? out : [noAbmSites('deployment areas')];
};

const deploymentAreaRadius: CheckFn<'deployment-area-radius'> = (facts, c) => {
  const out: CheckFinding[] = [];
  for (const [partyId, sites] of deployedAbmSites(facts)) {
    const party = partyOf(facts, partyId);
    for (const s of sites) {
      const component = `${partyId}/${s.id}`;
      const n = nearestCentre(party, s);
      if (!n) {
        out.push({
          status: 'needs-judgement',
          component,
          reason: `${partyId} has no known capital, silo field or declared deployment area`,
          evidence: {},
        });
        continue;
      }
      const evidence: Evidence = {
        centre: n.centre.id,
        distanceToCentre_km: km(n.distance_m),
        radius_km: c.radius_km,
      };
      const ok = n.distance_m <= c.radius_km * 1000;
      out.push({
        status: ok ? 'complies' : 'violation',
        component,
        reason: ok
          ? `${km(n.distance_m)} km from ${n.centre.id}, within the ${c.radius_km} km area`
          : `${km(n.distance_m)} km from the nearest permitted centre (${n.centre.id}), outside the ${c.radius_km} km area`,
        evidence,
      });
    }
  }
  return out.length ? out : [noAbmSites('deployment-area radius')];
};

function countInAreas(
  facts: TreatyFacts,
  radius_km: number,
  max: number,
  what: 'launchers' | 'interceptors',
): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const [partyId, sites] of deployedAbmSites(facts)) {
    const { areas, outside } = areasOf(partyOf(facts, partyId), sites, radius_km * 1000);
    const groups: [string, DefenseSiteFacts[]][] = [...areas];
    if (outside.length) groups.push(['outside permitted areas', outside]);
    for (const [area, list] of groups) {
      const n = list.reduce((t, s) => t + (what === 'launchers' ? s.launchers : s.count), 0);
      const ok = n <= max;
      out.push({
        status: ok ? 'complies' : 'violation',
        component: `${partyId}/${area}`,
        reason: `${n} ABM ${what} (${list.map((s) => s.id).join(', ')}); at most ${max}`,
        evidence: { [what]: n, max, sites: list.map((s) => s.id) },
      });
    }
  }
  return out.length ? out : [noAbmSites(what)];
}

const maxLaunchersInArea: CheckFn<'max-launchers-in-area'> = (facts, c) =>
  countInAreas(facts, c.radius_km, c.max, 'launchers');
const maxInterceptorsInArea: CheckFn<'max-interceptors-in-area'> = (facts, c) =>
  countInAreas(facts, c.radius_km, c.max, 'interceptors');

/** Art. V(1): ABM launchers, interceptors and radars must be fixed land-based. */
const noSeaAirSpaceMobile: CheckFn<'no-sea-air-space-mobile'> = (facts) => {
  const components: { id: string; party: string; basing: string; what: string }[] = [
    ...facts.sites
      .filter((s) => isAbmSite(facts, s))
      .map((s) => ({ ...s, what: `ABM launchers (${s.interceptor})` })),
    ...facts.radars.filter((r) => r.role === 'abm').map((r) => ({ ...r, what: 'ABM radar' })),
  ];
  if (!components.length) return [noAbmSites('basing')];
  return components.map((k) => ({
    status: k.basing === 'fixed' ? 'complies' : 'violation',
    component: `${k.party}/${k.id}`,
    reason:
      k.basing === 'fixed'
        ? `${k.what}: fixed, land-based`
        : `${k.what}: ${k.basing === 'mobile' ? 'mobile land' : k.basing}-based, which Art. V forbids`,
    evidence: { basing: k.basing },
  }));
};

/** Art. V(2): no launcher holding more than one interceptor (nor rapid reload). */
const oneInterceptorPerLauncher: CheckFn<'one-interceptor-per-launcher'> = (facts) => {
  const sites = facts.sites.filter((s) => isAbmSite(facts, s));
  if (!sites.length) return [noAbmSites('launcher loading')];
  return sites.map((s) => {
    const ok = s.count <= s.launchers;
    return {
      status: ok ? 'complies' : 'violation',
      component: `${s.party}/${s.id}`,
      reason: ok
        ? `${s.count} interceptors on ${s.launchers} launchers`
        : `${s.count} interceptors on ${s.launchers} launchers: more than one per launcher`,
      evidence: { interceptors: s.count, launchers: s.launchers },
    };
  });
};

/**
 * Art. VI(b): early-warning radars only at the periphery, oriented outward. "Outward": the
 * boresight is more than 90° from the azimuth to the national territory's centre. "Periphery":
 * the Treaty gives no distance; the rule file's peripheryDistance_km is the analyst's reading.
 */
const ewRadarPeripheryOutward: CheckFn<'ew-radar-periphery-outward'> = (facts, c) => {
  const radars = facts.radars.filter((r) => r.role === 'early-warning');
  if (!radars.length)
    return [
      {
        status: 'not-applicable',
        component: 'scenario',
        reason: 'no early-warning radar',
        evidence: {},
      },
    ];
  return radars.map((r) => {
    const party = partyOf(facts, r.party);
    const component = `${r.party}/${r.id}`;
    const evidence: Evidence = { peripheryDistance_km: c.peripheryDistance_km };
    const doubts: string[] = [];
    const faults: string[] = [];
    if (r.borderDistance_m === undefined) doubts.push('its distance to the border is not known');
    else {
      evidence.borderDistance_km = km(r.borderDistance_m);
      if (r.borderDistance_m > c.peripheryDistance_km * 1000)
        faults.push(
          `${km(r.borderDistance_m)} km from the border or coast, not on the periphery (> ${c.peripheryDistance_km} km)`,
        );
    }
    if (r.boresightAz_deg === undefined) doubts.push('it has no declared boresight (all-round?)');
    else if (!party.territoryCentre)
      doubts.push(`no national territory centre is known for ${r.party}`);
    else {
      const toCentre = azimuth_deg(r, party.territoryCentre);
      const off = angleBetween_deg(r.boresightAz_deg, toCentre);
      evidence.boresightAz_deg = round(r.boresightAz_deg);
      evidence.azimuthToTerritoryCentre_deg = round(toCentre);
      evidence.boresightOffCentre_deg = round(off);
      if (off <= 90)
        faults.push(
          `boresight ${round(r.boresightAz_deg)}° is ${round(off)}° from the azimuth to the territory centre (${round(toCentre)}°): oriented inward`,
        );
    }
    if (faults.length)
      return { status: 'violation', component, reason: faults.join('; '), evidence };
    if (doubts.length)
      return { status: 'needs-judgement', component, reason: doubts.join('; '), evidence };
    return {
      status: 'complies',
      component,
      reason: `on the periphery (${evidence.borderDistance_km} km) and facing outward (${evidence.boresightOffCentre_deg}° off the territory centre)`,
      evidence,
    };
  });
};

/**
 * Agreed Statement F: phased-array radars above the power-aperture limit only as early-warning
 * radars (Art. VI(b)), at test ranges (Art. IV), for space tracking or national technical means,
 * or as ABM radars inside a permitted deployment area (Art. III).
 */
const powerApertureLimit: CheckFn<'power-aperture-limit'> = (facts, c) => {
  const radars = facts.radars.filter((r) => r.phasedArray);
  if (!radars.length)
    return [
      {
        status: 'not-applicable',
        component: 'scenario',
        reason: 'no phased-array radar',
        evidence: {},
      },
    ];
  return radars.map((r): CheckFinding => {
    const component = `${r.party}/${r.id}`;
    if (r.powerAperture_Wm2 === undefined)
      return {
        status: 'needs-judgement',
        component,
        reason: 'its power-aperture product is not known',
        evidence: { role: r.role },
      };
    const evidence: Evidence = {
      role: r.role,
      powerAperture_Wm2: Number(r.powerAperture_Wm2.toPrecision(3)),
      max_Wm2: c.max_Wm2,
      ratio: round(r.powerAperture_Wm2 / c.max_Wm2, 1),
      ...(r.powerApertureNote ? { basis: r.powerApertureNote } : {}),
    };
    const pa = `${r.powerAperture_Wm2.toExponential(2)} W·m²`;
    if (r.powerAperture_Wm2 <= c.max_Wm2)
      return { status: 'complies', component, reason: `${pa}, within the limit`, evidence };
    const party = partyOf(facts, r.party);
    const range = atTestRange(party, r);
    if (r.role === 'early-warning' || r.role === 'space-tracking')
      return {
        status: 'complies',
        component,
        reason: `${pa} above the limit, permitted for ${r.role}`,
        evidence,
      };
    if (range)
      return {
        status: 'complies',
        component,
        reason: `${pa} above the limit, at the test range ${range.id}`,
        evidence,
      };
    const n = nearestCentre(party, r);
    if (n) evidence.distanceToNearestCentre_km = km(n.distance_m);
    if (r.role === 'abm' && n && n.distance_m <= c.radius_km * 1000)
      return {
        status: 'complies',
        component,
        reason: `${pa} above the limit: an ABM radar inside the ${n.centre.id} deployment area`,
        evidence,
      };
    return {
      status: 'violation',
      component,
      reason: `${pa} (${evidence.ratio}× the limit) for a ${r.role} radar outside any permitted deployment area or test range${n ? ` (${km(n.distance_m)} km from ${n.centre.id})` : ''}`,
      evidence,
    };
  });
};

/** Interceptors of non-ABM systems present in the facts (at sites or in tests). */
function nonAbmInterceptors(facts: TreatyFacts): InterceptorFacts[] {
  const used = new Set([
    ...facts.sites.map((s) => s.interceptor),
    ...facts.tests.map((t) => t.interceptor),
  ]);
  return facts.interceptors.filter((i) => !i.abm && used.has(i.id));
}

const testsOf = (facts: TreatyFacts, id: string) => facts.tests.filter((t) => t.interceptor === id);

/** Art. VI(a): no ABM capability and no testing in an ABM mode for non-ABM systems. */
const nonAbmNoAbmCapability: CheckFn<'non-abm-no-abm-capability'> = (facts, c) => {
  const list = nonAbmInterceptors(facts);
  if (!list.length)
    return [
      {
        status: 'not-applicable',
        component: 'scenario',
        reason: 'no non-ABM interceptor',
        evidence: {},
      },
    ];
  const vMax = c.strategicTargetSpeed_kmps * 1000;
  const rMax = c.strategicTargetRange_km * 1000;
  return list.map((i): CheckFinding => {
    const strategic = testsOf(facts, i.id).filter(
      (t) => (t.targetSpeed_mps ?? 0) > vMax || (t.targetRange_m ?? 0) > rMax,
    );
    const evidence: Evidence = {
      tests: testsOf(facts, i.id).length,
      strategicTargetSpeed_kmps: c.strategicTargetSpeed_kmps,
      strategicTargetRange_km: c.strategicTargetRange_km,
      ...(i.maxTargetSpeed_mps !== undefined
        ? { maxTargetSpeed_kmps: kmps(i.maxTargetSpeed_mps) }
        : {}),
    };
    if (strategic.length)
      return {
        status: 'violation',
        component: i.id,
        reason: `tested in an ABM mode: ${strategic.map((t) => t.id).join(', ')} against strategic-class targets`,
        evidence: { ...evidence, abmModeTests: strategic.map((t) => t.id) },
      };
    if (i.maxTargetSpeed_mps !== undefined && i.maxTargetSpeed_mps > vMax)
      return {
        status: 'needs-judgement',
        component: i.id,
        reason: `designed against targets up to ${kmps(i.maxTargetSpeed_mps)} km/s, above ${c.strategicTargetSpeed_kmps} km/s: may have a capability against strategic ballistic missiles`,
        evidence,
      };
    return {
      status: 'complies',
      component: i.id,
      reason: 'no declared ABM-mode test and no design capability against strategic targets',
      evidence,
    };
  });
};

/**
 * The 1997 demarcation agreements (First Agreed Statement, lower-velocity TMD; Second Agreed
 * Statement, higher-velocity TMD). Both forbid tests against targets above 5 km/s or with a
 * range above 3,500 km. Above 3 km/s burnout speed, compliance was left to each party's national
 * determination: such systems are `needs-judgement` unless a test breaks the target limits.
 */
const tmdDemarcation: CheckFn<'tmd-demarcation'> = (facts, c) => {
  const list = nonAbmInterceptors(facts);
  if (!list.length)
    return [
      {
        status: 'not-applicable',
        component: 'scenario',
        reason:
          'no non-ABM (theatre or air defence) interceptor; ABM interceptors fall under the Treaty itself',
        evidence: {},
      },
    ];
  const vMax = c.maxTargetSpeed_kmps * 1000;
  const rMax = c.maxTargetRange_km * 1000;
  return list.map((i): CheckFinding => {
    const tests = testsOf(facts, i.id);
    const bad = tests.filter(
      (t) => (t.targetSpeed_mps ?? 0) > vMax || (t.targetRange_m ?? 0) > rMax,
    );
    const fastestTarget = Math.max(0, ...tests.map((t) => t.targetSpeed_mps ?? 0));
    const longestRange = Math.max(0, ...tests.map((t) => t.targetRange_m ?? 0));
    const evidence: Evidence = {
      burnoutSpeed_kmps: i.burnoutSpeed_mps === undefined ? null : kmps(i.burnoutSpeed_mps),
      burnoutSpeedBasis: i.burnoutSpeedBasis ?? null,
      maxInterceptorSpeed_kmps: c.maxInterceptorSpeed_kmps,
      tests: tests.length,
      fastestTestTarget_kmps: tests.length ? kmps(fastestTarget) : null,
      longestTestTargetRange_km: tests.length ? km(longestRange) : null,
      maxTargetSpeed_kmps: c.maxTargetSpeed_kmps,
      maxTargetRange_km: c.maxTargetRange_km,
    };
    if (bad.length)
      return {
        status: 'violation',
        component: i.id,
        reason: `tested against targets beyond ${c.maxTargetSpeed_kmps} km/s or ${c.maxTargetRange_km} km: ${bad
          .map(
            (t) =>
              `${t.id} (${t.targetSpeed_mps === undefined ? '?' : kmps(t.targetSpeed_mps)} km/s, ${t.targetRange_m === undefined ? '?' : km(t.targetRange_m)} km)`,
          )
          .join(', ')}`,
        evidence,
      };
    if (i.burnoutSpeed_mps === undefined)
      return {
        status: 'needs-judgement',
        component: i.id,
        reason: 'burnout speed not known',
        evidence,
      };
    if (i.burnoutSpeed_mps <= c.maxInterceptorSpeed_kmps * 1000)
      return {
        status: 'complies',
        component: i.id,
        reason: `burnout ${kmps(i.burnoutSpeed_mps)} km/s ≤ ${c.maxInterceptorSpeed_kmps} km/s and no test beyond ${c.maxTargetSpeed_kmps} km/s or ${c.maxTargetRange_km} km`,
        evidence,
      };
    return {
      status: 'needs-judgement',
      component: i.id,
      reason: `burnout ${kmps(i.burnoutSpeed_mps)} km/s > ${c.maxInterceptorSpeed_kmps} km/s: a higher-velocity system, whose compliance the 1997 agreements leave to national determination (its tests stay within the target limits; no space-based interceptors)`,
      evidence,
    };
  });
};

const CHECKS: { [K in CheckKind]: CheckFn<K> } = {
  'no-territorial-defense': noTerritorialDefense,
  'max-deployment-areas': maxDeploymentAreas,
  'deployment-area-radius': deploymentAreaRadius,
  'max-launchers-in-area': maxLaunchersInArea,
  'max-interceptors-in-area': maxInterceptorsInArea,
  'no-sea-air-space-mobile': noSeaAirSpaceMobile,
  'one-interceptor-per-launcher': oneInterceptorPerLauncher,
  'ew-radar-periphery-outward': ewRadarPeripheryOutward,
  'power-aperture-limit': powerApertureLimit,
  'non-abm-no-abm-capability': nonAbmNoAbmCapability,
  'tmd-demarcation': tmdDemarcation,
};

export const CHECK_KINDS = Object.keys(CHECKS) as CheckKind[];

/** Runs one check on the facts. */
export function runCheck(facts: TreatyFacts, check: Check): CheckFinding[] {
  const fn = CHECKS[check.kind] as (f: TreatyFacts, c: Check) => CheckFinding[];
  return fn(facts, check);
}
