import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../core/api';
import type { Dashboard } from '../../../../src/modules/assessment/report-contract.ts';

/** Shapes of the dashboard and result files (src/modules/assessment/report-routes.ts). */
export type { Dashboard };
export type RankingRow = Dashboard['ranking'][number];
export type WeakLeaf = Dashboard['weakest'][number];

export const useDashboard = (id: number) => useQuery({ queryKey: ['assessment', 'dashboard', id], queryFn: () => get<Dashboard>(`/api/assessment/rounds/${id}/dashboard`), enabled: id > 0 });

/** 考核结果汇总 (Excel): ranking and each organisation's indicator scores; provisional while the round is open. */
export const resultsXlsxUrl = (roundId: number) => `/api/assessment/rounds/${roundId}/results.xlsx`;
/** 考核结果通报 (Word) of one organisation; the server answers only once the round is published. */
export const reportDocxUrl = (roundId: number, orgId: number) => `/api/assessment/rounds/${roundId}/report.docx${qs({ orgId })}`;
