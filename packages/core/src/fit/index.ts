export * from './description';
export * from './config';
export * from './experience';
export * from './prepare';
export * from './model';
export * from './rank';
