// Placeholder until the Douyin platform lands (see utils/platforms/types.ts for the contract).
import type { Platform } from '../types';
export const douyin = {} as Platform;
