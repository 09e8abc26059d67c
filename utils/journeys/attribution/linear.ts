/** Linear: every credited touch gets an equal share. creditᵢ = 1/n. */
import type { TouchWeights } from './types';

export const linearWeights: TouchWeights = (touches) => touches.map(() => 1 / touches.length);
