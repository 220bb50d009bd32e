import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules';
import { teamsOverview } from './overview';
import { teamAnalysis, type TeamInput, type TeamMemberInput } from './team';

const asOf = '2025-06-30';
const rules = DEFAULT_RULES;
const M = (cadreId: number, positionId: number, over: Partial<TeamMemberInput> = {}): TeamMemberInput => ({
  cadreId, name: `干部${cadreId}`, sex: '1', ethnicity: '01', birthDate: '1975-01-01', politicalStatus: '01', highestEducation: '21',
  specialtyCategory: '法学', positionId, startDate: '2022-01-01', grassroots: true, experienceTypes: [], ...over,
});
const team = (id: number, members: TeamMemberInput[], needs: Record<string, unknown> | null): TeamInput => ({
  id, name: `班子${id}`, kind: '党政班子', orgUnitId: id, orgName: `单位${id}`, unitKind: '镇街', needs,
  positions: [
    { id: id * 10 + 1, title: '党委书记', level: '141', isChief: true, quota: 1, description: { experienceTypes: ['基层'] } },
    { id: id * 10 + 2, title: '副镇长', level: '142', isChief: false, quota: 2 },
  ],
  members: members.map((m) => ({ ...m, positionId: id * 10 + m.positionId })),
});
const inputs = [
  // full, a woman, a young member, nobody in post too long
  team(1, [M(1, 1), M(2, 2, { sex: '2', birthDate: '1992-05-01' }), M(3, 2)], { woman: true, young: 1 }),
  // a vacancy, no woman although required, the chief 12 years in post
  team(2, [M(4, 1, { startDate: '2013-01-01' }), M(5, 2)], { woman: true }),
  // empty team, needs with keys the analysis does not read
  team(3, [], { note: '待组建', specialties: ['', 7, '经济学'] }),
  team(4, [M(6, 1), M(7, 2), M(8, 2, { sex: '2' })], null),
];

describe('teamsOverview: the overview grid from one lean teamAnalysis per team', () => {
  const o = teamsOverview(inputs, { asOf, rules });

  it('each item has the colour, the hit rule ids (rule order) and the figures of the team’s own analysis', () => {
    expect(o.total).toBe(4);
    expect(o.items).toHaveLength(4);
    for (const [i, t] of inputs.entries()) {
      const a = teamAnalysis(t, { asOf, rules, detail: false });
      expect(o.items[i]).toMatchObject({ teamId: t.id, color: a.color, reasons: a.hits.map((h) => h.id), figures: a.figures, level: a.team.level });
      expect(o.items[i].metrics).toBeUndefined();
    }
    expect(o.counts.red + o.counts.blue + o.counts.green).toBe(4);
    expect(o.items[1].color).toBe('red');
  });

  it('the dictionary holds exactly the rules some team hits, with their texts', () => {
    const ids = new Set(o.items.flatMap((i) => i.reasons));
    expect(new Set(Object.keys(o.indicators))).toEqual(ids);
    for (const id of ids) {
      const r = rules.teamIndicators.find((x) => x.id === id)!;
      expect(o.indicators[id]).toMatchObject({ id, name: r.name, color: r.color, reason: r.reason });
    }
  });

  it('a colour filter keeps only those items but still counts every team; metrics on request', () => {
    const red = teamsOverview(inputs, { asOf, rules, colors: ['red'], withMetrics: true });
    expect(red.counts).toEqual(o.counts);
    expect(red.items.map((i) => i.teamId)).toEqual(o.items.filter((i) => i.color === 'red').map((i) => i.teamId));
    expect(red.items[0].metrics).toEqual(teamAnalysis(inputs[1], { asOf, rules, detail: false }).metrics);
  });

  it('needs are read alike from a json object with extra keys, from null and from the loader’s fixed shape', () => {
    const a = teamAnalysis(inputs[2], { asOf, rules, detail: false });
    expect(a.needs).toEqual({ woman: false, young: 0, nonParty: false, specialties: ['经济学'], experience: [] });
    const fixed = teamAnalysis({ ...inputs[1], needs: { woman: true, young: null, nonParty: null, specialties: null, experience: null } }, { asOf, rules, detail: false });
    expect(fixed.color).toBe(o.items[1].color);
    expect(fixed.hits.map((h) => h.id)).toEqual(o.items[1].reasons);
  });
});
