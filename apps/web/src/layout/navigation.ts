import type { Me, Role } from '../api/types';

export interface NavItem {
  path: string;
  labelKey: string;
  roles: Role[];
}

/** What each role works on; the first visible item is the user's home screen. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/dashboard', labelKey: 'nav.dashboard', roles: ['CONSOLIDATOR', 'LEADER', 'ADMIN'] },
  { path: '/consolidations', labelKey: 'nav.consolidations', roles: ['CONSOLIDATOR', 'LEADER'] },
  { path: '/reviews', labelKey: 'nav.reviews', roles: ['APPRAISER'] },
  {
    path: '/plans',
    labelKey: 'nav.plans',
    roles: ['PLAN_EDITOR', 'PLAN_SUBMITTER', 'CONSOLIDATOR', 'LEADER', 'ADMIN', 'APPRAISER'],
  },
  { path: '/delegations', labelKey: 'nav.delegations', roles: ['APPRAISER'] },
  { path: '/organizations', labelKey: 'nav.organizations', roles: ['ADMIN', 'CONSOLIDATOR', 'LEADER'] },
];

export function navItemsFor(me: Me): NavItem[] {
  // A colleague acting under a delegation has no APPRAISER role of their own but works the inbox.
  const agencyMember = me.organizationKind === 'APPRAISAL_AGENCY';
  return NAV_ITEMS.filter(
    (i) =>
      i.roles.some((r) => me.roles.includes(r)) ||
      (agencyMember && (i.path === '/reviews' || i.path === '/plans')),
  );
}

export function homePathFor(me: Me): string {
  return navItemsFor(me)[0]?.path ?? '/notifications';
}
