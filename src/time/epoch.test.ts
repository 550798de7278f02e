import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { earthRotationAngle_rad, gmst_rad, julianDateUtc, parseEpoch } from './epoch.ts';
import { AspisError } from '../core/errors.ts';
import { OMEGA_EARTH_radps, RAD } from '../core/constants.ts';

test('parseEpoch: the DESIGN.md epoch and offsets name the same instant', () => {
  assert.equal(parseEpoch('2001-11-13T00:00:00Z'), Date.UTC(2001, 10, 13));
  assert.equal(parseEpoch('2001-11-13T09:00:00+09:00'), Date.UTC(2001, 10, 13));
  assert.equal(parseEpoch('2001-11-12T19:30:00-04:30'), Date.UTC(2001, 10, 13));
  assert.equal(parseEpoch('2001-11-13T00:00:00.250Z'), Date.UTC(2001, 10, 13) + 250);
  assert.equal(parseEpoch('1970-01-01T00:00:00Z'), 0);
  assert.equal(parseEpoch('2000-02-29T12:00:00Z'), Date.UTC(2000, 1, 29, 12));
  // Years below 100 are not shifted to the 1900s (a Date.UTC pitfall).
  assert.equal(parseEpoch('0050-01-01T00:00:00Z'), Date.parse('0050-01-01T00:00:00Z'));
});

test('parseEpoch: refuses anything but a strict ISO-8601 UTC time, naming what it expected', () => {
  const bad = [
    '',
    'soon',
    '2001-11-13',
    '2001-11-13T00:00Z',
    '2001-11-13T00:00:00',
    '2001-11-13 00:00:00Z',
    '2001-11-13t00:00:00z',
    '2001-13-01T00:00:00Z',
    '2001-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2001-04-31T00:00:00Z',
    '2001-11-13T24:00:00Z',
    '2001-11-13T23:60:00Z',
    '2016-12-31T23:59:60Z',
    '2001-11-13T00:00:00+0900',
    '2001-11-13T00:00:00+09:60',
    ' 2001-11-13T00:00:00Z',
  ];
  for (const s of bad) {
    assert.throws(
      () => parseEpoch(s),
      (e: unknown) =>
        e instanceof AspisError &&
        e.expected === 'an ISO-8601 UTC time such as 2001-11-13T00:00:00Z' &&
        e.message.startsWith('epoch: expected an ISO-8601 UTC time'),
      s,
    );
  }
  assert.throws(
    () => parseEpoch('noon', { file: 'nmd.yaml', path: 'epoch' }),
    (e: unknown) =>
      e instanceof AspisError &&
      e.message ===
        'nmd.yaml: epoch: expected an ISO-8601 UTC time such as 2001-11-13T00:00:00Z, got "noon"',
  );
});

test('parseEpoch agrees with Date for every ISO string Date itself prints (property)', () => {
  fc.assert(
    fc.property(
      fc.date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59.999Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: -14 * 60, max: 14 * 60 }),
      (d, offset_min) => {
        const ms = d.getTime();
        assert.equal(parseEpoch(d.toISOString()), ms);
        // The same instant written in a local zone with offset ±hh:mm.
        const local = new Date(ms + offset_min * 60_000).toISOString().slice(0, -1);
        if (local.startsWith('+') || local.startsWith('-')) return; // outside 4-digit years
        const a = Math.abs(offset_min);
        const off = `${offset_min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
        assert.equal(parseEpoch(local + off), ms);
      },
    ),
  );
});

test('julianDateUtc: J2000.0 is JD 2451545.0 and the Unix epoch is JD 2440587.5 (Meeus, Astronomical Algorithms, ch. 7)', () => {
  assert.equal(julianDateUtc(0), 2440587.5);
  assert.equal(julianDateUtc(parseEpoch('2000-01-01T12:00:00Z')), 2451545.0);
  // Vallado Example 3-5: 1992 Aug 20, 12:14 UT1 is JD 2448855.009722.
  assert.ok(Math.abs(julianDateUtc(parseEpoch('1992-08-20T12:14:00Z')) - 2448855.009722) < 1e-6);
});

test('gmst_rad: Vallado, Fundamentals of Astrodynamics, Example 3-5 (1992 Aug 20 12:14 UT1 → 152.578787810°)', () => {
  const gmst_deg = gmst_rad(parseEpoch('1992-08-20T12:14:00Z')) * RAD;
  // Editions print 152.578787810° (4th ed.) and 152.578787886°; we give 152.5787878517°, between
  // them. 1e-7° is 0.36 mas, far inside the UT1 ≈ UTC approximation.
  assert.ok(Math.abs(gmst_deg - 152.57878781) < 1e-7, String(gmst_deg));
});

test('gmst_rad: at J2000.0 equals the eq. 3-47 constant 67310.54841 s = 280.46061837°', () => {
  const gmst_deg = gmst_rad(parseEpoch('2000-01-01T12:00:00Z')) * RAD;
  assert.ok(Math.abs(gmst_deg - 280.46061837) < 1e-8, String(gmst_deg));
});

test('gmst_rad: advances one sidereal turn plus ≈ 0.9856° per solar day, and stays in [0, 2π)', () => {
  const t0 = parseEpoch('2001-11-13T00:00:00Z');
  const g0 = gmst_rad(t0);
  const g1 = gmst_rad(t0 + 86_400_000);
  let dg = (g1 - g0) * RAD;
  if (dg < 0) dg += 360;
  // Mean sidereal day 86164.0905 s ⇒ 360°·(86400/86164.0905 − 1) = 0.985647° per solar day.
  assert.ok(Math.abs(dg - 0.985647) < 1e-5, String(dg));
  for (let k = -2000; k <= 2000; k++) {
    const g = gmst_rad(t0 + k * 3_600_017);
    assert.ok(g >= 0 && g < 2 * Math.PI);
  }
});

test('earthRotationAngle_rad: θ0 + ω t wrapped to [0, 2π)', () => {
  assert.equal(earthRotationAngle_rad(1, 0), 1);
  const day = (2 * Math.PI) / OMEGA_EARTH_radps; // one turn at the WGS-84 rate
  assert.ok(Math.abs(earthRotationAngle_rad(1, day) - 1) < 1e-12);
  assert.ok(Math.abs(earthRotationAngle_rad(0, day / 4) - Math.PI / 2) < 1e-12);
  const back = earthRotationAngle_rad(0.5, -day / 2);
  assert.ok(Math.abs(back - (0.5 + Math.PI)) < 1e-12);
  for (const t of [-1e7, -1, 0, 1, 123456.7, 1e8]) {
    const a = earthRotationAngle_rad(6, t);
    assert.ok(a >= 0 && a < 2 * Math.PI);
  }
});
