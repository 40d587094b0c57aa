import { useQuery } from '@tanstack/react-query';
import { get, post, qs } from '../../core/api';
// The questionnaire rules and labels are pure on the server: the builder and the answer form
// check with the same functions before sending.
import {
  QUESTION_KIND_TEXT,
  RESPONDENT_GROUPS,
  RESPONDENT_GROUP_TEXT,
  SCALE_SATISFIED_FROM,
  SURVEY_STATUS_TEXT,
  questionnaireProblems,
  type QuestionInput,
  type QuestionKind,
  type RespondentGroup,
  type SurveyStatus,
} from '../../../../src/modules/assessment/survey-rules.ts';
import type { Static } from '@sinclair/typebox';
import type * as C from '../../../../src/modules/assessment/survey-contract.ts';

export { QUESTION_KIND_TEXT, RESPONDENT_GROUPS, RESPONDENT_GROUP_TEXT, SCALE_SATISFIED_FROM, questionnaireProblems };
export type { QuestionInput, QuestionKind, RespondentGroup, SurveyStatus };
/** A response or request shape of the survey API, from its schema in survey-contract.ts. */
type Of<K extends keyof typeof C> = Static<(typeof C)[K]>;
export type Survey = Of<'Survey'>;
export type SurveyRow = Of<'SurveyRow'>;
export type Batch = Of<'Batch'>;
export type IssuedBatch = Of<'IssuedBatch'>;
export type Results = Of<'Results'>;
export type PublicSurvey = Of<'PublicSurvey'>;
export type PublicSurveyRow = Of<'PublicSurveyRow'>;
export type TokenForm = Of<'TokenForm'>;
export type AnswerIn = Of<'AnswerIn'>;
export type Answers = AnswerIn['answers'];

export const SURVEY_STATUS: Record<SurveyStatus, { text: string; color: string }> = {
  draft: { text: SURVEY_STATUS_TEXT.draft, color: 'gold' },
  open: { text: SURVEY_STATUS_TEXT.open, color: 'blue' },
  closed: { text: SURVEY_STATUS_TEXT.closed, color: 'default' },
};

export const useSurveys = () => useQuery({ queryKey: ['assessment', 'surveys'], queryFn: () => get<SurveyRow[]>('/api/assessment/surveys') });
export const useSurvey = (id: number) => useQuery({ queryKey: ['assessment', 'survey', id], enabled: id > 0, queryFn: () => get<Survey>(`/api/assessment/surveys/${id}`) });
export const useSurveyResults = (id: number, orgId?: number, enabled = true) =>
  useQuery({ queryKey: ['assessment', 'survey', id, 'results', orgId ?? null], enabled: id > 0 && enabled, queryFn: () => get<Results>(`/api/assessment/surveys/${id}/results${qs({ orgId })}`) });

// ── public portal ──
export const usePublicSurveys = () => useQuery({ queryKey: ['public-surveys'], queryFn: () => get<PublicSurveyRow[]>('/api/public/assessment/surveys') });
export const usePublicSurvey = (id: number) => useQuery({ queryKey: ['public-survey', id], enabled: id > 0, queryFn: () => get<PublicSurvey>(`/api/public/assessment/surveys/${id}`) });
/** The token travels in the request body, never in a URL the server logs. */
export const useTokenForm = (token: string | undefined) => useQuery({ queryKey: ['survey-form', token], enabled: !!token, queryFn: () => post<TokenForm>('/api/public/assessment/survey-form', { token }) });
export const portalToken = (surveyId: number) => post<{ token: string }>(`/api/public/assessment/surveys/${surveyId}/token`);
export const sendAnswers = (body: AnswerIn) => post<{ ok: boolean; org: string }>('/api/public/assessment/survey-answers', body);

/** The full address of an answer link the server returns as a path. */
export const absoluteLink = (path: string) => `${window.location.origin}${path}`;
/** The token of an answer link: /public/assessment/answer#t=TOKEN. */
export const tokenFromHash = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('t') ?? undefined;
