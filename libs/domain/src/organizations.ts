/** The kinds of organisation in the chain: the central union, the provinces' unions, the appraisal agencies. */
export const ORGANIZATION_KINDS = ['CENTRAL_UNION', 'PROVINCIAL_UNION', 'APPRAISAL_AGENCY'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
