/** First-touch: the earliest credited touch gets all the credit. credit₁ = 1, creditᵢ = 0 for i > 1. */
import type { TouchWeights } from './types';

export const firstTouchWeights: TouchWeights = (touches) => touches.map((_, i) => (i === 0 ? 1 : 0));
