import type { Command } from 'commander';
import { effectiveness, type Doctrine } from '../../analysis/effectiveness.ts';
import { AspisError } from '../../core/errors.ts';
import { parseNonNegativeInt, parseNumber, parsePositiveInt } from '../args.ts';
import { printTable, type Output } from '../output.ts';

function parseProbability(text: string, option: string): number {
  const x = parseNumber(text, option);
  if (!(x >= 0 && x <= 1)) {
    throw new AspisError({ file: option, expected: 'a probability in [0, 1]', got: x });
  }
  return x;
}

function parseDoctrine(text: string): Doctrine {
  if (text !== 'barrage' && text !== 'sls') {
    throw new AspisError({ file: '--doctrine', expected: 'barrage or sls', got: text });
  }
  return text;
}

const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;

export function registerEffectiveness(program: Command, out: Output): void {
  program
    .command('effectiveness')
    .description(
      'analytic defense effectiveness (Wilkening, Science & Global Security 8, 2000): ' +
        'probability of no leaker, expected leakers and interceptors',
    )
    .requiredOption('--warheads <W>', 'attacking warheads (integer ≥ 1)')
    .requiredOption('--shots <N>', 'interceptors per engaged object (sls: at most N)')
    .requiredOption('--sspk <P>', 'single-shot kill probability of a functioning interceptor')
    .option('--reliability <R>', 'probability that an interceptor launches and functions', '1')
    .option(
      '--doctrine <D>',
      'barrage | sls (shoot-look-shoot, one interceptor per look)',
      'barrage',
    )
    .option(
      '--discrimination <D>',
      'probability of classifying an object (RV or decoy) correctly',
      '1',
    )
    .option('--decoys <M>', 'decoys per warhead', '0')
    .option('--kill-assessment <A>', 'sls: probability that a look reports the true state', '1')
    .option('--json', 'print one JSON document')
    .action(
      (o: {
        warheads: string;
        shots: string;
        sspk: string;
        reliability: string;
        doctrine: string;
        discrimination: string;
        decoys: string;
        killAssessment: string;
        json?: boolean;
      }) => {
        const r = effectiveness({
          warheads: parsePositiveInt(o.warheads, '--warheads'),
          shots: parseNonNegativeInt(o.shots, '--shots'),
          sspk: parseProbability(o.sspk, '--sspk'),
          reliability: parseProbability(o.reliability, '--reliability'),
          doctrine: parseDoctrine(o.doctrine),
          discrimination: parseProbability(o.discrimination, '--discrimination'),
          decoys: parseNonNegativeInt(o.decoys, '--decoys'),
          killAssessment: parseProbability(o.killAssessment, '--kill-assessment'),
        });
        const i = r.inputs;
        out.result(o.json, r, () =>
          printTable(out, [
            [
              'raid',
              `${i.warheads} warhead${i.warheads === 1 ? '' : 's'}` +
                (i.decoys > 0 ? `, ${i.decoys} decoy${i.decoys === 1 ? '' : 's'} each` : ''),
            ],
            [
              'defense',
              `${i.doctrine === 'sls' ? 'shoot-look-shoot, up to' : 'barrage of'} ${i.shots} ` +
                `per object, SSPK ${i.sspk}, reliability ${i.reliability}` +
                (i.discrimination < 1 ? `, discrimination ${i.discrimination}` : '') +
                (i.doctrine === 'sls' && i.killAssessment < 1
                  ? `, kill assessment ${i.killAssessment}`
                  : ''),
            ],
            ['P(no leaker)', pct(r.pNoLeak)],
            ['P(kill) per warhead', pct(r.pKillPerWarhead)],
            ['expected leakers', r.expectedLeakers.toFixed(3)],
            ['expected interceptors', r.expectedInterceptors.toFixed(2)],
          ]),
        );
      },
    );
}
