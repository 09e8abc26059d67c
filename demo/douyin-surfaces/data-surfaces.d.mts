// Types for data-surfaces.mjs (plain JS so the replica needs no build step).
type Json = Record<string, any>;
export interface SurfaceExpected { id: string; tags: string[]; kind: string }
export function indicesOfKinds(kinds: string[], from: number): number[];
export const PROFILE_AUTHOR: Json;
export const PROFILE_SEC_UID: string;
export function followFeed(): Json;
export function familiarFeed(): Json;
export function generalSearch(): Json;
export function searchItems(): Json;
export function profilePosts(): Json;
export function awemeDetail(id: string): Json;
export function moduleFeedV1(): Json;
export function moduleFeedV2(): Json;
export function camelize<T>(v: T): any;
export function profileRenderState(): Json;
export function noteStreamState(): Json;
export function notePageId(): string;
export function videoPageId(): string;
export function surfaceExpected(): Map<string, SurfaceExpected>;
export const surfaceIds: Record<'follow' | 'friends' | 'searchGeneral' | 'searchVideo' | 'profileFirst' | 'profileMore' | 'jingxuan' | 'jingxuanMore', () => string[]>;
