/**
 * Data-driven attribution: the removal effect in a first-order Markov chain fitted to ALL journeys.
 *
 * Method (after Anderl et al. 2016, as in the R package ChannelAttribution):
 *  1. Each journey with at least one credited touch is a path: start → c₁ → … → cₙ → conversion (converted
 *     journeys) or → null (open journeys). A touch's channel cᵢ is its key in the grouping `defs.markovChannel`
 *     (multi-key groupings joined with '+', see ../groupings.ts). Journeys with nothing creditable are left out:
 *     their credit goes to "direct" whatever the model.
 *  2. Transition probabilities P(a → b) = count(a → b) / count(a → anything), over all paths.
 *  3. P(conv) = probability that a walk from start is absorbed in conversion, solved exactly from the linear
 *     system p = r + Q p over the transient states (start and channels).
 *  4. Removing channel c sends every transition into c to null: P₋c(conv) is the same solve with p_c fixed at 0.
 *     Removal effect RE_c = 1 − P₋c(conv) / P(conv).
 *  5. Channel shares: RE_c / Σ RE. Within one journey, touch i gets RE_{cᵢ} / Σⱼ RE_{cⱼ}, so a channel met twice
 *     is weighted twice; if every RE in a journey were 0 the touches share equally.
 */
import type { Touchpoint } from '../../model/touchpoint';
import { channelOf } from '../groupings';
import type { Definitions } from '../definitions';
import { normalise, type TouchWeights } from './types';

export interface MarkovPath {
  channels: string[];
  converted: boolean;
}

export interface MarkovFit {
  /** Probability that a path from start ends in conversion. */
  conversionProbability: number;
  /** 1 − P(conv without the channel) / P(conv), per channel. */
  removalEffects: Record<string, number>;
  /** Removal effects normalised to sum to 1 (all 0 when nothing converted). */
  shares: Record<string, number>;
}

/** Solve A x = b by Gaussian elimination with partial pivoting (the systems here are channels + 1 in size). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    if (Math.abs(m[col][col]) < 1e-12) continue; // a state that never leaves: its probability stays 0
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

export function fitMarkov(paths: readonly MarkovPath[]): MarkovFit {
  const channels = [...new Set(paths.flatMap((p) => p.channels))].sort();
  const index = new Map(channels.map((c, i) => [c, i + 1] as const)); // 0 = start
  const n = channels.length + 1;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const toConv = new Array<number>(n).fill(0);
  const outTotal = new Array<number>(n).fill(0);
  for (const path of paths) {
    if (!path.channels.length) continue;
    const states = [0, ...path.channels.map((c) => index.get(c)!)];
    for (let k = 0; k + 1 < states.length; k++) counts[states[k]][states[k + 1]]++;
    const last = states[states.length - 1];
    if (path.converted) toConv[last]++;
    states.forEach((s) => outTotal[s]++);
  }
  // p = r + Q p  ⇔  (I − Q) p = r; a removed state's row becomes p_removed = 0.
  const pConv = (removed?: number): number => {
    const a = counts.map((row, i) => row.map((count, j) => (i === j ? 1 : 0) - (i === removed || !outTotal[i] ? 0 : count / outTotal[i])));
    const r = toConv.map((count, i) => (i === removed || !outTotal[i] ? 0 : count / outTotal[i]));
    return solve(a, r)[0];
  };
  const base = pConv();
  const removalEffects: Record<string, number> = {};
  for (const c of channels) removalEffects[c] = base > 0 ? Math.max(0, 1 - pConv(index.get(c)) / base) : 0;
  const total = Object.values(removalEffects).reduce((x, y) => x + y, 0);
  const shares = Object.fromEntries(channels.map((c) => [c, total > 0 ? removalEffects[c] / total : 0]));
  return { conversionProbability: base, removalEffects, shares };
}

/** Weights within one journey, proportional to each touch's channel removal effect. */
export function markovWeights(fit: MarkovFit): TouchWeights {
  return (touches: readonly Touchpoint[], _conversionAt: number, defs: Definitions) =>
    normalise(touches.map((tp) => fit.removalEffects[channelOf(tp, defs.markovChannel)] ?? 0));
}
