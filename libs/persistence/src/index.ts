export * from './entities';
export * from './data-source';
export * from './embedded-postgres';
export * from './database-url';
export * from './prepared';
export * from './rows';
export * from './data-source.module';
