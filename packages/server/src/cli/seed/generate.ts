/**
 * Deterministic demo-data generator: a realistic district (临江区) with its units, teams,
 * positions (岗位说明书), cadres and their full files. Pure: same options → identical Dataset.
 *
 * Scale: ~89 units / ~2,000 cadres by default; above 2,500 cadres the district grows (more
 * 镇街, 下属事业单位, 国企子公司; ~1 team per 20 cadres). Above LITE_THRESHOLD cadres some
 * per-cadre sections are thinned to keep the load fast (no family members or movements, fewer
 * talks; non-leading cadres: 3 annual assessments instead of 5 and no quarterly stars; training
 * for the last two years only);
 * the cadre table itself is always complete.
 */
import { DEFAULT_RULES, isPastRetirement, latestConcentration, maturityScore, suggestTier, type MaturityInput, type Tier } from '@cadre/core';
import type * as S from '../../db/schema';
import {
  COUNTY_MIN_GRASSROOTS_YEARS,
  DISCIPLINE_IMPACT,
  makeIdNumber,
  pinyinInitials,
  PROMOTION_MIN_YEARS,
  RANKS,
} from './core-shim';
import { addMonthsDay, addYearsDay, civil, type Day, dayOf, fmt, parse, YEAR, yearOf } from './dates';
import { Rng, Weighted } from './rng';
import * as T from './tables';

// ───────────────────────────── dataset types ─────────────────────────────
type Ins<TT extends { $inferInsert: unknown }> = TT['$inferInsert'] & { id: number };

export interface Dataset {
  meta: { seed: number; cadres: number; asOf: string; district: string; lite: boolean };
  orgUnit: Ins<typeof S.orgUnit>[];
  team: Ins<typeof S.team>[];
  position: Ins<typeof S.position>[];
  cadre: Ins<typeof S.cadre>[];
  appointment: Ins<typeof S.appointment>[];
  education: Ins<typeof S.education>[];
  career: Ins<typeof S.career>[];
  rankHistory: Ins<typeof S.rankHistory>[];
  assessment: Ins<typeof S.assessment>[];
  training: Ins<typeof S.training>[];
  reward: Ins<typeof S.reward>[];
  discipline: Ins<typeof S.discipline>[];
  familyMember: Ins<typeof S.familyMember>[];
  keyMoment: Ins<typeof S.keyMoment>[];
  politicalQuality: Ins<typeof S.politicalQuality>[];
  talkRecord: Ins<typeof S.talkRecord>[];
  movement: Ins<typeof S.movement>[];
  pool: Ins<typeof S.pool>[];
  poolEntry: Ins<typeof S.poolEntry>[];
  poolEntryEvent: Ins<typeof S.poolEntryEvent>[];
  recommendationRound: Ins<typeof S.recommendationRound>[];
  recommendationVote: Ins<typeof S.recommendationVote>[];
  supervisionItem: Ins<typeof S.supervisionItem>[];
  careRecord: Ins<typeof S.careRecord>[];
  mentorship: Ins<typeof S.mentorship>[];
  developmentPlan: Ins<typeof S.developmentPlan>[];
}

/** tables in foreign-key order (the loader inserts in this order) */
export const TABLE_ORDER = [
  'orgUnit',
  'team',
  'position',
  'cadre',
  'appointment',
  'education',
  'career',
  'rankHistory',
  'assessment',
  'training',
  'reward',
  'discipline',
  'familyMember',
  'keyMoment',
  'politicalQuality',
  'talkRecord',
  'movement',
  'pool',
  'poolEntry',
  'poolEntryEvent',
  'recommendationRound',
  'recommendationVote',
  'supervisionItem',
  'careRecord',
  'mentorship',
  'developmentPlan',
] as const satisfies readonly (keyof Omit<Dataset, 'meta'>)[];
export type TableName = (typeof TABLE_ORDER)[number];

export interface GenerateOptions {
  seed: number;
  cadres: number;
  /** reference date of the data set (default 2026-11-01) */
  asOf?: string;
  /** thin per-cadre sections (default: cadres > LITE_THRESHOLD) */
  lite?: boolean;
}
export const LITE_THRESHOLD = 20000;
/** 正职后备: the share of key posts (other than 镇街 正职) planned with a reserve the rules rate 随时能用 */
const RESERVE_READY = 0.78;

// ───────────────────────────── internal model ─────────────────────────────
interface Unit {
  id: number;
  name: string;
  short: string;
  kind: string;
  tpl: T.Tpl;
  domain: T.Domain;
  domainKey: string;
  key: boolean;
  weight: number;
  isTown: boolean;
  civilService: boolean;
  teamId: number;
  positions: Pos[];
  needs: { woman: boolean; young: number; nonParty: boolean };
  hasWoman: boolean;
  hasNonParty: boolean;
  offices: string[];
}
interface Pos {
  id: number;
  unit: Unit;
  title: string;
  level: string;
  isChief: boolean;
  category: string;
  isKey: boolean;
  quota: number;
}
interface Seg {
  start: Day;
  level: string;
  orgName: string;
  title: string;
  grassroots: boolean;
  exp: string[];
  pos?: Pos;
  unit?: Unit;
}
interface Person {
  id: number;
  sex: '1' | '2';
  birth: Day;
  age: number;
  name: string;
  party: string;
  partyJoin: Day | null;
  workStart: Day;
  q: number;
  level: string;
  unit: Unit;
  pos: Pos | null;
  postStart: Day;
  levelStart: Day;
  rankIdx: number;
  intake: string;
  highestCategory: string;
  exp: Set<string>;
  grassrootsYears: number;
  excellentYears: number[];
  disciplined: { date: Day; kind: string; months: number } | null;
  young: boolean;
  lastRankStart: Day;
}

/** timestamps stay ISO text in the data set (deterministic JSON; the loader writes them as literals) */
const stamp = (iso: string) => iso as unknown as Date;
const LEVEL_ORDER = ['150', '142', '141', '132', '131'];
const EDU_RANK: Record<string, number> = { '11': 63, '1A': 59, '1B': 58, '21': 53, '22': 52, '23': 51, '31': 43, '34': 42, '35': 33, '37': 30 };
const COMPETENCY: Record<string, Record<string, number>> = {
  党委: { 政治素质: 0.35, 专业能力: 0.2, 改革创新: 0.15, 群众工作: 0.2, 依法办事: 0.1 },
  行政: { 政治素质: 0.25, 专业能力: 0.3, 改革创新: 0.2, 群众工作: 0.15, 依法办事: 0.1 },
  纪检: { 政治素质: 0.35, 专业能力: 0.2, 改革创新: 0.1, 群众工作: 0.1, 依法办事: 0.25 },
  人大: { 政治素质: 0.3, 专业能力: 0.2, 改革创新: 0.1, 群众工作: 0.15, 依法办事: 0.25 },
  企业经营: { 政治素质: 0.25, 专业能力: 0.35, 改革创新: 0.25, 群众工作: 0.05, 依法办事: 0.1 },
  事业管理: { 政治素质: 0.25, 专业能力: 0.35, 改革创新: 0.15, 群众工作: 0.15, 依法办事: 0.1 },
};

// ───────────────────────────── generator ─────────────────────────────
export function generateDistrict(opts: GenerateOptions): Dataset {
  const g = new Gen(opts);
  g.buildOrg();
  g.buildCadres();
  g.buildCollective();
  return g.ds;
}

class Gen {
  readonly rng: Rng;
  readonly N: number;
  readonly asOf: Day;
  readonly asOfYear: number;
  readonly lite: boolean;
  readonly ds: Dataset;
  readonly units: Unit[] = [];
  readonly towns: Unit[] = [];
  readonly posByLevel: Record<string, Pos[]> = { '131': [], '132': [], '141': [], '142': [] };
  readonly people: Person[] = [];
  private rootId = 1;
  private readonly usedIds = new Set<string>();
  private readonly nameCount = new Map<string, number>();
  private readonly maxSameName: number;
  private readonly surnames = new Weighted(T.SURNAMES.map((s) => s[0]), T.SURNAMES.map((s) => s[1]));
  private readonly regions = new Weighted(T.REGIONS.map((s) => s[0]), T.REGIONS.map((s) => s[1]));
  private readonly natives = new Weighted(T.NATIVE_PLACES.map((s) => s[0]), T.NATIVE_PLACES.map((s) => s[1]));
  private readonly ethnic = new Weighted(T.ETHNICITIES.map((s) => s[0]), T.ETHNICITIES.map((s) => s[1]));
  private readonly bachelorSchools = new Weighted(T.SCHOOLS_BACHELOR.map((s) => s[0]), T.SCHOOLS_BACHELOR.map((s) => s[1]));
  private readonly masterSchools = new Weighted(T.SCHOOLS_MASTER.map((s) => s[0]), T.SCHOOLS_MASTER.map((s) => s[1]));
  private unitPicker!: Weighted<Unit>;

  constructor(opts: GenerateOptions) {
    if (!Number.isInteger(opts.cadres) || opts.cadres < 1) throw new RangeError(`cadres must be a positive integer: ${opts.cadres}`);
    this.rng = new Rng(opts.seed);
    this.N = opts.cadres;
    const asOf = opts.asOf ?? '2026-11-01';
    this.asOf = parse(asOf);
    this.asOfYear = yearOf(this.asOf);
    this.lite = opts.lite ?? opts.cadres > LITE_THRESHOLD;
    this.maxSameName = 1 + Math.floor(opts.cadres / 15000);
    this.ds = {
      meta: { seed: opts.seed, cadres: opts.cadres, asOf, district: T.DISTRICT.name, lite: this.lite },
      orgUnit: [], team: [], position: [], cadre: [], appointment: [], education: [], career: [], rankHistory: [],
      assessment: [], training: [], reward: [], discipline: [], familyMember: [], keyMoment: [], politicalQuality: [],
      talkRecord: [], movement: [], pool: [], poolEntry: [], poolEntryEvent: [], recommendationRound: [], recommendationVote: [],
      supervisionItem: [], careRecord: [], mentorship: [], developmentPlan: [],
    };
  }

  private day(y: number, m: number, d: number): Day {
    return dayOf(y, m, d);
  }
  private randDay(from: Day, to: Day): Day {
    return to <= from ? from : from + Math.floor(this.rng.next() * (to - from + 1));
  }
  private yrs(n: number): number {
    return Math.round(n * YEAR);
  }

  // ───────────────────────────── organisation ─────────────────────────────
  private addOrg(parentId: number | null, name: string, short: string, kind: string, rankLevel: string | null, managementLevel = '区管'): number {
    const id = this.ds.orgUnit.length + 1;
    const parent = parentId ? this.ds.orgUnit[parentId - 1] : null;
    const siblings = parent ? (this.childCount.get(parentId!) ?? 0) : 0;
    if (parentId) this.childCount.set(parentId, siblings + 1);
    this.ds.orgUnit.push({
      id,
      parentId,
      path: `${parent ? parent.path : '/'}${id}/`,
      name,
      shortName: short,
      code: `LJ${String(id).padStart(5, '0')}`,
      kind,
      managementLevel,
      rankLevel,
      sort: siblings + 1,
    });
    return id;
  }
  private readonly childCount = new Map<number, number>();

  private addUnit(parentId: number, spec: T.UnitSpec, teamKind?: string): Unit {
    const rankLevel = spec.tpl === 'park' ? '132' : spec.tpl === 'townSub' || spec.tpl === 'soeSub' ? '142' : '141';
    const id = this.addOrg(parentId, spec.name, spec.short, spec.kind, rankLevel);
    const domain = T.DOMAINS[spec.domain] ?? T.DOMAINS.office;
    const isTown = spec.tpl === 'town' || spec.tpl === 'street';
    const u: Unit = {
      id,
      name: spec.name,
      short: spec.short,
      kind: spec.kind,
      tpl: spec.tpl,
      domain,
      domainKey: spec.domain,
      key: !!spec.key,
      weight: spec.weight,
      isTown,
      civilService: spec.kind === '党政机关' || spec.kind === '镇街' || spec.kind === '园区',
      teamId: 0,
      positions: [],
      needs: { woman: false, young: 0, nonParty: false },
      hasWoman: false,
      hasNonParty: false,
      offices: isTown ? T.OFFICES_TOWN : spec.kind === '国有企业' ? T.OFFICES_SOE : spec.kind === '事业单位' ? T.OFFICES_INST : T.OFFICES_DEPT,
    };
    this.units.push(u);
    if (isTown) this.towns.push(u);
    this.addTeam(u, teamKind ?? (spec.kind === '国有企业' ? '经营班子' : '党政班子'), spec);
    return u;
  }

  private addTeam(u: Unit, kind: string, spec: T.UnitSpec): void {
    const r = this.rng;
    const teamId = this.ds.team.length + 1;
    u.teamId = teamId;
    const big = spec.tpl === 'town' || spec.tpl === 'street' || spec.tpl === 'govDept' || spec.tpl === 'park' || spec.tpl === 'partyDept';
    u.needs = {
      woman: big,
      young: spec.tpl === 'town' || spec.tpl === 'street' || spec.tpl === 'park' ? 1 : 0,
      nonParty: (spec.tpl === 'govDept' && ['education', 'health', 'science', 'market', 'culture', 'civil'].includes(u.domainKey)) || (u.isTown && r.chance(0.35)),
    };
    const needs = {
      woman: u.needs.woman,
      young: u.needs.young,
      nonParty: u.needs.nonParty,
      specialties: u.domain.specialties,
      experience: u.domain.experience,
    };
    this.ds.team.push({ id: teamId, orgUnitId: u.id, name: `${u.name}领导班子`, kind, description: null, needs });

    const add = (title: string, level: string, isChief: boolean, category: string, quota: number, isKey = false) => {
      const id = this.ds.position.length + 1;
      const p: Pos = { id, unit: u, title, level, isChief, category, isKey, quota };
      u.positions.push(p);
      if (this.posByLevel[level]) this.posByLevel[level].push(p);
      const exp = new Set(u.domain.experience.slice(0, isChief ? 3 : 2));
      if (isChief && u.isTown) ['基层', '经济', '招商引资'].forEach((e) => exp.add(e));
      const [ageMin, ageMax] =
        level === '131' ? [42, 57] : level === '132' ? [35, 55] : level === '141' ? (isChief ? [32, 55] : [30, 57]) : [25, 52];
      const style = isChief && (u.isTown || u.tpl === 'park' || u.domainKey === 'commerce') ? 'tiger' : category === '纪检' || u.domainKey === 'petition' || u.domainKey === 'office' ? 'ox' : null;
      const weights = { ...(COMPETENCY[category] ?? COMPETENCY['行政']) };
      if (u.isTown) {
        weights['群众工作'] += 0.05;
        weights['专业能力'] -= 0.05;
      }
      for (const k of Object.keys(weights)) weights[k] = Math.round(weights[k] * 100) / 100;
      this.ds.position.push({
        id,
        teamId,
        orgUnitId: u.id,
        title,
        level,
        isChief,
        category,
        isKey,
        quota,
        description: {
          requiredLevel: level,
          specialties: u.domain.specialties,
          experienceTypes: [...exp],
          competencyWeights: weights,
          preferredStyle: style,
          ageMin,
          ageMax,
        },
        sort: u.positions.length,
      });
    };

    const chief = spec.chief ?? '主任';
    const deputy = spec.deputy ?? '副主任';
    switch (spec.tpl) {
      case 'town':
        add('党委书记', '141', true, '党委', 1, true);
        add('党委副书记、镇长', '141', true, '行政', 1, true);
        add('人大主席', '141', false, '人大', 1);
        add('党委副书记', '142', false, '党委', 1);
        add('党委委员、纪委书记', '142', false, '纪检', 1);
        add('党委委员、组织委员', '142', false, '党委', 1);
        add('党委委员、宣传委员', '142', false, '党委', 1);
        add('党委委员、武装部部长', '142', false, '党委', 1);
        add('副镇长', '142', false, '行政', r.int(3, 4));
        break;
      case 'street':
        add('党工委书记', '141', true, '党委', 1, true);
        add('党工委副书记、办事处主任', '141', true, '行政', 1, true);
        add('人大工委主任', '141', false, '人大', 1);
        add('党工委副书记', '142', false, '党委', 1);
        add('党工委委员、纪工委书记', '142', false, '纪检', 1);
        add('党工委委员、组织委员', '142', false, '党委', 1);
        add('党工委委员、武装部部长', '142', false, '党委', 1);
        add('办事处副主任', '142', false, '行政', 3);
        break;
      case 'partyDept':
        if (spec.domain === 'discipline' && spec.short === '区纪委监委') {
          add('副书记、监委副主任', '141', false, '纪检', 2, true);
          add('常委、监委委员', '142', false, '纪检', r.int(3, 4));
        } else {
          const vice = chief.startsWith('常务');
          add(chief, '141', !vice, '党委', 1, !!spec.key);
          add(deputy, '142', false, '党委', r.int(2, 3));
        }
        break;
      case 'govDept':
        add(chief === '主任' ? chief : `党组书记、${chief}`, '141', true, '行政', 1, !!spec.key);
        add(deputy, '142', false, '行政', r.int(2, 4));
        if (r.chance(0.3)) add('党组成员、总工程师', '142', false, '行政', 1);
        break;
      case 'mass':
        add(chief, '141', true, '党委', 1);
        add(deputy, '142', false, '党委', r.int(1, 2));
        break;
      case 'soe':
        add('党委书记、董事长', '141', true, '企业经营', 1, true);
        add('党委副书记、总经理', '141', true, '企业经营', 1);
        add('党委委员、副总经理', '142', false, '企业经营', r.int(2, 3));
        add('党委委员、纪委书记', '142', false, '纪检', 1);
        break;
      case 'inst':
        add(chief, '141', true, '事业管理', 1);
        add(deputy, '142', false, '事业管理', r.int(1, 3));
        break;
      case 'park':
        add('党工委书记', '132', true, '党委', 1, true);
        add('党工委副书记、管委会主任', '132', true, '行政', 1, true);
        add('党工委委员、管委会副主任', '141', false, '行政', 3);
        add('纪工委书记', '142', false, '纪检', 1);
        break;
      case 'sub':
        if (r.chance(0.5)) {
          add(chief, '141', true, '事业管理', 1);
          add(deputy, '142', false, '事业管理', r.int(1, 2));
        } else add(chief, '142', true, '事业管理', 1);
        break;
      case 'townSub':
        add(chief, '142', true, '事业管理', 1);
        break;
      case 'soeSub':
        add('执行董事、总经理', '142', true, '企业经营', 1);
        add('副总经理', '142', false, '企业经营', 1);
        break;
      case 'root':
        break;
    }
  }

  buildOrg(): void {
    const r = this.rng;
    const D = T.DISTRICT.name;
    this.rootId = this.addOrg(null, D, D, '党政机关', '131', '市管');
    // district leadership: two teams on the root unit (区委常委会, 区人民政府), 市管
    const root: Unit = {
      id: this.rootId, name: D, short: D, kind: '党政机关', tpl: 'root', domain: T.DOMAINS.office, domainKey: 'office', key: true,
      weight: 0, isTown: false, civilService: true, teamId: 0, positions: [], needs: { woman: true, young: 0, nonParty: true },
      hasWoman: false, hasNonParty: false, offices: T.OFFICES_DEPT,
    };
    this.units.push(root);
    const rootTeam = (name: string, kind: string, posts: [string, string, boolean, string, number, boolean][]) => {
      const teamId = this.ds.team.length + 1;
      this.ds.team.push({
        id: teamId, orgUnitId: this.rootId, name, kind, description: '市管领导班子',
        needs: { woman: true, young: 0, nonParty: kind === '政府', specialties: ['经济学', '管理学', '法学'], experience: ['经济', '招商引资', '基层治理'] },
      });
      root.teamId = root.teamId || teamId;
      for (const [title, level, isChief, category, quota, isKey] of posts) {
        const id = this.ds.position.length + 1;
        const p: Pos = { id, unit: root, title, level, isChief, category, isKey, quota };
        root.positions.push(p);
        this.posByLevel[level].push(p);
        this.ds.position.push({
          id, teamId, orgUnitId: this.rootId, title, level, isChief, category, isKey, quota,
          description: {
            requiredLevel: level, specialties: ['经济学', '管理学', '法学'], experienceTypes: ['镇街', '经济', '招商引资', '基层治理'],
            competencyWeights: COMPETENCY[category] ?? COMPETENCY['党委'], preferredStyle: isChief ? 'tiger' : null,
            ageMin: level === '131' ? 42 : 35, ageMax: level === '131' ? 57 : 55,
          },
          sort: root.positions.length,
        });
      }
    };
    rootTeam(`中共${D}委员会常务委员会`, '党委', [
      ['区委书记', '131', true, '党委', 1, true],
      ['区委副书记', '132', false, '党委', 1, true],
      ['区委常委、区纪委书记、区监委主任', '132', false, '纪检', 1, true],
      ['区委常委、组织部部长', '132', false, '党委', 1, true],
      ['区委常委、宣传部部长', '132', false, '党委', 1, false],
      ['区委常委、政法委书记', '132', false, '党委', 1, true],
      ['区委常委、统战部部长', '132', false, '党委', 1, false],
      ['区委常委、区委办主任', '132', false, '党委', 1, false],
    ]);
    rootTeam(`${D}人民政府`, '政府', [
      ['区委副书记、区长', '131', true, '行政', 1, true],
      ['区委常委、常务副区长', '132', false, '行政', 1, true],
      ['副区长', '132', false, '行政', 4, false],
    ]);

    const groupIds: Record<string, number> = {};
    for (const grp of T.GROUPS) groupIds[grp.key] = this.addOrg(this.rootId, grp.name, grp.name, grp.kind, null);

    for (const [grp, spec] of T.BASE_UNITS) this.addUnit(groupIds[grp], spec);
    for (const [name, tpl] of T.TOWNS) {
      this.addUnit(groupIds.town, { name, short: name, kind: '镇街', tpl, domain: tpl, key: true, weight: tpl === 'town' ? 1.7 : 1.4 });
    }
    const soes: Unit[] = [];
    for (const [name, short, domain] of T.SOES) {
      soes.push(this.addUnit(groupIds.soe, { name, short, kind: '国有企业', tpl: 'soe', domain, weight: 0.9 }));
    }
    for (const [name, short, domain, chief, deputy] of T.INSTITUTIONS) {
      this.addUnit(groupIds.inst, { name, short, kind: '事业单位', tpl: 'inst', domain, chief, deputy, weight: domain === 'health' ? 1.2 : 0.6 });
    }
    for (const [name, short] of T.PARKS) {
      this.addUnit(groupIds.park, { name, short, kind: '园区', tpl: 'park', domain: 'park', key: true, weight: 1.2 });
    }

    // ── scale the district up: ~1 team per 20 cadres above 2,500 cadres
    const targetTeams = this.N <= 2500 ? 0 : Math.round(this.N / 20);
    let extra = Math.max(0, targetTeams - this.ds.team.length);
    if (extra > 0) {
      const depts = this.units.filter((u) => u.tpl === 'govDept' || u.tpl === 'partyDept' || u.tpl === 'mass');
      const usedPlaces = new Set(this.towns.map((t) => t.name.replace(/(镇|街道)$/, '')));
      const places: string[] = [];
      for (const a of T.PLACE_A) for (const b of T.PLACE_B) if (a !== b && !usedPlaces.has(a + b)) places.push(a + b);
      const placeOrder = r.sample(places, places.length);
      let placeIdx = 0;
      const nextPlace = () => {
        const p = placeOrder[placeIdx % placeOrder.length];
        const round = Math.floor(placeIdx / placeOrder.length);
        placeIdx++;
        return round ? `${p}${'东西南北中新'[(round - 1) % 6]}` : p;
      };
      const subCount = new Map<number, number>();
      const nextIdx = (u: Unit) => {
        const k = subCount.get(u.id) ?? 0;
        subCount.set(u.id, k + 1);
        return k;
      };
      const nTowns = Math.round(extra * 0.08);
      for (let i = 0; i < nTowns; i++) {
        const street = r.chance(0.4);
        const name = nextPlace() + (street ? '街道' : '镇');
        this.addUnit(groupIds.town, { name, short: name, kind: '镇街', tpl: street ? 'street' : 'town', domain: street ? 'street' : 'town', key: true, weight: street ? 1.4 : 1.7 });
        extra--;
      }
      const instGroup = groupIds.inst;
      let instK = 0;
      while (extra > 0) {
        const x = r.next();
        if (x < 0.3) {
          const town = r.pick(this.towns);
          const k = nextIdx(town);
          const base = T.TOWN_SUBS[k % T.TOWN_SUBS.length];
          const name = `${town.name}${k >= T.TOWN_SUBS.length ? T.SUB_A[Math.floor(k / T.TOWN_SUBS.length) % T.SUB_A.length] : ''}${base}`;
          this.addUnit(town.id, { name, short: base, kind: '事业单位', tpl: 'townSub', domain: town.domainKey, chief: base.endsWith('所') ? '所长' : base.endsWith('站') ? '站长' : base.endsWith('队') ? '队长' : '主任', weight: 0.3 });
        } else if (x < 0.72) {
          const dept = r.pick(depts);
          const k = nextIdx(dept);
          const suffix = T.SUB_A[k % T.SUB_A.length] + T.SUB_B[Math.floor(k / T.SUB_A.length) % T.SUB_B.length] + (k >= 200 ? `${Math.floor(k / 200) + 1}` : '');
          const chief = suffix.endsWith('大队') ? '大队长' : suffix.endsWith('站') ? '站长' : suffix.endsWith('室') ? '主任' : '主任';
          this.addUnit(dept.id, { name: `${dept.name}${suffix}`, short: suffix, kind: '事业单位', tpl: 'sub', domain: dept.domainKey, chief, deputy: chief === '大队长' ? '副大队长' : chief === '站长' ? '副站长' : '副主任', weight: 0.4 });
        } else if (x < 0.9) {
          const soe = r.pick(soes);
          const k = nextIdx(soe);
          const word = T.SOE_SUB[k % T.SOE_SUB.length];
          const name = k < T.SOE_SUB.length ? `${soe.short.replace(/集团|公司/g, '')}${word}有限公司` : `临江${nextPlace()}${word}有限公司`;
          this.addUnit(soe.id, { name, short: name.replace('有限公司', ''), kind: '国有企业', tpl: 'soeSub', domain: soe.domainKey, weight: 0.35 }, '经营班子');
        } else {
          const k = instK++;
          const suffix = T.SUB_A[k % T.SUB_A.length] + T.SUB_B[Math.floor(k / T.SUB_A.length) % T.SUB_B.length] + (k >= 200 ? `${Math.floor(k / 200) + 1}` : '');
          this.addUnit(instGroup, { name: `${D}${suffix}`, short: `区${suffix}`, kind: '事业单位', tpl: 'inst', domain: r.pick(['service', 'civil', 'construction', 'agri', 'science']), chief: '主任', deputy: '副主任', weight: 0.6 });
        }
        extra--;
      }
    }
    const staffed = this.units.filter((u) => u.weight > 0);
    this.unitPicker = new Weighted(staffed, staffed.map((u) => u.weight));
  }

  // ───────────────────────────── people ─────────────────────────────
  private pickName(sex: '1' | '2'): string {
    const r = this.rng;
    let name = '';
    for (let attempt = 0; attempt < 10; attempt++) {
      const sur = this.surnames.draw(r);
      const pool = sex === '1' ? T.GIVEN_MALE : T.GIVEN_FEMALE;
      const a = r.pick(pool);
      name = sur + (r.chance(0.28) ? a : a + r.pick(r.chance(0.8) ? pool : sex === '1' ? T.GIVEN_FEMALE : T.GIVEN_MALE));
      if (name.length >= 2 && name[name.length - 1] === name[name.length - 2] && r.chance(0.7)) continue;
      if ((this.nameCount.get(name) ?? 0) < this.maxSameName) break;
    }
    this.nameCount.set(name, (this.nameCount.get(name) ?? 0) + 1);
    return name;
  }

  private idNumber(birth: Day, sex: '1' | '2'): string {
    const r = this.rng;
    const b = fmt(birth);
    for (let attempt = 0; ; attempt++) {
      const region = attempt < 20 ? this.regions.draw(r) : r.pick(T.REGIONS)[0];
      let seq = r.int(0, 499) * 2 + (sex === '1' ? 1 : 0);
      if (seq > 999) seq -= 2;
      const key = region + b + seq;
      if (!this.usedIds.has(key)) {
        this.usedIds.add(key);
        return makeIdNumber(region, b, seq);
      }
    }
  }

  buildCadres(): void {
    const r = this.rng;
    // seats: every position × quota; ~8% vacant; leaders capped for tiny data sets
    const seats: Pos[] = [];
    for (const u of this.units) for (const p of u.positions) for (let i = 0; i < p.quota; i++) seats.push(p);
    const filled: Pos[] = [];
    for (const p of seats) {
      const vacancy = p.isChief ? 0.04 : p.level === '132' || p.level === '131' ? 0.05 : 0.085;
      if (!r.chance(vacancy)) filled.push(p);
    }
    const maxLeaders = Math.floor(this.N * 0.45);
    let leaders = filled;
    if (filled.length > maxLeaders) leaders = r.sample(filled, maxLeaders).sort((a, b) => a.id - b.id);
    const nonLeaders = this.N - leaders.length;
    // non-leading staff per unit, largest remainder over weights
    const staffed = this.units.filter((u) => u.weight > 0);
    const wsum = staffed.reduce((s, u) => s + u.weight, 0);
    const quotas = staffed.map((u) => (nonLeaders * u.weight) / wsum);
    const counts = quotas.map(Math.floor);
    let rest = nonLeaders - counts.reduce((s, c) => s + c, 0);
    const order = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) counts[order[k][1]]++;

    for (const p of leaders) this.makePerson(p.unit, p, false);
    staffed.forEach((u, i) => {
      const n = counts[i];
      const middle = Math.max(1, Math.round(n * 0.28));
      for (let k = 0; k < n; k++) this.makePerson(u, null, k < middle);
    });
  }

  private makePerson(unit: Unit, pos: Pos | null, middle: boolean): void {
    const r = this.rng;
    const ds = this.ds;
    const id = this.people.length + 1;
    const level = pos ? pos.level : '150';
    const q = r.normal(0, 1, -2.5, 2.5);

    // ── sex
    let pFemale = pos ? (pos.isChief || level === '131' ? 0.12 : 0.3) : 0.42;
    if (pos && !pos.isChief && unit.needs.woman && !unit.hasWoman) pFemale = 0.5;
    const sex: '1' | '2' = r.chance(pFemale) ? '2' : '1';
    if (sex === '2') unit.hasWoman = true;

    // ── age (years at asOf)
    let age: number;
    if (level === '131') age = r.normal(51.5, 3.5, 44, 58);
    else if (level === '132') age = r.normal(48, 5, 37, 58);
    else if (level === '141') age = r.chance(0.06) ? r.float(33, 38) : r.normal(48.5, 5.5, 33, 58);
    else if (level === '142') age = r.chance(0.15) ? r.float(28.5, 35) : r.normal(42, 7, 28.5, 57);
    else {
      const x = r.next();
      age = x < 0.34 ? r.float(22.8, 32) : x < 0.76 ? r.float(32, 50) : r.float(50, 59.5);
      if (middle && age < 28) age += 6;
    }
    const maxAge = sex === '2' ? 55.2 : 59.9;
    if (age > maxAge) age = maxAge - r.float(0, 3);

    // ── education (full-time first), decided on the birth cohort
    const military = sex === '1' && !middle && age > 40 && r.chance(pos ? 0.06 : 0.04) && unit.civilService;
    const birthYear = this.asOfYear - age;
    let ft: '11' | '21' | '31' | '35' | '37';
    if (military) ft = '37';
    else {
      const x = r.next();
      const healthOrEdu = unit.domainKey === 'health' || unit.domainKey === 'education';
      if (birthYear < 1972) ft = x < 0.13 ? '35' : x < 0.46 ? '31' : x < 0.97 ? '21' : '11';
      else if (birthYear < 1985) ft = x < 0.13 ? '31' : x < 0.84 ? '21' : '11';
      else ft = x < 0.04 ? '31' : x < (healthOrEdu ? 0.5 : 0.64) ? '21' : '11';
    }
    const gradAge = ft === '11' ? r.float(24.8, 26.5) : ft === '21' ? r.float(21.8, 23.3) : ft === '31' ? r.float(20, 21.5) : ft === '35' ? r.float(18.2, 19.5) : r.float(18, 18.9);
    const gap = military ? 0.4 : r.chance(0.12) ? r.float(0.2, 2) : r.float(0.05, 0.25);
    // minimum working years the ladder needs
    const ladder = LEVEL_ORDER.slice(0, LEVEL_ORDER.indexOf(level) + 1);
    let needYears = 0.3;
    for (let i = 0; i < ladder.length - 1; i++) needYears += PROMOTION_MIN_YEARS[ladder[i]] + 0.3;
    if (age - gradAge - gap < needYears + 0.4) age = Math.min(maxAge, gradAge + gap + needYears + 0.5 + r.float(0, 2.5));
    let birth = this.asOf - Math.round(age * YEAR) - r.int(0, 30);
    const birthStr0 = fmt(birth);
    if (isPastRetirement(birthStr0, sex, 'cadre', fmt(this.asOf))) birth += this.yrs(1.5);
    age = (this.asOf - birth) / YEAR;

    const gradDay = (ageAt: number) => {
      // graduation in late June / early July of the year the person reaches ageAt
      const y = yearOf(birth + Math.round(ageAt * YEAR));
      return this.day(y, r.chance(0.5) ? 6 : 7, r.int(20, 30) > 28 && r.chance(0.5) ? 30 : r.int(20, 30));
    };
    let ftEnd = gradDay(gradAge);
    if (ftEnd - birth < this.yrs(17.8)) ftEnd = addYearsDay(ftEnd, 1);
    let workStart = military ? this.day(yearOf(ftEnd), 12, r.int(1, 20)) : ftEnd + Math.round(gap * YEAR) + r.int(20, 70);
    if (workStart > this.asOf - 30) workStart = this.asOf - r.int(30, 90);
    if (workStart < ftEnd + 1) workStart = ftEnd + 1;

    // ── intake channel
    let intake: string;
    if (military) intake = '军转安置';
    else if (unit.kind === '事业单位' && !pos) intake = r.chance(0.8) ? '事业单位招聘' : '其他';
    else if (unit.kind === '国有企业' && !pos) intake = '其他';
    else if (yearOf(workStart) < 1995) intake = r.chance(0.5) ? '公务员招录' : '其他';
    else {
      const x = r.next();
      const grad = ft === '11' || ft === '21';
      intake = grad && x < (pos ? 0.2 : 0.12) ? '选调生' : yearOf(workStart) >= 2008 && x < 0.3 ? '到村工作大学生' : ft === '11' && x < 0.5 ? '引进' : '公务员招录';
    }

    // ── majors, education rows
    const major = T.MAJORS[r.chance(0.55) ? r.pick(unit.domain.majors) : r.pick(T.GENERAL_MAJORS)] ?? T.MAJORS['法学'];
    type Edu = { mode: string; education: string; degree: string | null; school: string; major: string | null; cat: string | null; start: Day; end: Day };
    const edus: Edu[] = [];
    if (ft === '11') {
      const bEnd = ftEnd - this.yrs(r.chance(0.8) ? 3 : 2) - r.int(0, 10);
      const bMajor = r.chance(0.7) ? major : T.MAJORS[r.pick(T.GENERAL_MAJORS)] ?? major;
      edus.push({ mode: '全日制', education: '21', degree: '4' + bMajor[2], school: this.bachelorSchools.draw(r), major: bMajor[0], cat: bMajor[1], start: addYearsDay(bEnd, -4) - r.int(60, 75), end: bEnd });
      edus.push({ mode: '全日制', education: '11', degree: '3' + major[2], school: this.masterSchools.draw(r), major: major[0], cat: major[1], start: bEnd + r.int(60, 75), end: ftEnd });
    } else if (ft === '21') {
      edus.push({ mode: '全日制', education: '21', degree: '4' + major[2], school: this.bachelorSchools.draw(r), major: major[0], cat: major[1], start: addYearsDay(ftEnd, -4) - r.int(60, 75), end: ftEnd });
    } else if (ft === '31') {
      edus.push({ mode: '全日制', education: '31', degree: null, school: r.pick(T.SCHOOLS_COLLEGE), major: major[0], cat: major[1], start: addYearsDay(ftEnd, -3) - r.int(60, 75), end: ftEnd });
    } else if (ft === '35') {
      edus.push({ mode: '全日制', education: '35', degree: null, school: r.pick(T.SCHOOLS_SECONDARY), major: r.pick(['财会', '农学', '文秘', '中文']), cat: null, start: addYearsDay(ftEnd, -3) - r.int(60, 75), end: ftEnd });
    } else {
      edus.push({ mode: '全日制', education: '37', degree: null, school: r.pick(T.SCHOOLS_HIGH), major: null, cat: null, start: addYearsDay(ftEnd, -3) - r.int(60, 75), end: ftEnd });
    }
    const workYears = (this.asOf - workStart) / YEAR;
    if ((ft === '31' || ft === '35' || ft === '37') && workYears > 5 && r.chance(ft === '37' ? 0.9 : 0.75)) {
      const s = workStart + this.yrs(r.float(1, Math.min(12, workYears - 3.5)));
      const m = r.pick(T.INSERVICE_MAJORS);
      const edu = r.chance(0.45) ? '21' : r.chance(0.5) ? '22' : '23';
      const school = edu === '22' ? '中央党校函授学院' : edu === '23' ? '江南省委党校' : r.pick(['江西财经大学', '南昌大学', '江南广播电视大学']);
      const cat = m === '法律' ? '法学' : m === '经济管理' ? '经济学' : '管理学';
      edus.push({ mode: '在职', education: edu, degree: edu === '21' && r.chance(0.5) ? (m === '法律' ? '403' : m === '经济管理' ? '402' : '412') : null, school, major: m, cat, start: this.day(yearOf(s), 9, 1), end: this.day(yearOf(s) + 3, 7, 1) });
    }
    if (ft === '21' && workYears > 7 && r.chance(pos ? 0.28 : 0.08)) {
      const s = workStart + this.yrs(r.float(3, Math.min(18, workYears - 3)));
      const x = r.next();
      const [edu, degree, m, cat, school] =
        x < 0.45 ? ['11', '349', '公共管理', '管理学', r.pick(['南昌大学', '江西财经大学', '江西师范大学'])]
          : x < 0.6 ? ['11', '341', '法律', '法学', r.pick(['南昌大学', '江西财经大学'])]
            : x < 0.8 ? ['1B', null, r.pick(['经济管理', '政治学', '法学']), '管理学', '江南省委党校']
              : ['1A', null, r.pick(['经济管理', '政治学']), '管理学', '中央党校'];
      edus.push({ mode: '在职', education: edu as string, degree: degree as string | null, school: school as string, major: m as string, cat: cat as string, start: this.day(yearOf(s), 9, 1), end: this.day(yearOf(s) + 3, 6, 30) });
    }
    const doneEdus = edus.filter((e) => e.end <= this.asOf);
    let highest = doneEdus[0];
    for (const e of doneEdus) if (EDU_RANK[e.education] > EDU_RANK[highest.education]) highest = e;
    let ftTop = edus[0];
    for (const e of edus) if (e.mode === '全日制' && EDU_RANK[e.education] > EDU_RANK[ftTop.education]) ftTop = e;
    const degRank = (d: string | null) => (d == null ? 0 : d[0] === '2' ? 4 : d[0] === '3' ? 3 : 2);
    let hiDeg: string | null = null;
    for (const e of doneEdus) if (degRank(e.degree) > degRank(hiDeg)) hiDeg = e.degree;
    const specialtyCategory = highest.cat ?? ftTop.cat ?? null;

    // ── political status
    const youngish = age < 28;
    let party = '01';
    if (pos) {
      if (!pos.isChief && unit.needs.nonParty && !unit.hasNonParty && pos.category === '行政' && r.chance(0.75)) {
        party = r.chance(0.6) ? r.pick(['04', '05', '06', '07', '08', '09', '10']) : '12';
        unit.hasNonParty = true;
      } else if (!pos.isChief && r.chance(0.015)) party = r.pick(['05', '06', '07', '12']);
    } else {
      const x = r.next();
      party = x < 0.83 ? '01' : x < 0.86 ? (youngish ? '02' : '01') : x < 0.89 ? (youngish ? '03' : '13') : x < 0.925 ? r.pick(['04', '05', '06', '07', '08', '09', '10']) : x < 0.95 ? '12' : '13';
    }
    let partyJoin: Day | null = null;
    if (party === '01' || party === '02') {
      const eighteen = addYearsDay(birth, 18) + 1;
      if (party === '02') partyJoin = this.asOf - r.int(30, 330);
      else if (edus[0].mode === '全日制' && (ft === '21' || ft === '11') && r.chance(0.55)) partyJoin = this.randDay(edus[0].start + 300, edus[0].end - 30);
      else partyJoin = workStart + this.yrs(r.float(0.5, Math.max(0.8, Math.min(10, workYears - 1.2))));
      if (partyJoin < eighteen) partyJoin = eighteen + r.int(0, 200);
      if (partyJoin > this.asOf - 380 && party === '01') partyJoin = this.asOf - r.int(380, 500);
      if (partyJoin < eighteen) party = '13'; // cannot fit: too young to be a full member
      if (party === '13') partyJoin = null;
    }
    if (party !== '01' && party !== '02' && pos?.isChief) party = '01';
    if (party === '01' && partyJoin == null) partyJoin = Math.max(addYearsDay(birth, 18) + 30, workStart + 200);

    // ── career segments
    const segs = this.careerSegments(unit, pos, level, workStart, intake, middle);
    const cur = segs[segs.length - 1];
    const postStart = cur.start;
    let levelStart = postStart;
    for (let i = segs.length - 1; i >= 0 && segs[i].level === level; i--) levelStart = segs[i].start;

    // ── person record
    const name = this.pickName(sex);
    const p: Person = {
      id, sex, birth, age, name, party, partyJoin, workStart, q, level, unit, pos, postStart, levelStart,
      rankIdx: -1, intake, highestCategory: specialtyCategory ?? '', exp: new Set(), grassrootsYears: 0,
      excellentYears: [], disciplined: null, young: false, lastRankStart: 0,
    };
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      const end = i + 1 < segs.length ? segs[i + 1].start : this.asOf;
      for (const e of s.exp) p.exp.add(e);
      if (s.grassroots) p.grassrootsYears += (end - s.start) / YEAR;
    }
    p.young = age <= (level === '132' ? 40 : level === '131' ? 45 : 35);
    this.people.push(p);

    // ── rank (职级) for civil servants: 2019-06 套转, then promotions
    const rankRows: { code: string; start: Day }[] = [];
    if (unit.civilService) {
      const reform = this.day(2019, 6, 1);
      const levelAt = (d: Day) => {
        let l = '150';
        for (const s of segs) if (s.start <= d) l = s.level;
        return l;
      };
      const floorOf: Record<string, number> = { '150': 0, '142': 2, '141': 4, '132': 6, '131': 7 };
      const capOf: Record<string, number> = { '150': 5, '142': 5, '141': 6, '132': 8, '131': 9 };
      let idx: number;
      let t: Day;
      if (workStart + 365 < reform) {
        const w = (reform - workStart) / YEAR;
        idx = w < 3 ? 1 : w < 8 ? 2 : w < 14 ? 3 : w < 20 ? 4 : 5;
        if (r.chance(0.4)) idx--;
        const l = levelAt(reform);
        idx = Math.min(Math.max(idx, floorOf[l], 0), capOf[l]);
        t = reform;
      } else {
        idx = ft === '11' ? 2 : ft === '21' ? 1 : 0;
        t = addYearsDay(workStart, 1);
      }
      if (t <= this.asOf) {
        rankRows.push({ code: RANKS[idx].code, start: t });
        for (;;) {
          const wait = RANKS[idx].minYears + (q > 0.8 ? r.float(0, 1) : pos ? r.float(0.1, 3) : r.float(0.5, 6));
          const next = t + this.yrs(wait) + r.int(0, 60);
          if (next > this.asOf || idx + 1 >= RANKS.length) break;
          const l = levelAt(next);
          if (idx + 1 > capOf[l] || (!pos && idx + 1 > (q > 0.3 ? 5 : 4))) break;
          idx++;
          t = next;
          rankRows.push({ code: RANKS[idx].code, start: t });
        }
        p.rankIdx = idx;
        p.lastRankStart = t;
      }
    }

    // ── cadre row
    const tags = this.tagsFor(p, major[1], unit);
    const expertise = p.exp.size ? `熟悉${[...p.exp].filter((e) => e !== '基层' && e !== '镇街').slice(0, 2).join('、') || '基层'}工作` : null;
    const professional = !unit.civilService && r.chance(0.6) ? r.pick(T.PROFESSIONAL_TITLES[unit.domainKey] ?? T.PROFESSIONAL_TITLES.default) : null;
    const style = r.chance(q > 0.5 && age < 45 ? 0.45 : 0.18) ? 'tiger' : r.chance(age > 45 ? 0.35 : 0.18) ? 'ox' : null;
    const native = this.natives.draw(r);
    const postTitle = cur.title.startsWith(unit.name) ? cur.title : `${unit.name}${cur.title}`;
    ds.cadre.push({
      id,
      name,
      pinyin: pinyinInitials(name),
      sex,
      ethnicity: this.ethnic.draw(r),
      birthDate: fmt(birth),
      nativePlace: native,
      birthPlace: r.chance(0.8) ? native : this.natives.draw(r),
      idNumber: this.idNumber(birth, sex),
      politicalStatus: party,
      partyJoinDate: partyJoin == null ? null : fmt(partyJoin),
      workStartDate: fmt(workStart),
      health: r.chance(0.97) ? '健康' : '良好',
      professionalTitle: professional,
      expertise,
      specialtyCategory,
      fullTimeEducation: ftTop.education,
      fullTimeDegree: ftTop.degree,
      highestEducation: highest.education,
      highestDegree: hiDeg,
      currentOrgId: unit.id,
      currentPositionId: pos ? pos.id : null,
      currentPostTitle: pos && unit.tpl === 'root' ? `${pos.title.startsWith('区') ? '临江' : T.DISTRICT.name}${pos.title}` : postTitle,
      postLevel: level,
      rank: p.rankIdx >= 0 ? RANKS[p.rankIdx].code : null,
      postStartDate: fmt(postStart),
      levelStartDate: fmt(levelStart),
      status: '在职',
      style,
      tags,
      intakeChannel: intake,
    });

    for (const e of edus) {
      if (e.start > this.asOf) continue;
      ds.education.push({
        id: ds.education.length + 1, cadreId: id, mode: e.mode, education: e.education, degree: e.end <= this.asOf ? e.degree : null,
        school: e.school, major: e.major, majorCategory: e.cat, startDate: fmt(e.start), endDate: e.end <= this.asOf ? fmt(e.end) : null,
      });
    }

    // career rows, appointments, post-level history, movements
    let lvStart = segs[0].start;
    let apptsBack = 0;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      const end = i + 1 < segs.length ? segs[i + 1].start : null;
      ds.career.push({
        id: ds.career.length + 1, cadreId: id, startDate: fmt(s.start), endDate: end == null ? null : fmt(end),
        orgName: s.orgName, postTitle: s.title, postLevel: s.level, isGrassroots: s.grassroots, experienceTypes: s.exp,
      });
      if (i + 1 >= segs.length || segs[i + 1].level !== s.level) {
        ds.rankHistory.push({
          id: ds.rankHistory.length + 1, cadreId: id, kind: 'post_level', code: s.level, startDate: fmt(lvStart), endDate: end == null ? null : fmt(end),
          docNo: s.level === '150' ? null : this.docNo(s.level, lvStart),
        });
        if (end != null) lvStart = end;
      }
    }
    for (let i = segs.length - 1; i >= 0; i--) {
      const s = segs[i];
      if (!s.pos) continue;
      const end = i + 1 < segs.length ? segs[i + 1].start : null;
      if (end != null && apptsBack >= 2) continue;
      if (end != null) apptsBack++;
      const method = s.pos.category === '企业经营' ? '聘任' : s.pos.unit.isTown && s.pos.isChief && s.pos.category === '行政' ? '选任' : '委任';
      ds.appointment.push({
        id: ds.appointment.length + 1, cadreId: id, positionId: s.pos.id, startDate: fmt(s.start), endDate: end == null ? null : fmt(end),
        method, kind: '任职', docNo: this.docNo(s.level, s.start),
        endReason: end == null ? null : segs[i + 1].level !== s.level ? '提拔任职' : '交流任职',
      });
      if (!this.lite && i > 0) {
        const prev = segs[i - 1];
        ds.movement.push({
          id: ds.movement.length + 1, cadreId: id,
          kind: prev.level === s.level && prev.orgName !== s.orgName ? '交流轮岗' : '任职',
          date: fmt(s.start), fromOrg: prev.orgName, toOrg: s.orgName, hostUnit: null, startDate: fmt(s.start), endDate: null,
          docNo: this.docNo(s.level, s.start), note: prev.level === s.level ? '同级交流' : `由${prev.title}提任${s.title}`,
        });
      }
    }
    for (let i = 0; i < rankRows.length; i++) {
      const rr = rankRows[i];
      const end = i + 1 < rankRows.length ? rankRows[i + 1].start : null;
      ds.rankHistory.push({
        id: ds.rankHistory.length + 1, cadreId: id, kind: 'rank', code: rr.code, startDate: fmt(rr.start), endDate: end == null ? null : fmt(end),
        docNo: `临组${rr.start > this.day(2019, 6, 1) ? '职级' : '套转'}〔${yearOf(rr.start)}〕${r.int(1, 60)}号`,
      });
      if (!this.lite && i > 0 && rr.start > this.asOf - this.yrs(3)) {
        ds.movement.push({
          id: ds.movement.length + 1, cadreId: id, kind: '职级晋升', date: fmt(rr.start), fromOrg: unit.name, toOrg: unit.name, hostUnit: null,
          startDate: fmt(rr.start), endDate: null, docNo: `临组职级〔${yearOf(rr.start)}〕${r.int(1, 60)}号`,
          note: `${RANKS[RANKS.findIndex((x) => x.code === rankRows[i - 1].code)].name}晋升为${RANKS[RANKS.findIndex((x) => x.code === rr.code)].name}`,
        });
      }
    }
    this.sections(p);
  }

  private docNo(level: string, d: Day): string {
    const y = yearOf(d);
    const n = 1 + Math.floor(this.rng.next() * 80);
    return level === '131' || level === '132' ? `江组干字〔${y}〕${n}号` : level === '150' ? `临人社〔${y}〕${n}号` : `临组干字〔${y}〕${n}号`;
  }

  /** career segments from work start to asOf; the last one is the current post */
  private careerSegments(unit: Unit, pos: Pos | null, level: string, workStart: Day, intake: string, middle: boolean): Seg[] {
    const r = this.rng;
    const A = (this.asOf - workStart) / YEAR;
    const segs: Seg[] = [];
    const ladder = LEVEL_ORDER.slice(0, LEVEL_ORDER.indexOf(level) + 1);
    const needGrass = level === '131' || level === '132';

    if (!pos) {
      // non-leading staff: 1-3 posts, last in the current unit
      // the current post usually began within the last 10 years; earlier years in 1-2 other posts
      const lastLen = A <= 1.5 ? A : Math.min(A, r.chance(0.05) ? r.float(1, 16) : r.float(0.5, 10));
      const n = A - lastLen < 0.8 ? 1 : A - lastLen < 4 ? 2 : r.int(2, 3);
      const cuts: number[] = [0];
      if (n === 3) cuts.push(r.float(0.3, 0.7) * (A - lastLen));
      if (n > 1) cuts.push(A - lastLen);
      for (let i = 0; i < n; i++) {
        const u = i === n - 1 ? unit : i === 0 && (intake === '选调生' || intake === '到村工作大学生') ? r.pick(this.towns) : this.unitPicker.draw(r);
        const start = workStart + this.yrs(cuts[i]);
        segs.push(this.staffSeg(u, start, i === 0 && intake === '到村工作大学生'));
      }
      if (middle) {
        const last = segs[segs.length - 1];
        const span = (this.asOf - last.start) / YEAR;
        const headTitle = unit.kind === '国有企业' ? r.pick(['经理', '副经理']) : unit.kind === '事业单位' ? r.pick(['科长', '副科长']) : unit.isTown ? '主任' : r.pick(['股长', '副股长', '主任']);
        const office = r.pick(unit.offices);
        const title = `${office}${office === '办公室' && headTitle.endsWith('股长') ? '主任' : headTitle}`;
        if (span > 3) {
          const s = last.start + this.yrs(r.float(1.5, span - 0.5));
          segs.push({ ...last, start: s, title });
        } else last.title = title;
      }
      return segs;
    }

    // leaders: durations (years), backwards from asOf
    const x = r.next();
    let T0 = x < 0.42 ? r.float(0.2, 3) : x < 0.76 ? r.float(3, 5) : x < 0.95 ? r.float(5, 10) : r.float(10, 14);
    let prior = T0 < 8 && r.chance(0.45) ? r.float(1.5, 5) : 0;
    const lower = ladder.slice(1, -1); // leadership levels below the current one
    const mins = lower.map((l) => PROMOTION_MIN_YEARS[l] + 0.05);
    const extras = lower.map(() => r.float(0, 4.5));
    const min150 = PROMOTION_MIN_YEARS['150'] + 0.05;
    const sum = () => T0 + prior + mins.reduce((s, v) => s + v, 0) + extras.reduce((s, v) => s + v, 0);
    let excess = sum() + min150 + (needGrass ? 0 : 0) - A;
    if (excess > 0) {
      const cut = Math.min(prior, excess);
      prior -= cut;
      excess -= cut;
    }
    for (let i = 0; i < extras.length && excess > 0; i++) {
      const cut = Math.min(extras[i], excess);
      extras[i] -= cut;
      excess -= cut;
    }
    if (excess > 0) T0 = Math.max(0.1, T0 - excess);
    const r150 = A - sum();

    // forward
    let t = workStart;
    // 科员 period: 1-3 posts
    const n150 = r150 < 3 ? 1 : r.int(1, Math.min(3, Math.floor(r150 / 2)));
    const grassFirst = intake === '选调生' || intake === '到村工作大学生' || needGrass || r.chance(0.4);
    if (intake === '军转安置') {
      const army = Math.min(r150 - 1, r.float(8, 16));
      if (army > 1) {
        segs.push({ start: t, level: '150', orgName: `中国人民解放军${r.int(31000, 96999)}部队`, title: r.pick(['战士、班长', '排长、副连长', '连长、副营长']), grassroots: false, exp: ['应急'] });
        t += this.yrs(army);
      }
    }
    const end150 = workStart + this.yrs(r150);
    const n150b = needGrass ? 1 : Math.max(1, n150 - (segs.length ? 1 : 0));
    for (let i = 0; i < n150b; i++) {
      const start = i === 0 ? t : t + Math.round(((end150 - t) * i) / n150b);
      const u = i === 0 && grassFirst ? r.pick(this.towns) : this.unitPicker.draw(r);
      segs.push(this.staffSeg(u, start, i === 0 && intake === '到村工作大学生'));
    }
    t = end150;
    for (let k = 0; k < lower.length; k++) {
      const l = lower[k];
      const d = mins[k] + extras[k];
      const mustTown = needGrass && k === 0 && (intake === '军转安置' || !grassFirst);
      const split = d > 4 && !mustTown && r.chance(0.5);
      const inTown = mustTown || r.chance(0.35);
      segs.push(this.leaderSeg(l, t, inTown, unit));
      if (split) segs.push(this.leaderSeg(l, t + this.yrs(r.float(1.5, d - 1.5)), r.chance(0.3), unit));
      t += this.yrs(d);
    }
    if (prior > 0) {
      segs.push(this.leaderSeg(level, t, r.chance(0.35), unit));
      t += this.yrs(prior);
    }
    const start = Math.min(t, this.asOf - 20);
    segs.push({ start, level, orgName: unit.name, title: pos.title, grassroots: unit.isTown, exp: this.segExp(unit), pos, unit });
    // enforce strictly increasing starts
    for (let i = 1; i < segs.length; i++) if (segs[i].start <= segs[i - 1].start) segs[i].start = segs[i - 1].start + 1;
    return segs;
  }

  private segExp(u: Unit): string[] {
    const e = u.domain.experience.slice(0, 3);
    return e;
  }

  private staffSeg(u: Unit, start: Day, village: boolean): Seg {
    const r = this.rng;
    if (village && u.isTown) {
      const v = `${r.pick(T.PLACE_A)}${r.pick(T.PLACE_B)}${u.tpl === 'street' ? '社区' : '村'}`;
      return { start, level: '150', orgName: `${u.name}${v}`, title: u.tpl === 'street' ? '社区党委书记助理' : '村党支部书记助理', grassroots: true, exp: ['基层', '镇街', '乡村振兴'].slice(0, u.tpl === 'street' ? 2 : 3) };
    }
    const staffTitle = u.kind === '国有企业' ? '职员' : u.kind === '事业单位' ? '工作人员' : '科员';
    return { start, level: '150', orgName: u.name, title: `${r.pick(u.offices)}${staffTitle}`, grassroots: u.isTown, exp: this.segExp(u), unit: u };
  }

  private leaderSeg(level: string, start: Day, inTown: boolean, avoid: Unit): Seg {
    const r = this.rng;
    const cands = this.posByLevel[level];
    let p = r.pick(cands);
    for (let i = 0; i < 6; i++) {
      if (p.unit !== avoid && (!inTown || p.unit.isTown)) break;
      p = r.pick(cands);
    }
    return { start, level, orgName: p.unit.name, title: p.title, grassroots: p.unit.isTown, exp: this.segExp(p.unit), pos: p, unit: p.unit };
  }

  private tagsFor(p: Person, majorCat: string, unit: Unit): string[] {
    const r = this.rng;
    const tags = new Set<string>();
    if (p.grassrootsYears >= 5) tags.add('基层经验丰富');
    if (p.exp.has('招商引资') && p.q > 0.3) tags.add('招商能手');
    if (majorCat === '法学' || p.highestCategory === '法学') tags.add('熟悉法律');
    if (majorCat === '经济学' || p.highestCategory === '经济学' || p.exp.has('经济')) if (r.chance(0.6)) tags.add('懂经济');
    if (p.exp.has('城建规划') && r.chance(0.5)) tags.add('城建规划专长');
    if (p.exp.has('应急') && r.chance(0.5)) tags.add('应急处突能力强');
    if (r.chance(0.35)) tags.add(r.pick(unit.domain.tags));
    if (p.q > 1.2 && r.chance(0.5)) tags.add('敢于担当');
    if (p.q < -1.6 && r.chance(0.5)) tags.add('进取意识不强');
    return [...tags];
  }

  // ───────────────────────────── per-cadre sections ─────────────────────────────
  private sections(p: Person): void {
    const r = this.rng;
    const ds = this.ds;
    const id = p.id;
    const leader = !!p.pos;
    const ws = p.workStart;

    // discipline (~1%): after the level start so no promotion happened inside the impact period
    if (r.chance(leader ? 0.014 : 0.009) && this.asOf - Math.max(p.levelStart, p.lastRankStart, ws + 365) > 90) {
      const x = r.next();
      const [kind, category] = x < 0.4 ? ['警告', '党纪'] : x < 0.55 ? ['警告', '政务'] : x < 0.7 ? ['严重警告', '党纪'] : x < 0.8 ? ['记过', '政务'] : ['诫勉', '组织处理'];
      const from = Math.max(p.levelStart, p.lastRankStart + 1, ws + 365, this.day(2021, 1, 1));
      const date = r.chance(0.45) ? this.randDay(Math.max(from, this.asOf - 330), this.asOf - 20) : this.randDay(from, this.asOf - 20);
      const cat = category === '党纪' && p.party !== '01' && p.party !== '02' ? '政务' : category;
      const months = cat === '政务' && kind === '警告' ? 6 : DISCIPLINE_IMPACT[kind] ?? 12;
      p.disciplined = { date, kind, months };
      ds.discipline.push({
        id: ds.discipline.length + 1, cadreId: id, date: fmt(date), kind, category: cat,
        reason: r.pick(['违反中央八项规定精神，违规收受礼品礼金', '履行监管职责不力，造成不良影响', '违规发放津贴补贴', '形式主义、官僚主义问题突出', '违反工作纪律，信访事项处置不当', '违反廉洁纪律，违规借用管理服务对象车辆', '安全生产监管不到位']),
        authority: cat === '党纪' ? `中共${T.DISTRICT.name}纪律检查委员会` : cat === '政务' ? `${T.DISTRICT.name}监察委员会` : `中共${T.DISTRICT.name}委员会组织部`,
        impactMonths: null, revokedOn: null,
      });
      if (kind === '诫勉') {
        ds.talkRecord.push({ id: ds.talkRecord.length + 1, cadreId: id, date: fmt(date), kind: '诫勉谈话', talker: '区委组织部干部监督科', summary: '指出存在的问题，提出整改要求，本人表示接受组织处理并认真整改', followUp: '三个月后回访，整改到位' });
        ds.supervisionItem.push({ id: ds.supervisionItem.length + 1, cadreId: id, kind: 'action', category: '组织处理', sourceDept: '区委组织部', date: fmt(date), summary: '对其进行诫勉', action: '诫勉', finding: null, closedOn: fmt(date + 30) });
      }
      const impactEnd = addMonthsDay(date, months);
      if (impactEnd < this.asOf - 30 && r.chance(0.5)) {
        ds.careRecord.push({ id: ds.careRecord.length + 1, cadreId: id, kind: '影响期满重新使用', date: fmt(impactEnd + r.int(10, 25)), summary: '影响期满，经考察表现良好，符合重新使用条件', outcome: r.pick(['纳入正常使用', '列入跟踪考察']) });
      } else if (r.chance(0.4)) {
        ds.careRecord.push({ id: ds.careRecord.length + 1, cadreId: id, kind: '受问责干部跟踪回访', date: fmt(Math.min(this.asOf - 1, date + r.int(60, 150))), summary: '开展回访谈心，了解思想和工作状态', outcome: '思想稳定，工作积极' });
      }
    }

    // annual assessments 2021–2025 and quarterly stars for 2026 Q1–Q3
    const pEx = Math.min(0.7, Math.max(0.02, (leader ? 0.24 : 0.15) + 0.11 * p.q));
    let lastEx = 0;
    // (lite: non-leading cadres get the last three years and no quarterly stars)
    for (let y = this.asOfYear - (this.lite && !leader ? 3 : 5); y <= this.asOfYear - 1; y++) {
      const yEnd = this.day(y, 12, 31);
      if (ws > yEnd) continue;
      let result: string;
      let score: number | null;
      const dis = p.disciplined && yearOf(p.disciplined.date) === y ? p.disciplined : null;
      if (ws > this.day(y, 7, 1)) {
        result = '不定等次';
        score = null;
      } else {
        const x = r.next();
        result = x < pEx ? '优秀' : x < pEx + (p.q < -1.5 ? 0.08 : 0.012) ? '基本称职' : x < pEx + (p.q < -1.5 ? 0.1 : 0.0135) ? '不称职' : '称职';
        if (dis && result === '优秀') result = '称职';
        if (dis && (dis.kind === '记过' || dis.kind === '严重警告')) result = r.chance(0.5) ? '基本称职' : '不定等次';
        score =
          result === '优秀' ? r.float(90, 98) : result === '称职' ? Math.min(89.9, Math.max(75, r.normal(84 + 1.5 * p.q, 2.5))) : result === '基本称职' ? r.float(65, 78) : result === '不称职' ? r.float(50, 64) : null;
        if (score != null) score = Math.round(score * 100) / 100;
      }
      if (result === '优秀') {
        p.excellentYears.push(y);
        lastEx++;
      } else lastEx = 0;
      ds.assessment.push({ id: ds.assessment.length + 1, cadreId: id, year: y, quarter: null, result, score, stars: null, remark: null });
      if (result === '优秀' && !dis) {
        const three = lastEx >= 3 && lastEx % 3 === 0;
        ds.reward.push({ id: ds.reward.length + 1, cadreId: id, date: fmt(this.day(y + 1, 3, r.int(1, 28))), name: three ? '记三等功' : '嘉奖', level: '区级', issuer: `${T.DISTRICT.name}人民政府` });
      }
    }
    const qDone = Math.floor((civil(this.asOf)[1] - 1) / 3);
    for (let qq = 1; qq <= qDone; qq++) {
      const qEnd = this.day(this.asOfYear, qq * 3, 28);
      if (ws > qEnd) continue;
      if (this.lite && !leader) break;
      const base = 3.3 + 0.75 * p.q + r.float(-0.8, 0.8);
      const stars = Math.max(1, Math.min(5, Math.round(base)));
      ds.assessment.push({ id: ds.assessment.length + 1, cadreId: id, year: this.asOfYear, quarter: qq, result: null, score: null, stars, remark: stars >= 5 ? '季度五星' : null });
    }

    // training: last three years (lite: last two)
    for (let y = this.asOfYear - (this.lite ? 1 : 2); y <= this.asOfYear; y++) {
      if (ws > this.day(y, 10, 1)) continue;
      const lastDay = y === this.asOfYear ? this.asOf - 5 : this.day(y, 12, 20);
      const online = Math.round(r.float(leader ? 30 : 20, 60));
      ds.training.push({ id: ds.training.length + 1, cadreId: id, name: `${y}年度干部网络学院在线学习`, organizer: '江州干部网络学院', startDate: fmt(Math.max(ws + 5, this.day(y, 1, 10))), endDate: fmt(lastDay), hours: online, mode: '在线', isPolitical: false });
      const off = this.lite ? (r.chance(0.4) ? 1 : 0) : r.chance(0.25) ? 2 : r.chance(0.75) ? 1 : 0;
      for (let k = 0; k < off; k++) {
        const political = r.chance(leader || p.young ? 0.45 : 0.25);
        const days = political ? r.pick([5, 7, 7, 10, 14]) : r.pick([3, 4, 5, 5, 7]);
        const s = this.randDay(Math.max(ws + 10, this.day(y, 3, 1)), Math.min(this.day(y, 11, 30), lastDay - days - 1));
        const name = political
          ? r.pick(['党性教育专题培训班', '学习贯彻习近平新时代中国特色社会主义思想专题读书班', '科级干部进修班', '年轻干部理想信念教育培训班'])
          : r.pick(['经济工作专题培训班', '依法行政能力提升班', '基层治理能力提升专题班', '招商引资实务培训班', '应急管理能力培训班', '数字化改革专题培训班', '乡村振兴专题培训班']);
        ds.training.push({
          id: ds.training.length + 1, cadreId: id, name: `${y}年${name}`, organizer: political ? r.pick(['中共临江区委党校', '江州市委党校', '中共临江区委组织部']) : r.pick(['中共临江区委组织部', `${T.DISTRICT.name}人力资源和社会保障局`, '江州市委党校']),
          startDate: fmt(s), endDate: fmt(s + days - 1), hours: days * 8, mode: '脱产', isPolitical: political,
        });
      }
    }

    // other rewards
    if (r.chance(0.05) && (p.party === '01') && ws < this.day(this.asOfYear - 2, 1, 1)) {
      const y = r.int(Math.max(yearOf(ws) + 1, this.asOfYear - 5), this.asOfYear - 1);
      ds.reward.push({ id: ds.reward.length + 1, cadreId: id, date: fmt(this.day(y, 7, 1)), name: '优秀共产党员', level: '区级', issuer: `中共${T.DISTRICT.name}委员会` });
    }
    if (r.chance(0.04) && ws < this.day(2022, 1, 1)) {
      const [y, n] = r.pick([[2022, '疫情防控工作先进个人'], [2024, '防汛抗洪先进个人'], [2023, '招商引资先进个人'], [2025, '平安建设先进个人']] as [number, string][]);
      ds.reward.push({ id: ds.reward.length + 1, cadreId: id, date: fmt(this.day(y, 12, r.int(1, 28))), name: n, level: r.chance(0.8) ? '区级' : '市级', issuer: r.chance(0.8) ? `中共${T.DISTRICT.name}委员会、${T.DISTRICT.name}人民政府` : '中共江州市委、江州市人民政府' });
    }

    // 挂职
    if (r.chance(p.young ? 0.06 : 0.015) && this.asOf - p.postStart > 200) {
      const s = this.randDay(Math.max(p.postStart, this.asOf - this.yrs(3)), this.asOf - 60);
      ds.movement.push({
        id: ds.movement.length + 1, cadreId: id, kind: r.chance(0.7) ? '挂职' : '上挂下派', date: fmt(s), fromOrg: p.unit.name, toOrg: null,
        hostUnit: r.pick(['江州市发展和改革委员会', '中共江州市委组织部', '江南省商务厅', '对口帮扶地区青阳县', '江州市自然资源和规划局', '上海市浦东新区商务委员会', '临江区信访局（下派）']),
        startDate: fmt(s), endDate: fmt(addYearsDay(s, r.chance(0.6) ? 1 : 2)), docNo: `临组干字〔${yearOf(s)}〕${r.int(1, 80)}号`, note: '挂职锻炼',
      });
    }

    // key moments
    if (r.chance(leader ? 0.35 : 0.12) && ws < this.day(2022, 1, 1)) {
      const n = r.chance(0.3) ? 2 : 1;
      const ev = r.sample(
        [
          ['2022-04-15', '疫情防控攻坚', '牵头落实片区封控管控措施，连续奋战40余天'],
          ['2024-06-25', '防汛抗洪抢险', '坚守圩堤一线，组织转移群众，未发生人员伤亡'],
          ['2023-09-10', '重点项目攻坚', '推动重大产业项目签约落地，提前完成征迁任务'],
          ['2025-03-20', '信访积案化解', '包案化解信访积案3件，实现案结事了'],
          ['2025-08-12', '安全生产专项整治', '带队开展隐患排查，整改问题隐患120余处'],
          ['2023-05-18', '城市更新征迁', '完成老旧片区征迁签约，零强拆零上访'],
          ['2024-11-05', '招商引资专项行动', '赴长三角、珠三角招商，引进亿元以上项目2个'],
        ],
        n,
      );
      for (const [d, e, perf] of ev) {
        const rating = p.q > 1 ? '突出' : p.q > -0.5 ? '较好' : p.q > -1.8 ? '一般' : '较差';
        ds.keyMoment.push({ id: ds.keyMoment.length + 1, cadreId: id, date: d, event: e, performance: perf, rating, recorder: '区委组织部干部一科' });
        if (e === '防汛抗洪抢险' || e === '疫情防控攻坚') p.exp.add('应急');
      }
    }

    // political quality file
    if ((leader ? r.chance(0.9) : r.chance(this.lite ? 0.1 : 0.25)) && ws < this.day(this.asOfYear - 1, 12, 1)) {
      const s = (bias: number) => Math.max(1, Math.min(5, Math.round(4 + 0.5 * p.q + bias + r.float(-0.7, 0.7))));
      const loyalty = s(0.4);
      ds.politicalQuality.push({
        id: ds.politicalQuality.length + 1, cadreId: id, date: fmt(this.day(this.asOfYear - 1, 12, r.int(10, 28))),
        loyalty, steadiness: s(0.2), responsibility: s(0), capability: s(-0.2), selfDiscipline: p.disciplined ? Math.min(3, s(0)) : s(0.3),
        summary: loyalty >= 4 ? '政治立场坚定，对党忠诚，能够坚决贯彻落实上级决策部署' : '政治上总体合格，理论学习有待加强',
        recorder: '区委组织部',
      });
    }

    // talk records
    if (!this.lite || leader) {
      if (r.chance(leader ? 0.55 : 0.1) && ws < this.day(this.asOfYear - 1, 12, 1)) {
        ds.talkRecord.push({ id: ds.talkRecord.length + 1, cadreId: id, date: fmt(this.day(this.asOfYear, 1, r.int(8, 30))), kind: '年度考核谈话', talker: `区委组织部考核组`, summary: '听取本人年度工作总结，反馈考核意见', followUp: null });
      }
      if (leader && this.asOf - p.postStart < this.yrs(2) && r.chance(0.7)) {
        ds.talkRecord.push({ id: ds.talkRecord.length + 1, cadreId: id, date: fmt(Math.max(ws, p.postStart - r.int(1, 6))), kind: '任前谈话', talker: '区委组织部领导', summary: '提出任职要求，强调廉洁自律', followUp: null });
      }
      if (p.q < -1.4 && r.chance(0.5) && ws < this.asOf - 120) {
        ds.talkRecord.push({ id: ds.talkRecord.length + 1, cadreId: id, date: fmt(Math.max(ws + 30, this.asOf - r.int(20, 300))), kind: '提醒谈话', talker: '单位主要负责人', summary: '针对工作主动性不强、精神状态不佳等问题进行提醒', followUp: '跟踪观察' });
      }
    }

    // supervision
    if (r.chance(0.02) && ws < this.asOf - 200) {
      const d = this.randDay(Math.max(ws + 30, this.day(2022, 1, 1)), this.asOf - 10);
      const unfounded = r.chance(0.4);
      ds.supervisionItem.push({
        id: ds.supervisionItem.length + 1, cadreId: id, kind: 'negative_info', category: r.pick(['信访举报', '巡察发现问题', '审计发现问题', '12345热线投诉', '网络舆情']),
        sourceDept: r.pick(['区纪委监委', '区委巡察办', '区审计局', '区信访局', '区委网信办', '公安分局', '区法院', '区检察院', '区市场监管局', '区财政局']),
        date: fmt(d), summary: r.pick(['反映其工作作风简单粗暴', '反映其违规插手工程项目', '反映其工作推进不力', '反映其亲属经商办企业情况']),
        action: unfounded ? null : r.pick(['提醒', '函询']), finding: unfounded ? '经核查，反映问题不属实' : '部分属实，已责令整改', closedOn: d + 60 < this.asOf ? fmt(d + 60) : null,
      });
      if (unfounded && r.chance(0.5) && d + 75 < this.asOf) {
        ds.careRecord.push({ id: ds.careRecord.length + 1, cadreId: id, kind: '澄清正名', date: fmt(d + 75), summary: '对不实举报在一定范围内予以澄清正名', outcome: '消除不良影响' });
      }
    }
    if (leader && r.chance(0.08)) {
      const d = this.day(this.asOfYear - r.int(0, 2), r.int(3, 9), r.int(1, 28));
      if (d < this.asOf && d > ws) {
        const finding = r.pick(['填报一致', '填报一致', '填报一致', '漏报房产信息，已批评教育', '少报投资理财情况，予以提醒']);
        ds.supervisionItem.push({ id: ds.supervisionItem.length + 1, cadreId: id, kind: 'personal_matters_check', category: '随机抽查', sourceDept: '区委组织部', date: fmt(d), summary: '个人有关事项报告随机抽查核实', action: finding === '填报一致' ? null : '提醒', finding, closedOn: fmt(d + 45 < this.asOf ? d + 45 : this.asOf) });
      }
    }
    if (leader && p.exp.has('应急') && r.chance(0.03)) {
      const d = this.randDay(Math.max(ws + 400, this.day(2022, 1, 1)), this.asOf - 30);
      ds.careRecord.push({ id: ds.careRecord.length + 1, cadreId: id, kind: '容错免责', date: fmt(d), summary: '在推进重点工作中因先行先试出现失误，符合容错情形', outcome: '予以免责' });
    }

    // family
    if (!this.lite) {
      const surname = p.name.startsWith('欧阳') || p.name.startsWith('上官') || p.name.startsWith('司马') ? p.name.slice(0, 2) : p.name[0];
      const age = (this.asOf - p.birth) / YEAR;
      const birthYear = yearOf(p.birth);
      let spouseSurname = surname;
      if (age > 26 && r.chance(0.9)) {
        const sx: '1' | '2' = p.sex === '1' ? '2' : '1';
        const sName = this.surnames.draw(r) + r.pick(sx === '1' ? T.GIVEN_MALE : T.GIVEN_FEMALE) + (r.chance(0.7) ? r.pick(sx === '1' ? T.GIVEN_MALE : T.GIVEN_FEMALE) : '');
        spouseSurname = sName[0];
        ds.familyMember.push({
          id: ds.familyMember.length + 1, cadreId: id, relation: p.sex === '1' ? '妻子' : '丈夫', name: sName,
          birthDate: fmt(this.day(birthYear + r.int(-3, 3), r.int(1, 12), r.int(1, 28))), politicalStatus: r.chance(0.55) ? '01' : '13',
          workUnitPost: r.pick(['临江区第一中学教师', '江州市第一人民医院医生', '临江区税务局干部', '江州银行临江支行职员', '个体经营', '临江区实验小学教师', '江州市供电公司职员', '企业职员']),
        });
        if (age > 28) {
          const kids = r.chance(0.35) ? 2 : 1;
          const kidSurname = p.sex === '1' ? surname : spouseSurname;
          for (let k = 0; k < kids; k++) {
            const kb = p.birth + this.yrs(r.float(25, 34)) + k * this.yrs(r.float(2, 8));
            if (kb >= this.asOf - 30) continue;
            const ksex = r.chance(0.5) ? '1' : '2';
            const kage = (this.asOf - kb) / YEAR;
            ds.familyMember.push({
              id: ds.familyMember.length + 1, cadreId: id, relation: ksex === '1' ? '儿子' : '女儿',
              name: kidSurname + r.pick(ksex === '1' ? T.GIVEN_MALE : T.GIVEN_FEMALE) + r.pick(ksex === '1' ? T.GIVEN_MALE : T.GIVEN_FEMALE),
              birthDate: fmt(kb), politicalStatus: kage > 18 && kage < 28 ? '03' : kage >= 28 && r.chance(0.4) ? '01' : '13',
              workUnitPost: kage < 6 ? '学龄前' : kage < 18 ? '学生' : kage < 23 ? '大学生' : r.pick(['江州市某公司职员', '南昌市某单位职员', '研究生在读', '临江区某事业单位工作人员']),
            });
          }
        }
      }
      for (const rel of ['父亲', '母亲'] as const) {
        const pb = p.birth - this.yrs(r.float(22, 32));
        const deceased = (this.asOf - pb) / YEAR > 75 && r.chance(0.45);
        ds.familyMember.push({
          id: ds.familyMember.length + 1, cadreId: id, relation: rel, name: rel === '父亲' ? surname + r.pick(T.GIVEN_MALE) + r.pick(T.GIVEN_MALE) : this.surnames.draw(r) + r.pick(T.GIVEN_FEMALE) + r.pick(T.GIVEN_FEMALE),
          birthDate: fmt(pb), politicalStatus: r.chance(0.3) ? '01' : '13', workUnitPost: deceased ? '已去世' : r.pick(['退休', '务农', '退休', '个体经营']),
        });
      }
    }
  }

  // ───────────────────────────── pools, rounds, mentoring, plans ─────────────────────────────
  /**
   * 储备链 (docs/reserve.md): pools with entries in every workflow stage and their history events,
   * 民主推荐 rounds over the generic 正职后备 members, tier suggestions computed by core (推荐集中度 ×
   * 成熟度 from the generated files) and officers' confirmations (mostly agreeing, some not).
   * The 正职后备 reserves scale with the key posts (see below), so about a fifth to a quarter of the
   * key posts show up as 急用现找 at any size (fewer people than posts, as in a tiny data set, give more);
   * the 优秀年轻干部库 scales with the head count (≈ 196 per 2,000 cadres, seed 001).
   */
  buildCollective(): void {
    const r = this.rng;
    const ds = this.ds;
    const asOf = this.asOf;
    const rootId = this.rootId;
    const addPool = (kind: string, name: string, description: string, extra: { level?: string; targetLevel?: string } = {}) => {
      const id = ds.pool.length + 1;
      ds.pool.push({ id, kind, name, orgUnitId: rootId, description, level: extra.level ?? null, targetLevel: extra.targetLevel ?? null });
      return id;
    };
    const fieldOf = (p: Person) =>
      p.exp.has('城建规划') ? '城建' : p.exp.has('法治') ? '法治' : p.exp.has('经济') || p.exp.has('招商引资') ? '经济' : p.exp.has('党建') ? '党建' : '社会治理';
    const open = new Set<string>(); // poolId:cadreId with an open entry
    const event = (e: { id: number; poolId: number; cadreId: number }, ev: Omit<Ins<typeof S.poolEntryEvent>, 'id' | 'entryId' | 'poolId' | 'cadreId'>) =>
      ds.poolEntryEvent.push({ id: ds.poolEntryEvent.length + 1, entryId: e.id, poolId: e.poolId, cadreId: e.cadreId, userId: null, username: 'ganbu', ...ev });
    const exitReasons = DEFAULT_RULES.reserve.exitReasons;
    const rejectReasons = DEFAULT_RULES.reserve.rejectReasons;
    /**
     * one entry with its stage events: 'admitted' walks 单位推荐 → 组织考察 → 比选研究 → 入库 (and
     * sometimes 出库); an in-flight stage stops earlier; 'rejected' drops out before admission
     */
    const enter = (poolId: number, p: Person, field: string | null, reason: string, target: number | null = null, want: 'admitted' | 'nominated' | 'inspected' | 'compared' | 'rejected' = 'admitted') => {
      const key = `${poolId}:${p.id}`;
      if (open.has(key)) return;
      const earliest = Math.max(p.workStart + 365, this.day(2023, 1, 1));
      const inFlight = want !== 'admitted';
      const nominated = inFlight ? this.randDay(Math.max(earliest, asOf - 150), asOf - 20) : this.randDay(Math.min(earliest, asOf - 130), asOf - 110);
      const e: Ins<typeof S.poolEntry> = {
        id: ds.poolEntry.length + 1, poolId, cadreId: p.id, field, targetPositionId: target, stage: 'nominated', stageDate: fmt(nominated),
        enteredOn: fmt(nominated), entryReason: reason, admittedOn: null, exitedOn: null, exitReason: null, tier: null,
      };
      ds.poolEntry.push(e);
      event(e, { kind: 'stage', action: 'nominate', fromStage: null, toStage: 'nominated', reason, date: fmt(nominated), username: 'danwei' });
      let d = nominated;
      const step = (action: string, to: string, days: [number, number], why: string | null) => {
        d = Math.min(d + r.int(days[0], days[1]), asOf - 1);
        event(e, { kind: 'stage', action, fromStage: e.stage, toStage: to, reason: why, date: fmt(d) });
        e.stage = to;
        e.stageDate = fmt(d);
      };
      const order = ['nominated', 'inspected', 'compared', 'admitted'];
      const stopAt = want === 'rejected' ? r.int(0, 2) : order.indexOf(want);
      if (stopAt >= 1) step('inspect', 'inspected', [15, 45], '组织考察：个别谈话、民主测评、实绩核查');
      if (stopAt >= 2) step('compare', 'compared', [10, 30], '比选研究：与同批人选比较');
      if (want === 'rejected') {
        const why = r.pick(rejectReasons.slice(0, -1));
        step('reject', 'rejected', [10, 30], why === '考察未通过' ? '考察中群众公认度不高' : '综合比选未入选');
        e.exitedOn = e.stageDate;
        e.exitReason = why;
        ds.poolEntryEvent[ds.poolEntryEvent.length - 1].exitReason = why;
        return;
      }
      if (stopAt >= 3) {
        step('admit', 'admitted', [7, 25], '部务会研究同意入库');
        e.admittedOn = e.stageDate;
        if (r.chance(0.1) && d < asOf - 200) {
          const out = this.randDay(d + 120, asOf - 10);
          const why = p.q < -0.3 ? r.pick([exitReasons[0], exitReasons[2]]) : exitReasons[3];
          d = out - 1;
          step('exit', 'exited', [1, 1], why === '提拔使用' ? '已提拔使用' : '动态调整出库');
          e.exitedOn = e.stageDate;
          e.exitReason = why;
          ds.poolEntryEvent[ds.poolEntryEvent.length - 1].exitReason = why;
          return;
        }
      }
      open.add(key);
    };
    const ok = (p: Person) => p.workStart < asOf - 400 && (!p.disciplined || addMonthsDay(p.disciplined.date, p.disciplined.months) < asOf);
    const inFlightStage = () => r.pick(['nominated', 'inspected', 'inspected', 'compared', 'rejected'] as const);

    // 优秀年轻干部库 (001: 196 in the pool for a district), 科级
    const young = addPool('优秀年轻干部', '优秀年轻干部库', '区管优秀年轻干部，动态管理、优进绌退', { level: '科级' });
    const youngCands = this.people.filter((p) => p.young && ok(p) && p.age >= 25 && (p.q > -0.2 || p.excellentYears.length > 0));
    youngCands.sort((a, b) => b.q + b.excellentYears.length * 0.3 + (b.pos ? 0.5 : 0) - (a.q + a.excellentYears.length * 0.3 + (a.pos ? 0.5 : 0)) || a.id - b.id);
    const youngN = Math.round(this.N * 0.098);
    // a tenth more pass through the pool (exits), so ~196 remain in it
    const youngPicked = youngCands.slice(0, Math.round(youngN * 1.1));
    for (const p of youngPicked) enter(young, p, fieldOf(p), '单位推荐、组织考察、比选研究确定入库');
    for (const p of r.sample(youngCands.slice(youngPicked.length), Math.min(Math.round(youngN * 0.12), Math.max(0, youngCands.length - youngPicked.length)))) {
      enter(young, p, fieldOf(p), '单位推荐', null, inFlightStage());
    }

    /*
     * 正职后备 (梯队强度, docs/reserve.md "Bench strength"): the reserves scale with the key posts of the
     * registry, not with the head count, so a realistic minority of key posts is 急用现找 at any size.
     * 镇街 正职 posts share generic reserves — 镇街 deputies without a target post back every 镇街 正职 post
     * by the level mapping, and the district-wide 民主推荐 rounds cover them. Every other key post
     * (党政机关 / 事业单位 / 国企 正职 at 141 and 142, 关键岗位, 县处级 posts) gets its own: with probability
     * RESERVE_READY a member the rules will rate 随时能用 (no round for them: 成熟度 ≥ the readyNow
     * threshold decides), sometimes a second member; otherwise nobody or only members still growing
     * (短期可用 / 未来有用). Officers' confirmations (suggestTiers) move a few a step either way.
     */
    const chiefPool = addPool('正职后备', '正职后备干部库', '乡科级正职后备人选', { targetLevel: '141' });
    const readyAt = DEFAULT_RULES.reserveTiers.readyNow.maturity * 100;
    const reserved = new Set<number>(); // cadres already reserves for a post (one target each)
    const byKind = (list: Person[]) => {
      const m = new Map<string, Person[]>();
      for (const p of list) {
        let l = m.get(p.unit.kind);
        if (!l) m.set(p.unit.kind, (l = []));
        l.push(p);
      }
      return m;
    };
    // successors of 141 posts: 副科 deputies; of 142 正职 posts (镇属事业单位, 国企子公司): experienced 科员-level staff
    const deputies = this.people.filter((p) => p.level === '142' && ok(p) && (asOf - p.levelStart) / YEAR >= 2 && p.q > -0.3);
    const juniors = this.people.filter((p) => p.level === '150' && ok(p) && (asOf - p.workStart) / YEAR >= 5 && p.age <= 50 && p.q > -0.2);
    const deputiesByKind = byKind(deputies);
    const juniorsByKind = byKind(juniors);
    /** up to n random candidates of the list not yet reserved (deterministic by the rng) */
    const draw = (list: Person[], n: number, not: (p: Person) => boolean = () => false): Person[] => {
      const out: Person[] = [];
      if (!list.length) return out;
      for (let tries = 0; tries < n * 4 && out.length < n; tries++) {
        const p = list[r.int(0, list.length - 1)];
        if (!reserved.has(p.id) && !not(p) && !out.includes(p)) out.push(p);
      }
      return out;
    };
    /**
     * the posts of a list that get a ready reserve: exactly RESERVE_READY of them (a quota, not a coin
     * per post, so a small district shows the same picture as a big one); of the others about half
     * get members still growing and the rest nobody
     */
    const plan = (posts: Pos[]) => {
      const order = r.sample(posts, posts.length);
      const nReady = Math.round(posts.length * RESERVE_READY);
      const nGrowing = Math.round((posts.length - nReady) * 0.55);
      const state = new Map<number, 'ready' | 'growing' | 'none'>();
      order.forEach((p, i) => state.set(p.id, i < nReady ? 'ready' : i < nReady + nGrowing ? 'growing' : 'none'));
      return state;
    };
    /** reserves of one post: a ready one and sometimes a second, or one or two growing ones, or nobody */
    const backPost = (poolId: number, post: Pos, state: 'ready' | 'growing' | 'none', cands: Person[], wider: Person[], reason: string) => {
      if (state === 'none') return;
      const sample = draw(cands, 8, (p) => p.pos?.id === post.id);
      // nobody mature among the unit kind's own people: one from another kind (交流)
      if (state === 'ready' && !sample.some((p) => this.maturityOf(p.id) >= readyAt)) sample.push(...draw(wider, 8, (p) => p.pos?.id === post.id || sample.includes(p)));
      const ready = sample.filter((p) => this.maturityOf(p.id) >= readyAt);
      const growing = sample.filter((p) => this.maturityOf(p.id) < readyAt);
      const picks: Person[] = [];
      if (state === 'ready') {
        if (ready.length) picks.push(ready[0]);
        const rest = [...ready.slice(1), ...growing];
        if (rest.length && r.chance(0.35)) picks.push(rest[r.int(0, rest.length - 1)]);
      } else picks.push(...growing.slice(0, r.int(1, 2)));
      for (const p of picks) {
        reserved.add(p.id);
        enter(poolId, p, fieldOf(p), reason, post.id);
      }
    };
    // generic 镇街 reserves: about one per four 镇街 正职 posts, the best regarded, half of them mature
    const townChiefPosts = this.posByLevel['141'].filter((x) => x.isChief && x.unit.kind === '镇街');
    const townDeputies = [...(deputiesByKind.get('镇街') ?? [])].sort((a, b) => b.q - a.q || a.id - b.id);
    const nGeneric = Math.min(townDeputies.length, Math.max(3, Math.round(townChiefPosts.length * 0.25)));
    const matureTown = townDeputies.filter((p) => this.maturityOf(p.id) >= readyAt).slice(0, Math.ceil(nGeneric / 2));
    const generic = [...matureTown, ...townDeputies.filter((p) => !matureTown.includes(p)).slice(0, nGeneric - matureTown.length)].sort((a, b) => a.id - b.id);
    for (const p of generic) {
      reserved.add(p.id);
      enter(chiefPool, p, fieldOf(p), '民主推荐、组织考察');
    }
    const keyOf = (level: string) => this.posByLevel[level].filter((x) => x.isChief || x.isKey);
    const own141 = keyOf('141').filter((x) => !(x.isChief && x.unit.kind === '镇街')); // 镇街 正职: the generic reserves
    const key142 = keyOf('142');
    const county = [...keyOf('131'), ...keyOf('132')];
    const state = plan([...own141, ...key142, ...county]);
    for (const post of own141) backPost(chiefPool, post, state.get(post.id)!, deputiesByKind.get(post.unit.kind) ?? deputies, deputies, '民主推荐、组织考察');
    for (const post of key142) backPost(chiefPool, post, state.get(post.id)!, juniorsByKind.get(post.unit.kind) ?? juniors, juniors, '单位推荐、组织考察');
    const targetedChief = ds.poolEntry.filter((e) => e.poolId === chiefPool).length;
    // in flight (单位推荐 … 比选研究, or dropped): about one in twelve of the reserves
    for (const p of draw(deputies, Math.round(targetedChief / 12))) {
      reserved.add(p.id);
      enter(chiefPool, p, fieldOf(p), '单位推荐', null, inFlightStage());
    }

    // 县处级后备 for 正科: each key 县处级 post gets its own reserves the same way
    const countyPool = addPool('正职后备', '县处级后备干部库', '县处级领导职务后备人选（报市委组织部备案）');
    const chiefs = this.people.filter((p) => p.level === '141' && ok(p) && (asOf - p.levelStart) / YEAR >= 3 && p.q > 0 && p.grassrootsYears >= COUNTY_MIN_GRASSROOTS_YEARS);
    for (const post of county) backPost(countyPool, post, state.get(post.id)!, chiefs, chiefs, '年度考核推荐');

    // 五类干部库 (004: 党建, 社会治理, 经济, 城建, 法治)
    const five = addPool('五类干部', '五类干部库', '党建、社会治理、经济、城建、法治五类专业化干部');
    const fiveCands = this.people.filter((p) => ok(p) && p.q > 0 && (p.pos || p.age < 45));
    for (const p of r.sample(fiveCands, Math.round(this.N * 0.05)).sort((a, b) => a.id - b.id)) enter(five, p, fieldOf(p), '专业化能力突出');

    // 四类干部清单 (004)
    const four = addPool('四类干部清单', '四类干部清单', '近期提拔、中期培养、长期关注、不适宜担任现职');
    const leaders = this.people.filter((p) => p.pos);
    for (const p of r.sample(leaders, Math.round(this.N * 0.025)).sort((a, b) => a.id - b.id)) {
      const field = p.q < -1.3 || (p.disciplined && !ok(p)) ? '不适宜担任现职' : p.q > 1 ? '近期提拔' : p.q > 0 ? '中期培养' : '长期关注';
      enter(four, p, field, '年度研判');
    }

    // 民主推荐: district-wide rounds over the generic 镇街 reserves (and other deputies); targeted rounds for
    // one 镇街 正职 post each among that 镇街's deputies. Targeted reserves of other posts have no round.
    const rounds = 2 + Math.floor(this.N / 10000);
    // the district-wide rounds each cover a batch of the generic reserves (a big district runs several)
    const shuffled = r.sample(generic, generic.length);
    const districtRounds = Math.ceil(rounds / 2);
    const batch = Math.ceil(shuffled.length / districtRounds);
    const others = deputies.filter((p) => !reserved.has(p.id));
    const genericIds = new Set(generic.map((p) => p.id));
    for (let k = 0; k < rounds; k++) {
      const roundId = ds.recommendationRound.length + 1;
      const targeted = k % 2 === 1 && townChiefPosts.length > 0;
      let cands: Person[];
      let voters: number;
      if (targeted) {
        const target = r.pick(townChiefPosts);
        voters = r.int(45, 80);
        ds.recommendationRound.push({ id: roundId, name: `${target.unit.name}${target.title}人选定向推荐`, date: fmt(asOf - r.int(20, 200)), orgUnitId: target.unit.id, positionId: target.id, targetLevel: '141', scope: `${target.unit.name}班子成员、中层正职及党代表`, voterCount: voters });
        const locals = deputies.filter((p) => p.unit.id === target.unit.id);
        cands = [...new Set([...r.sample(locals, Math.min(locals.length, r.int(4, 7))), ...(locals.length < 2 ? r.sample(others.length ? others : leaders, r.int(3, 5)) : [])])];
      } else {
        voters = r.int(150, 220);
        ds.recommendationRound.push({ id: roundId, name: `${this.asOfYear}年度乡科级正职领导职务人选民主推荐${k ? `（第${Math.floor(k / 2) + 1}批）` : ''}`, date: fmt(asOf - r.int(30, 300)), orgUnitId: rootId, positionId: null, targetLevel: '141', scope: '全区副科级以上领导干部、各单位主要负责人', voterCount: voters });
        const b = Math.floor(k / 2);
        const part = shuffled.slice(b * batch, (b + 1) * batch);
        cands = [...new Set([...part, ...r.sample(others.length ? others : leaders, r.int(6, 12))])];
      }
      // the reserves were admitted on these votes (民主推荐 → 组织考察 → 入库): they lead, the most mature first;
      // the other candidates follow by regard
      const lead = (p: Person) => (genericIds.has(p.id) ? 1 : 0);
      cands.sort((a, b) => lead(b) - lead(a) || (lead(a) ? this.maturityOf(b.id) - this.maturityOf(a.id) : b.q - a.q) || a.id - b.id);
      const decay = targeted ? 0.35 : 2.5 / Math.max(12, cands.length);
      cands.forEach((p, i) => {
        // the best-regarded few gather most votes; the tail gets a handful
        const share = Math.max(0.03, Math.min(0.92, 0.78 * Math.exp(-i * decay) + r.float(-0.08, 0.08)));
        ds.recommendationVote.push({ id: ds.recommendationVote.length + 1, roundId, cadreId: p.id, votes: Math.round(share * voters) });
      });
    }
    this.suggestTiers([young, chiefPool, countyPool]);

    // 导师 and 一人一策
    const mentors = this.people.filter((p) => (p.level === '141' || p.level === '132' || p.level === '131') && p.q > 0 && ok(p));
    const mentees = youngPicked.filter((p) => !p.pos || p.level === '142');
    const nMentor = Math.min(mentees.length, Math.round(this.N * 0.015));
    for (const m of r.sample(mentees, nMentor).sort((a, b) => a.id - b.id)) {
      if (!mentors.length) break;
      const mentor = r.pick(mentors);
      const start = this.randDay(Math.max(m.workStart + 200, this.day(2023, 3, 1)), asOf - 60);
      const ended = r.chance(0.2) && start < asOf - 400;
      // 多对一: a second mentor (a 正科 of another unit) for about a fifth of the mentees
      const second = r.chance(0.2) ? mentors.find((x) => x.id !== mentor.id && x.unit.id !== mentor.unit.id && r.chance(0.3)) : undefined;
      ds.mentorship.push({ id: ds.mentorship.length + 1, mentorId: mentor.id, menteeId: m.id, startDate: fmt(start), endDate: ended ? fmt(start + 365) : null, note: second ? '“多对一”导师帮带' : '“一对一”导师帮带' });
      if (second) ds.mentorship.push({ id: ds.mentorship.length + 1, mentorId: second.id, menteeId: m.id, startDate: fmt(start), endDate: ended ? fmt(start + 365) : null, note: '“多对一”导师帮带' });
    }
    // 挂职 / 轮岗 planned for young pool members (decided, not yet carried out)
    for (const p of r.sample(youngPicked, Math.round(youngPicked.length * 0.06)).sort((a, b) => a.id - b.id)) {
      const decided = asOf - r.int(10, 60);
      const rotation = r.chance(0.4);
      ds.movement.push({
        id: ds.movement.length + 1, cadreId: p.id, kind: rotation ? '交流轮岗' : '挂职', date: fmt(decided), fromOrg: p.unit.name, toOrg: rotation ? r.pick(this.towns).name : null,
        hostUnit: rotation ? null : r.pick(['江州市发展和改革委员会', '江南省商务厅', '对口帮扶地区青阳县', '临江区信访局（下派）']), startDate: null, endDate: null,
        docNo: null, note: '“一人一策”安排，待实施', status: 'planned',
      });
    }
    for (const p of r.sample(youngPicked, Math.round(youngPicked.length * 0.25)).sort((a, b) => a.id - b.id)) {
      const s = this.randDay(Math.max(p.workStart + 200, this.day(2024, 1, 1)), asOf - 90);
      const done = r.chance(0.15);
      ds.developmentPlan.push({
        id: ds.developmentPlan.length + 1, cadreId: p.id, title: `${p.name}“一人一策”培养计划`,
        goals: [
          { text: '到镇街或信访、征迁等一线岗位实践锻炼1年以上', due: fmt(addYearsDay(s, 2)), done: done || r.chance(0.3) },
          { text: '参加不少于一周的脱产政治训练', due: fmt(addYearsDay(s, 1)), done: done || r.chance(0.6) },
          { text: `提升${fieldOf(p)}领域专业能力，牵头完成一项重点任务`, due: fmt(addYearsDay(s, 2)), done },
        ],
        checkpoints: [
          { date: fmt(s + 180), note: '半年跟踪：思想稳定，工作投入' },
          ...(s + 365 < asOf ? [{ date: fmt(s + 365), note: '年度研判：成长较快，建议继续压担子' }] : []),
        ],
        outcomes: s + 365 < asOf ? [{ date: fmt(s + 365), text: done ? '培养目标全部完成，已提拔使用或进一步压担子' : '基层一线实践锻炼中，承担重点任务表现较好' }] : [],
        status: done ? '已完成' : '进行中',
      });
    }
  }

  /** the cadre's files grouped by cadre id, built once (maturity inputs) */
  private filesBy?: {
    career: Map<number, Dataset['career']>;
    assessment: Map<number, Dataset['assessment']>;
    training: Map<number, Dataset['training']>;
    keyMoment: Map<number, Dataset['keyMoment']>;
  };
  private readonly maturityCache = new Map<number, number>();

  /** core maturityScore input (without the fit part, as the server stores suggestions) from the generated files */
  private maturityInput(cadreId: number): MaturityInput {
    const ds = this.ds;
    if (!this.filesBy) {
      const group = <T extends { cadreId: number }>(rows: T[]) => {
        const m = new Map<number, T[]>();
        for (const x of rows) {
          let l = m.get(x.cadreId);
          if (!l) m.set(x.cadreId, (l = []));
          l.push(x);
        }
        return m;
      };
      this.filesBy = { career: group(ds.career), assessment: group(ds.assessment), training: group(ds.training), keyMoment: group(ds.keyMoment) };
    }
    const f = this.filesBy;
    const c = ds.cadre[cadreId - 1];
    return {
      postLevel: c.postLevel,
      levelStartDate: c.levelStartDate,
      career: (f.career.get(cadreId) ?? []).map((x) => ({ start: x.startDate, end: x.endDate, orgName: x.orgName, postTitle: x.postTitle, isGrassroots: x.isGrassroots, experienceTypes: x.experienceTypes, postLevel: x.postLevel })),
      assessments: (f.assessment.get(cadreId) ?? []).map((x) => ({ year: x.year, quarter: x.quarter, result: x.result ?? null })),
      trainings: (f.training.get(cadreId) ?? []).map((x) => ({ name: x.name, startDate: x.startDate, endDate: x.endDate, hours: Number(x.hours), mode: x.mode, isPolitical: !!x.isPolitical })),
      keyMoments: (f.keyMoment.get(cadreId) ?? []).map((x) => ({ date: x.date, rating: x.rating ?? null })),
    };
  }

  /** the 成熟度 score (0–100) core gives the cadre on asOf with the default rules (cached) */
  private maturityOf(cadreId: number): number {
    let m = this.maturityCache.get(cadreId);
    if (m === undefined) {
      m = maturityScore(this.maturityInput(cadreId), { asOf: fmt(this.asOf), rules: DEFAULT_RULES }).score;
      this.maturityCache.set(cadreId, m);
    }
    return m;
  }

  /**
   * Tier suggestions of the open entries of the given pools, by core (latestConcentration ×
   * maturityScore → suggestTier) from the generated files, with the basis stored as the server
   * stores it; officers confirm most admitted members' tiers (mostly agreeing; some a step up or
   * down by their own judgement, with a note).
   */
  private suggestTiers(poolIds: number[]): void {
    const r = this.rng;
    const ds = this.ds;
    const asOf = fmt(this.asOf);
    const rules = DEFAULT_RULES;
    const entries = ds.poolEntry.filter((e) => poolIds.includes(e.poolId) && ['nominated', 'inspected', 'compared', 'admitted'].includes(e.stage!));
    const ids = new Set(entries.map((e) => e.cadreId));
    const votes = new Map<number, (typeof ds.recommendationVote)[number][]>();
    for (const x of ds.recommendationVote) {
      if (!ids.has(x.cadreId)) continue;
      let l = votes.get(x.cadreId);
      if (!l) votes.set(x.cadreId, (l = []));
      l.push(x);
    }
    const cache = new Map<number, { basis: S.TierSuggestionBasis; tier: Tier }>();
    const suggest = (cadreId: number) => {
      let v = cache.get(cadreId);
      if (v) return v;
      const maturity = maturityScore(this.maturityInput(cadreId), { asOf, rules });
      const rounds = (votes.get(cadreId) ?? []).map((x) => {
        const round = ds.recommendationRound[x.roundId - 1];
        return { roundId: round.id, date: round.date, votes: x.votes, voterCount: round.voterCount };
      });
      const conc = latestConcentration(rounds, asOf, rules);
      const s = suggestTier(conc?.value ?? null, maturity.score, rules);
      v = {
        tier: s.tier,
        basis: { concentration: conc ? Math.round(conc.value * 10000) / 10000 : null, roundId: conc?.roundId ?? null, roundDate: conc?.date ?? null, maturity: maturity.score, rulesVersion: 1, asOf, reasons: s.reasons },
      };
      cache.set(cadreId, v);
      return v;
    };
    const people = new Map(this.people.map((p) => [p.id, p]));
    const order: Tier[] = ['future', 'shortTerm', 'readyNow'];
    for (const e of entries) {
      const s = suggest(e.cadreId);
      const at = e.stage === 'admitted' ? e.admittedOn! : asOf;
      e.suggestedTier = s.tier;
      e.suggestedBasis = s.basis;
      e.suggestedAt = stamp(`${at}T09:00:00+08:00`);
      ds.poolEntryEvent.push({ id: ds.poolEntryEvent.length + 1, entryId: e.id, poolId: e.poolId, cadreId: e.cadreId, kind: 'tier_suggestion', tier: s.tier, date: at, detail: { ...s.basis, previous: null }, userId: null, username: null });
      if (e.stage !== 'admitted' || !r.chance(0.8)) continue;
      const p = people.get(e.cadreId)!;
      let i = order.indexOf(s.tier);
      if (r.chance(0.18)) i = Math.max(0, Math.min(2, i + (p.q > 0.8 ? 1 : p.q < -0.3 ? -1 : 0)));
      const tier = order[i];
      const day = Math.min(parse(at) + r.int(5, 40), this.asOf - 1);
      const note = tier === s.tier ? '同意系统建议' : i > order.indexOf(s.tier) ? '比选研究认为已具备任职条件' : '尚需基层一线历练';
      e.tier = tier;
      e.tierNote = note;
      e.tierConfirmedAt = stamp(`${fmt(day)}T10:00:00+08:00`);
      ds.poolEntryEvent.push({
        id: ds.poolEntryEvent.length + 1, entryId: e.id, poolId: e.poolId, cadreId: e.cadreId, kind: 'tier_decision', tier, reason: note, date: fmt(day),
        detail: { previous: null, suggested: s.tier, agreesWithSuggestion: tier === s.tier, basis: s.basis }, userId: null, username: 'ganbu',
      });
    }
  }
}
