import { describe, expect, it } from 'vitest';
import { answeringProblem, checkAnswers, distribution, isShortfall, normaliseQuestions, questionnaireProblems, satisfactionPercent, satisfiedBy, type QuestionInput } from './survey-rules.ts';

const overall: QuestionInput = { kind: 'single', text: '您对该单位依法行政工作的总体评价', required: true, options: ['满意', '基本满意', '不满意'], satisfied: ['满意', '基本满意'] };
const rating: QuestionInput = { kind: 'scale', text: '行政执法是否规范文明', satisfaction: true };
const areas: QuestionInput = { kind: 'multiple', text: '哪些方面需要改进', options: ['办事效率', '执法规范', '信息公开'] };
const comment: QuestionInput = { kind: 'text', text: '意见和建议' };
const codes = (qs: QuestionInput[], complete = true) => questionnaireProblems(qs, { complete }).map((p) => `${p.code}@${p.field}`);

describe('questionnaire', () => {
  it('accepts a questionnaire with a satisfaction question and numbers the questions', () => {
    expect(codes([overall, rating, areas, comment])).toEqual([]);
    const qs = normaliseQuestions([{ ...overall, text: '  总体评价 ', options: [' 满意', '不满意 '], satisfied: ['满意'] }, comment]);
    expect(qs).toEqual([
      { id: 'q1', kind: 'single', text: '总体评价', required: true, options: ['满意', '不满意'], satisfied: ['满意'] },
      { id: 'q2', kind: 'text', text: '意见和建议', required: false },
    ]);
  });

  it('needs at least one satisfaction question when opening, not when saving a draft', () => {
    expect(codes([areas, comment])).toEqual(['no_satisfaction_question@questions']);
    expect(codes([areas, comment], false)).toEqual([]);
    expect(codes([])).toEqual(['questionnaire_empty@questions']);
    expect(codes([{ ...rating, satisfaction: false }])).toEqual(['no_satisfaction_question@questions']);
    // A marked option that is only blank does not make a satisfaction question.
    expect(codes([{ ...areas, satisfied: [' '] }])).toContain('no_satisfaction_question@questions');
  });

  it('names the question and the option that is wrong', () => {
    expect(codes([overall, { ...areas, options: ['办事效率'] }])).toEqual(['options_too_few@questions.1.options']);
    expect(codes([{ ...overall, options: ['满意', ' ', '不满意'], satisfied: ['满意'] }])).toEqual(['option_empty@questions.0.options.1']);
    expect(codes([{ ...overall, options: ['满意', '满意 ', '不满意'], satisfied: ['满意'] }])).toEqual(['option_duplicate@questions.0.options']);
    expect(codes([{ ...overall, satisfied: ['非常满意'] }])).toEqual(['satisfied_not_an_option@questions.0.satisfied']);
    expect(codes([{ ...overall, satisfied: ['满意', '满意'] }])).toEqual(['satisfied_duplicate@questions.0.satisfied']);
    expect(codes([{ ...overall, satisfied: ['满意', '基本满意', '不满意'] }])).toContain('satisfied_all_options@questions.0.satisfied');
    expect(codes([overall, { ...rating, options: ['1', '2'] }])).toEqual(['options_not_allowed@questions.1.options']);
    expect(codes([overall, { ...comment, satisfaction: true }])).toEqual(['satisfaction_not_allowed@questions.1.satisfaction']);
    expect(codes([overall, { ...comment, text: '  ' }])).toEqual(['question_text_empty@questions.1.text']);
    const p = questionnaireProblems([{ ...overall, satisfied: ['非常满意'] }], { complete: false })[0];
    expect(p.zh).toBe('第 1 题标为"满意"的"非常满意"不是该题的选项');
    expect(p.en).toContain('not an option of question 1');
  });
});

describe('answers', () => {
  const qs = normaliseQuestions([overall, rating, areas, comment]);

  it('normalises valid answers and marks which are satisfied', () => {
    const r = checkAnswers(qs, { q1: 1, q2: 3, q3: [2, 0], q4: '  窗口服务态度好  ' });
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual([
      { questionId: 'q1', choice: [1], scale: null, text: null, satisfied: true },
      { questionId: 'q2', choice: null, scale: 3, text: null, satisfied: false },
      { questionId: 'q3', choice: [0, 2], scale: null, text: null, satisfied: null },
      { questionId: 'q4', choice: null, scale: null, text: '窗口服务态度好', satisfied: null },
    ]);
  });

  it('skips optional questions left blank but refuses a missing required one', () => {
    expect(checkAnswers(qs, { q1: 0, q4: ' ', q3: [] }).answers.map((a) => a.questionId)).toEqual(['q1']);
    expect(checkAnswers(qs, { q2: 5 }).problems.map((p) => `${p.code}@${p.field}`)).toEqual(['answer_required@answers.q1']);
  });

  it('refuses answers that do not fit the question, and writes nothing then', () => {
    const bad = (a: Record<string, number | number[] | string>) => checkAnswers(qs, { q1: 0, ...a });
    expect(bad({ q1: 3 }).problems[0]).toMatchObject({ code: 'invalid_answer', field: 'answers.q1', zh: '第 1 题请选择一个选项' });
    expect(bad({ q1: [0] }).problems[0].code).toBe('invalid_answer');
    expect(bad({ q2: 6 }).problems[0]).toMatchObject({ field: 'answers.q2', zh: '第 2 题请打 1 至 5 分' });
    expect(bad({ q2: 4.5 }).problems[0].code).toBe('invalid_answer');
    expect(bad({ q3: [0, 0] }).problems[0].zh).toBe('第 3 题的选项重复');
    expect(bad({ q3: 1 }).problems[0].code).toBe('invalid_answer');
    expect(bad({ q4: 2 }).problems[0].code).toBe('invalid_answer');
    expect(bad({ q4: '字'.repeat(2001) }).problems[0].code).toBe('answer_too_long');
    expect(bad({ q9: 1 }).problems[0]).toMatchObject({ code: 'unknown_question', field: 'answers.q9' });
    expect(bad({ q2: 0 }).answers).toEqual([]);
  });

  it('counts a multiple-choice answer satisfied only when every option chosen means satisfied', () => {
    const [q] = normaliseQuestions([{ kind: 'multiple', text: '评价', options: ['满意', '基本满意', '不满意'], satisfied: ['满意', '基本满意'] }]);
    expect(satisfiedBy(q, { choice: [0, 1], scale: null })).toBe(true);
    expect(satisfiedBy(q, { choice: [0, 2], scale: null })).toBe(false);
    const [scale] = normaliseQuestions([rating]);
    expect([1, 2, 3, 4, 5].map((v) => satisfiedBy(scale, { choice: null, scale: v }))).toEqual([false, false, false, true, true]);
  });
});

describe('satisfaction percent and the 80% floor (seed 000 §9(三)2)', () => {
  it('is satisfied answers over answered satisfaction questions, rounded to 0.01', () => {
    expect(satisfactionPercent(4, 5)).toBe(80);
    expect(satisfactionPercent(2, 3)).toBe(66.67);
    expect(satisfactionPercent(0, 0)).toBeNull();
  });
  it('flags a percent below the threshold, not one at it, and not a survey without answers', () => {
    expect(isShortfall(79.99, 80)).toBe(true);
    expect(isShortfall(80, 80)).toBe(false);
    expect(isShortfall(null, 80)).toBe(false);
  });
  it('distributes answers per option or rating', () => {
    const qs = normaliseQuestions([overall, rating]);
    const answers = ([{ q1: 0, q2: 5 }, { q1: 1, q2: 4 }, { q1: 2, q2: 2 }, { q1: 0 }] as Record<string, number>[]).flatMap((a) => checkAnswers(qs, a).answers);
    const d1 = distribution(qs[0], answers.filter((a) => a.questionId === 'q1'));
    expect(d1).toEqual({
      questionId: 'q1',
      answered: 4,
      percent: 75,
      counts: [
        { label: '满意', count: 2, satisfied: true },
        { label: '基本满意', count: 1, satisfied: true },
        { label: '不满意', count: 1, satisfied: false },
      ],
    });
    const d2 = distribution(qs[1], answers.filter((a) => a.questionId === 'q2'));
    expect(d2.counts.map((c) => c.count)).toEqual([0, 1, 0, 1, 1]);
    expect(d2.counts.map((c) => c.satisfied)).toEqual([false, false, false, true, true]);
    expect(d2.percent).toBe(66.67);
  });
});

describe('when answers are taken', () => {
  const sv = { status: 'open' as const, opens_on: '2026-03-01', closes_on: '2026-03-31' };
  it('takes them from the first to the last day of an open survey', () => {
    expect(answeringProblem(sv, '2026-03-01')).toBeNull();
    expect(answeringProblem(sv, '2026-03-31')).toBeNull();
    expect(answeringProblem(sv, '2026-02-28')).toMatchObject({ code: 'survey_not_open' });
    expect(answeringProblem(sv, '2026-04-01')).toMatchObject({ code: 'survey_closed', zh: '调查已于 2026-03-31 截止' });
    expect(answeringProblem({ ...sv, status: 'closed' }, '2026-03-10')).toMatchObject({ code: 'survey_closed', zh: '调查已结束' });
    expect(answeringProblem({ ...sv, status: 'draft' }, '2026-03-10')).toMatchObject({ code: 'survey_not_open' });
  });
});
