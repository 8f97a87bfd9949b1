import type { Application } from 'express';
import type { RouterMount } from './RouterMount.ts';

export interface RouteEntry {
  /** Lower-case HTTP method. */
  method: string;
  /** Full path in OpenAPI style, e.g. '/api/v1/tenants/{tenant}'. */
  path: string;
}

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/** Enumerates the routes of the routers createApp mounted (for the OpenAPI completeness test and docs). */
export function listRoutes(app: Application): RouteEntry[] {
  const mounts = app.locals.routerMounts as RouterMount[] | undefined;
  if (!mounts) throw new Error('listRoutes: the app was not built by createApp (no app.locals.routerMounts)');
  const routes: RouteEntry[] = [];
  for (const mount of mounts) {
    for (const layer of (mount.router as unknown as { stack: RouteLayer[] }).stack) {
      if (!layer.route || typeof layer.route.path !== 'string') continue;
      const path = `${mount.path === '/' ? '' : mount.path}${layer.route.path}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      for (const [method, enabled] of Object.entries(layer.route.methods)) {
        if (enabled && method !== '_all') routes.push({ method, path });
      }
    }
  }
  return routes;
}
