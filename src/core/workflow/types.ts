import type { LegalBasis } from '../http/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Actor } from '../policy/actor.ts';
import type { Text } from '../registry.ts';
import type { TSchema } from '@sinclair/typebox';
import type { Services } from '../services.ts';

export interface ProcedureState {
  code: string;
  name: Text;
  final?: boolean;
}

export interface InstanceView {
  id: number;
  procedure: string;
  subjectType: string;
  subjectId: string;
  title: string;
  state: string;
  orgId: number;
  regionCode: string;
  data: Record<string, unknown>;
  version: number;
}

export interface GuardContext {
  /** The platform's services (calendar, clock) for guards that count statutory periods. */
  services: Services;
  tx: Tx;
  actor: Actor;
  instance: InstanceView;
  input: TransitionInput;
  /** Today on the statutory calendar (China time), YYYY-MM-DD. */
  today: string;
  /** Rule parameter in force for the instance's jurisdiction today. */
  rule<T = unknown>(key: string): Promise<T>;
  /** Attachments linked to the instance's subject. */
  attachmentCount(kind?: string): Promise<number>;
}

/**
 * A precondition of a transition. It names the rule it applies so a refusal can say
 * which article refused it (e.g. 未经合法性审查的，不得提交集体讨论).
 */
export interface GuardDef {
  code: string;
  message: Text;
  basis: LegalBasis;
  /**
   * The guard judges only the step's own input (a checklist, a form field). It is not
   * evaluated when listing the steps a caller may take, since the form supplies the input.
   */
  inputOnly?: boolean;
  check(ctx: GuardContext): boolean | Promise<boolean>;
}

export interface DeadlineStartDef {
  kind: string;
  title: Text;
  /** Rule parameter holding the period; its unit (working/calendar days, months) is used. */
  ruleKey: string;
  assignee?: 'actor' | 'none';
}

export interface TransitionDef {
  code: string;
  name: Text;
  from: string[];
  to: string;
  /** Permission code the caller needs, within data scope of the instance's organisation. */
  permission: string;
  /**
   * Taken only by the platform itself on a rule (e.g. 有效期届满自动失效), through
   * executeSystemTransition; never offered to or accepted from a user.
   */
  system?: boolean;
  guards?: GuardDef[];
  /** A written note (reason, opinion) is required. */
  requireNote?: boolean;
  startDeadlines?: DeadlineStartDef[];
  /** Schema of `input.data` for this step (checked before guards; unknown fields refused). */
  dataSchema?: TSchema;
  /**
   * The module's own changes for this step (e.g. assign the registration number on
   * publication), run in the same transaction after the state change: if it throws,
   * nothing of the step is kept.
   */
  effect?: (ctx: EffectContext) => Promise<void>;
  /** Deadline kinds of this instance closed by the transition ('*' = all open). */
  closeDeadlines?: string[];
  pauseDeadlines?: string[];
  resumeDeadlines?: string[];
}

export interface ProcedureDefinition {
  code: string;
  module: string;
  name: Text;
  subjectType: string;
  states: ProcedureState[];
  initial: string;
  transitions: TransitionDef[];
  /** Deadlines started when an instance is created. */
  startDeadlines?: DeadlineStartDef[];
}

export interface EffectContext {
  services: Services;
  tx: Tx;
  actor: Actor;
  /** The instance after the state change. */
  instance: InstanceView;
  input: TransitionInput;
}

export interface TransitionInput {
  version: number;
  note?: string;
  data?: Record<string, unknown>;
}

export interface AllowedTransition {
  code: string;
  name: Text;
  to: string;
  allowed: boolean;
  refusal?: { code: string; detail: string; detail_en: string; basis?: LegalBasis };
}
