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
  }
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyInstance {
    services: Services;
  }
}

export {};
