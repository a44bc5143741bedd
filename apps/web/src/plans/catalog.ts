/** The domain's code lists (libs/domain/src/norms.ts); their labels are in the translation files. */
export const ACTIVITY_TYPES = [
  'DELEGATION_OUT',
  'DELEGATION_IN',
  'INTERNATIONAL_CONFERENCE',
  'FRIENDSHIP_EXCHANGE',
  'NGO_AID_MOBILIZATION',
  'EXTERNAL_INFORMATION',
  'OVERSEAS_VIETNAMESE',
  'TRAINING',
  'RESEARCH',
  'OTHER',
] as const;

export const BUDGET_CATEGORIES = [
  'INTERNATIONAL_AIRFARE',
  'PER_DIEM_ABROAD',
  'ACCOMMODATION',
  'MEALS',
  'COURTESY_RECEPTION',
  'INTERPRETING',
  'TRANSLATION',
  'GIFTS',
  'VENUE_EQUIPMENT',
  'PRINTING_PUBLICATION',
  'LOCAL_TRANSPORT',
  'OTHER',
] as const;

export const FUNDING_SOURCES = ['STATE_BUDGET', 'NGO_AID', 'SOCIALIZATION', 'OTHER'] as const;
export const GUEST_CLASSES = ['SPECIAL', 'A', 'B', 'C', 'OTHER'] as const;
export const MEMBER_ROLES = ['HEAD', 'DEPUTY', 'MEMBER'] as const;
export const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
