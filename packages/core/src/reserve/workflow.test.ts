import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules';
import { allowedActions, nextStage, POOL_ACTIONS, POOL_STAGES, ReserveWorkflowError, type PoolAction, type PoolStage } from './workflow';

const R = DEFAULT_RULES;
const legal: Record<string, PoolStage> = {
  'nominated:inspect': 'inspected',
  'nominated:reject': 'rejected',
  'inspected:compare': 'compared',
  'inspected:reject': 'rejected',
  'compared:admit': 'admitted',
  'compared:reject': 'rejected',
  'admitted:exit': 'exited',
};
const input = (a: PoolAction) => (a === 'exit' ? { exitReason: '提拔使用' } : a === 'reject' ? { reason: '考察中发现问题' } : {});

function err(f: () => unknown): ReserveWorkflowError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReserveWorkflowError);
    return e as ReserveWorkflowError;
  }
  throw new Error('expected a ReserveWorkflowError');
}

describe('pool workflow — every stage × action', () => {
  for (const s of POOL_STAGES) {
    for (const a of POOL_ACTIONS) {
      const key = `${s}:${a}`;
      if (legal[key]) {
        it(`${key} → ${legal[key]}`, () => expect(nextStage(s, a, input(a), R)).toBe(legal[key]));
      } else {
        it(`${key} is illegal`, () => {
          const e = err(() => nextStage(s, a, input(a), R));
          expect(e.code).toBe('illegal_transition');
          expect(e.stage).toBe(s);
          expect(e.action).toBe(a);
        });
      }
    }
  }
  it('allowedActions lists exactly the legal ones', () => {
    for (const s of POOL_STAGES) {
      expect(allowedActions(s)).toEqual(POOL_ACTIONS.filter((a) => legal[`${s}:${a}`]));
    }
    expect(allowedActions('exited')).toEqual([]);
  });
  it('messages name the stage and the action', () => {
    const e = err(() => nextStage('admitted', 'inspect', {}, R));
    expect(e.zh).toBe('不能从「入库」执行「组织考察」（可执行: 「出库」）');
    expect(e.en).toBe("cannot inspect from stage 'admitted' (allowed: exit)");
    expect(e.message).toBe(`${e.zh} / ${e.en}`);
    expect(err(() => nextStage('rejected', 'admit', {}, R)).zh).toBe('不能从「未入库」执行「入库」（该阶段已结束，不能再变更）');
  });
});

describe('pool workflow — reasons', () => {
  it('reject needs a reason (blank does not count)', () => {
    const e = err(() => nextStage('inspected', 'reject', { reason: '  ' }, R));
    expect(e.code).toBe('reason_required');
    expect(e.zh).toBe('从「组织考察」执行「不予入库」须填写理由');
  });
  it('reject category, when given, must be configured', () => {
    expect(nextStage('compared', 'reject', { reason: '票数不集中', exitReason: '比选未入选' }, R)).toBe('rejected');
    expect(err(() => nextStage('compared', 'reject', { reason: 'x', exitReason: '随便' }, R)).code).toBe('unknown_reason');
  });
  it('exit needs a configured exit reason', () => {
    expect(err(() => nextStage('admitted', 'exit', { reason: '有理由但没有类别' }, R)).code).toBe('reason_required');
    const e = err(() => nextStage('admitted', 'exit', { exitReason: '调走了' }, R));
    expect(e.code).toBe('unknown_reason');
    expect(e.zh).toContain('出库原因「调走了」不在规则配置的原因列表中（状态滑坡、问题、不再符合条件、提拔使用、其他）');
    for (const r of R.reserve.exitReasons) expect(nextStage('admitted', 'exit', { exitReason: r }, R)).toBe('exited');
  });
  it('an illegal step is reported before a missing reason', () => {
    expect(err(() => nextStage('exited', 'exit', {}, R)).code).toBe('illegal_transition');
  });
});
