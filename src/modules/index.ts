import type { ModuleManifest } from '../core/registry.ts';
import { normativeModule } from './normative-docs/index.ts';
import { enforcementModule } from './enforcement/index.ts';
import { assessmentModule } from './assessment/index.ts';
import { decisionsModule } from './decisions/index.ts';
import { plansModule } from './plans/index.ts';

/**
 * The business modules, listed explicitly (no autoload): each plugs in its tables,
 * procedures, routes, metrics, public pages and demo data through its manifest.
 */
export const modules: ModuleManifest[] = [normativeModule, enforcementModule, assessmentModule, decisionsModule, plansModule];
