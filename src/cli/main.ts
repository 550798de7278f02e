/**
 * The `aspis` command line (DESIGN.md §6). Every command takes `--json` and then prints exactly
 * one JSON document on stdout; otherwise a human table. Exit codes: 0 ok, 1 run-time failure,
 * 2 bad input. Errors are one line on stderr, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { AspisError } from '../core/errors.ts';
import { minimumEnergyBallistic } from '../flight/ballistic.ts';
import { flyout, maxRange } from '../flight/flyout.ts';
import type { TrajectoryShape } from '../flight/targeting.ts';
import { nearest } from '../core/nearest.ts';
import { ENTRY_KINDS } from '../scenario/catalog.ts';
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { loadBuiltinCatalog, loadScenarioFile } from '../node/files.ts';
import { flyScenarioThreats } from '../scenario/threat-flights.ts';
import { parseLatLon, parseNumber, parsePositiveInt } from './args.ts';
import { printTable, type Output } from './output.ts';

function trajectoryOf(kind: string, apogeeKm: number | undefined): TrajectoryShape {
  if (!['min-energy', 'lofted', 'depressed'].includes(kind)) {
    throw new AspisError({ file: '--trajectory', expected: 'one of min-energy, lofted, depressed', got: kind });
  }
  if (apogeeKm !== undefined) {
    if (!(apogeeKm > 0)) throw new AspisError({ file: '--apogee-km', expected: 'an apogee > 0 km', got: apogeeKm });
    return { apogee_m: apogeeKm * 1000 };
  }
  return kind as TrajectoryShape;
}

function build(out: Output): Command {
  const program = new Command('aspis')
    .description('Aspis: missile-defense and arms-control simulator')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.stdout(s),
      writeErr: (s) => out.stderr(s),
    });

  program
    .command('ballistic')
    .description('closed-form minimum-energy free flight on a spherical, non-rotating Earth (Bate, Mueller & White ch. 6)')
    .requiredOption('--range-km <R>', 'ground range in km')
    .option('--burnout-alt-km <H>', 'burnout (and re-entry) altitude in km', '0')
    .option('--json', 'print one JSON document')
    .action((o: { rangeKm: string; burnoutAltKm: string; json?: boolean }) => {
      const r = minimumEnergyBallistic(
        {
          range_km: parseNumber(o.rangeKm, '--range-km'),
          burnoutAlt_km: parseNumber(o.burnoutAltKm, '--burnout-alt-km'),
        },
        { range_km: { file: '--range-km' }, burnoutAlt_km: { file: '--burnout-alt-km' } },
      );
      out.result(o.json, r, () =>
        printTable(out, [
          ['range', `${r.range_km} km`],
          ['burnout altitude', `${r.burnoutAlt_km} km`],
          ['burnout speed', `${r.burnoutSpeed_mps.toFixed(1)} m/s`],
          ['flight-path angle', `${r.flightPathAngle_deg.toFixed(3)}°`],
          ['time of flight', `${r.timeOfFlight_s.toFixed(1)} s`],
          ['apogee altitude', `${r.apogeeAlt_km.toFixed(1)} km`],
        ]),
      );
    });

  program
    .command('flyout')
    .description('aim a catalog missile at a point and fly it with the full force model')
    .requiredOption('--missile <ID>', 'catalog missile id')
    .requiredOption('--from <LAT,LON>', 'launch point in degrees')
    .requiredOption('--to <LAT,LON>', 'aim point in degrees')
    .option('--trajectory <KIND>', 'min-energy | lofted | depressed', 'min-energy')
    .option('--apogee-km <A>', 'fly to this apogee (energy-managed lofted/depressed)')
    .option('--payload-kg <M>', 'payload mass (default: the catalog value)')
    .option('--samples <N>', 'include N evenly spaced samples of the flight')
    .option('--json', 'print one JSON document')
    .action(
      (o: {
        missile: string;
        from: string;
        to: string;
        trajectory: string;
        apogeeKm?: string;
        payloadKg?: string;
        samples?: string;
        json?: boolean;
      }) => {
        const catalog = loadBuiltinCatalog();
        const missile = catalog.missile(o.missile, { file: '--missile' });
        const r = flyout({
          missile,
          from: parseLatLon(o.from, '--from'),
          to: parseLatLon(o.to, '--to'),
          trajectory: trajectoryOf(o.trajectory, o.apogeeKm === undefined ? undefined : parseNumber(o.apogeeKm, '--apogee-km')),
          payload_kg: o.payloadKg === undefined ? undefined : parseNumber(o.payloadKg, '--payload-kg'),
          samples: o.samples === undefined ? 0 : parsePositiveInt(o.samples, '--samples'),
          where: '--to',
        });
        out.result(o.json, r, () =>
          printTable(out, [
            ['missile', r.missile],
            ['trajectory', r.trajectory],
            ['impact', `${r.impact.lat_deg.toFixed(4)}°, ${r.impact.lon_deg.toFixed(4)}°`],
            ['miss distance', `${r.miss_m.toFixed(1)} m`],
            ['ground range', `${r.groundRange_km.toFixed(1)} km`],
            ['time of flight', `${r.timeOfFlight_s.toFixed(1)} s`],
            ['apogee altitude', `${r.apogeeAlt_km.toFixed(1)} km`],
            ['burnout', `${r.burnout.time_s.toFixed(1)} s, ${r.burnout.alt_km.toFixed(1)} km, ${r.burnout.speed_mps.toFixed(0)} m/s, ${r.burnout.flightPathAngle_deg.toFixed(2)}°`],
          ]),
        );
      },
    );

  program
    .command('range')
    .description('maximum range of a catalog missile for a payload and launch azimuth')
    .requiredOption('--missile <ID>', 'catalog missile id')
    .option('--payload-kg <M>', 'payload mass (default: the catalog value)')
    .option('--azimuth-deg <A>', 'launch azimuth, clockwise from north', '0')
    .option('--from <LAT,LON>', 'launch point in degrees', '0,0')
    .option('--json', 'print one JSON document')
    .action((o: { missile: string; payloadKg?: string; azimuthDeg: string; from: string; json?: boolean }) => {
      const catalog = loadBuiltinCatalog();
      const missile = catalog.missile(o.missile, { file: '--missile' });
      const r = maxRange({
        missile,
        payload_kg: o.payloadKg === undefined ? undefined : parseNumber(o.payloadKg, '--payload-kg'),
        azimuth_deg: parseNumber(o.azimuthDeg, '--azimuth-deg'),
        from: parseLatLon(o.from, '--from'),
      });
      out.result(o.json, r, () =>
        printTable(out, [
          ['missile', r.missile],
          ['payload', `${r.payload_kg} kg`],
          ['maximum range', `${r.maxRange_km.toFixed(0)} km`],
          ['published range', `${r.publishedRange_km} km${r.publishedRangePayload_kg ? ` with ${r.publishedRangePayload_kg} kg` : ''}`],
          ['launch', `${r.from.lat_deg}°, ${r.from.lon_deg}°, azimuth ${r.azimuth_deg}°`],
          ['burnout speed', `${r.burnoutSpeed_mps.toFixed(0)} m/s`],
          ['time of flight', `${r.timeOfFlight_s.toFixed(0)} s`],
          ['apogee', `${r.apogeeAlt_km.toFixed(0)} km`],
        ]),
      );
    });

  const cat = program.command('catalog').description('the built-in catalog of missiles, sites and sensors');
  cat
    .command('list', { isDefault: true })
    .option('--kind <KIND>', 'only this kind of entry')
    .option('--json', 'print one JSON document')
    .action((o: { kind?: string; json?: boolean }) => {
      const catalog = loadBuiltinCatalog();
      if (o.kind !== undefined && !catalog.hasKind(o.kind)) {
        throw new AspisError({ file: '--kind', expected: `one of ${Object.keys(ENTRY_KINDS).join(', ')}`, got: o.kind });
      }
      const rows = catalog.list(o.kind as Parameters<typeof catalog.list>[0]);
      out.result(o.json, rows, () =>
        printTable(
          out,
          rows.map((r) => [r.kind, r.id, r.name]),
          ['kind', 'id', 'name'],
        ),
      );
    });
  cat
    .command('show <ID>')
    .option('--json', 'print one JSON document')
    .action((id: string, o: { json?: boolean }) => {
      const catalog = loadBuiltinCatalog();
      const hit = catalog.list().find((e) => e.id === id);
      if (!hit) {
        throw new AspisError({
          file: 'catalog show',
          expected: 'a catalog id',
          got: id,
          hint: `did you mean ${nearest(id, catalog.ids(), 3).join(', ')}?`,
        });
      }
      const entry = { kind: hit.kind, file: hit.file, ...catalog.get(hit.kind, id) };
      out.result(o.json, entry, () => out.stdout(`${JSON.stringify(entry, null, 2)}\n`));
    });

  program
    .command('schema')
    .description('print the scenario JSON Schema')
    .action(() => out.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`));

  program
    .command('run <SCENARIO>')
    .description('run a scenario (now: fly its threats; engagement and Monte Carlo arrive with later layers)')
    .option('--json', 'print one JSON document')
    .action((ref: string, o: { json?: boolean }) => {
      const { scenario, catalog, file } = loadScenarioFile(ref);
      const flights = flyScenarioThreats(scenario, catalog, file);
      const doc = { scenario: scenario.name, file, threats: flights };
      out.result(o.json, doc, () => {
        out.stdout(`${scenario.name}  (${file})\n`);
        printTable(
          out,
          flights.map((f) => [
            f.id,
            f.missile,
            f.trajectory,
            `${f.groundRange_km.toFixed(0)}`,
            `${f.timeOfFlight_s.toFixed(0)}`,
            `${f.apogeeAlt_km.toFixed(0)}`,
            `${f.miss_m.toFixed(1)}`,
          ]),
          ['threat', 'missile', 'trajectory', 'range km', 'time of flight s', 'apogee km', 'miss m'],
        );
      });
    });

  return program;
}

/** Runs the CLI; returns the exit code. `out` is injectable for tests. */
export async function main(argv: string[], out: Output = processOutput()): Promise<number> {
  const program = build(out);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2; // commander already printed the usage error
    }
    if (e instanceof AspisError) {
      out.stderr(`aspis: ${e.message}\n`);
      return e.exitCode;
    }
    out.stderr(`aspis: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function processOutput(): Output {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    result(json, doc, human) {
      if (json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      else human();
    },
  };
}

