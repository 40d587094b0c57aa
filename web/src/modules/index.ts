import type { WebModule } from '../core/registry';
import { coreWebModule } from '../core/webModule';
import { normativeWebModule } from './normative';
import { enforcementWebModule } from './enforcement';
import { assessmentWebModule } from './assessment';
import { decisionsWebModule } from './decisions';
import { plansWebModule } from './plans';

/**
 * The web modules, listed explicitly (no autoload, no side-effect imports). A business
 * module adds its folder under web/src/modules/<id>/ exporting a WebModule and one line here.
 */
export const webModules: WebModule[] = [coreWebModule, normativeWebModule, enforcementWebModule, assessmentWebModule, decisionsWebModule, plansWebModule];
