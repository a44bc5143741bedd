export * from './types';
export * from './rules';
export * from './decide';
export * from './evolve';
export * from './deadlines';
export * from './delegation';
export * from './notifications';
export * from './diff';
