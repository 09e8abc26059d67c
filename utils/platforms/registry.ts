/**
 * The one place that imports a platform's own folder. Everything else asks the registry.
 */
import type { PlatformId } from '../model/item';
import type { Platform } from './types';
import { douyin } from './douyin';
import { tiktok } from './tiktok';

export const platforms: readonly Platform[] = [douyin, tiktok];

export function platformById(id: PlatformId): Platform | undefined {
  return platforms.find((p) => p.id === id);
}

/** The platform whose pages include this URL, if any. */
export function platformForUrl(url: string): Platform | undefined {
  return platforms.find((p) => p.surfaceOf(url) !== null);
}

export const allMatches = (): string[] => platforms.flatMap((p) => p.matches);
