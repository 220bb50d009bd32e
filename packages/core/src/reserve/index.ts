/** 储备链 (issue 6): concentration, maturity, tiers, workflow, training, bench strength, quarterly lists, pipeline. See docs/reserve.md. */
export * from './config';
export * from './concentration';
export * from './maturity';
export * from './tiers';
export * from './workflow';
export * from './training';
export * from './bench';
export * from './quarterly';
export * from './pipeline';
