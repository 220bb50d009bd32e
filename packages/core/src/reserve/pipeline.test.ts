import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules';
import { pipelineFigures, type PipelineEntry } from './pipeline';

const R = DEFAULT_RULES;
const base = { stage: 'admitted' as const };
const entries: PipelineEntry[] = [
  { ...base, entryId: 1, cadreId: 1, field: '经济', birthDate: '1992-05-01', sex: '2', postLevel: '142', nominatedOn: '2025-10-01', inspectedOn: '2025-11-01', comparedOn: '2025-12-01', admittedOn: '2026-01-15' },
  { ...base, entryId: 2, cadreId: 2, stage: 'exited', field: '经济', birthDate: '1985-01-01', sex: '1', postLevel: '141', nominatedOn: '2026-02-01', inspectedOn: '2026-03-01', comparedOn: '2026-03-15', admittedOn: '2026-04-10', exitedOn: '2026-05-20', exitReason: '提拔使用' },
  { ...base, entryId: 3, cadreId: 3, stage: 'rejected', birthDate: '1990-01-01', sex: '1', postLevel: '142', nominatedOn: '2026-02-10', inspectedOn: '2026-03-05', rejectedOn: '2026-03-20' },
  { ...base, entryId: 4, cadreId: 4, stage: 'nominated', birthDate: '1995-01-01', sex: '2', nominatedOn: '2026-03-01' },
  { ...base, entryId: 5, cadreId: 1, field: '党建', birthDate: '1992-05-01', sex: '2', postLevel: '142', nominatedOn: '2026-01-10', inspectedOn: '2026-01-15', comparedOn: '2026-01-20', admittedOn: '2026-02-01' },
  { ...base, entryId: 6, cadreId: 6, field: '经济', birthDate: '1980-07-01', sex: '1', postLevel: '141', nominatedOn: '2026-01-05', inspectedOn: '2026-01-20', comparedOn: '2026-02-01', admittedOn: '2026-02-15' },
];
const opts = { from: '2026-01-01', to: '2026-06-30', asOf: '2026-06-30', rules: R };

describe('pipelineFigures — hand case', () => {
  const f = pipelineFigures(entries, {
    ...opts,
    promotions: [
      { cadreId: 2, date: '2026-05-20', fromLevel: '142', toLevel: '141', ageAtDate: 41 },
      { cadreId: 9, date: '2026-03-01', fromLevel: '142', toLevel: '141', ageAtDate: 30 },
      { cadreId: 10, date: '2025-12-01', fromLevel: '142', toLevel: '141', ageAtDate: 30 }, // before the period
    ],
  });
  it('sizes on asOf: distinct cadres; fields per entry', () => {
    expect(f.size).toBe(2);
    expect(f.byLevel.map((b) => [b.label, b.count])).toEqual([['正科', 1], ['副科', 1]]);
    expect(f.byAgeBand.map((b) => [b.label, b.count])).toEqual([['31-35岁', 1], ['41-45岁', 1]]);
    expect(f.bySex.map((b) => [b.label, b.count, b.share])).toEqual([['男', 1, 0.5], ['女', 1, 0.5]]);
    expect(f.byField.map((b) => [b.label, b.count])).toEqual([['经济', 2], ['党建', 1]]);
  });
  it('flows per quarter', () => {
    expect(f.quarters).toEqual([
      { quarter: '2026Q1', from: '2026-01-01', to: '2026-03-31', in: 3, out: 0, outByReason: {}, sizeAtEnd: 2 },
      { quarter: '2026Q2', from: '2026-04-01', to: '2026-06-30', in: 1, out: 1, outByReason: { 提拔使用: 1 }, sizeAtEnd: 2 },
    ]);
  });
  it('funnel and Sankey of the cohort nominated in the period', () => {
    expect(f.funnel.map((s) => [s.stage, s.count])).toEqual([
      ['nominated', 5],
      ['inspected', 4],
      ['compared', 3],
      ['admitted', 3],
      ['exited', 1],
      ['rejected', 1],
    ]);
    expect(f.sankey.links).toEqual([
      { source: '单位推荐', target: '组织考察', value: 4 },
      { source: '组织考察', target: '比选研究', value: 3 },
      { source: '组织考察', target: '未入库', value: 1 },
      { source: '比选研究', target: '入库', value: 3 },
      { source: '入库', target: '出库·提拔使用', value: 1 },
    ]);
    expect(f.sankey.nodes.map((n) => n.name)).toEqual(['单位推荐', '组织考察', '比选研究', '入库', '未入库', '出库·提拔使用']);
    // every link target is a node, flows never grow along the chain
    for (const l of f.sankey.links) expect(f.sankey.nodes.some((n) => n.name === l.target)).toBe(true);
  });
  it('young share of promotions and promotions from the pool', () => {
    expect(f.promotions).toEqual({ total: 2, young: 1, youngShare: 0.5, youngThreshold: 35, fromPool: 1, fromPoolShare: 0.5 });
  });
  it('no promotion events → null; a reversed period is an error', () => {
    expect(pipelineFigures(entries, opts).promotions).toBeNull();
    expect(() => pipelineFigures(entries, { ...opts, from: '2026-07-01' })).toThrow(/晚于终点/);
  });
  it('a period starting mid-quarter clips the first quarter', () => {
    const g = pipelineFigures(entries, { ...opts, from: '2026-02-10', to: '2026-04-30' });
    expect(g.quarters.map((q) => [q.quarter, q.from, q.to, q.in])).toEqual([
      ['2026Q1', '2026-02-10', '2026-03-31', 1],
      ['2026Q2', '2026-04-01', '2026-04-30', 1],
    ]);
  });
});
