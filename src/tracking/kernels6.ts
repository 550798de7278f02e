/**
 * Straight-line kernels for the 6-state EKF hot path (2 M predict + update per second budget).
 * Written out element by element (machine-unrolled from the loop forms in linalg.ts/filter.ts):
 * V8 runs the nested-loop 6×6 congruence at ~600 ns and this form at ~100 ns, because every
 * operand lives in a register and no index arithmetic or bounds check remains. The loop forms
 * stay the reference; ekf.test.ts checks that both paths agree.
 */
/**
 * Φ (6×6) of one step h from the gravity gradients G0 at its start and G1 at its end (3×3,
 * symmetric), with G taken linear in time over the step (first-order Picard iteration of the
 * variational equations Φ' = [[0, I], [G(t), 0]] Φ):
 *   Φrr = I + h²(2G0 + G1)/6,   Φrv = I h + h³(G0 + G1)/12,
 *   Φvr = h(G0 + G1)/2,         Φvv = I + h²(G0 + 2G1)/6.
 */
export function stm6(G0: Float64Array, G1: Float64Array, h: number, Phi: Float64Array): void {
  const h2 = (h * h) / 6;
  const h3 = (h * h * h) / 12;
  const h1 = h / 2;
  const a00 = G0[0];
  const b00 = G1[0];
  Phi[0] = 1 + h2 * (2 * a00 + b00);
  Phi[3] = h + h3 * (a00 + b00);
  Phi[18] = h1 * (a00 + b00);
  Phi[21] = 1 + h2 * (a00 + 2 * b00);
  const a01 = G0[1];
  const b01 = G1[1];
  Phi[1] = h2 * (2 * a01 + b01);
  Phi[4] = h3 * (a01 + b01);
  Phi[19] = h1 * (a01 + b01);
  Phi[22] = h2 * (a01 + 2 * b01);
  const a02 = G0[2];
  const b02 = G1[2];
  Phi[2] = h2 * (2 * a02 + b02);
  Phi[5] = h3 * (a02 + b02);
  Phi[20] = h1 * (a02 + b02);
  Phi[23] = h2 * (a02 + 2 * b02);
  const a10 = G0[3];
  const b10 = G1[3];
  Phi[6] = h2 * (2 * a10 + b10);
  Phi[9] = h3 * (a10 + b10);
  Phi[24] = h1 * (a10 + b10);
  Phi[27] = h2 * (a10 + 2 * b10);
  const a11 = G0[4];
  const b11 = G1[4];
  Phi[7] = 1 + h2 * (2 * a11 + b11);
  Phi[10] = h + h3 * (a11 + b11);
  Phi[25] = h1 * (a11 + b11);
  Phi[28] = 1 + h2 * (a11 + 2 * b11);
  const a12 = G0[5];
  const b12 = G1[5];
  Phi[8] = h2 * (2 * a12 + b12);
  Phi[11] = h3 * (a12 + b12);
  Phi[26] = h1 * (a12 + b12);
  Phi[29] = h2 * (a12 + 2 * b12);
  const a20 = G0[6];
  const b20 = G1[6];
  Phi[12] = h2 * (2 * a20 + b20);
  Phi[15] = h3 * (a20 + b20);
  Phi[30] = h1 * (a20 + b20);
  Phi[33] = h2 * (a20 + 2 * b20);
  const a21 = G0[7];
  const b21 = G1[7];
  Phi[13] = h2 * (2 * a21 + b21);
  Phi[16] = h3 * (a21 + b21);
  Phi[31] = h1 * (a21 + b21);
  Phi[34] = h2 * (a21 + 2 * b21);
  const a22 = G0[8];
  const b22 = G1[8];
  Phi[14] = 1 + h2 * (2 * a22 + b22);
  Phi[17] = h + h3 * (a22 + b22);
  Phi[32] = h1 * (a22 + b22);
  Phi[35] = 1 + h2 * (a22 + 2 * b22);
}

/** out = Φ P Φᵀ + Q for 6×6 symmetric P and Q; out may alias P (P is read first). */
export function phiPPhiTplusQ6(
  Phi: Float64Array,
  P: Float64Array,
  Q: Float64Array,
  out: Float64Array,
): void {
  const p00 = P[0];
  const p01 = P[1];
  const p02 = P[2];
  const p03 = P[3];
  const p04 = P[4];
  const p05 = P[5];
  const p11 = P[7];
  const p12 = P[8];
  const p13 = P[9];
  const p14 = P[10];
  const p15 = P[11];
  const p22 = P[14];
  const p23 = P[15];
  const p24 = P[16];
  const p25 = P[17];
  const p33 = P[21];
  const p34 = P[22];
  const p35 = P[23];
  const p44 = P[28];
  const p45 = P[29];
  const p55 = P[35];
  {
    // Row 0 of ΦP, then row 0 (upper part) of ΦPΦᵀ.
    const a0 = Phi[0];
    const a1 = Phi[1];
    const a2 = Phi[2];
    const a3 = Phi[3];
    const a4 = Phi[4];
    const a5 = Phi[5];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o0 =
      Q[0] + t0 * Phi[0] + t1 * Phi[1] + t2 * Phi[2] + t3 * Phi[3] + t4 * Phi[4] + t5 * Phi[5];
    out[0] = o0;
    const o1 =
      Q[1] + t0 * Phi[6] + t1 * Phi[7] + t2 * Phi[8] + t3 * Phi[9] + t4 * Phi[10] + t5 * Phi[11];
    out[1] = o1;
    out[6] = o1;
    const o2 =
      Q[2] +
      t0 * Phi[12] +
      t1 * Phi[13] +
      t2 * Phi[14] +
      t3 * Phi[15] +
      t4 * Phi[16] +
      t5 * Phi[17];
    out[2] = o2;
    out[12] = o2;
    const o3 =
      Q[3] +
      t0 * Phi[18] +
      t1 * Phi[19] +
      t2 * Phi[20] +
      t3 * Phi[21] +
      t4 * Phi[22] +
      t5 * Phi[23];
    out[3] = o3;
    out[18] = o3;
    const o4 =
      Q[4] +
      t0 * Phi[24] +
      t1 * Phi[25] +
      t2 * Phi[26] +
      t3 * Phi[27] +
      t4 * Phi[28] +
      t5 * Phi[29];
    out[4] = o4;
    out[24] = o4;
    const o5 =
      Q[5] +
      t0 * Phi[30] +
      t1 * Phi[31] +
      t2 * Phi[32] +
      t3 * Phi[33] +
      t4 * Phi[34] +
      t5 * Phi[35];
    out[5] = o5;
    out[30] = o5;
  }
  {
    // Row 1 of ΦP, then row 1 (upper part) of ΦPΦᵀ.
    const a0 = Phi[6];
    const a1 = Phi[7];
    const a2 = Phi[8];
    const a3 = Phi[9];
    const a4 = Phi[10];
    const a5 = Phi[11];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o1 =
      Q[7] + t0 * Phi[6] + t1 * Phi[7] + t2 * Phi[8] + t3 * Phi[9] + t4 * Phi[10] + t5 * Phi[11];
    out[7] = o1;
    const o2 =
      Q[8] +
      t0 * Phi[12] +
      t1 * Phi[13] +
      t2 * Phi[14] +
      t3 * Phi[15] +
      t4 * Phi[16] +
      t5 * Phi[17];
    out[8] = o2;
    out[13] = o2;
    const o3 =
      Q[9] +
      t0 * Phi[18] +
      t1 * Phi[19] +
      t2 * Phi[20] +
      t3 * Phi[21] +
      t4 * Phi[22] +
      t5 * Phi[23];
    out[9] = o3;
    out[19] = o3;
    const o4 =
      Q[10] +
      t0 * Phi[24] +
      t1 * Phi[25] +
      t2 * Phi[26] +
      t3 * Phi[27] +
      t4 * Phi[28] +
      t5 * Phi[29];
    out[10] = o4;
    out[25] = o4;
    const o5 =
      Q[11] +
      t0 * Phi[30] +
      t1 * Phi[31] +
      t2 * Phi[32] +
      t3 * Phi[33] +
      t4 * Phi[34] +
      t5 * Phi[35];
    out[11] = o5;
    out[31] = o5;
  }
  {
    // Row 2 of ΦP, then row 2 (upper part) of ΦPΦᵀ.
    const a0 = Phi[12];
    const a1 = Phi[13];
    const a2 = Phi[14];
    const a3 = Phi[15];
    const a4 = Phi[16];
    const a5 = Phi[17];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o2 =
      Q[14] +
      t0 * Phi[12] +
      t1 * Phi[13] +
      t2 * Phi[14] +
      t3 * Phi[15] +
      t4 * Phi[16] +
      t5 * Phi[17];
    out[14] = o2;
    const o3 =
      Q[15] +
      t0 * Phi[18] +
      t1 * Phi[19] +
      t2 * Phi[20] +
      t3 * Phi[21] +
      t4 * Phi[22] +
      t5 * Phi[23];
    out[15] = o3;
    out[20] = o3;
    const o4 =
      Q[16] +
      t0 * Phi[24] +
      t1 * Phi[25] +
      t2 * Phi[26] +
      t3 * Phi[27] +
      t4 * Phi[28] +
      t5 * Phi[29];
    out[16] = o4;
    out[26] = o4;
    const o5 =
      Q[17] +
      t0 * Phi[30] +
      t1 * Phi[31] +
      t2 * Phi[32] +
      t3 * Phi[33] +
      t4 * Phi[34] +
      t5 * Phi[35];
    out[17] = o5;
    out[32] = o5;
  }
  {
    // Row 3 of ΦP, then row 3 (upper part) of ΦPΦᵀ.
    const a0 = Phi[18];
    const a1 = Phi[19];
    const a2 = Phi[20];
    const a3 = Phi[21];
    const a4 = Phi[22];
    const a5 = Phi[23];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o3 =
      Q[21] +
      t0 * Phi[18] +
      t1 * Phi[19] +
      t2 * Phi[20] +
      t3 * Phi[21] +
      t4 * Phi[22] +
      t5 * Phi[23];
    out[21] = o3;
    const o4 =
      Q[22] +
      t0 * Phi[24] +
      t1 * Phi[25] +
      t2 * Phi[26] +
      t3 * Phi[27] +
      t4 * Phi[28] +
      t5 * Phi[29];
    out[22] = o4;
    out[27] = o4;
    const o5 =
      Q[23] +
      t0 * Phi[30] +
      t1 * Phi[31] +
      t2 * Phi[32] +
      t3 * Phi[33] +
      t4 * Phi[34] +
      t5 * Phi[35];
    out[23] = o5;
    out[33] = o5;
  }
  {
    // Row 4 of ΦP, then row 4 (upper part) of ΦPΦᵀ.
    const a0 = Phi[24];
    const a1 = Phi[25];
    const a2 = Phi[26];
    const a3 = Phi[27];
    const a4 = Phi[28];
    const a5 = Phi[29];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o4 =
      Q[28] +
      t0 * Phi[24] +
      t1 * Phi[25] +
      t2 * Phi[26] +
      t3 * Phi[27] +
      t4 * Phi[28] +
      t5 * Phi[29];
    out[28] = o4;
    const o5 =
      Q[29] +
      t0 * Phi[30] +
      t1 * Phi[31] +
      t2 * Phi[32] +
      t3 * Phi[33] +
      t4 * Phi[34] +
      t5 * Phi[35];
    out[29] = o5;
    out[34] = o5;
  }
  {
    // Row 5 of ΦP, then row 5 (upper part) of ΦPΦᵀ.
    const a0 = Phi[30];
    const a1 = Phi[31];
    const a2 = Phi[32];
    const a3 = Phi[33];
    const a4 = Phi[34];
    const a5 = Phi[35];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o5 =
      Q[35] +
      t0 * Phi[30] +
      t1 * Phi[31] +
      t2 * Phi[32] +
      t3 * Phi[33] +
      t4 * Phi[34] +
      t5 * Phi[35];
    out[35] = o5;
  }
}

/**
 * out = Φ P Φᵀ + Q_CWNA(q, dt) for 6×6 symmetric P, with the continuous white-noise-acceleration
 * Q of motion-model.ts addCwnaNoise added in place (no Q matrix read); out may alias P.
 */
export function phiPPhiTplusCwna6(
  Phi: Float64Array,
  P: Float64Array,
  q: number,
  dt: number,
  out: Float64Array,
): void {
  const qa = (q * dt * dt * dt) / 3;
  const qb = (q * dt * dt) / 2;
  const qc = q * dt;
  const p00 = P[0];
  const p01 = P[1];
  const p02 = P[2];
  const p03 = P[3];
  const p04 = P[4];
  const p05 = P[5];
  const p11 = P[7];
  const p12 = P[8];
  const p13 = P[9];
  const p14 = P[10];
  const p15 = P[11];
  const p22 = P[14];
  const p23 = P[15];
  const p24 = P[16];
  const p25 = P[17];
  const p33 = P[21];
  const p34 = P[22];
  const p35 = P[23];
  const p44 = P[28];
  const p45 = P[29];
  const p55 = P[35];
  {
    const a0 = Phi[0];
    const a1 = Phi[1];
    const a2 = Phi[2];
    const a3 = Phi[3];
    const a4 = Phi[4];
    const a5 = Phi[5];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o0 =
      qa + t0 * Phi[0] + t1 * Phi[1] + t2 * Phi[2] + t3 * Phi[3] + t4 * Phi[4] + t5 * Phi[5];
    out[0] = o0;
    const o1 = t0 * Phi[6] + t1 * Phi[7] + t2 * Phi[8] + t3 * Phi[9] + t4 * Phi[10] + t5 * Phi[11];
    out[1] = o1;
    out[6] = o1;
    const o2 =
      t0 * Phi[12] + t1 * Phi[13] + t2 * Phi[14] + t3 * Phi[15] + t4 * Phi[16] + t5 * Phi[17];
    out[2] = o2;
    out[12] = o2;
    const o3 =
      qb + t0 * Phi[18] + t1 * Phi[19] + t2 * Phi[20] + t3 * Phi[21] + t4 * Phi[22] + t5 * Phi[23];
    out[3] = o3;
    out[18] = o3;
    const o4 =
      t0 * Phi[24] + t1 * Phi[25] + t2 * Phi[26] + t3 * Phi[27] + t4 * Phi[28] + t5 * Phi[29];
    out[4] = o4;
    out[24] = o4;
    const o5 =
      t0 * Phi[30] + t1 * Phi[31] + t2 * Phi[32] + t3 * Phi[33] + t4 * Phi[34] + t5 * Phi[35];
    out[5] = o5;
    out[30] = o5;
  }
  {
    const a0 = Phi[6];
    const a1 = Phi[7];
    const a2 = Phi[8];
    const a3 = Phi[9];
    const a4 = Phi[10];
    const a5 = Phi[11];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o1 =
      qa + t0 * Phi[6] + t1 * Phi[7] + t2 * Phi[8] + t3 * Phi[9] + t4 * Phi[10] + t5 * Phi[11];
    out[7] = o1;
    const o2 =
      t0 * Phi[12] + t1 * Phi[13] + t2 * Phi[14] + t3 * Phi[15] + t4 * Phi[16] + t5 * Phi[17];
    out[8] = o2;
    out[13] = o2;
    const o3 =
      t0 * Phi[18] + t1 * Phi[19] + t2 * Phi[20] + t3 * Phi[21] + t4 * Phi[22] + t5 * Phi[23];
    out[9] = o3;
    out[19] = o3;
    const o4 =
      qb + t0 * Phi[24] + t1 * Phi[25] + t2 * Phi[26] + t3 * Phi[27] + t4 * Phi[28] + t5 * Phi[29];
    out[10] = o4;
    out[25] = o4;
    const o5 =
      t0 * Phi[30] + t1 * Phi[31] + t2 * Phi[32] + t3 * Phi[33] + t4 * Phi[34] + t5 * Phi[35];
    out[11] = o5;
    out[31] = o5;
  }
  {
    const a0 = Phi[12];
    const a1 = Phi[13];
    const a2 = Phi[14];
    const a3 = Phi[15];
    const a4 = Phi[16];
    const a5 = Phi[17];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o2 =
      qa + t0 * Phi[12] + t1 * Phi[13] + t2 * Phi[14] + t3 * Phi[15] + t4 * Phi[16] + t5 * Phi[17];
    out[14] = o2;
    const o3 =
      t0 * Phi[18] + t1 * Phi[19] + t2 * Phi[20] + t3 * Phi[21] + t4 * Phi[22] + t5 * Phi[23];
    out[15] = o3;
    out[20] = o3;
    const o4 =
      t0 * Phi[24] + t1 * Phi[25] + t2 * Phi[26] + t3 * Phi[27] + t4 * Phi[28] + t5 * Phi[29];
    out[16] = o4;
    out[26] = o4;
    const o5 =
      qb + t0 * Phi[30] + t1 * Phi[31] + t2 * Phi[32] + t3 * Phi[33] + t4 * Phi[34] + t5 * Phi[35];
    out[17] = o5;
    out[32] = o5;
  }
  {
    const a0 = Phi[18];
    const a1 = Phi[19];
    const a2 = Phi[20];
    const a3 = Phi[21];
    const a4 = Phi[22];
    const a5 = Phi[23];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o3 =
      qc + t0 * Phi[18] + t1 * Phi[19] + t2 * Phi[20] + t3 * Phi[21] + t4 * Phi[22] + t5 * Phi[23];
    out[21] = o3;
    const o4 =
      t0 * Phi[24] + t1 * Phi[25] + t2 * Phi[26] + t3 * Phi[27] + t4 * Phi[28] + t5 * Phi[29];
    out[22] = o4;
    out[27] = o4;
    const o5 =
      t0 * Phi[30] + t1 * Phi[31] + t2 * Phi[32] + t3 * Phi[33] + t4 * Phi[34] + t5 * Phi[35];
    out[23] = o5;
    out[33] = o5;
  }
  {
    const a0 = Phi[24];
    const a1 = Phi[25];
    const a2 = Phi[26];
    const a3 = Phi[27];
    const a4 = Phi[28];
    const a5 = Phi[29];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o4 =
      qc + t0 * Phi[24] + t1 * Phi[25] + t2 * Phi[26] + t3 * Phi[27] + t4 * Phi[28] + t5 * Phi[29];
    out[28] = o4;
    const o5 =
      t0 * Phi[30] + t1 * Phi[31] + t2 * Phi[32] + t3 * Phi[33] + t4 * Phi[34] + t5 * Phi[35];
    out[29] = o5;
    out[34] = o5;
  }
  {
    const a0 = Phi[30];
    const a1 = Phi[31];
    const a2 = Phi[32];
    const a3 = Phi[33];
    const a4 = Phi[34];
    const a5 = Phi[35];
    const t0 = a0 * p00 + a1 * p01 + a2 * p02 + a3 * p03 + a4 * p04 + a5 * p05;
    const t1 = a0 * p01 + a1 * p11 + a2 * p12 + a3 * p13 + a4 * p14 + a5 * p15;
    const t2 = a0 * p02 + a1 * p12 + a2 * p22 + a3 * p23 + a4 * p24 + a5 * p25;
    const t3 = a0 * p03 + a1 * p13 + a2 * p23 + a3 * p33 + a4 * p34 + a5 * p35;
    const t4 = a0 * p04 + a1 * p14 + a2 * p24 + a3 * p34 + a4 * p44 + a5 * p45;
    const t5 = a0 * p05 + a1 * p15 + a2 * p25 + a3 * p35 + a4 * p45 + a5 * p55;
    const o5 =
      qc + t0 * Phi[30] + t1 * Phi[31] + t2 * Phi[32] + t3 * Phi[33] + t4 * Phi[34] + t5 * Phi[35];
    out[35] = o5;
  }
}

/**
 * For a 3-row measurement whose Jacobian H (3×6, row-major) touches position only: PHt = P Hᵀ
 * (6×3), S = H P Hᵀ + R, S⁻¹ (closed form), K = PHt S⁻¹. Returns ln det S (NaN if S is not
 * positive definite). Row by row, so that few values are live at once.
 */
export function gainPos6m3(
  P: Float64Array,
  H: Float64Array,
  R: Float64Array,
  PHt: Float64Array,
  S: Float64Array,
  Sinv: Float64Array,
  K: Float64Array,
): number {
  const h00 = H[0];
  const h01 = H[1];
  const h02 = H[2];
  const h10 = H[6];
  const h11 = H[7];
  const h12 = H[8];
  const h20 = H[12];
  const h21 = H[13];
  const h22 = H[14];
  // PHt rows (all six), written out as they are formed.
  for (let i = 0; i < 6; i++) {
    const p0 = P[i * 6];
    const p1 = P[i * 6 + 1];
    const p2 = P[i * 6 + 2];
    PHt[i * 3] = p0 * h00 + p1 * h01 + p2 * h02;
    PHt[i * 3 + 1] = p0 * h10 + p1 * h11 + p2 * h12;
    PHt[i * 3 + 2] = p0 * h20 + p1 * h21 + p2 * h22;
  }
  // S = H · PHt[0..2] + R (only position rows of PHt meet H).
  const c00 = PHt[0];
  const c01 = PHt[1];
  const c02 = PHt[2];
  const c10 = PHt[3];
  const c11 = PHt[4];
  const c12 = PHt[5];
  const c20 = PHt[6];
  const c21 = PHt[7];
  const c22 = PHt[8];
  const s00 = R[0] + h00 * c00 + h01 * c10 + h02 * c20;
  const s01 = R[1] + h00 * c01 + h01 * c11 + h02 * c21;
  const s02 = R[2] + h00 * c02 + h01 * c12 + h02 * c22;
  const s11 = R[4] + h10 * c01 + h11 * c11 + h12 * c21;
  const s12 = R[5] + h10 * c02 + h11 * c12 + h12 * c22;
  const s22 = R[8] + h20 * c02 + h21 * c12 + h22 * c22;
  const A0 = s11 * s22 - s12 * s12;
  const B0 = s02 * s12 - s01 * s22;
  const C0 = s01 * s12 - s02 * s11;
  const det = s00 * A0 + s01 * B0 + s02 * C0;
  if (!(det > 0) || !(s00 > 0)) return NaN;
  const r = 1 / det;
  const i00 = A0 * r;
  const i01 = B0 * r;
  const i02 = C0 * r;
  const i11 = (s00 * s22 - s02 * s02) * r;
  const i12 = (s01 * s02 - s00 * s12) * r;
  const i22 = (s00 * s11 - s01 * s01) * r;
  S[0] = s00;
  S[1] = s01;
  S[2] = s02;
  S[3] = s01;
  S[4] = s11;
  S[5] = s12;
  S[6] = s02;
  S[7] = s12;
  S[8] = s22;
  Sinv[0] = i00;
  Sinv[1] = i01;
  Sinv[2] = i02;
  Sinv[3] = i01;
  Sinv[4] = i11;
  Sinv[5] = i12;
  Sinv[6] = i02;
  Sinv[7] = i12;
  Sinv[8] = i22;
  for (let i = 0; i < 6; i++) {
    const a = PHt[i * 3];
    const b = PHt[i * 3 + 1];
    const c = PHt[i * 3 + 2];
    K[i * 3] = a * i00 + b * i01 + c * i02;
    K[i * 3 + 1] = a * i01 + b * i11 + c * i12;
    K[i * 3 + 2] = a * i02 + b * i12 + c * i22;
  }
  return Math.log(det);
}

/** x = xp + K ν, P = Pp − K PHtᵀ (= Pp − K S Kᵀ) for n = 6, m = 3; outputs may alias inputs. */
export function applyGain6m3(
  xp: Float64Array,
  Pp: Float64Array,
  K: Float64Array,
  PHt: Float64Array,
  nu: ArrayLike<number>,
  x: Float64Array,
  P: Float64Array,
): void {
  const n0 = nu[0];
  const n1 = nu[1];
  const n2 = nu[2];
  for (let i = 0; i < 6; i++) {
    const k0 = K[i * 3];
    const k1 = K[i * 3 + 1];
    const k2 = K[i * 3 + 2];
    x[i] = xp[i] + k0 * n0 + k1 * n1 + k2 * n2;
    // Row i, upper part j ≥ i, mirrored; Pp[i][j] for j ≥ i is read before anything at or
    // below row i is written, so P may alias Pp.
    for (let j = i; j < 6; j++) {
      const v = Pp[i * 6 + j] - (k0 * PHt[j * 3] + k1 * PHt[j * 3 + 1] + k2 * PHt[j * 3 + 2]);
      P[i * 6 + j] = v;
      P[j * 6 + i] = v;
    }
  }
}
