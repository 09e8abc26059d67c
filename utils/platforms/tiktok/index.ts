/**
 * TikTok web (www.tiktok.com): the one object the registry imports. Proof that a platform is one folder: nothing
 * outside utils/platforms/tiktok/ knows a TikTok field or selector. Extraction is pure and runs in Node too.
 */
import { privacy } from './privacy';
import type { Platform } from '../types';
import { dom } from './dom';
import { endpointExamples, isItemEndpoint } from './endpoints';
import { extractFromResponse } from './extract';
import { extractFromPage } from './page-data';
import { surfaceOf, urlFacts } from './urls';

export const tiktok: Platform = {
  id: 'tiktok',
  matches: ['https://www.tiktok.com/*'],
  surfaceOf,
  isItemEndpoint,
  endpointExamples,
  extractFromResponse,
  extractFromPage,
  dom,
  urlFacts,
  privacy,
};

export { extractFromResponse, extractFromPage, surfaceOf, isItemEndpoint };
export { extractFromPageState } from './page-data';
