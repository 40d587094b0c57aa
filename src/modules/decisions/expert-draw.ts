import { conflict } from '../../core/http/errors.ts';
import { mulberry32 } from '../../core/random.ts';
import { EXPERT_FIELD_LABELS, EXPERT_FIELDS, type DrawExclusion, type ExpertField } from './labels.ts';

/**
 * Drawing experts for a decision (seed 002 #23: 选择论证专家要注重专业性、代表性、均衡性;
 * seed 003 篇6 §2(三): 入选专家应来自经济、法律、科技等不同领域). Pure: the same pool,
 * request and seed always give the same draw, so a recorded draw can be re-run and checked.
 */

export interface ExpertConflict {
  /** An organisation the expert must not judge (employer, client, relative's employer …). */
  orgId?: number | null;
  /** A named subject (e.g. a decision) the expert must not judge. */
  subjectType?: string | null;
  subjectId?: string | null;
  description: string;
}

export interface PoolExpert {
  id: number;
  fields: ExpertField[];
  affiliation: string;
  active: boolean;
  conflicts: ExpertConflict[];
}

export interface DrawRequest {
  /** How many experts of each field, e.g. { law: 2, economy: 1 }. */
  counts: Partial<Record<ExpertField, number>>;
  subjectType: string;
  subjectId: string;
  /** The deciding body and the undertaking unit: experts with a conflict with either are excluded. */
  decidingOrgId?: number | null;
  undertakingOrgId?: number | null;
  /** Experts already drawn or added for the same subject. */
  alreadyAssigned?: number[];
}

export interface DrawnExpert {
  expertId: number;
  field: ExpertField;
  affiliation: string;
}

export interface ExcludedExpert {
  expertId: number;
  reason: DrawExclusion;
  /** The conflict declared, or the field whose places were filled. */
  detail?: string;
}

export interface DrawResult {
  drawn: DrawnExpert[];
  excluded: ExcludedExpert[];
}

/** FNV-1a over the seed's UTF-16 code units: a 32-bit state for the generator. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The lot's generator for a textual seed (core mulberry32 over the seed's FNV-1a hash). */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/** The declared conflict that bars `e` from this request, if any. */
export function conflictWith(e: PoolExpert, r: Pick<DrawRequest, 'subjectType' | 'subjectId' | 'decidingOrgId' | 'undertakingOrgId'>): ExpertConflict | undefined {
  const orgs = [r.decidingOrgId, r.undertakingOrgId].filter((x): x is number => x != null);
  return e.conflicts.find((c) => (c.orgId != null && orgs.includes(c.orgId)) || (c.subjectType != null && c.subjectType === r.subjectType && c.subjectId === r.subjectId));
}

const affiliationKey = (a: string) => a.trim();

export function drawExperts(pool: PoolExpert[], request: DrawRequest, seed: string): DrawResult {
  const random = seededRandom(seed);
  const assigned = new Set(request.alreadyAssigned ?? []);
  const wanted = EXPERT_FIELDS.filter((f) => (request.counts[f] ?? 0) > 0);
  const excluded = new Map<number, ExcludedExpert>();
  const candidates: PoolExpert[] = [];
  // The pool's order must not matter: sort by id before anything random happens.
  for (const e of [...pool].sort((a, b) => a.id - b.id)) {
    const c = conflictWith(e, request);
    if (!e.active) excluded.set(e.id, { expertId: e.id, reason: 'inactive' });
    else if (c) excluded.set(e.id, { expertId: e.id, reason: 'conflict', detail: c.description });
    else if (assigned.has(e.id)) excluded.set(e.id, { expertId: e.id, reason: 'already_drawn' });
    else if (!e.fields.some((f) => wanted.includes(f))) excluded.set(e.id, { expertId: e.id, reason: 'not_requested' });
    else candidates.push(e);
  }

  // Not enough candidates in a field is refused before anything is drawn, naming each field.
  const byField = new Map(wanted.map((f) => [f, candidates.filter((e) => e.fields.includes(f))]));
  const short = wanted.filter((f) => byField.get(f)!.length < request.counts[f]!);
  if (short.length) {
    const list = short.map((f) => ({ field: f, needed: request.counts[f]!, available: byField.get(f)!.length }));
    throw conflict(
      'experts_not_enough',
      {
        zh: `可抽取的专家不足：${list.map((x) => `${EXPERT_FIELD_LABELS[x.field]}领域需要 ${x.needed} 名，仅有 ${x.available} 名`).join('；')}（已排除停用、存在利害关系和已参加该事项的专家）`,
        en: `Not enough experts to draw: ${list.map((x) => `${x.field} needs ${x.needed}, ${x.available} available`).join('; ')}`,
      },
      `counts.${short[0]}`,
      { shortages: list },
    );
  }

  // Scarcest field first, so an expert of several fields is not spent where others could serve.
  const order = [...wanted].sort((a, b) => byField.get(a)!.length - request.counts[a]! - (byField.get(b)!.length - request.counts[b]!) || EXPERT_FIELDS.indexOf(a) - EXPERT_FIELDS.indexOf(b));
  const taken = new Set<number>();
  const perAffiliation = new Map<string, number>();
  const drawn: DrawnExpert[] = [];
  for (const field of order) {
    // Random within the field (Fisher–Yates on the sorted list) …
    const lot = byField.get(field)!.filter((e) => !taken.has(e.id));
    for (let i = lot.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [lot[i], lot[j]] = [lot[j], lot[i]];
    }
    const need = request.counts[field]!;
    if (lot.length < need) {
      // Only reachable when multi-field experts were spent on an earlier field.
      throw conflict('experts_not_enough', { zh: `可抽取的专家不足：${EXPERT_FIELD_LABELS[field]}领域的候选专家已被其他领域抽中`, en: `Not enough experts left for ${field}` }, `counts.${field}`, { shortages: [{ field, needed: need, available: lot.length }] });
    }
    // … and balanced across affiliations: each place goes to the first in the lot whose
    // affiliation has the fewest experts drawn so far.
    for (let k = 0; k < need; k++) {
      const least = Math.min(...lot.map((e) => perAffiliation.get(affiliationKey(e.affiliation)) ?? 0));
      const idx = lot.findIndex((e) => (perAffiliation.get(affiliationKey(e.affiliation)) ?? 0) === least);
      const [e] = lot.splice(idx, 1);
      taken.add(e.id);
      perAffiliation.set(affiliationKey(e.affiliation), least + 1);
      drawn.push({ expertId: e.id, field, affiliation: e.affiliation });
    }
  }
  for (const e of candidates) {
    if (!taken.has(e.id)) excluded.set(e.id, { expertId: e.id, reason: 'field_full', detail: e.fields.filter((f) => wanted.includes(f)).map((f) => EXPERT_FIELD_LABELS[f]).join('、') });
  }
  return { drawn, excluded: [...excluded.values()].sort((a, b) => a.expertId - b.expertId) };
}
