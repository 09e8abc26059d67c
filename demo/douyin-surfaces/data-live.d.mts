// Types for data-live.mjs.
type Json = Record<string, any>;
export interface SurfaceRoom {
  key: string; webRid: string; roomId: string; uid: string; title: string; nickname: string; verify: string;
  followers: number; users: number; selling: boolean; goods: Array<[string, number]>; shop: { id: string; name: string } | null;
}
export const BRAND_ROOM: SurfaceRoom;
export const GAME_ROOM: SurfaceRoom;
export function roomByWebRid(webRid: string): SurfaceRoom | null;
export function roomById(roomId: string): SurfaceRoom | null;
export function roomProductId(room: SurfaceRoom, k: number): string;
export function roomCardRawdata(room: SurfaceRoom): string;
export function surfaceRoomEnter(webRid: string): Json | null;
export function surfaceRoomPromotions(roomId: string): Json | null;
export function surfaceProductById(productId: string): Json | null;
export function expectedRoomTags(room: SurfaceRoom): string[];
