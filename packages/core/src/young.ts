/** 年轻干部 thresholds, generation labels (70后 …) and statistics age bands, all from the rules. */
import { codeEntry, normalizePostLevel } from './codes';
import { ageOn, parseISO } from './dates';
import { DEFAULT_RULES, type RulesConfig } from './rules';

/** Age threshold for "young" at a 职务级别 (131 → 45, 132 → 40, 科级 → 35, else default). */
export function youngThreshold(postLevel: string | null | undefined, rules: RulesConfig = DEFAULT_RULES): number {
  const code = normalizePostLevel(postLevel ?? undefined) ?? postLevel ?? undefined;
  if (code != null) {
    const t = rules.youngCadre.thresholds[code];
    if (t != null) return t;
  }
  return rules.youngCadre.default;
}

/** Young cadre: full-year age on asOf ≤ the threshold for the post level. */
export function isYoungCadre(
  birthDate: string,
  postLevel: string | null | undefined,
  asOf: string,
  rules: RulesConfig = DEFAULT_RULES,
): boolean {
  return ageOn(birthDate, asOf) <= youngThreshold(postLevel, rules);
}

/** "N岁左右及以下": age ≤ N + aboutSlackYears. */
export function isAboutAgeOrBelow(birthDate: string, n: number, asOf: string, rules: RulesConfig = DEFAULT_RULES): boolean {
  return ageOn(birthDate, asOf) <= n + rules.youngCadre.aboutSlackYears;
}

/** '80后', '85后' … by birth year; null when outside every configured range. */
export function generationOf(birthDate: string, rules: RulesConfig = DEFAULT_RULES): string | null {
  const { y } = parseISO(birthDate);
  return rules.generations.find((g) => y >= g.from && y <= g.to)?.label ?? null;
}

/** Statistics age band label ('31-35岁' …) or null when no band covers the age. */
export function ageBandOf(age: number, rules: RulesConfig = DEFAULT_RULES): string | null {
  const b = rules.ageBands.find((band) => (band.min == null || age >= band.min) && (band.max == null || age <= band.max));
  return b?.label ?? null;
}

/** whether a code is a known post level (convenience for callers that validate input) */
export function isKnownPostLevel(code: string | null | undefined): boolean {
  return codeEntry('postLevel', normalizePostLevel(code)) != null;
}
