import data from './demo-data.json';

/** The demo data set (Vietnamese, from public names): logins are printed at start and listed in the README. */
export const DEMO = data;
export const DEMO_PASSWORD = data.password;
export const DEMO_USERS = data.users;
