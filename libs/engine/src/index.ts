export * from './hash-chain';
export * from './event-store';
export * from './approval-engine';
export * from './embedded/plan-stream';
export * from './temporal';
