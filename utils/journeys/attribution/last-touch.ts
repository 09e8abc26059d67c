/** Last-touch: the latest credited touch before the conversion gets all the credit. creditₙ = 1, others 0. */
import type { TouchWeights } from './types';

export const lastTouchWeights: TouchWeights = (touches) => touches.map((_, i) => (i === touches.length - 1 ? 1 : 0));
