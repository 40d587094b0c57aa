/**
 * The codes of the plans module and their Chinese names, as the server writes them and the
 * web app shows them. No imports: the web app imports this file too.
 */

/** 规划 / 实施方案 / 年度工作要点. */
export type PlanKind = 'plan' | 'implementation' | 'annual_points';
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { plan: '规划', implementation: '实施方案', annual_points: '年度工作要点' };

export type PlanStatus = 'draft' | 'published' | 'accepted';
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: '草拟中', published: '已印发', accepted: '已验收' };

export type PlanSource = 'text' | 'docx' | 'manual';

export type NodeKind = 'part' | 'area' | 'measure' | 'item';
export const NODE_KIND_LABELS: Record<NodeKind, string> = { part: '部分', area: '领域', measure: '措施', item: '事项' };

export type TaskStatus = 'open' | 'completed' | 'cancelled';
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: '推进中', completed: '已完成', cancelled: '已撤销' };

/** A lead unit's own report, or a co-unit's report of its part to the lead. */
export type ReportKind = 'lead' | 'co_unit';
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { lead: '牵头单位报告', co_unit: '配合单位报告' };

export type AcceptanceResult = 'passed' | 'failed';
export const ACCEPTANCE_RESULT_LABELS: Record<AcceptanceResult, string> = { passed: '验收合格', failed: '验收不合格' };

export type AssignedStatus = 'open' | 'answered';
export const ASSIGNED_STATUS_LABELS: Record<AssignedStatus, string> = { open: '办理中', answered: '已办结报告' };
