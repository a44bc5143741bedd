import { InitialSchema1763900000000 } from './1763900000000-initial-schema';

/** Every migration in order; listed explicitly so bundles and tests need no file globbing. */
export const MIGRATIONS = [InitialSchema1763900000000];
