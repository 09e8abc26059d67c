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
  // Qianchuan (巨量千川) is Douyin's e-commerce ad system: its closed-loop ads lead to a Douyin shop or live room.
  adKindWords: { 'closed-loop-product': '千川·商品', 'closed-loop-live': '千川·直播' },
};

export { extractFromResponse, extractFromPage, surfaceOf, isItemEndpoint };
export { extractFromPageState, decodeRenderData } from './page-data';
