// Types for routes.mjs.
export function respondDouyinSurfaces(url: URL): { status: number; contentType: string; headers: Record<string, string>; body: string } | null;
