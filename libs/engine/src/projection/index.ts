export * from './notifier';
export * from './read-models';
