import type { Router } from 'express';

/** A router and the path createApp mounts it at; kept in app.locals.routerMounts so listRoutes can enumerate routes. */
export interface RouterMount {
  path: string;
  router: Router;
}
