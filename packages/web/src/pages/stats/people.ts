/**
 * Links from a statistic to the people behind it: the roster's `ids=` filter (the ids come from the drill-down
 * GET /api/stats/structure/people on click) or, for long lists, the roster filter selecting the same bucket.
 */

/**
 * Above this many ids the link uses the matching roster filter when there is one: the roster URL and the
 * API request must stay well under the server's 16 KB header limit.
 */
export const MAX_LINK_IDS = 1500;

/** whether `fallback` selects the bucket within the statistic's own filters (it must not replace one of them) */
export function usableFallback(base: Record<string, string>, fallback?: Record<string, string | number | boolean> | null): fallback is Record<string, string | number | boolean> {
  return !!fallback && !Object.keys(fallback).some((k) => k in base || (k.startsWith('age') && ('ageMin' in base || 'ageMax' in base)));
}

/** the roster URL of the statistic's own filters plus the bucket's roster filter */
export function filterHref(base: Record<string, string>, fallback: Record<string, string | number | boolean>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) sp.set(k, v);
  for (const [k, v] of Object.entries(fallback)) sp.set(k, String(v));
  return `/cadres?${sp.toString()}`;
}

/**
 * The roster URL listing exactly `ids`; for long lists, `base` (the statistic's own roster filters) plus
 * `fallback` (the filter that selects the same bucket) when one exists.
 */
export function peopleHref(ids: readonly number[], base: Record<string, string>, fallback?: Record<string, string | number | boolean> | null): string {
  if (ids.length > MAX_LINK_IDS && usableFallback(base, fallback)) return filterHref(base, fallback);
  const sp = new URLSearchParams();
  sp.set('ids', ids.length ? ids.join(',') : '0');
  // ids are the population already; keep what changes who is listed or how ages are shown
  if (base.status) sp.set('status', base.status);
  if (base.asOf) sp.set('asOf', base.asOf);
  return `/cadres?${sp.toString()}`;
}

/** Age-band label → roster age filter ("30岁及以下", "31-35岁", "56岁及以上"). */
export function ageBandFilter(label: string): Record<string, number> | null {
  const nums = (label.match(/\d+/g) ?? []).map(Number);
  if (nums.length >= 2) return { ageMin: nums[0], ageMax: nums[1] };
  if (nums.length === 1) {
    if (/及以下|以下/.test(label)) return { ageMax: /及以下/.test(label) ? nums[0] : nums[0] - 1 };
    if (/及以上|以上/.test(label)) return { ageMin: /及以上/.test(label) ? nums[0] : nums[0] + 1 };
  }
  return null;
}

/** The roster filter selecting the same people as a bucket of a structure dimension, where one exists. */
export function bucketFallback(dimension: string, key: string, label: string): Record<string, string | number | boolean> | null {
  if (key === '_unknown' || key === '_other') return null;
  switch (dimension) {
    case 'sex':
      return { sex: key };
    case 'ethnicity':
      return { ethnicity: key };
    case 'political':
      return { political: key };
    case 'party':
      return key === 'nonParty' ? { nonParty: true } : null;
    case 'postLevel':
      return { postLevel: key };
    case 'rank':
      return { rank: key };
    case 'specialty':
      return { specialty: key };
    case 'ageBand':
      return ageBandFilter(label);
    default:
      return null;
  }
}

export const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
