import { describe, expect, it } from 'vitest';
import {
  commentOpen, commentPeriodDays, commentPeriodLongEnough, commentPeriodOver, headAgainstMajority, headReasonOk, hearingComplete, hearingNeeded, legalHeadAttended, majorityView, meetingAfterReview, missingRiskItems, reviewMayConclude, riskAllowsDecision, RISK_KINDS, viewsComplete, type Attendee,
} from './decision-rules.ts';

describe('public comment (条例 art. 15)', () => {
  it('counts both first and last day and refuses a period under the minimum', () => {
    expect(commentPeriodDays('2026-03-02', '2026-03-31')).toBe(30);
    expect(commentPeriodLongEnough('2026-03-02', '2026-03-31', 30)).toBe(true);
    expect(commentPeriodLongEnough('2026-03-02', '2026-03-30', 30)).toBe(false);
    expect(commentPeriodLongEnough('2026-02-01', '2026-03-02', 30)).toBe(true); // across February
  });
  it('is open only within the period and over only after its last day', () => {
    expect(commentOpen('2026-03-02', '2026-03-02', '2026-03-31')).toBe(true);
    expect(commentOpen('2026-03-31', '2026-03-02', '2026-03-31')).toBe(true);
    expect(commentOpen('2026-04-01', '2026-03-02', '2026-03-31')).toBe(false);
    expect(commentOpen('2026-03-01', '2026-03-02', '2026-03-31')).toBe(false);
    expect(commentOpen('2026-03-05', null, null)).toBe(false);
    expect(commentPeriodOver('2026-03-31', '2026-03-31')).toBe(false);
    expect(commentPeriodOver('2026-04-01', '2026-03-31')).toBe(true);
    expect(commentPeriodOver('2026-04-01', null)).toBe(false);
  });
});

describe('hearing', () => {
  it('is needed by the hearing catalogue or the decision', () => {
    expect(hearingNeeded(true, false)).toBe(true);
    expect(hearingNeeded(null, true)).toBe(true);
    expect(hearingNeeded(false, false)).toBe(false);
  });
  it('counts only with a date, a participant and a record', () => {
    expect(hearingComplete({ heldOn: '2026-03-10', participants: [{ name: '甲' }], record: '笔录' })).toBe(true);
    expect(hearingComplete({ heldOn: '2026-03-10', participants: [], record: '笔录' })).toBe(false);
    expect(hearingComplete({ heldOn: '2026-03-10', participants: [{}], record: ' ' })).toBe(false);
    expect(hearingComplete(null)).toBe(false);
  });
});

describe('risk assessment ("未经评估或者评估不通过的，不予决策")', () => {
  const all = RISK_KINDS.map((kind) => ({ kind }));
  it('lists the items not assessed', () => {
    expect(missingRiskItems(all)).toEqual([]);
    expect(missingRiskItems(all.slice(1))).toEqual([RISK_KINDS[0]]);
  });
  it('allows the decision only after a complete, passed assessment', () => {
    expect(riskAllowsDecision({ items: all, passed: true })).toBe(true);
    expect(riskAllowsDecision({ items: all, passed: false })).toBe(false);
    expect(riskAllowsDecision({ items: all.slice(2), passed: true })).toBe(false);
    expect(riskAllowsDecision(null)).toBe(false);
  });
});

describe('legality review (条例 art. 26)', () => {
  it('concludes on or after the earliest day only', () => {
    expect(reviewMayConclude('2026-04-13', '2026-04-13')).toBe(true);
    expect(reviewMayConclude('2026-04-10', '2026-04-13')).toBe(false);
    expect(reviewMayConclude('2026-04-10', null)).toBe(false);
  });
});

describe('collective decision (条例 art. 30; seed 002 #26; seed 001 §3(二)4)', () => {
  const head: Attendee = { name: '首长', role: 'head' };
  const legal: Attendee = { name: '法制', role: 'legal_head' };
  const m = (view: Attendee['view']): Attendee => ({ name: `成员${view}`, role: 'member', view });
  it('refuses a meeting dated before the review concluded', () => {
    expect(meetingAfterReview('2026-04-20', '2026-04-20')).toBe(true);
    expect(meetingAfterReview('2026-04-19', '2026-04-20')).toBe(false);
    expect(meetingAfterReview('2026-04-21', null)).toBe(false);
  });
  it('needs the head of the legal-affairs office', () => {
    expect(legalHeadAttended([head, legal, m('agree')])).toBe(true);
    expect(legalHeadAttended([head, m('agree')])).toBe(false);
  });
  it('needs one head and a view of every member', () => {
    expect(viewsComplete([head, m('agree'), m('abstain')])).toBe(true);
    expect(viewsComplete([head, { name: '甲', role: 'member' }])).toBe(false);
    expect(viewsComplete([m('agree')])).toBe(false);
  });
  it('finds the majority among members, the head not counted, abstentions aside', () => {
    expect(majorityView([{ ...head, view: 'disagree' }, m('agree'), m('agree'), m('disagree')])).toBe('agree');
    expect(majorityView([head, m('disagree'), m('disagree'), m('abstain'), m('agree')])).toBe('disagree');
    expect(majorityView([head, m('agree'), m('disagree')])).toBe(null);
  });
  it('requires a reason when the head decides against the majority', () => {
    const agreeing = [head, legal, m('agree'), m('agree'), m('disagree')];
    expect(headAgainstMajority(agreeing, 'adopt')).toBe(false);
    expect(headAgainstMajority(agreeing, 'adopt_amended')).toBe(false);
    expect(headAgainstMajority(agreeing, 'reject')).toBe(true);
    expect(headReasonOk(agreeing, 'reject', undefined)).toBe(false);
    expect(headReasonOk(agreeing, 'reject', '  ')).toBe(false);
    expect(headReasonOk(agreeing, 'reject', '财力不足，暂缓')).toBe(true);
    const against = [head, m('disagree'), m('disagree'), m('agree')];
    expect(headReasonOk(against, 'adopt', undefined)).toBe(false);
    expect(headReasonOk(against, 'reject', undefined)).toBe(true);
    expect(headReasonOk([head, m('agree'), m('disagree')], 'reject', undefined)).toBe(true); // no majority
  });
});
