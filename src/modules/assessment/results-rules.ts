/**
 * How an assessment result is used (考核结果运用): its share in the general performance
 * assessment (seed 000 §9(三)1) and the consequences of a grade (seed 001 §4(三),
 * seed 003 篇2 六(三)). Pure functions; the service records what they decide.
 */
import type { Grade } from './scoring.ts';

export const SOURCE_PERFORMANCE = '吉林省法治政府建设指标体系 九、（三）1.';
export const SOURCE_CONSEQUENCES = '贵港市依法行政"十二五"规划 四、（三）；《健全行政执法机制》范文篇2 六、（三）';

/** The organisation as far as the minimum weight cares: what it is and at which level. */
export interface WeightedOrg {
  orgType: string;
  regionLevel: 'province' | 'city' | 'county' | 'township';
}

export interface WeightMinimums {
  /** 省直部门: percent of the performance assessment's total. */
  provincialDepartment: number;
  /** 市（州）、县（市）政府. */
  cityCountyGovernment: number;
}

/**
 * The minimum share of the rule-of-law score in the general performance assessment:
 * "所占分值省直部门不低于考核总分数的5%，市（州）、县（市）政府不低于2%". Other organisations
 * (city and county departments, townships) have no minimum in the seed: null.
 */
export function minPerformanceWeight(org: WeightedOrg, mins: WeightMinimums): { min: number; who: string } | null {
  const department = org.orgType !== 'people_government' && org.orgType !== 'township_street';
  if (org.regionLevel === 'province' && department) return { min: mins.provincialDepartment, who: '省直部门' };
  if (org.orgType === 'people_government' && (org.regionLevel === 'city' || org.regionLevel === 'county')) return { min: mins.cityCountyGovernment, who: '市（州）、县（市）政府' };
  return null;
}

/** Points carried into the performance assessment: the achieved percent of the weight. */
export function performancePoints(percent: number | null, weight: number | null): number | null {
  if (percent == null || weight == null) return null;
  return Math.round(percent * weight) / 100;
}

export type ConsequenceKind = 'commendation' | 'rectification' | 'consecutive_fail';

export interface Consequence {
  kind: ConsequenceKind;
  note: string;
}

/**
 * 优秀 → 通报表彰; 不合格 → 通报批评、责令限期整改 (a written rectification, and not rated an
 * advanced unit that year); 不合格 two years running → the suggestion to adjust the head's post.
 */
export function consequencesOf(grade: Grade | null, previousGrade: Grade | null | undefined): Consequence[] {
  if (grade === 'excellent') return [{ kind: 'commendation', note: '考核等次为优秀，予以通报表彰' }];
  if (grade !== 'fail') return [];
  const out: Consequence[] = [{ kind: 'rectification', note: '考核等次为不合格，予以通报批评，责令限期整改并报送书面整改意见；当年不得评为先进单位' }];
  if (previousGrade === 'fail') out.push({ kind: 'consecutive_fail', note: '连续两年考核不合格，建议调整该单位主要负责人的工作岗位' });
  return out;
}
