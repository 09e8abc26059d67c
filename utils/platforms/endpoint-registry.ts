/**
 * The main-world capture script's view of the platforms: only each platform's tiny `endpoints` module, so the
 * page-world bundle stays small and carries no extractor, selector or extension API code.
 */
import { isItemEndpoint as douyinItemEndpoint } from './douyin/endpoints';
import { isItemEndpoint as tiktokItemEndpoint } from './tiktok/endpoints';
import { allHostPermissions } from './hosts';

const endpointCheckers: ReadonlyArray<(url: string) => boolean> = [douyinItemEndpoint, tiktokItemEndpoint];

/** Whether any platform reads items from this request URL. */
export function isAnyItemEndpoint(url: string): boolean {
  return endpointCheckers.some((isItemEndpoint) => isItemEndpoint(url));
}

/** Where the capture script runs: every platform host whose pages fetch feed JSON (product pages don't). */
export const captureMatches: string[] = allHostPermissions.filter((pattern) => !pattern.includes('jinritemai'));
