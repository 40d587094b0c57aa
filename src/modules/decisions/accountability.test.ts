import { describe, expect, it } from 'vitest';
import { entryHash, type AuditEntry } from '../../core/audit/audit.ts';
import { tracePeople, verifyEntries } from './accountability.ts';
import { ACCOUNTABILITY_FORM_LABELS } from './accountability-contract.ts';

const facts = {
  starter: { id: 1, name: '陈法明' },
  startedOn: '2026-03-02',
  history: [
    { transition: 'assess_risk', actor_id: 1, actor_name: '陈法明', note: null, on: '2026-04-01' },
    { transition: 'review_pass', actor_id: 1, actor_name: '陈法明', note: '合法', on: '2026-04-20' },
    { transition: 'decide', actor_id: 2, actor_name: '周市长', note: null, on: '2026-04-20' },
    { transition: 'import', actor_id: null, actor_name: null, note: '导入', on: '2026-04-21' },
  ],
  answerers: [{ id: 1, name: '陈法明', n: 2 }],
  draws: [{ drawn_by: 1, drawer_name: '陈法明', on: '2026-04-01', experts: [{ name: '王水价', field: 'economy' }, { name: '李环保', field: 'environment' }] }],
  expertOpinions: [{ name: '王水价', affiliation: '演示大学', opinion: '可行', given_on: '2026-04-01' }],
  adviserOpinion: { name: '刘顾问', opinion: '合法', given_on: '2026-04-01' },
  hearing: { heldOn: '2026-03-20', participants: [{ name: '李四', sector: '居民代表' }] },
  meeting: { heldOn: '2026-04-20', attendees: [{ name: '周市长', role: 'head' as const }, { name: '甲', role: 'member' as const, view: 'agree' as const }, { name: '乙', role: 'member' as const, view: 'disagree' as const, opinion: '分步实施' }], headDecision: 'reject' as const, headReason: '财政难以承受' },
  risk: { overallLevel: 'medium' as const, passed: true },
};

describe('tracePeople: everyone involved in a decision, from its dossier', () => {
  it('lists the starter, each step, the answerers, the hearing, the experts, the adviser and the meeting', () => {
    const people = tracePeople(facts);
    expect(people[0]).toEqual({ kind: 'user', userId: 1, name: '陈法明', role: '起动决策程序', step: 'start', on: '2026-03-02' });
    expect(people.find((p) => p.step === 'assess_risk')!.what).toBe('评估通过（中风险）');
    expect(people.find((p) => p.step === 'review_pass')).toMatchObject({ role: '合法性审查通过', what: '合法' });
    expect(people.find((p) => p.step === 'import')).toMatchObject({ name: '系统', role: '导入已办理的环节' });
    expect(people.find((p) => p.step === 'expert_draw')!.what).toBe('王水价、李环保');
    expect(people.filter((p) => p.kind === 'hearing').map((p) => p.role)).toEqual(['听证参加人（居民代表）']);
    expect(people.filter((p) => p.kind === 'meeting').map((p) => [p.name, p.what])).toEqual([['周市长', '决定不予通过；理由：财政难以承受'], ['甲', '同意'], ['乙', '不同意：分步实施']]);
    expect(people.filter((p) => p.kind === 'adviser' || p.kind === 'expert').map((p) => p.name)).toEqual(['王水价', '刘顾问']);
  });

  it('lists only what was recorded', () => {
    const people = tracePeople({ ...facts, starter: null, history: [], answerers: [], draws: [], expertOpinions: [], adviserOpinion: null, hearing: null, meeting: null, risk: null });
    expect(people).toEqual([]);
  });
});

describe('verifyEntries: the chain check of a decision’s audit entries', () => {
  const chain = () => {
    let prev = '0'.repeat(64);
    return [1, 2, 3].map((seq) => {
      const e: AuditEntry = { seq, at: `2026-04-0${seq}T00:00:00.000Z`, actor_id: 1, actor_name: 'a', action: 'x', entity_type: 'decision', entity_id: '1', org_id: 1, before: null, after: { n: seq } };
      const row = { ...e, prev_hash: prev, hash: entryHash(prev, e) };
      prev = row.hash;
      return row;
    });
  };
  it('accepts intact entries, given the hashes of their predecessors', () => {
    const rows = chain();
    expect(verifyEntries([rows[0], rows[2]], new Map([[2, rows[1].hash]]))).toEqual({ ok: true, checked: 2 });
  });
  it('reports an edited entry and a removed or edited predecessor', () => {
    const rows = chain();
    expect(verifyEntries([{ ...rows[2], after: { n: 9 } }], new Map([[2, rows[1].hash]]))).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'edited' } });
    expect(verifyEntries([rows[2]], new Map())).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'chain_broken' } });
  });
});

describe('accountability forms', () => {
  it('are the ten of seed 002 #40, in its order', () => {
    expect(Object.values(ACCOUNTABILITY_FORM_LABELS).join('、')).toBe('诫勉谈话、取消当年评先评优资格、责令作出书面检查、通报批评、责令公开道歉、调整工作岗位、停职检查、引咎辞职、责令辞职、罢免');
  });
});
