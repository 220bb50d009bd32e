/**
 * Pool entry workflow (001 动态进出, 004): 单位推荐 → 组织考察 → 比选研究 → 入库; 出库 from the pool
 * with a reason from rules.reserve.exitReasons; 未入库 from any step before admission with a reason.
 * A nomination creates the entry in stage `nominated`; exited / rejected are final (coming back is
 * a new nomination, so the history of the old entry stays as it was).
 *
 *   inspect  nominated → inspected
 *   compare  inspected → compared
 *   admit    compared  → admitted
 *   reject   nominated | inspected | compared → rejected   `reason` (free text) required;
 *            `exitReason`, when given, must be one of rules.reserve.rejectReasons
 *   exit     admitted → exited                             `exitReason` ∈ rules.reserve.exitReasons required
 * Anything else throws ReserveWorkflowError.
 */
import type { RulesConfig } from '../rules';

export const POOL_STAGES = ['nominated', 'inspected', 'compared', 'admitted', 'exited', 'rejected'] as const;
export type PoolStage = (typeof POOL_STAGES)[number];
export const POOL_ACTIONS = ['inspect', 'compare', 'admit', 'reject', 'exit'] as const;
export type PoolAction = (typeof POOL_ACTIONS)[number];

export const STAGE_NAMES: Record<PoolStage, { zh: string; en: string }> = {
  nominated: { zh: '单位推荐', en: 'nominated' },
  inspected: { zh: '组织考察', en: 'inspected' },
  compared: { zh: '比选研究', en: 'compared' },
  admitted: { zh: '入库', en: 'admitted' },
  exited: { zh: '出库', en: 'exited' },
  rejected: { zh: '未入库', en: 'rejected' },
};

export const ACTION_NAMES: Record<PoolAction, { zh: string; en: string }> = {
  inspect: { zh: '组织考察', en: 'inspect' },
  compare: { zh: '比选研究', en: 'compare' },
  admit: { zh: '入库', en: 'admit' },
  reject: { zh: '不予入库', en: 'reject' },
  exit: { zh: '出库', en: 'exit' },
};

/** stage → action → next stage */
const TRANSITIONS: Record<PoolStage, Partial<Record<PoolAction, PoolStage>>> = {
  nominated: { inspect: 'inspected', reject: 'rejected' },
  inspected: { compare: 'compared', reject: 'rejected' },
  compared: { admit: 'admitted', reject: 'rejected' },
  admitted: { exit: 'exited' },
  exited: {},
  rejected: {},
};

export type ReserveWorkflowErrorCode = 'illegal_transition' | 'reason_required' | 'unknown_reason';

export class ReserveWorkflowError extends Error {
  readonly code: ReserveWorkflowErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly stage: string;
  readonly action: string;
  constructor(code: ReserveWorkflowErrorCode, stage: string, action: string, zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'ReserveWorkflowError';
    this.code = code;
    this.stage = stage;
    this.action = action;
    this.zh = zh;
    this.en = en;
  }
}

export function isPoolStage(s: unknown): s is PoolStage {
  return typeof s === 'string' && (POOL_STAGES as readonly string[]).includes(s);
}
export function isPoolAction(s: unknown): s is PoolAction {
  return typeof s === 'string' && (POOL_ACTIONS as readonly string[]).includes(s);
}

/** the actions allowed in a stage (empty for the final stages) */
export function allowedActions(stage: PoolStage): PoolAction[] {
  const t = TRANSITIONS[stage];
  return t ? POOL_ACTIONS.filter((a) => t[a] != null) : [];
}

const zhOf = (names: Record<string, { zh: string; en: string }>, k: string) => names[k]?.zh ?? k;
const enOf = (names: Record<string, { zh: string; en: string }>, k: string) => names[k]?.en ?? k;

/** The stage after `action`; throws ReserveWorkflowError (see the module comment). */
export function nextStage(stage: PoolStage, action: PoolAction, input: { reason?: string | null; exitReason?: string | null }, rules: RulesConfig): PoolStage {
  const next = isPoolStage(stage) && isPoolAction(action) ? TRANSITIONS[stage][action] : undefined;
  const sZh = zhOf(STAGE_NAMES, stage);
  const sEn = enOf(STAGE_NAMES, stage);
  const aZh = zhOf(ACTION_NAMES, action);
  const aEn = enOf(ACTION_NAMES, action);
  if (!next) {
    const allowed = isPoolStage(stage) ? allowedActions(stage) : [];
    const tailZh = allowed.length ? `（可执行: ${allowed.map((a) => `「${ACTION_NAMES[a].zh}」`).join('、')}）` : '（该阶段已结束，不能再变更）';
    const tailEn = allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (a final stage: no further step)';
    throw new ReserveWorkflowError(
      'illegal_transition',
      stage,
      action,
      `不能从「${sZh}」执行「${aZh}」${tailZh}`,
      `cannot ${aEn} from stage '${sEn}'${tailEn}`,
    );
  }
  const reason = input.reason?.trim() ?? '';
  const category = input.exitReason?.trim() ?? '';
  if (action === 'reject') {
    if (!reason) {
      throw new ReserveWorkflowError('reason_required', stage, action, `从「${sZh}」执行「${aZh}」须填写理由`, `a reason is required to reject from stage '${sEn}'`);
    }
    if (category && !rules.reserve.rejectReasons.includes(category)) {
      throw new ReserveWorkflowError(
        'unknown_reason',
        stage,
        action,
        `未入库原因「${category}」不在规则配置的原因列表中（${rules.reserve.rejectReasons.join('、')}）`,
        `reject reason '${category}' is not one of the configured reasons (${rules.reserve.rejectReasons.join(', ')})`,
      );
    }
  }
  if (action === 'exit') {
    if (!category) {
      throw new ReserveWorkflowError(
        'reason_required',
        stage,
        action,
        `从「${sZh}」执行「${aZh}」须选择出库原因（${rules.reserve.exitReasons.join('、')}）`,
        `an exit reason is required to exit from stage '${sEn}' (${rules.reserve.exitReasons.join(', ')})`,
      );
    }
    if (!rules.reserve.exitReasons.includes(category)) {
      throw new ReserveWorkflowError(
        'unknown_reason',
        stage,
        action,
        `出库原因「${category}」不在规则配置的原因列表中（${rules.reserve.exitReasons.join('、')}）`,
        `exit reason '${category}' is not one of the configured reasons (${rules.reserve.exitReasons.join(', ')})`,
      );
    }
  }
  return next;
}
