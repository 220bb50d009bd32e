export * from './hungarian';
export * from './ilp';
