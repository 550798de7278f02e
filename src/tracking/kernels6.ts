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
 * P's upper triangle and all of Φ are read into locals first (a spilled local is a plain stack
 * load; a typed-array element costs a bounds check per read), then row i of ΦP and row i (upper
 * part) of ΦPΦᵀ, mirrored.
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
  const f00 = Phi[0];
  const f01 = Phi[1];
  const f02 = Phi[2];
  const f03 = Phi[3];
  const f04 = Phi[4];
  const f05 = Phi[5];
  const f10 = Phi[6];
  const f11 = Phi[7];
  const f12 = Phi[8];
  const f13 = Phi[9];
  const f14 = Phi[10];
  const f15 = Phi[11];
  const f20 = Phi[12];
  const f21 = Phi[13];
  const f22 = Phi[14];
  const f23 = Phi[15];
  const f24 = Phi[16];
  const f25 = Phi[17];
  const f30 = Phi[18];
  const f31 = Phi[19];
  const f32 = Phi[20];
  const f33 = Phi[21];
  const f34 = Phi[22];
  const f35 = Phi[23];
  const f40 = Phi[24];
  const f41 = Phi[25];
  const f42 = Phi[26];
  const f43 = Phi[27];
  const f44 = Phi[28];
  const f45 = Phi[29];
  const f50 = Phi[30];
  const f51 = Phi[31];
  const f52 = Phi[32];
  const f53 = Phi[33];
  const f54 = Phi[34];
  const f55 = Phi[35];
  {
    const t0 = f00 * p00 + f01 * p01 + f02 * p02 + f03 * p03 + f04 * p04 + f05 * p05;
    const t1 = f00 * p01 + f01 * p11 + f02 * p12 + f03 * p13 + f04 * p14 + f05 * p15;
    const t2 = f00 * p02 + f01 * p12 + f02 * p22 + f03 * p23 + f04 * p24 + f05 * p25;
    const t3 = f00 * p03 + f01 * p13 + f02 * p23 + f03 * p33 + f04 * p34 + f05 * p35;
    const t4 = f00 * p04 + f01 * p14 + f02 * p24 + f03 * p34 + f04 * p44 + f05 * p45;
    const t5 = f00 * p05 + f01 * p15 + f02 * p25 + f03 * p35 + f04 * p45 + f05 * p55;
    const o0 = qa + t0 * f00 + t1 * f01 + t2 * f02 + t3 * f03 + t4 * f04 + t5 * f05;
    out[0] = o0;
    const o1 = t0 * f10 + t1 * f11 + t2 * f12 + t3 * f13 + t4 * f14 + t5 * f15;
    out[1] = o1;
    out[6] = o1;
    const o2 = t0 * f20 + t1 * f21 + t2 * f22 + t3 * f23 + t4 * f24 + t5 * f25;
    out[2] = o2;
    out[12] = o2;
    const o3 = qb + t0 * f30 + t1 * f31 + t2 * f32 + t3 * f33 + t4 * f34 + t5 * f35;
    out[3] = o3;
    out[18] = o3;
    const o4 = t0 * f40 + t1 * f41 + t2 * f42 + t3 * f43 + t4 * f44 + t5 * f45;
    out[4] = o4;
    out[24] = o4;
    const o5 = t0 * f50 + t1 * f51 + t2 * f52 + t3 * f53 + t4 * f54 + t5 * f55;
    out[5] = o5;
    out[30] = o5;
  }
  {
    const t0 = f10 * p00 + f11 * p01 + f12 * p02 + f13 * p03 + f14 * p04 + f15 * p05;
    const t1 = f10 * p01 + f11 * p11 + f12 * p12 + f13 * p13 + f14 * p14 + f15 * p15;
    const t2 = f10 * p02 + f11 * p12 + f12 * p22 + f13 * p23 + f14 * p24 + f15 * p25;
    const t3 = f10 * p03 + f11 * p13 + f12 * p23 + f13 * p33 + f14 * p34 + f15 * p35;
    const t4 = f10 * p04 + f11 * p14 + f12 * p24 + f13 * p34 + f14 * p44 + f15 * p45;
    const t5 = f10 * p05 + f11 * p15 + f12 * p25 + f13 * p35 + f14 * p45 + f15 * p55;
    const o1 = qa + t0 * f10 + t1 * f11 + t2 * f12 + t3 * f13 + t4 * f14 + t5 * f15;
    out[7] = o1;
    const o2 = t0 * f20 + t1 * f21 + t2 * f22 + t3 * f23 + t4 * f24 + t5 * f25;
    out[8] = o2;
    out[13] = o2;
    const o3 = t0 * f30 + t1 * f31 + t2 * f32 + t3 * f33 + t4 * f34 + t5 * f35;
    out[9] = o3;
    out[19] = o3;
    const o4 = qb + t0 * f40 + t1 * f41 + t2 * f42 + t3 * f43 + t4 * f44 + t5 * f45;
    out[10] = o4;
    out[25] = o4;
    const o5 = t0 * f50 + t1 * f51 + t2 * f52 + t3 * f53 + t4 * f54 + t5 * f55;
    out[11] = o5;
    out[31] = o5;
  }
  {
    const t0 = f20 * p00 + f21 * p01 + f22 * p02 + f23 * p03 + f24 * p04 + f25 * p05;
    const t1 = f20 * p01 + f21 * p11 + f22 * p12 + f23 * p13 + f24 * p14 + f25 * p15;
    const t2 = f20 * p02 + f21 * p12 + f22 * p22 + f23 * p23 + f24 * p24 + f25 * p25;
    const t3 = f20 * p03 + f21 * p13 + f22 * p23 + f23 * p33 + f24 * p34 + f25 * p35;
    const t4 = f20 * p04 + f21 * p14 + f22 * p24 + f23 * p34 + f24 * p44 + f25 * p45;
    const t5 = f20 * p05 + f21 * p15 + f22 * p25 + f23 * p35 + f24 * p45 + f25 * p55;
    const o2 = qa + t0 * f20 + t1 * f21 + t2 * f22 + t3 * f23 + t4 * f24 + t5 * f25;
    out[14] = o2;
    const o3 = t0 * f30 + t1 * f31 + t2 * f32 + t3 * f33 + t4 * f34 + t5 * f35;
    out[15] = o3;
    out[20] = o3;
    const o4 = t0 * f40 + t1 * f41 + t2 * f42 + t3 * f43 + t4 * f44 + t5 * f45;
    out[16] = o4;
    out[26] = o4;
    const o5 = qb + t0 * f50 + t1 * f51 + t2 * f52 + t3 * f53 + t4 * f54 + t5 * f55;
    out[17] = o5;
    out[32] = o5;
  }
  {
    const t0 = f30 * p00 + f31 * p01 + f32 * p02 + f33 * p03 + f34 * p04 + f35 * p05;
    const t1 = f30 * p01 + f31 * p11 + f32 * p12 + f33 * p13 + f34 * p14 + f35 * p15;
    const t2 = f30 * p02 + f31 * p12 + f32 * p22 + f33 * p23 + f34 * p24 + f35 * p25;
    const t3 = f30 * p03 + f31 * p13 + f32 * p23 + f33 * p33 + f34 * p34 + f35 * p35;
    const t4 = f30 * p04 + f31 * p14 + f32 * p24 + f33 * p34 + f34 * p44 + f35 * p45;
    const t5 = f30 * p05 + f31 * p15 + f32 * p25 + f33 * p35 + f34 * p45 + f35 * p55;
    const o3 = qc + t0 * f30 + t1 * f31 + t2 * f32 + t3 * f33 + t4 * f34 + t5 * f35;
    out[21] = o3;
    const o4 = t0 * f40 + t1 * f41 + t2 * f42 + t3 * f43 + t4 * f44 + t5 * f45;
    out[22] = o4;
    out[27] = o4;
    const o5 = t0 * f50 + t1 * f51 + t2 * f52 + t3 * f53 + t4 * f54 + t5 * f55;
    out[23] = o5;
    out[33] = o5;
  }
  {
    const t0 = f40 * p00 + f41 * p01 + f42 * p02 + f43 * p03 + f44 * p04 + f45 * p05;
    const t1 = f40 * p01 + f41 * p11 + f42 * p12 + f43 * p13 + f44 * p14 + f45 * p15;
    const t2 = f40 * p02 + f41 * p12 + f42 * p22 + f43 * p23 + f44 * p24 + f45 * p25;
    const t3 = f40 * p03 + f41 * p13 + f42 * p23 + f43 * p33 + f44 * p34 + f45 * p35;
    const t4 = f40 * p04 + f41 * p14 + f42 * p24 + f43 * p34 + f44 * p44 + f45 * p45;
    const t5 = f40 * p05 + f41 * p15 + f42 * p25 + f43 * p35 + f44 * p45 + f45 * p55;
    const o4 = qc + t0 * f40 + t1 * f41 + t2 * f42 + t3 * f43 + t4 * f44 + t5 * f45;
    out[28] = o4;
    const o5 = t0 * f50 + t1 * f51 + t2 * f52 + t3 * f53 + t4 * f54 + t5 * f55;
    out[29] = o5;
    out[34] = o5;
  }
  {
    const t0 = f50 * p00 + f51 * p01 + f52 * p02 + f53 * p03 + f54 * p04 + f55 * p05;
    const t1 = f50 * p01 + f51 * p11 + f52 * p12 + f53 * p13 + f54 * p14 + f55 * p15;
    const t2 = f50 * p02 + f51 * p12 + f52 * p22 + f53 * p23 + f54 * p24 + f55 * p25;
    const t3 = f50 * p03 + f51 * p13 + f52 * p23 + f53 * p33 + f54 * p34 + f55 * p35;
    const t4 = f50 * p04 + f51 * p14 + f52 * p24 + f53 * p34 + f54 * p44 + f55 * p45;
    const t5 = f50 * p05 + f51 * p15 + f52 * p25 + f53 * p35 + f54 * p45 + f55 * p55;
    const o5 = qc + t0 * f50 + t1 * f51 + t2 * f52 + t3 * f53 + t4 * f54 + t5 * f55;
    out[35] = o5;
  }
}

/**
 * The EKF prediction covariance of BallisticModel in one pass: Φ of `stm6` (same expressions,
 * so bit-identical) built in locals from the symmetric gravity gradients G0, G1 given as their
 * upper triangles g = [G0: 00 01 02 11 12 22, G1: 00 01 02 11 12 22], then
 * out = Φ P Φᵀ + Q_CWNA(q, dtQ) exactly as phiPPhiTplusCwna6 (Φ never goes through memory).
 * Every block of Φ is symmetric because G is, so Φ has 24 distinct entries. out may alias P.
 */
export function phiPPhiTplusCwna6FromG(
  g: Float64Array,
  h: number,
  P: Float64Array,
  q: number,
  dtQ: number,
  out: Float64Array,
): void {
  const qa = (q * dtQ * dtQ * dtQ) / 3;
  const qb = (q * dtQ * dtQ) / 2;
  const qc = q * dtQ;
  const h2 = (h * h) / 6;
  const h3 = (h * h * h) / 12;
  const h1 = h / 2;
  const a00 = g[0];
  const a01 = g[1];
  const a02 = g[2];
  const a11 = g[3];
  const a12 = g[4];
  const a22 = g[5];
  const b00 = g[6];
  const b01 = g[7];
  const b02 = g[8];
  const b11 = g[9];
  const b12 = g[10];
  const b22 = g[11];
  const R00 = 1 + h2 * (2 * a00 + b00);
  const V00 = h + h3 * (a00 + b00);
  const C00 = h1 * (a00 + b00);
  const D00 = 1 + h2 * (a00 + 2 * b00);
  const R01 = h2 * (2 * a01 + b01);
  const V01 = h3 * (a01 + b01);
  const C01 = h1 * (a01 + b01);
  const D01 = h2 * (a01 + 2 * b01);
  const R02 = h2 * (2 * a02 + b02);
  const V02 = h3 * (a02 + b02);
  const C02 = h1 * (a02 + b02);
  const D02 = h2 * (a02 + 2 * b02);
  const R11 = 1 + h2 * (2 * a11 + b11);
  const V11 = h + h3 * (a11 + b11);
  const C11 = h1 * (a11 + b11);
  const D11 = 1 + h2 * (a11 + 2 * b11);
  const R12 = h2 * (2 * a12 + b12);
  const V12 = h3 * (a12 + b12);
  const C12 = h1 * (a12 + b12);
  const D12 = h2 * (a12 + 2 * b12);
  const R22 = 1 + h2 * (2 * a22 + b22);
  const V22 = h + h3 * (a22 + b22);
  const C22 = h1 * (a22 + b22);
  const D22 = 1 + h2 * (a22 + 2 * b22);
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
    const t0 = R00 * p00 + R01 * p01 + R02 * p02 + V00 * p03 + V01 * p04 + V02 * p05;
    const t1 = R00 * p01 + R01 * p11 + R02 * p12 + V00 * p13 + V01 * p14 + V02 * p15;
    const t2 = R00 * p02 + R01 * p12 + R02 * p22 + V00 * p23 + V01 * p24 + V02 * p25;
    const t3 = R00 * p03 + R01 * p13 + R02 * p23 + V00 * p33 + V01 * p34 + V02 * p35;
    const t4 = R00 * p04 + R01 * p14 + R02 * p24 + V00 * p34 + V01 * p44 + V02 * p45;
    const t5 = R00 * p05 + R01 * p15 + R02 * p25 + V00 * p35 + V01 * p45 + V02 * p55;
    const o0 = qa + t0 * R00 + t1 * R01 + t2 * R02 + t3 * V00 + t4 * V01 + t5 * V02;
    out[0] = o0;
    const o1 = t0 * R01 + t1 * R11 + t2 * R12 + t3 * V01 + t4 * V11 + t5 * V12;
    out[1] = o1;
    out[6] = o1;
    const o2 = t0 * R02 + t1 * R12 + t2 * R22 + t3 * V02 + t4 * V12 + t5 * V22;
    out[2] = o2;
    out[12] = o2;
    const o3 = qb + t0 * C00 + t1 * C01 + t2 * C02 + t3 * D00 + t4 * D01 + t5 * D02;
    out[3] = o3;
    out[18] = o3;
    const o4 = t0 * C01 + t1 * C11 + t2 * C12 + t3 * D01 + t4 * D11 + t5 * D12;
    out[4] = o4;
    out[24] = o4;
    const o5 = t0 * C02 + t1 * C12 + t2 * C22 + t3 * D02 + t4 * D12 + t5 * D22;
    out[5] = o5;
    out[30] = o5;
  }
  {
    const t0 = R01 * p00 + R11 * p01 + R12 * p02 + V01 * p03 + V11 * p04 + V12 * p05;
    const t1 = R01 * p01 + R11 * p11 + R12 * p12 + V01 * p13 + V11 * p14 + V12 * p15;
    const t2 = R01 * p02 + R11 * p12 + R12 * p22 + V01 * p23 + V11 * p24 + V12 * p25;
    const t3 = R01 * p03 + R11 * p13 + R12 * p23 + V01 * p33 + V11 * p34 + V12 * p35;
    const t4 = R01 * p04 + R11 * p14 + R12 * p24 + V01 * p34 + V11 * p44 + V12 * p45;
    const t5 = R01 * p05 + R11 * p15 + R12 * p25 + V01 * p35 + V11 * p45 + V12 * p55;
    const o1 = qa + t0 * R01 + t1 * R11 + t2 * R12 + t3 * V01 + t4 * V11 + t5 * V12;
    out[7] = o1;
    const o2 = t0 * R02 + t1 * R12 + t2 * R22 + t3 * V02 + t4 * V12 + t5 * V22;
    out[8] = o2;
    out[13] = o2;
    const o3 = t0 * C00 + t1 * C01 + t2 * C02 + t3 * D00 + t4 * D01 + t5 * D02;
    out[9] = o3;
    out[19] = o3;
    const o4 = qb + t0 * C01 + t1 * C11 + t2 * C12 + t3 * D01 + t4 * D11 + t5 * D12;
    out[10] = o4;
    out[25] = o4;
    const o5 = t0 * C02 + t1 * C12 + t2 * C22 + t3 * D02 + t4 * D12 + t5 * D22;
    out[11] = o5;
    out[31] = o5;
  }
  {
    const t0 = R02 * p00 + R12 * p01 + R22 * p02 + V02 * p03 + V12 * p04 + V22 * p05;
    const t1 = R02 * p01 + R12 * p11 + R22 * p12 + V02 * p13 + V12 * p14 + V22 * p15;
    const t2 = R02 * p02 + R12 * p12 + R22 * p22 + V02 * p23 + V12 * p24 + V22 * p25;
    const t3 = R02 * p03 + R12 * p13 + R22 * p23 + V02 * p33 + V12 * p34 + V22 * p35;
    const t4 = R02 * p04 + R12 * p14 + R22 * p24 + V02 * p34 + V12 * p44 + V22 * p45;
    const t5 = R02 * p05 + R12 * p15 + R22 * p25 + V02 * p35 + V12 * p45 + V22 * p55;
    const o2 = qa + t0 * R02 + t1 * R12 + t2 * R22 + t3 * V02 + t4 * V12 + t5 * V22;
    out[14] = o2;
    const o3 = t0 * C00 + t1 * C01 + t2 * C02 + t3 * D00 + t4 * D01 + t5 * D02;
    out[15] = o3;
    out[20] = o3;
    const o4 = t0 * C01 + t1 * C11 + t2 * C12 + t3 * D01 + t4 * D11 + t5 * D12;
    out[16] = o4;
    out[26] = o4;
    const o5 = qb + t0 * C02 + t1 * C12 + t2 * C22 + t3 * D02 + t4 * D12 + t5 * D22;
    out[17] = o5;
    out[32] = o5;
  }
  {
    const t0 = C00 * p00 + C01 * p01 + C02 * p02 + D00 * p03 + D01 * p04 + D02 * p05;
    const t1 = C00 * p01 + C01 * p11 + C02 * p12 + D00 * p13 + D01 * p14 + D02 * p15;
    const t2 = C00 * p02 + C01 * p12 + C02 * p22 + D00 * p23 + D01 * p24 + D02 * p25;
    const t3 = C00 * p03 + C01 * p13 + C02 * p23 + D00 * p33 + D01 * p34 + D02 * p35;
    const t4 = C00 * p04 + C01 * p14 + C02 * p24 + D00 * p34 + D01 * p44 + D02 * p45;
    const t5 = C00 * p05 + C01 * p15 + C02 * p25 + D00 * p35 + D01 * p45 + D02 * p55;
    const o3 = qc + t0 * C00 + t1 * C01 + t2 * C02 + t3 * D00 + t4 * D01 + t5 * D02;
    out[21] = o3;
    const o4 = t0 * C01 + t1 * C11 + t2 * C12 + t3 * D01 + t4 * D11 + t5 * D12;
    out[22] = o4;
    out[27] = o4;
    const o5 = t0 * C02 + t1 * C12 + t2 * C22 + t3 * D02 + t4 * D12 + t5 * D22;
    out[23] = o5;
    out[33] = o5;
  }
  {
    const t0 = C01 * p00 + C11 * p01 + C12 * p02 + D01 * p03 + D11 * p04 + D12 * p05;
    const t1 = C01 * p01 + C11 * p11 + C12 * p12 + D01 * p13 + D11 * p14 + D12 * p15;
    const t2 = C01 * p02 + C11 * p12 + C12 * p22 + D01 * p23 + D11 * p24 + D12 * p25;
    const t3 = C01 * p03 + C11 * p13 + C12 * p23 + D01 * p33 + D11 * p34 + D12 * p35;
    const t4 = C01 * p04 + C11 * p14 + C12 * p24 + D01 * p34 + D11 * p44 + D12 * p45;
    const t5 = C01 * p05 + C11 * p15 + C12 * p25 + D01 * p35 + D11 * p45 + D12 * p55;
    const o4 = qc + t0 * C01 + t1 * C11 + t2 * C12 + t3 * D01 + t4 * D11 + t5 * D12;
    out[28] = o4;
    const o5 = t0 * C02 + t1 * C12 + t2 * C22 + t3 * D02 + t4 * D12 + t5 * D22;
    out[29] = o5;
    out[34] = o5;
  }
  {
    const t0 = C02 * p00 + C12 * p01 + C22 * p02 + D02 * p03 + D12 * p04 + D22 * p05;
    const t1 = C02 * p01 + C12 * p11 + C22 * p12 + D02 * p13 + D12 * p14 + D22 * p15;
    const t2 = C02 * p02 + C12 * p12 + C22 * p22 + D02 * p23 + D12 * p24 + D22 * p25;
    const t3 = C02 * p03 + C12 * p13 + C22 * p23 + D02 * p33 + D12 * p34 + D22 * p35;
    const t4 = C02 * p04 + C12 * p14 + C22 * p24 + D02 * p34 + D12 * p44 + D22 * p45;
    const t5 = C02 * p05 + C12 * p15 + C22 * p25 + D02 * p35 + D12 * p45 + D22 * p55;
    const o5 = qc + t0 * C02 + t1 * C12 + t2 * C22 + t3 * D02 + t4 * D12 + t5 * D22;
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
  // Straight-line form of the loop x[i] = xp[i] + K[i]·ν, P[i][j] = Pp[i][j] − K[i]·PHt[j]
  // (j ≥ i, mirrored), row by row so that few values are live at once. Row i reads Pp[i][j ≥ i]
  // before writing them; its mirrored writes P[j][i] (j > i) hit the lower triangle, which is
  // never read, so P may alias Pp.
  const c00 = PHt[0];
  const c01 = PHt[1];
  const c02 = PHt[2];
  const c10 = PHt[3];
  const c11 = PHt[4];
  const c12 = PHt[5];
  const c20 = PHt[6];
  const c21 = PHt[7];
  const c22 = PHt[8];
  const c30 = PHt[9];
  const c31 = PHt[10];
  const c32 = PHt[11];
  const c40 = PHt[12];
  const c41 = PHt[13];
  const c42 = PHt[14];
  const c50 = PHt[15];
  const c51 = PHt[16];
  const c52 = PHt[17];
  {
    const k0 = K[0];
    const k1 = K[1];
    const k2 = K[2];
    x[0] = xp[0] + k0 * n0 + k1 * n1 + k2 * n2;
    const v0 = Pp[0] - (k0 * c00 + k1 * c01 + k2 * c02);
    const v1 = Pp[1] - (k0 * c10 + k1 * c11 + k2 * c12);
    const v2 = Pp[2] - (k0 * c20 + k1 * c21 + k2 * c22);
    const v3 = Pp[3] - (k0 * c30 + k1 * c31 + k2 * c32);
    const v4 = Pp[4] - (k0 * c40 + k1 * c41 + k2 * c42);
    const v5 = Pp[5] - (k0 * c50 + k1 * c51 + k2 * c52);
    P[0] = v0;
    P[1] = v1;
    P[6] = v1;
    P[2] = v2;
    P[12] = v2;
    P[3] = v3;
    P[18] = v3;
    P[4] = v4;
    P[24] = v4;
    P[5] = v5;
    P[30] = v5;
  }
  {
    const k0 = K[3];
    const k1 = K[4];
    const k2 = K[5];
    x[1] = xp[1] + k0 * n0 + k1 * n1 + k2 * n2;
    const v1 = Pp[7] - (k0 * c10 + k1 * c11 + k2 * c12);
    const v2 = Pp[8] - (k0 * c20 + k1 * c21 + k2 * c22);
    const v3 = Pp[9] - (k0 * c30 + k1 * c31 + k2 * c32);
    const v4 = Pp[10] - (k0 * c40 + k1 * c41 + k2 * c42);
    const v5 = Pp[11] - (k0 * c50 + k1 * c51 + k2 * c52);
    P[7] = v1;
    P[8] = v2;
    P[13] = v2;
    P[9] = v3;
    P[19] = v3;
    P[10] = v4;
    P[25] = v4;
    P[11] = v5;
    P[31] = v5;
  }
  {
    const k0 = K[6];
    const k1 = K[7];
    const k2 = K[8];
    x[2] = xp[2] + k0 * n0 + k1 * n1 + k2 * n2;
    const v2 = Pp[14] - (k0 * c20 + k1 * c21 + k2 * c22);
    const v3 = Pp[15] - (k0 * c30 + k1 * c31 + k2 * c32);
    const v4 = Pp[16] - (k0 * c40 + k1 * c41 + k2 * c42);
    const v5 = Pp[17] - (k0 * c50 + k1 * c51 + k2 * c52);
    P[14] = v2;
    P[15] = v3;
    P[20] = v3;
    P[16] = v4;
    P[26] = v4;
    P[17] = v5;
    P[32] = v5;
  }
  {
    const k0 = K[9];
    const k1 = K[10];
    const k2 = K[11];
    x[3] = xp[3] + k0 * n0 + k1 * n1 + k2 * n2;
    const v3 = Pp[21] - (k0 * c30 + k1 * c31 + k2 * c32);
    const v4 = Pp[22] - (k0 * c40 + k1 * c41 + k2 * c42);
    const v5 = Pp[23] - (k0 * c50 + k1 * c51 + k2 * c52);
    P[21] = v3;
    P[22] = v4;
    P[27] = v4;
    P[23] = v5;
    P[33] = v5;
  }
  {
    const k0 = K[12];
    const k1 = K[13];
    const k2 = K[14];
    x[4] = xp[4] + k0 * n0 + k1 * n1 + k2 * n2;
    const v4 = Pp[28] - (k0 * c40 + k1 * c41 + k2 * c42);
    const v5 = Pp[29] - (k0 * c50 + k1 * c51 + k2 * c52);
    P[28] = v4;
    P[29] = v5;
    P[34] = v5;
  }
  {
    const k0 = K[15];
    const k1 = K[16];
    const k2 = K[17];
    x[5] = xp[5] + k0 * n0 + k1 * n1 + k2 * n2;
    const v5 = Pp[35] - (k0 * c50 + k1 * c51 + k2 * c52);
    P[35] = v5;
  }
}

/**
 * measurement.ts `measure` (kind range-az-el, n = 6) fused with gainPos6m3: z = h(x), the
 * Jacobian H kept in locals (position columns only), then PHt, S, S⁻¹ and K, operation for
 * operation as the two separate functions (bit-identical results). o = sensor origin (ECI),
 * C = frameFromEci (row-major). Returns ln det S (NaN if S is not positive definite).
 */
export function measureGainRae6(
  x: Float64Array,
  P: Float64Array,
  o: ArrayLike<number>,
  C: ArrayLike<number>,
  R: ArrayLike<number>,
  z: Float64Array,
  PHt: Float64Array,
  S: Float64Array,
  Sinv: Float64Array,
  K: Float64Array,
): number {
  const ex = x[0] - o[0];
  const ey = x[1] - o[1];
  const ez = x[2] - o[2];
  const C0 = C[0];
  const C1 = C[1];
  const C2 = C[2];
  const C3 = C[3];
  const C4 = C[4];
  const C5 = C[5];
  const C6 = C[6];
  const C7 = C[7];
  const C8 = C[8];
  const dx = C0 * ex + C1 * ey + C2 * ez;
  const dy = C3 * ex + C4 * ey + C5 * ez;
  const dz = C6 * ex + C7 * ey + C8 * ez;
  const rho2 = dx * dx + dy * dy;
  const rho = Math.sqrt(rho2);
  const r2 = rho2 + dz * dz;
  const r = Math.sqrt(r2);
  z[0] = r;
  z[1] = Math.atan2(dx, dy);
  z[2] = Math.atan2(dz, rho);
  // H: range row = unit vector (ECI); azimuth and elevation rows in F times C.
  const h00 = ex / r;
  const h01 = ey / r;
  const h02 = ez / r;
  const a0 = dy / rho2;
  const a1 = -dx / rho2;
  const h10 = a0 * C0 + a1 * C3;
  const h11 = a0 * C1 + a1 * C4;
  const h12 = a0 * C2 + a1 * C5;
  const kk = 1 / (r2 * rho);
  const e0 = -dx * dz * kk;
  const e1 = -dy * dz * kk;
  const e2 = rho2 * kk;
  const h20 = e0 * C0 + e1 * C3 + e2 * C6;
  const h21 = e0 * C1 + e1 * C4 + e2 * C7;
  const h22 = e0 * C2 + e1 * C5 + e2 * C8;
  // PHt = P Hᵀ (6×3): the position rows first (S needs them), the velocity rows with K below.
  const c00 = P[0] * h00 + P[1] * h01 + P[2] * h02;
  const c01 = P[0] * h10 + P[1] * h11 + P[2] * h12;
  const c02 = P[0] * h20 + P[1] * h21 + P[2] * h22;
  const c10 = P[6] * h00 + P[7] * h01 + P[8] * h02;
  const c11 = P[6] * h10 + P[7] * h11 + P[8] * h12;
  const c12 = P[6] * h20 + P[7] * h21 + P[8] * h22;
  const c20 = P[12] * h00 + P[13] * h01 + P[14] * h02;
  const c21 = P[12] * h10 + P[13] * h11 + P[14] * h12;
  const c22 = P[12] * h20 + P[13] * h21 + P[14] * h22;
  // S = H · PHt[0..2] + R.
  const s00 = R[0] + h00 * c00 + h01 * c10 + h02 * c20;
  const s01 = R[1] + h00 * c01 + h01 * c11 + h02 * c21;
  const s02 = R[2] + h00 * c02 + h01 * c12 + h02 * c22;
  const s11 = R[4] + h10 * c01 + h11 * c11 + h12 * c21;
  const s12 = R[5] + h10 * c02 + h11 * c12 + h12 * c22;
  const s22 = R[8] + h20 * c02 + h21 * c12 + h22 * c22;
  const A0 = s11 * s22 - s12 * s12;
  const B0 = s02 * s12 - s01 * s22;
  const D0 = s01 * s12 - s02 * s11;
  const det = s00 * A0 + s01 * B0 + s02 * D0;
  if (!(det > 0) || !(s00 > 0)) return NaN;
  const rd = 1 / det;
  const i00 = A0 * rd;
  const i01 = B0 * rd;
  const i02 = D0 * rd;
  const i11 = (s00 * s22 - s02 * s02) * rd;
  const i12 = (s01 * s02 - s00 * s12) * rd;
  const i22 = (s00 * s11 - s01 * s01) * rd;
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
  PHt[0] = c00;
  PHt[1] = c01;
  PHt[2] = c02;
  K[0] = c00 * i00 + c01 * i01 + c02 * i02;
  K[1] = c00 * i01 + c01 * i11 + c02 * i12;
  K[2] = c00 * i02 + c01 * i12 + c02 * i22;
  PHt[3] = c10;
  PHt[4] = c11;
  PHt[5] = c12;
  K[3] = c10 * i00 + c11 * i01 + c12 * i02;
  K[4] = c10 * i01 + c11 * i11 + c12 * i12;
  K[5] = c10 * i02 + c11 * i12 + c12 * i22;
  PHt[6] = c20;
  PHt[7] = c21;
  PHt[8] = c22;
  K[6] = c20 * i00 + c21 * i01 + c22 * i02;
  K[7] = c20 * i01 + c21 * i11 + c22 * i12;
  K[8] = c20 * i02 + c21 * i12 + c22 * i22;
  {
    const p0 = P[18];
    const p1 = P[19];
    const p2 = P[20];
    const a = p0 * h00 + p1 * h01 + p2 * h02;
    const b = p0 * h10 + p1 * h11 + p2 * h12;
    const c = p0 * h20 + p1 * h21 + p2 * h22;
    PHt[9] = a;
    PHt[10] = b;
    PHt[11] = c;
    K[9] = a * i00 + b * i01 + c * i02;
    K[10] = a * i01 + b * i11 + c * i12;
    K[11] = a * i02 + b * i12 + c * i22;
  }
  {
    const p0 = P[24];
    const p1 = P[25];
    const p2 = P[26];
    const a = p0 * h00 + p1 * h01 + p2 * h02;
    const b = p0 * h10 + p1 * h11 + p2 * h12;
    const c = p0 * h20 + p1 * h21 + p2 * h22;
    PHt[12] = a;
    PHt[13] = b;
    PHt[14] = c;
    K[12] = a * i00 + b * i01 + c * i02;
    K[13] = a * i01 + b * i11 + c * i12;
    K[14] = a * i02 + b * i12 + c * i22;
  }
  {
    const p0 = P[30];
    const p1 = P[31];
    const p2 = P[32];
    const a = p0 * h00 + p1 * h01 + p2 * h02;
    const b = p0 * h10 + p1 * h11 + p2 * h12;
    const c = p0 * h20 + p1 * h21 + p2 * h22;
    PHt[15] = a;
    PHt[16] = b;
    PHt[17] = c;
    K[15] = a * i00 + b * i01 + c * i02;
    K[16] = a * i01 + b * i11 + c * i12;
    K[17] = a * i02 + b * i12 + c * i22;
  }
  return Math.log(det);
}
