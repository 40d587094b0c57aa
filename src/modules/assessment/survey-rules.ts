/**
 * Pure rules of the external-evaluation satisfaction survey (外部评价满意度测评, seed 000
 * §9(二)): the questionnaire a survey may be opened with, what an answer must look like, and
 * how the satisfaction percent is counted. The 80% floor (§9(三)2) is the rule parameter
 * `assessment.satisfaction_threshold`, never a literal here. No I/O: the web app imports it.
 */
import { round2 } from './scoring.ts';

/** Who is asked (seed 000 §9(二): 人大代表、政协委员，企事业单位……和社会公众). */
export const RESPONDENT_GROUPS = ['npc_deputy', 'cppcc_member', 'enterprise', 'resident'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];
export const RESPONDENT_GROUP_TEXT: Record<RespondentGroup, string> = { npc_deputy: '人大代表', cppcc_member: '政协委员', enterprise: '企业', resident: '群众/居民' };
/** Tokens handed out by the public portal answer as the general public. */
export const PORTAL_GROUP: RespondentGroup = 'resident';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_TEXT: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', scale: '评分题（1—5 分）', text: '文字题' };

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_TEXT: Record<SurveyStatus, string> = { draft: '草稿', open: '进行中', closed: '已结束' };

/** A 1–5 rating of 4 or 5 counts as satisfied (满意、比较满意). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SCALE_SATISFIED_FROM = 4;
export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 2000;

/** A question as the builder sends it. */
export interface QuestionInput {
  kind: QuestionKind;
  text: string;
  required?: boolean;
  /** single / multiple: the options, in order. */
  options?: string[];
  /** single / multiple: the options that mean "satisfied" (e.g. 满意、基本满意). */
  satisfied?: string[];
  /** scale: whether the rating counts towards the satisfaction percent. */
  satisfaction?: boolean;
}

/** A question as stored: trimmed, with its id (q1, q2 … by position; frozen once open). */
export interface Question {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options?: string[];
  satisfied?: string[];
  satisfaction?: boolean;
}

export interface Problem {
  code: string;
  field: string;
  zh: string;
  en: string;
}

/** Whether a question counts towards the satisfaction percent. */
export const isSatisfactionQuestion = (q: Pick<Question, 'kind' | 'satisfied' | 'satisfaction'>) =>
  q.kind === 'scale' ? !!q.satisfaction : (q.kind === 'single' || q.kind === 'multiple') && !!q.satisfied?.length;

/** Trims the builder's questions and numbers them q1, q2 … */
export function normaliseQuestions(input: QuestionInput[]): Question[] {
  return input.map((q, i) => {
    const out: Question = { id: `q${i + 1}`, kind: q.kind, text: q.text.trim(), required: !!q.required };
    if (q.kind === 'single' || q.kind === 'multiple') {
      out.options = (q.options ?? []).map((o) => o.trim());
      out.satisfied = (q.satisfied ?? []).map((o) => o.trim());
    } else if (q.kind === 'scale') out.satisfaction = !!q.satisfaction;
    return out;
  });
}

/**
 * What is wrong with a questionnaire. Each question must be well formed whenever it is
 * saved; `complete` (when opening) also needs at least one question that measures
 * satisfaction — a survey without one cannot yield the percent the indicator scores.
 */
export function questionnaireProblems(input: QuestionInput[], opts: { complete: boolean }): Problem[] {
  const problems: Problem[] = [];
  const add = (code: string, field: string, zh: string, en: string) => problems.push({ code, field, zh, en });
  if (input.length > MAX_QUESTIONS) add('too_many_questions', 'questions', `问卷最多 ${MAX_QUESTIONS} 题`, `At most ${MAX_QUESTIONS} questions`);
  input.forEach((q, i) => {
    const n = `第 ${i + 1} 题`;
    const f = `questions.${i}`;
    if (!q.text.trim()) add('question_text_empty', `${f}.text`, `${n}的题目为空`, `Question ${i + 1} has no text`);
    const options = (q.options ?? []).map((o) => o.trim());
    const satisfied = (q.satisfied ?? []).map((o) => o.trim());
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (options.length < 2) add('options_too_few', `${f}.options`, `${n}（${QUESTION_KIND_TEXT[q.kind]}）至少需要 2 个选项`, `Question ${i + 1} needs at least 2 options`);
      if (options.length > MAX_OPTIONS) add('options_too_many', `${f}.options`, `${n}最多 ${MAX_OPTIONS} 个选项`, `Question ${i + 1} has more than ${MAX_OPTIONS} options`);
      const empty = options.findIndex((o) => !o);
      if (empty >= 0) add('option_empty', `${f}.options.${empty}`, `${n}的第 ${empty + 1} 个选项为空`, `Option ${empty + 1} of question ${i + 1} is empty`);
      const dup = options.find((o, j) => o && options.indexOf(o) !== j);
      if (dup) add('option_duplicate', `${f}.options`, `${n}的选项"${dup}"重复`, `Question ${i + 1} lists option "${dup}" twice`);
      const unknown = satisfied.find((o) => !options.includes(o));
      if (unknown !== undefined) add('satisfied_not_an_option', `${f}.satisfied`, `${n}标为"满意"的"${unknown}"不是该题的选项`, `"${unknown}" marked satisfied is not an option of question ${i + 1}`);
      if (new Set(satisfied).size !== satisfied.length) add('satisfied_duplicate', `${f}.satisfied`, `${n}的满意选项重复`, `Question ${i + 1} marks an option satisfied twice`);
      else if (options.length >= 2 && satisfied.length >= new Set(options).size)
        add('satisfied_all_options', `${f}.satisfied`, `${n}的选项全部标为"满意"，无法区分满意与不满意`, `Question ${i + 1} marks every option satisfied`);
    } else {
      if (options.length) add('options_not_allowed', `${f}.options`, `${n}（${QUESTION_KIND_TEXT[q.kind]}）不设选项`, `Question ${i + 1} (${q.kind}) takes no options`);
      if (satisfied.length) add('satisfied_not_allowed', `${f}.satisfied`, `${n}（${QUESTION_KIND_TEXT[q.kind]}）不设满意选项`, `Question ${i + 1} (${q.kind}) takes no satisfied options`);
      if (q.kind === 'text' && q.satisfaction) add('satisfaction_not_allowed', `${f}.satisfaction`, `${n}为文字题，不能计入满意度`, `A text question cannot count towards satisfaction`);
    }
  });
  if (opts.complete) {
    if (!input.length) add('questionnaire_empty', 'questions', '问卷没有题目', 'The questionnaire has no questions');
    else if (!input.some((q) => isSatisfactionQuestion({ kind: q.kind, satisfied: q.satisfied?.filter((o) => o.trim()), satisfaction: q.satisfaction })))
      add('no_satisfaction_question', 'questions', '问卷至少需要一道满意度题：单选或多选题标明哪些选项表示"满意"，或将评分题计入满意度', 'At least one question must measure satisfaction');
  }
  return problems;
}

/** An answer as the respondent sends it: an option index, option indexes, a 1–5 rating or text. */
export type AnswerValue = number | number[] | string;

export interface NormalisedAnswer {
  questionId: string;
  choice: number[] | null;
  scale: number | null;
  text: string | null;
  /** Null when the question does not count towards satisfaction. */
  satisfied: boolean | null;
}

/**
 * Whether an answer is satisfied. A multiple-choice answer counts as satisfied only when every
 * option chosen means satisfied: one "不满意" ticked among them is a dissatisfied answer.
 */
export function satisfiedBy(q: Question, a: Pick<NormalisedAnswer, 'choice' | 'scale'>): boolean | null {
  if (!isSatisfactionQuestion(q)) return null;
  if (q.kind === 'scale') return a.scale == null ? null : a.scale >= SCALE_SATISFIED_FROM;
  if (!a.choice?.length) return null;
  return a.choice.every((i) => q.satisfied!.includes(q.options![i]));
}

const isIndex = (v: unknown, n: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

/** Checks the answers against the questionnaire; the normalised answers when they pass. */
export function checkAnswers(questions: Question[], answers: Record<string, AnswerValue>): { problems: Problem[]; answers: NormalisedAnswer[] } {
  const problems: Problem[] = [];
  const out: NormalisedAnswer[] = [];
  const add = (code: string, field: string, zh: string, en: string) => problems.push({ code, field, zh, en });
  for (const id of Object.keys(answers)) if (!questions.some((q) => q.id === id)) add('unknown_question', `answers.${id}`, `问卷中没有题目 ${id}`, `The questionnaire has no question ${id}`);
  questions.forEach((q, i) => {
    const n = `第 ${i + 1} 题`;
    const f = `answers.${q.id}`;
    let v = answers[q.id];
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
      if (q.required) add('answer_required', f, `${n}为必答题`, `Question ${i + 1} must be answered`);
      return;
    }
    const a: NormalisedAnswer = { questionId: q.id, choice: null, scale: null, text: null, satisfied: null };
    const count = q.options?.length ?? 0;
    if (q.kind === 'single') {
      if (!isIndex(v, count)) return add('invalid_answer', f, `${n}请选择一个选项`, `Question ${i + 1} takes one option`);
      a.choice = [v];
    } else if (q.kind === 'multiple') {
      if (!Array.isArray(v) || !v.every((x) => isIndex(x, count))) return add('invalid_answer', f, `${n}请选择列出的选项`, `Question ${i + 1} takes options from its list`);
      if (new Set(v).size !== v.length) return add('invalid_answer', f, `${n}的选项重复`, `Question ${i + 1} lists an option twice`);
      a.choice = [...v].sort((x, y) => x - y);
    } else if (q.kind === 'scale') {
      if (!Number.isInteger(v) || (v as number) < SCALE_MIN || (v as number) > SCALE_MAX) return add('invalid_answer', f, `${n}请打 ${SCALE_MIN} 至 ${SCALE_MAX} 分`, `Question ${i + 1} takes a rating from ${SCALE_MIN} to ${SCALE_MAX}`);
      a.scale = v as number;
    } else {
      if (typeof v !== 'string') return add('invalid_answer', f, `${n}请填写文字`, `Question ${i + 1} takes text`);
      if (v.length > MAX_TEXT_ANSWER) return add('answer_too_long', f, `${n}最多 ${MAX_TEXT_ANSWER} 字`, `Question ${i + 1} takes at most ${MAX_TEXT_ANSWER} characters`);
      a.text = v;
    }
    a.satisfied = satisfiedBy(q, a);
    out.push(a);
  });
  return { problems, answers: problems.length ? [] : out };
}

/** Satisfied answers over answered satisfaction questions, in percent (0.01); null when none. */
export function satisfactionPercent(satisfied: number, rated: number): number | null {
  return rated > 0 ? round2((100 * satisfied) / rated) : null;
}

/** A percent short of the threshold is flagged (seed 000 §9(三)2: 不应低于80%); no answers, no flag. */
export const isShortfall = (percent: number | null, threshold: number) => percent != null && percent < threshold;

/** The counts of one question's answers, for the distribution chart. */
export interface Distribution {
  questionId: string;
  answered: number;
  /** single / multiple: per option; scale: per rating 1–5. */
  counts: { label: string; count: number; satisfied: boolean }[];
  percent: number | null;
}

export function distribution(q: Question, answers: Pick<NormalisedAnswer, 'choice' | 'scale' | 'satisfied'>[]): Distribution {
  const labels =
    q.kind === 'scale'
      ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => ({ label: `${SCALE_MIN + i} 分`, satisfied: !!q.satisfaction && SCALE_MIN + i >= SCALE_SATISFIED_FROM }))
      : (q.options ?? []).map((o) => ({ label: o, satisfied: !!q.satisfied?.includes(o) }));
  const counts = labels.map((l) => ({ ...l, count: 0 }));
  for (const a of answers) {
    if (q.kind === 'scale' && a.scale != null) counts[a.scale - SCALE_MIN].count++;
    else for (const i of a.choice ?? []) if (counts[i]) counts[i].count++;
  }
  const rated = answers.filter((a) => a.satisfied != null);
  return { questionId: q.id, answered: answers.length, counts, percent: satisfactionPercent(rated.filter((a) => a.satisfied).length, rated.length) };
}

/** Whether answers are taken on `today` (the survey open and inside its period). */
export function answeringProblem(s: { status: SurveyStatus; opens_on: string; closes_on: string }, today: string): { code: string; zh: string; en: string } | null {
  if (s.status === 'draft') return { code: 'survey_not_open', zh: '调查尚未开始', en: 'The survey is not open' };
  if (s.status === 'closed') return { code: 'survey_closed', zh: '调查已结束', en: 'The survey is closed' };
  if (today > s.closes_on) return { code: 'survey_closed', zh: `调查已于 ${s.closes_on} 截止`, en: `The survey closed on ${s.closes_on}` };
  if (today < s.opens_on) return { code: 'survey_not_open', zh: `调查自 ${s.opens_on} 开始`, en: `The survey opens on ${s.opens_on}` };
  return null;
}
