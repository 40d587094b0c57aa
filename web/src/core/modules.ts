import { webModules } from '../modules';

/** Display name of a module id, from the web module registry. */
export function moduleName(id: string): string {
  return webModules.find((m) => m.id === id)?.name ?? id;
}
