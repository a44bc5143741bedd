/** The pure domain core: no framework, no I/O, no clock. Bundle-able into a Temporal workflow. */
export * from './errors';
export * from './money';
export * from './calendar';
export * from './cycle-checkpoints';
export * from './cycle-closing';
export * from './norms';
export * from './organizations';
export * from './approval';
export * from './consolidation';
