import type { Actor } from '../policy/actor.ts';
import type { Services } from '../services.ts';


declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Permission code the route requires ('authenticated' = any logged-in user). Every
     * /api route declares either this or `public: true`; app.ts refuses to start otherwise.
     */
    permission?: string;
    /** Reachable without login (public portal, health, statutory deadline lookup). */
    public?: boolean;
    /**
     * The resource type (a ResourceDef of some manifest, or 'global') that the route's
     * `:id` parameter names; the authorization test uses it to aim at a foreign row.
     */
    resource?: string;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyInstance {
    services: Services;
    /** Every route as registered, for the route-enumerating authorization test. */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  config: { permission?: string; public?: boolean; resource?: string };
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
}
