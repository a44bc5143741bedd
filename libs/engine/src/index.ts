export * from './hash-chain';
export * from './event-store';
export * from './stream-writer';
export * from './approval-engine';
export * from './consolidation-stream';
export * from './embedded/plan-stream';
export * from './temporal';
export * from './projection';
