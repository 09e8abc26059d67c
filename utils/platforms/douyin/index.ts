/**
 * Douyin (www.douyin.com, live.douyin.com, the shop's product pages): the one object the registry imports.
 * Extraction is pure and runs in Node as well as in the extension.
 */
import { privacy } from './privacy';
import type { Platform } from '../types';
import { dom } from './dom';
import { endpointExamples, isItemEndpoint } from './endpoints';
import { extractFromResponse } from './extract';
import { extractFromPage } from './page-data';
import { surfaceOf, urlFacts } from './urls';

export const douyin: Platform = {
  id: 'douyin',
  matches: ['https://www.douyin.com/*', 'https://live.douyin.com/*', 'https://*.jinritemai.com/*'],
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
export { extractFromPageState, decodeRenderData } from './page-data';
