/**
 * Client of the structure statistics (docs/api.md "Statistics"): GET /api/stats/structure answers the figures only
 * (no id lists); the people behind one number come from GET /api/stats/structure/people on click.
 */
import { request, toQueryString, type Query } from '../../api/client';
import type { RosterRow } from '../../api/types';

export interface Bucket {
  key: string;
  label: string;
  count: number;
  share: number;
}

export interface Distribution {
  key: string;
  title: string;
  total: number;
  buckets: Bucket[];
}

export interface YoungRow {
  key: string;
  label: string;
  threshold: number | null;
  total: number;
  count: number;
  share: number;
}

/** GET /api/stats/structure (figures only) */
export interface StructureFigures {
  asOf: string;
  total: number;
  summary: {
    meanAge: number | null; minAge: number | null; maxAge: number | null;
    women: number; womenShare: number; minority: number; minorityShare: number;
    nonParty: number; nonPartyShare: number; young: number; youngShare: number;
  };
  dimensions: Record<string, Distribution>;
  /** each age band (keys of dimensions.ageBand) split by sex */
  ageSex: { key: string; label: string; male: number; female: number }[];
  young: { total: number; count: number; share: number; byLevel: YoungRow[]; byTier: YoungRow[] };
  promotions: { from: string; to: string; total: number; young: number; youngShare: number; youngThreshold: number | null; byLevel: Bucket[] };
  intake: {
    from: string; to: string; total: number; byChannel: Bucket[]; young: number;
    youngShare: number; youngUnderAge: number; minYoungShare: number; meetsTarget: boolean | null;
  };
  sentences: string[];
  filter: Record<string, unknown>;
}

/** one number of the statistics: a dimension's bucket or a figure (docs/api.md, GET /api/stats/structure/people) */
export interface Selector {
  dimension: string;
  bucket?: string;
}

/** GET /api/stats/structure/people */
export interface StructurePeople {
  dimension: string;
  bucket: string | null;
  label: string;
  /** the number as the statistics show it; ids.length === count */
  count: number;
  ids?: number[];
  items?: RosterRow[];
  page?: number;
  pageSize?: number;
  asOf: string;
  from: string;
  to: string;
}

export const structureFigures = (q: Query) => request<StructureFigures>('GET', `/api/stats/structure${toQueryString(q)}`);

/** the ids (and with rows: true a page of roster rows) behind one number, under the statistics' own query */
export const structurePeople = (q: Query, sel: Selector, opts: { rows?: boolean; withIds?: boolean; page?: number; pageSize?: number } = {}) =>
  request<StructurePeople>(
    'GET',
    `/api/stats/structure/people${toQueryString({
      ...q,
      dimension: sel.dimension,
      bucket: sel.bucket,
      rows: opts.rows ? true : undefined,
      withIds: opts.withIds === false ? false : undefined,
      page: opts.page,
      pageSize: opts.pageSize,
    })}`,
  );
