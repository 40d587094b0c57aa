import type { ComponentType, ReactNode } from 'react';

/**
 * Page registry. The shell draws its routes and menu from the pages of the web modules
 * listed in web/src/modules/index.ts; a module adds pages by listing them in its
 * WebModule, never by editing the shell.
 */
export interface PageDef {
  path: string;
  title: string;
  component: ComponentType;
  /** Permission code needed to see the page in the menu (the API enforces it anyway). */
  permission: string;
  /** Menu group title; pages without one sit at the top level. */
  group?: string;
  icon?: ReactNode;
  /** Reachable by URL but not listed in the menu (detail pages). */
  hideInMenu?: boolean;
  order?: number;
}

/** A public-portal page; `path` must match a section the server lists in /api/public/portal. */
export interface PublicPageDef {
  path: string;
  title: string;
  component: ComponentType;
}

export interface WebModule {
  /** The server module id (deadlines and metrics carry it). */
  id: string;
  name: string;
  pages?: PageDef[];
  publicPages?: PublicPageDef[];
}

export function collectPages(modules: WebModule[]): PageDef[] {
  const pages = modules.flatMap((m) => m.pages ?? []);
  const seen = new Set<string>();
  for (const p of pages) {
    if (seen.has(p.path)) throw new Error(`page ${p.path} registered twice`);
    seen.add(p.path);
  }
  return pages.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

export function collectPublicPages(modules: WebModule[]): PublicPageDef[] {
  return modules.flatMap((m) => m.publicPages ?? []);
}
