// Types for demo/replica.mjs.
import type { BrowserContext } from 'playwright-core';
export * from './data.mjs';
export const MAX_FEED_ITEMS: number;
export const REPLICA_HOME: string;
export const TIKTOK_HOME: string;
export function tiktokProductIdAt(index: number): string;
export const DEMO_LIVE_WEB_RID: string;
export const DEMO_AD_LIVE_WEB_RID: string;
export const DEMO_PRODUCT_ID: string;
export const DEMO_BRAND_PRODUCT_ID: string;
export function liveRoomUrl(webRid?: string): string;
export function isReplicaHost(hostname: string): boolean;
export interface ReplicaAnswer { status: number; contentType: string; headers: Record<string, string>; body: string }
export function respond(url: string, options?: { items?: number }): ReplicaAnswer | null;
export interface ReplicaRequest { method: string; url: string; status: number }
export interface Replica {
  home: string;
  items: number;
  requests: ReplicaRequest[];
  liveRoomUrl(webRid?: string): string;
  productUrl(id: string): string;
  uninstall(): Promise<void>;
}
export function installReplica(
  context: BrowserContext,
  options?: { items?: number; apiDelayMs?: number; onRequest?: (entry: ReplicaRequest) => void },
): Promise<Replica>;
