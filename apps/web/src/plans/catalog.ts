/** The domain's code lists, from the domain itself; their labels are in the translation files. */
export {
  ACTIVITY_TYPES,
  BUDGET_CATEGORIES,
  FUNDING_SOURCES,
  GUEST_CLASSES,
  DELEGATION_MEMBER_ROLES as MEMBER_ROLES,
  PRIORITIES,
} from '@vufo/domain/norms';
