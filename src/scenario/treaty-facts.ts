/**
 * The bridge from a scenario and its catalog to plain treaty facts (treaty/facts.ts): treaty/
 * never imports scenario/, so this module does the lookups. No simulation runs; physics enters
 * as catalog numbers (interceptor burnout speed and ground reach, radar peak power × aperture).
 *
 * Defaults, used when the scenario's optional `parties:` does not say otherwise:
 * - US: capital Washington; ICBM silo fields Grand Forks (Nekoma, inside the 321st SMW field),
 *   Minot, Malmstrom and F. E. Warren; territory centre the geographic centre of the contiguous
 *   United States near Lebanon KS, 39.83 N 98.58 W (US Geological Survey, "Geographic Centers of
 *   the United States", 1923/2002); test range Kwajalein (Reagan Test Site, 200 km).
 * - RU: capital Moscow; silo fields Kozelsk, Dombarovsky, Kartaly; territory centre Lake Vivi,
 *   66.42 N 94.25 E (Russian Geographical Society, geographic centre of Russia, 1992); test range
 *   Sary Shagan (200 km).
 * - Border or coast distances of catalog radar sites: approximate, measured on a map from the
 *   catalog coordinates (good to ~20 %); a sensor's `borderDistance_km` overrides them.
 */
import { apertureFromGain, wavelength_m } from '../sensors/radar-equation.ts';
import type {
  Basing,
  DefenseSiteFacts,
  InterceptorFacts,
  LatLon,
  NamedPoint,
  PartyFacts,
  RadarFacts,
  RadarRole,
  TestFacts,
  TreatyFacts,
} from '../treaty/facts.ts';
import type { Catalog } from './catalog.ts';
import type { Scenario, SitePosition } from './schema.ts';

const COUNTRY_PARTY: Record<string, string> = { 'United States': 'US', Russia: 'RU' };

/** F. E. Warren AFB (90th Missile Wing), Wikipedia "F. E. Warren Air Force Base" infobox, 2024. */
const WARREN: NamedPoint = { id: 'warren', lat_deg: 41.13, lon_deg: -104.87 };

interface PartyDefaults {
  capital: string;
  siloFields: (string | NamedPoint)[];
  territoryCentre: LatLon;
  testRanges: { site: string; radius_km: number }[];
}

const DEFAULT_PARTIES: Record<string, PartyDefaults> = {
  US: {
    capital: 'washington',
    siloFields: ['grand-forks', 'minot', 'malmstrom', WARREN],
    territoryCentre: { lat_deg: 39.83, lon_deg: -98.58 },
    testRanges: [{ site: 'kwajalein', radius_km: 200 }],
  },
  RU: {
    capital: 'moscow',
    siloFields: ['kozelsk', 'dombarovsky', 'kartaly'],
    territoryCentre: { lat_deg: 66.42, lon_deg: 94.25 },
    testRanges: [{ site: 'sary-shagan', radius_km: 200 }],
  },
};

/** Approximate distance (km) from catalog radar sites to their nation's border or coast. */
const BORDER_DISTANCE_km: Record<string, number> = {
  cavalier: 30, // Canadian border at 49° N
  clear: 340, // Cook Inlet near Anchorage
  beale: 200, // Pacific coast west of Sacramento
  'cape-cod': 5,
  thule: 5, // coast of Greenland: outside US territory (an Art. IX question, not judged here)
  shemya: 1,
  'cobra-dane': 1,
  fylingdales: 25,
  pechora: 320, // Barents Sea coast
  olenegorsk: 100,
  mishelevka: 120, // Mongolian border
};

const ABM_CLASSES = new Set(['exo-kv', 'abm-exo', 'abm-endo']);
const ROLE_BY_CLASS: Record<string, RadarRole> = {
  'early-warning': 'early-warning',
  discrimination: 'abm',
  'battle-management': 'abm',
  'forward-based': 'tmd',
  'fire-control': 'air-defense',
};

export function scenarioTreatyFacts(
  scenario: Scenario,
  catalog: Catalog,
  file?: string,
): TreatyFacts {
  const nations = new Set(
    scenario.sensors.map((s) => s.nation).filter((n): n is string => typeof n === 'string'),
  );
  const soleNation = nations.size === 1 ? [...nations][0] : undefined;

  const point = (p: SitePosition, path: string): NamedPoint => {
    if (typeof p === 'string') {
      const e = catalog.site(p, { file, path });
      return { id: p, lat_deg: e.lat_deg, lon_deg: e.lon_deg };
    }
    return { id: `${p.lat_deg},${p.lon_deg}`, lat_deg: p.lat_deg, lon_deg: p.lon_deg };
  };
  const partyOfSite = (p: SitePosition, declared: string | undefined, path: string): string => {
    if (declared) return declared;
    if (typeof p === 'string') {
      const c = COUNTRY_PARTY[catalog.site(p, { file, path }).country ?? ''];
      if (c) return c;
    }
    return soleNation ?? 'unknown';
  };

  const sites: DefenseSiteFacts[] = (scenario.defense?.sites ?? []).map((s, i) => {
    const path = `defense.sites[${i}]`;
    const at = point(s.site, `${path}.site`);
    return {
      id: s.id,
      party: partyOfSite(s.site, s.party, `${path}.site`),
      lat_deg: at.lat_deg,
      lon_deg: at.lon_deg,
      interceptor: s.interceptor,
      count: s.count,
      launchers: s.launchers ?? s.count,
      basing: (s.basing ?? 'fixed') as Basing,
    };
  });

  const tests: TestFacts[] = (scenario.tests ?? []).map((t) => ({
    id: t.id,
    party: t.party ?? soleNation ?? 'unknown',
    interceptor: t.interceptor,
    ...(t.targetSpeed_kmps !== undefined ? { targetSpeed_mps: t.targetSpeed_kmps * 1000 } : {}),
    ...(t.targetRange_km !== undefined ? { targetRange_m: t.targetRange_km * 1000 } : {}),
  }));

  const interceptorIds = [
    ...new Set([...sites.map((s) => s.interceptor), ...tests.map((t) => t.interceptor)]),
  ];
  const interceptors: InterceptorFacts[] = interceptorIds.map((id) => {
    const e = catalog.interceptor(id, { file });
    return {
      id,
      abm: ABM_CLASSES.has(e.class),
      burnoutSpeed_mps: e.burnoutSpeed_mps,
      burnoutSpeedBasis: e.burnoutSpeedBasis,
      maxGroundRange_m: e.maxGroundRange_m,
      ...(e.maxTargetSpeed_mps !== undefined ? { maxTargetSpeed_mps: e.maxTargetSpeed_mps } : {}),
    };
  });

  const radars: RadarFacts[] = [];
  scenario.sensors.forEach((s, i) => {
    if (s.type !== 'radar') return;
    const path = `sensors[${i}]`;
    const e = catalog.radar(s.catalog, { file, path: `${path}.catalog` });
    const at = point(s.site, `${path}.site`);
    const p = e.params;
    let aperture = p.aperture_m2;
    let note = 'peakPower_W × aperture_m2 (catalog); peak, not average, power';
    if (aperture === undefined && p.gain_dB !== undefined) {
      aperture = apertureFromGain(10 ** (p.gain_dB / 10), wavelength_m(p.frequency_Hz));
      note = 'peakPower_W × aperture from gain_dB (A = Gλ²/4π); peak, not average, power';
    }
    const border =
      s.borderDistance_km ?? (typeof s.site === 'string' ? BORDER_DISTANCE_km[s.site] : undefined);
    radars.push({
      id: s.id,
      party: s.nation ?? partyOfSite(s.site, undefined, `${path}.site`),
      role: s.role ?? ROLE_BY_CLASS[e.class] ?? 'abm',
      lat_deg: at.lat_deg,
      lon_deg: at.lon_deg,
      basing: (s.basing ?? 'fixed') as Basing,
      ...(s.boresightAz_deg !== undefined ? { boresightAz_deg: s.boresightAz_deg } : {}),
      ...(border !== undefined ? { borderDistance_m: border * 1000 } : {}),
      // Every radar in the catalog is a phased array (radars.yaml).
      phasedArray: true,
      ...(aperture !== undefined
        ? { powerAperture_Wm2: p.peakPower_W * aperture, powerApertureNote: note }
        : {}),
    });
  });

  const partyIds = new Set<string>([
    ...sites.map((s) => s.party),
    ...radars.map((r) => r.party),
    ...(scenario.parties ?? []).map((p) => p.id),
  ]);
  const parties: PartyFacts[] = [...partyIds].map((id) => {
    const d = DEFAULT_PARTIES[id];
    const idx = (scenario.parties ?? []).findIndex((p) => p.id === id);
    const decl = idx >= 0 ? scenario.parties?.[idx] : undefined;
    const path = `parties[${idx}]`;
    const fromDefault = (x: string | NamedPoint): NamedPoint =>
      typeof x === 'string' ? point(x, 'treaty defaults') : x;
    const capital = decl?.capital
      ? point(decl.capital, `${path}.capital`)
      : d
        ? fromDefault(d.capital)
        : undefined;
    const siloFields = decl?.siloFields
      ? decl.siloFields.map((f, j) => point(f, `${path}.siloFields[${j}]`))
      : (d?.siloFields.map(fromDefault) ?? []);
    const territoryCentre = decl?.territoryCentre ?? d?.territoryCentre;
    const testRanges = (
      decl?.testRanges?.map((r, j) => ({
        at: point(r.site, `${path}.testRanges[${j}].site`),
        r,
      })) ??
      d?.testRanges.map((r) => ({ at: fromDefault(r.site), r })) ??
      []
    ).map(({ at, r }) => ({ ...at, radius_m: r.radius_km * 1000 }));
    return {
      id,
      ...(capital ? { capital } : {}),
      siloFields,
      ...(decl?.deploymentArea
        ? { declaredArea: point(decl.deploymentArea, `${path}.deploymentArea`) }
        : {}),
      ...(territoryCentre ? { territoryCentre } : {}),
      testRanges,
    };
  });

  return { epoch: scenario.epoch, parties, interceptors, sites, radars, tests };
}
