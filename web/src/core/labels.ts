/** Display names of the codes the API uses (the API stays in stable English codes). */
import { ORG_TYPES as SERVER_ORG_TYPES } from '../../../src/core/orgs/labels.ts';

export const ORG_TYPES: Record<string, string> = SERVER_ORG_TYPES;
export const REGION_LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡级' };
export const SCOPES: Record<string, string> = { own: '本机构', subtree: '本机构及下级', region: '本辖区', all: '全部' };
export const LIGHTS: Record<string, { text: string; short: string; color: string }> = {
  red: { text: '红灯（已超期）', short: '超期', color: 'red' },
  yellow: { text: '黄灯（临近期限）', short: '临期', color: 'gold' },
  normal: { text: '正常', short: '正常', color: 'green' },
};
export const NOTICE_LEVELS: Record<string, string> = { reminder: '提醒', notice: '督办通知', interview: '约谈', circular: '通报' };
export const UNITS: Record<string, string> = { working: '工作日', calendar: '日', month: '月', working_days: '工作日', calendar_days: '日', months: '月' };

export function options(map: Record<string, string>) {
  return Object.entries(map).map(([value, label]) => ({ value, label }));
}
