import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, mergeRules } from '../rules';
import { teamAnalysis, teamLedger, teamsAnalysis, type TeamInput, type TeamMemberInput } from './team';

const asOf = '2025-06-30';
const rules = DEFAULT_RULES;

const M = (cadreId: number, positionId: number, over: Partial<TeamMemberInput> = {}): TeamMemberInput => ({
  cadreId,
  name: `干部${cadreId}`,
  sex: '1',
  ethnicity: '01',
  birthDate: '1980-01-01',
  politicalStatus: '01',
  highestEducation: '21',
  specialtyCategory: '法学',
  positionId,
  startDate: '2022-01-01',
  grassroots: true,
  experienceTypes: [],
  ...over,
});

const town = (members: TeamMemberInput[], needs: Record<string, unknown> = { woman: true, young: 1, nonParty: true, specialties: ['经济学', '法学'], experience: ['招商引资'] }): TeamInput => ({
  id: 7,
  name: '城关镇党政班子',
  kind: '党政班子',
  orgUnitId: 2,
  orgName: '城关镇',
  unitKind: '镇街',
  needs,
  positions: [
    { id: 1, title: '党委书记', level: '141', isChief: true, isKey: true, quota: 1, description: { specialties: ['经济学'], experienceTypes: ['基层', '经济'] } },
    { id: 2, title: '镇长', level: '141', isChief: true, quota: 1, description: { experienceTypes: ['基层'] } },
    { id: 3, title: '副镇长', level: '142', isChief: false, quota: 3 },
  ],
  members,
});

describe('teamAnalysis: figures of a hand-made team', () => {
  const members = [
    // 书记: 14 years in post (must rotate), no grassroots, experience 经济
    M(1, 1, { birthDate: '1970-03-15', startDate: '2011-03-01', grassroots: false, experienceTypes: ['经济'], specialtyCategory: '经济学', assessments: [{ year: 2024, result: '优秀' }, { year: 2023, result: '称职' }] }),
    // 镇长: 6 years (should rotate), retires within 3 years (man born 1966-01 → 60 + delay)
    M(2, 2, { birthDate: '1966-01-10', startDate: '2019-01-01', assessments: [{ year: 2024, result: '基本称职' }] }),
    // 副镇长: young (33), woman? no — 党外 回族 man
    M(3, 3, { birthDate: '1992-02-29', ethnicity: '03', politicalStatus: '05', startDate: '2024-01-01' }),
    // the 书记 also holds a concurrent deputy post: counted once in the structure figures
    M(1, 3, { birthDate: '1970-03-15', startDate: '2020-01-01', kind: '兼任', grassroots: false, experienceTypes: ['经济'], specialtyCategory: '经济学' }),
  ];
  const a = teamAnalysis(town(members), { asOf, rules });

  it('posts, quota and vacancies (only 任职 fills the quota)', () => {
    expect(a.figures).toMatchObject({ quota: 5, filled: 3, vacancies: 2, memberCount: 3 });
    expect(a.positions.map((p) => [p.title, p.filled, p.vacancies, p.members.length])).toEqual([
      ['党委书记', 1, 0, 1],
      ['镇长', 1, 0, 1],
      ['副镇长', 1, 2, 2],
    ]);
    expect(a.metrics.vacancyShare).toBeCloseTo(0.4);
    expect(a.team.level).toBe('141');
  });

  it('age, young, women, 党外, 少数民族', () => {
    expect(a.figures).toMatchObject({ youngestAge: 33, oldestAge: 59, youngCount: 1, women: 0, nonParty: 1, nonPartyDeputy: 1, minority: 1 });
    expect(a.figures.meanAge).toBeCloseTo((55 + 59 + 33) / 3);
    const m3 = a.members.find((m) => m.cadreId === 3)!;
    expect(m3).toMatchObject({ young: true, youngThreshold: 35, nonParty: true, minority: true });
    expect(m3.flags).toEqual(expect.arrayContaining(['年轻干部', '党外', '少数民族']));
  });

  it('rotation, 正职 experience, retirement, coverage, assessments', () => {
    expect(a.rotation).toEqual({ should: [2, 1], must: [1] });
    expect(a.metrics.maxYearsInPost).toBeGreaterThanOrEqual(14);
    expect(a.chiefsMissingExperience).toEqual([{ cadreId: 1, name: '干部1', positionId: 1, positionTitle: '党委书记', missing: ['基层'], noGrassroots: true }]);
    expect(a.metrics.chiefWithoutGrassrootsCount).toBe(1);
    expect(a.retiring).toEqual([{ cadreId: 2, name: '干部2', positionTitle: '镇长', retirementDate: '2026-05-10', overdue: false }]);
    expect(a.coverage.specialties).toMatchObject({ required: ['经济学', '法学'], covered: ['经济学', '法学'], missing: [], share: 1 });
    expect(a.coverage.experience).toMatchObject({ required: ['招商引资', '基层', '经济'], missing: ['招商引资'] });
    expect(a.assessments.years).toEqual([2022, 2023, 2024]);
    expect(a.assessments.low).toEqual([2]);
    expect(a.assessments.excellent).toEqual([1]);
    expect(a.assessments.byYear.find((y) => y.year === 2024)!.counts).toEqual({ 优秀: 1, 基本称职: 1 });
  });

  it('colour and reasons come from the default rules', () => {
    // no woman → red; 党外 deputy present; vacancies 40% → blue; must rotate; chief without grassroots
    expect(a.color).toBe('red');
    expect(a.hits.map((h) => h.id)).toEqual(['no_woman', 'vacancy_high', 'must_rotate', 'chief_no_grassroots']);
    expect(a.hits[0].reason.zh).toBe('班子中没有女干部');
  });

  it('computes every metric the default teamIndicators reference', () => {
    const used = new Set(rules.teamIndicators.flatMap((r) => [r.when.metric, ...(r.also ?? []).map((c) => c.metric)]));
    for (const m of used) expect(a.metrics[m], m).not.toBeUndefined();
    const empty = teamAnalysis(town([]), { asOf, rules });
    for (const m of used) expect(m in empty.metrics, m).toBe(true);
  });

  it('the ledger lists what the team needs next, by priority from the indicator colours', () => {
    const l = teamLedger(a);
    const kinds = l.map((i) => [i.kind, i.priority]);
    expect(kinds[0]).toEqual(['woman', 'high']);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['vacancy', 'medium'],
        ['rotate', 'medium'], // must rotate: the blue must_rotate rule
        ['rotate', 'low'], // should rotate: nothing flags it
        ['chiefExperience', 'medium'],
        ['experience', 'low'],
        ['retire', 'medium'], // retirements within the horizon are at least medium
        ['assessment', 'low'],
      ]),
    );
    expect(l.find((i) => i.kind === 'vacancy')!.text).toBe('配齐副镇长（副科）2名');
    expect(l.find((i) => i.kind === 'retire')!).toMatchObject({ cadreId: 2, due: '2026-05-10' });
    expect(l.some((i) => i.kind === 'young' || i.kind === 'nonParty')).toBe(false);
    const order = { high: 0, medium: 1, low: 2 } as const;
    for (let i = 1; i < l.length; i++) expect(order[l[i - 1].priority]).toBeLessThanOrEqual(order[l[i].priority]);
  });
});

describe('rules are data: colours and reasons follow a modified configuration', () => {
  const members = [M(1, 1, { sex: '2', birthDate: '1990-01-01' }), M(2, 2, { birthDate: '1960-01-01', startDate: '2018-01-01' }), M(3, 3, { politicalStatus: '13' })];
  const team = town(members);

  it('green under the defaults, red under a custom rule on another metric', () => {
    expect(teamAnalysis(team, { asOf, rules }).hits.filter((h) => h.id !== 'vacancy_high').length).toBe(0);
    const custom = mergeRules({
      teamIndicators: [
        { id: 'old_team', name: '班子年龄偏大', when: { metric: 'meanAge', op: '>=', value: 45 }, color: 'red', reason: { zh: '班子平均年龄45岁及以上', en: 'mean age 45+' } },
        { id: 'overdue', name: '超龄在岗', when: { metric: 'pastRetirementCount', op: '>', value: 0 }, color: 'blue', reason: { zh: '有成员已到法定退休年龄', en: 'a member is past retirement' } },
      ],
    });
    const a = teamAnalysis(team, { asOf, rules: custom });
    expect(a.color).toBe('red');
    expect(a.hex).toBe(custom.teamColors.red);
    expect(a.hits.map((h) => [h.id, h.reason.zh])).toEqual([
      ['old_team', '班子平均年龄45岁及以上'],
      ['overdue', '有成员已到法定退休年龄'],
    ]);
    // the ledger follows: the overdue retirement is high anyway, vacancies now low (no rule uses vacancyShare)
    expect(teamLedger(a).find((i) => i.kind === 'vacancy')!.priority).toBe('low');
  });

  it('thresholds by reference: lowering rotation.mustRotateYears turns a team blue', () => {
    const a0 = teamAnalysis(team, { asOf, rules: mergeRules({ teamIndicators: rules.teamIndicators.filter((r) => r.id !== 'vacancy_high') }) });
    expect(a0.color).toBe('green');
    const r = mergeRules({ rotation: { shouldRotateYears: 3, mustRotateYears: 7 }, teamIndicators: rules.teamIndicators.filter((x) => x.id !== 'vacancy_high') });
    const a = teamAnalysis(team, { asOf, rules: r });
    expect(a.color).toBe('blue');
    expect(a.hits.map((h) => h.id)).toEqual(['must_rotate']);
    expect(a.rotation.must).toEqual([2]);
  });

  it('appliesTo: the woman rule only applies to 党政 teams', () => {
    const biz = { ...town([M(1, 1, { birthDate: '1990-01-01' })]), kind: '经营班子' };
    expect(teamAnalysis(biz, { asOf, rules }).hits.some((h) => h.id === 'no_woman')).toBe(false);
  });

  it('a needed young member and 党外 deputy become ledger items', () => {
    const a = teamAnalysis(town([M(1, 1), M(2, 2, { sex: '2' })]), { asOf, rules });
    expect(a.color).toBe('red');
    expect(a.hits.map((h) => h.id)).toEqual(expect.arrayContaining(['no_young', 'no_non_party']));
    const l = teamLedger(a);
    expect(l.find((i) => i.kind === 'young')).toMatchObject({ priority: 'high', count: 1, reason: '班子中没有年轻干部' });
    expect(l.find((i) => i.kind === 'nonParty')).toMatchObject({ priority: 'medium' });
  });

  it('lean mode (detail: false) gives the same colour and metrics without member cards', () => {
    const full = teamsAnalysis([team], { asOf, rules })[0];
    const lean = teamsAnalysis([team], { asOf, rules, detail: false })[0];
    expect(lean.metrics).toEqual(full.metrics);
    expect(lean.hits).toEqual(full.hits);
    expect(lean.members).toEqual([]);
  });
});
