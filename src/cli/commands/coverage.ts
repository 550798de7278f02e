import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { loadBuiltinCatalog } from '../../node/files.ts';
import { radarCoverage } from '../../sensors/coverage.ts';
import { coverageGeoJson } from '../../sensors/coverage-geojson.ts';
import { bandOf, rcsOf } from '../../sensors/rcs.ts';
import { parseLatLon, parseNumber } from '../args.ts';
import { printTable, type Output } from '../output.ts';
import { parseRcs, parseSiteAlt_m, parseTargetAlt_km } from './radar-range.ts';

export function registerCoverage(program: Command, out: Output): void {
  program
    .command('coverage')
    .description(
      'ground footprint over which a catalog radar detects a target at an altitude (GeoJSON)',
    )
    .requiredOption('--radar <ID>', 'catalog radar id')
    .requiredOption('--site <LAT,LON>', 'radar site in degrees')
    .requiredOption('--target-alt-km <H>', 'target altitude in km')
    .option('--rcs-m2 <X>', "target RCS in m² (default: a nose-on RV in the radar's band)")
    .option(
      '--boresight-az-deg <A>',
      "sector centre, clockwise from north (default: the catalog's)",
    )
    .option('--site-alt-m <A>', 'radar height above the ellipsoid in m', '0')
    .option('--geojson', 'print the footprint as one GeoJSON FeatureCollection')
    .option('--json', 'the same as --geojson')
    .action(
      (o: {
        radar: string;
        site: string;
        targetAltKm: string;
        rcsM2?: string;
        boresightAzDeg?: string;
        siteAltM: string;
        geojson?: boolean;
        json?: boolean;
      }) => {
        const site = parseLatLon(o.site, '--site');
        const targetAlt_km = parseTargetAlt_km(o.targetAltKm);
        const siteAlt_m = parseSiteAlt_m(o.siteAltM);
        const boresightAz_deg =
          o.boresightAzDeg === undefined ? undefined : parseAzimuth(o.boresightAzDeg);
        const radar = loadBuiltinCatalog().radar(o.radar, { file: '--radar' });
        const rcs_m2 =
          o.rcsM2 === undefined
            ? rcsOf('rv', 'nose-on', bandOf(radar.params.frequency_Hz))
            : parseRcs(o.rcsM2);
        const cov = radarCoverage({
          params: radar.params,
          lat_deg: site.lat_deg,
          lon_deg: site.lon_deg,
          siteAlt_m,
          targetAlt_m: targetAlt_km * 1000,
          rcs_m2,
          boresightAz_deg,
        });
        const properties = {
          radar: radar.id,
          rcs_m2,
          targetAlt_km,
          maxGroundRange_km: cov.maxGroundRange_m / 1000,
          limitedBy: cov.limitedBy,
          minGroundRange_km: cov.minGroundRange_m / 1000,
          visible: cov.visible,
          site: { ...site, alt_m: siteAlt_m },
          boresightAz_deg: boresightAz_deg ?? radar.params.azimuthCenter_deg,
          azimuthHalfWidth_deg: radar.params.azimuthHalfWidth_deg,
        };
        const doc = coverageGeoJson(cov, site, properties);
        out.result(o.geojson || o.json, doc, () => {
          const sector =
            properties.azimuthHalfWidth_deg >= 180
              ? 'all round'
              : `${properties.boresightAz_deg}° ± ${properties.azimuthHalfWidth_deg}°`;
          printTable(out, [
            ['radar', `${radar.id} (${radar.name})`],
            ['site', `${site.lat_deg}°, ${site.lon_deg}°, ${siteAlt_m} m`],
            ['target', `${rcs_m2} m² at ${targetAlt_km} km altitude`],
            ['azimuth sector', sector],
            [
              'ground range',
              cov.visible
                ? `${properties.minGroundRange_km.toFixed(0)}–${properties.maxGroundRange_km.toFixed(0)} km, limited by ${cov.limitedBy}`
                : `none: the radar cannot see this target (limited by ${cov.limitedBy})`,
            ],
          ]);
          out.stdout('Add --geojson for the footprint polygon.\n');
        });
      },
    );
}

function parseAzimuth(text: string): number {
  const x = parseNumber(text, '--boresight-az-deg');
  if (!(x >= -180 && x < 360))
    throw new AspisError({
      file: '--boresight-az-deg',
      expected: 'an azimuth in degrees in [-180, 360)',
      got: text,
    });
  return x;
}
