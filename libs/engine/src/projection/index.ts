export * from './notifier';
export * from './read-models';
export * from './cycle-notices';
