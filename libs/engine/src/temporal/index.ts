export * from './temporal-engine';
export * from './temporal-consolidation-engine';
export * from './activities';
export * from './persist-batch';
export * from './payload-store';
export * from '@vufo/workflows/contract';
