/**
 * Generated from the API's OpenAPI document by openapi-typescript (scripts/api-types.js): do not edit.
 * Change the API's views and decorators, then run `npm run api-types`;
 * `npm test` fails while this file is stale. apps/web/src/api/types.ts names the types the screens use.
 */
export interface paths {
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in: a bearer token and the user */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user, its organization and roles */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The users of the caller's own organization */
    get: operations['listColleagues'];
    put?: never;
    /** Create a user with roles in an organization */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Unions and agencies */
    get: operations['listOrganizations'];
    put?: never;
    /** Register a union or an appraisal agency */
    post: operations['createOrganization'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/norms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The spending norms (caps per unit) in force and past */
    get: operations['listNorms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every cycle, newest year first */
    get: operations['listCycles'];
    put?: never;
    /** Open a planning cycle */
    post: operations['createCycle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The central union's view of a cycle: provinces, totals, what is overdue */
    get: operations['getCycleDashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A cycle with its deadlines, route and status */
    get: operations['getCycle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/extensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Extend a union's submission deadline */
    post: operations['grantExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the cycle: its plans in rollout move to CLOSED. 409 while a plan is still in the approval chain, or a plan in rollout has an activity neither DONE nor CANCELLED (and no accepted annual report), or the cycle is not IN_ROLLOUT (a second close included) */
    post: operations['closeCycle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/clusters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cycle's emulation clusters */
    get: operations['listClusters'];
    /** Replace the cycle's emulation clusters (a union sits in at most one) */
    put: operations['replaceClusters'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Draft the union's plan for a cycle */
    post: operations['createPlan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Plans the caller may see, newest first */
    get: operations['listPlans'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A plan with its activities, budget lines, reviews and deadlines */
    get: operations['getPlan'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit the plan's title or objectives (draft or revision) */
    patch: operations['updatePlan'];
    trace?: never;
  };
  '/api/plans/{id}/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add an activity to the plan */
    post: operations['addActivity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove an activity and its budget lines */
    delete: operations['removeActivity'];
    options?: never;
    head?: never;
    /** Edit an activity */
    patch: operations['updateActivity'];
    trace?: never;
  };
  '/api/activities/{id}/budget-lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a budget line to an activity */
    post: operations['addBudgetLine'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/budget-lines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a budget line */
    delete: operations['removeBudgetLine'];
    options?: never;
    head?: never;
    /** Edit a budget line */
    patch: operations['updateBudgetLine'];
    trace?: never;
  };
  '/api/activities/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Report an activity's rollout progress */
    patch: operations['recordProgress'];
    trace?: never;
  };
  '/api/plans/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit (or resubmit) the plan for appraisal */
    post: operations['submitPlan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw the plan */
    post: operations['withdrawPlan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's agency's review inbox (all reviews for central roles) */
    get: operations['listReviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve, request a revision or reject, as the reviewing agency */
    post: operations['decideReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/delegations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delegations of the caller's agency */
    get: operations['listDelegations'];
    put?: never;
    /** Delegate the caller's appraisals to a colleague for a period */
    post: operations['createDelegation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/delegations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of the caller's delegations */
    delete: operations['revokeDelegation'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plan's audit events, oldest first */
    get: operations['getPlanHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/history/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check the plan's hash chain: was any event edited, removed or inserted? */
    get: operations['verifyPlanHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plan's submitted versions */
    get: operations['listPlanVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/versions/{n}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What changed between two submitted versions */
    get: operations['diffPlanVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the working copy changes against the last submitted version */
    get: operations['getWorkingChanges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's notifications, newest first, with the unread count */
    get: operations['listNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one notification read */
    post: operations['markNotificationRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every notification read */
    post: operations['markAllNotificationsRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Draft a proposal (supplementary activity, budget adjustment, recommendation) */
    post: operations['createProposal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Proposals the caller may see, newest first */
    get: operations['listProposals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/proposals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A proposal */
    get: operations['getProposal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a draft proposal */
    patch: operations['updateProposal'];
    trace?: never;
  };
  '/api/organizations/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Merge an organisation into its successor (a province merger)
     * @description Users move to the successor; a provincial union’s DRAFT or REVISION_REQUESTED plan of an OPEN cycle is combined into the successor’s plan and withdrawn with the reason MERGED.
     */
    post: operations['mergeOrganization'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organizations/{id}/lineage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An organisation and the organisations merged into it */
    get: operations['getOrganizationLineage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/consolidations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cycle's consolidations */
    get: operations['listConsolidations'];
    put?: never;
    /**
     * Consolidate the cycle's approved plans into the national plan (or a supplementary one)
     * @description Every APPROVED plan of the cycle that no approved or pending consolidation holds, frozen at its approved version; 409 NOTHING_TO_CONSOLIDATE or CONSOLIDATION_PENDING.
     */
    post: operations['createConsolidation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consolidations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A consolidation: its plans, the unions missing, the roll-ups, the decision */
    get: operations['getConsolidation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consolidations/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The leadership approves the consolidation with its decision
     * @description Its plans move to IN_ROLLOUT and the cycle to IN_ROLLOUT; 409 INVALID_TRANSITION unless PENDING_APPROVAL.
     */
    post: operations['approveConsolidation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consolidations/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The leadership returns the consolidation with a reason
     * @description RETURNED; its plans can be consolidated again.
     */
    post: operations['returnConsolidation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consolidations/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consolidation's audit events, oldest first */
    get: operations['getConsolidationHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consolidations/{id}/history/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check the consolidation's hash chain */
    get: operations['verifyConsolidationHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and readiness: the database and the approval engine */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description stable; clients match on it
     * @enum {string}
     */
    ErrorCode:
      | 'VALIDATION_FAILED'
      | 'UNAUTHENTICATED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'CONFLICT'
      | 'INVALID_TRANSITION'
      | 'STALE_VERSION'
      | 'DEADLINE_PASSED'
      | 'RULE_VIOLATION'
      | 'NO_AGENCY_FOR_FUNCTION'
      | 'SEPARATION_OF_DUTIES'
      | 'ALREADY_DECIDED'
      | 'PAYLOAD_TOO_LARGE'
      | 'INTERNAL'
      | 'DUPLICATE_CODE'
      | 'NORM_JUSTIFICATION_REQUIRED'
      | 'NOTHING_TO_CONSOLIDATE'
      | 'CONSOLIDATION_PENDING'
      | 'ALREADY_MERGED'
      | 'ENGINE_UNAVAILABLE';
    FieldErrorView: {
      /** @example lines.0.approvedAmount */
      field: string;
      message: string;
    };
    ProblemView: {
      /** @example about:blank */
      type: string;
      /**
       * @description the code’s title in the Accept-Language language (vi by default, en)
       * @example Thông tin chưa hợp lệ
       */
      title: string;
      /** @example 422 */
      status: number;
      /** @description stable; clients match on it */
      code: components['schemas']['ErrorCode'];
      /** @description for people, in the Accept-Language language (vi by default, en) */
      detail: string;
      /** @description each bad field, empty when none is to blame */
      errors: components['schemas']['FieldErrorView'][];
      /** @description the request path */
      instance?: string;
    };
    LoginDto: {
      /** @example hp.editor */
      login: string;
      /** @example demo-2026 */
      password: string;
    };
    /** @enum {string} */
    OrganizationKind: 'CENTRAL_UNION' | 'PROVINCIAL_UNION' | 'APPRAISAL_AGENCY';
    /** @enum {string} */
    Role: 'PLAN_EDITOR' | 'PLAN_SUBMITTER' | 'APPRAISER' | 'CONSOLIDATOR' | 'LEADER' | 'ADMIN';
    UserView: {
      /** Format: uuid */
      id: string;
      login: string;
      displayName: string;
      /** Format: uuid */
      organizationId: string;
      organizationKind: components['schemas']['OrganizationKind'];
      roles: components['schemas']['Role'][];
    };
    LoginView: {
      /** @description send as `Authorization: Bearer <token>` */
      accessToken: string;
      user: components['schemas']['UserView'];
    };
    /**
     * @description for an appraisal agency
     * @enum {string}
     */
    AgencyFunction: 'CONTENT' | 'BUDGET' | 'FINAL';
    /** @enum {string} */
    OrganizationStatus: 'ACTIVE' | 'MERGED';
    OrganizationView: {
      /** Format: uuid */
      id: string;
      code: string;
      nameVi: string;
      nameEn: string;
      kind: components['schemas']['OrganizationKind'];
      provinceCode: string | null;
      /** @description emulation cluster */
      cluster: number | null;
      /**
       * Format: uuid
       * @description for an appraisal agency: the union it serves
       */
      servesOrganizationId: string | null;
      /** @description for an appraisal agency */
      function: components['schemas']['AgencyFunction'] | null;
      status: components['schemas']['OrganizationStatus'];
      /** Format: uuid */
      mergedIntoId: string | null;
      /** Format: date */
      validTo: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    MeView: {
      /** Format: uuid */
      id: string;
      login: string;
      displayName: string;
      /** Format: uuid */
      organizationId: string;
      organizationKind: components['schemas']['OrganizationKind'];
      roles: components['schemas']['Role'][];
      organization: components['schemas']['OrganizationView'];
    };
    ColleagueView: {
      /** Format: uuid */
      id: string;
      login: string;
      displayName: string;
      roles: components['schemas']['Role'][];
    };
    ColleaguePage: {
      items: components['schemas']['ColleagueView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    OrganizationPage: {
      items: components['schemas']['OrganizationView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    CreateOrganizationDto: {
      /** @example HP-UNION */
      code: string;
      nameVi: string;
      nameEn: string;
      kind: components['schemas']['OrganizationKind'];
      provinceCode?: string;
      cluster?: number;
      /** Format: uuid */
      servesOrganizationId?: string;
      function?: components['schemas']['AgencyFunction'];
    };
    CreateUserDto: {
      login: string;
      password: string;
      displayName: string;
      /** Format: uuid */
      organizationId: string;
      roles: components['schemas']['Role'][];
      email?: string;
    };
    CreatedUserView: {
      /** Format: uuid */
      id: string;
      login: string;
      displayName: string;
      /** Format: uuid */
      organizationId: string;
      roles: components['schemas']['Role'][];
    };
    NormRuleView: {
      /** Format: uuid */
      id: string;
      circular: string;
      article: string;
      category: string;
      guestClass: string;
      member: string;
      /** @description VND per unit */
      cap: number;
      unit: string;
      /** Format: date */
      validFrom: string;
      /** Format: date */
      validTo?: string;
      note?: string;
    };
    NormRulePage: {
      items: components['schemas']['NormRuleView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    RouteStageDto: {
      stage: number;
      functions: components['schemas']['AgencyFunction'][];
    };
    CreateCycleDto: {
      year: number;
      title?: string;
      /** Format: date */
      submissionDeadline: string;
      reviewSlaDays: number;
      revisionSlaDays: number;
      /**
       * @example [
       *       5,
       *       1
       *     ]
       */
      reminderWorkingDays?: number[];
      route?: components['schemas']['RouteStageDto'][];
    };
    RouteStageView: {
      stage: number;
      functions: components['schemas']['AgencyFunction'][];
    };
    /** @enum {string} */
    CycleStatus: 'OPEN' | 'CONSOLIDATING' | 'APPROVED' | 'IN_ROLLOUT' | 'CLOSED';
    CycleView: {
      /** Format: uuid */
      id: string;
      year: number;
      title: string;
      /**
       * Format: date
       * @description the last day plans are due (Asia/Ho_Chi_Minh)
       */
      submissionDeadline: string;
      reviewSlaDays: number;
      revisionSlaDays: number;
      reminderWorkingDays: number[];
      route: components['schemas']['RouteStageView'][];
      status: components['schemas']['CycleStatus'];
      /** Format: uuid */
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      version: number;
    };
    CyclePage: {
      items: components['schemas']['CycleView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    FundingSourceTotalView: {
      fundingSource: string;
      requested: components['schemas']['Vnd'] | null;
      /** @description requested by submitted plans only (drafts excluded): the base of an approval rate */
      submittedRequested: components['schemas']['Vnd'] | null;
      approved: components['schemas']['Vnd'] | null;
    };
    DashboardTotalsView: {
      requested: components['schemas']['Vnd'];
      /** @description requested by submitted plans only (drafts excluded): the base of an approval rate */
      submittedRequested: components['schemas']['Vnd'];
      approved: components['schemas']['Vnd'];
      spent: components['schemas']['Vnd'];
      byFundingSource: components['schemas']['FundingSourceTotalView'][];
    };
    /**
     * @description the live plan’s status, NOT_STARTED when the union has none
     * @enum {string}
     */
    ProvincePlanStatus:
      | 'DRAFT'
      | 'IN_APPRAISAL'
      | 'REVISION_REQUESTED'
      | 'APPROVED'
      | 'REJECTED'
      | 'WITHDRAWN'
      | 'IN_ROLLOUT'
      | 'CLOSED'
      | 'NOT_STARTED';
    PlanFlagsView: {
      submissionOverdue?: boolean;
      revisionOverdue?: boolean;
      /** @description rollout report period (2027-Q1) → overdue; false once it arrives */
      reportsOverdue?: {
        [key: string]: boolean;
      };
    };
    DecisionRecordView: {
      number: string;
      /** @description YYYY-MM-DD */
      date: string;
      signer: string;
    };
    DashboardProvinceView: {
      /** Format: uuid */
      organizationId: string;
      code: string;
      nameVi: string;
      nameEn: string;
      cluster: number | null;
      /** Format: uuid */
      planId: string | null;
      title: string | null;
      /** @description the live plan’s status, NOT_STARTED when the union has none */
      status: components['schemas']['ProvincePlanStatus'];
      submittedVersion: number | null;
      flags: components['schemas']['PlanFlagsView'] | null;
      decision: components['schemas']['DecisionRecordView'] | null;
      /** @description ISO instant */
      submissionDeadline: string | null;
      requested: components['schemas']['Vnd'] | null;
      approved: components['schemas']['Vnd'] | null;
      spent: components['schemas']['Vnd'] | null;
      /** @description activities done */
      done: number | null;
      activities: number | null;
      pendingReviews: number | null;
      overdueReviews: number | null;
      /** Format: date-time */
      nextReviewDue: string | null;
      overdue: boolean;
    };
    /** @enum {string} */
    OverdueKind: 'REVIEW' | 'SUBMISSION';
    OverdueItemView: {
      /** Format: uuid */
      planId: string;
      organizationName: string;
      organizationNameEn: string;
      kind: components['schemas']['OverdueKind'];
      /** @description for a review */
      function: components['schemas']['AgencyFunction'] | null;
      /** Format: date-time */
      dueAt: string;
      /** @description for a review: the agency */
      agencyName: string | null;
      /** @description for a review: the agency’s English name */
      agencyNameEn: string | null;
    };
    DashboardView: {
      cycle: components['schemas']['CycleView'];
      /** Format: date-time */
      asOf: string;
      /** @description provinces by their live plan’s status */
      countsByStatus: {
        [key: string]: number;
      };
      totals: components['schemas']['DashboardTotalsView'];
      provinces: components['schemas']['DashboardProvinceView'][];
      overdue: components['schemas']['OverdueItemView'][];
    };
    ExtensionDto: {
      /** Format: uuid */
      organizationId: string;
      /** Format: date */
      newDeadline: string;
      reason: string;
    };
    ExtensionView: {
      /** @description the union’s draft plans it moved; empty when the union has not started its plan */
      planIds: string[];
      /**
       * Format: date-time
       * @description the end of the new last day
       */
      newDeadline: string;
    };
    ClusterView: {
      number: number;
      name: string;
      /**
       * Format: uuid
       * @description the head union ("cụm trưởng")
       */
      headOrganizationId?: string;
      /**
       * Format: uuid
       * @description the deputy union ("cụm phó")
       */
      deputyOrganizationId?: string;
      memberOrganizationIds: string[];
    };
    ClusterDto: {
      number: number;
      name: string;
      /** Format: uuid */
      headOrganizationId?: string;
      /** Format: uuid */
      deputyOrganizationId?: string;
      memberOrganizationIds: string[];
    };
    CreatePlanDto: {
      /** @example Kế hoạch hoạt động đối ngoại nhân dân năm 2027 */
      title: string;
      objectives?: string;
    };
    PlanOrganizationView: {
      /** Format: uuid */
      id: string;
      code: string;
      nameVi: string;
      nameEn: string;
      provinceCode: string | null;
    };
    /** @enum {string} */
    PlanStatus:
      | 'DRAFT'
      | 'IN_APPRAISAL'
      | 'REVISION_REQUESTED'
      | 'APPROVED'
      | 'REJECTED'
      | 'WITHDRAWN'
      | 'IN_ROLLOUT'
      | 'CLOSED';
    TotalsView: {
      total: components['schemas']['Vnd'];
      /** @description by funding source */
      byFundingSource: {
        [key: string]: components['schemas']['Vnd'];
      };
    };
    PlanTotalsView: {
      requested: components['schemas']['TotalsView'];
      approved: components['schemas']['TotalsView'];
    };
    /** @enum {string} */
    ActivityType:
      | 'DELEGATION_OUT'
      | 'DELEGATION_IN'
      | 'INTERNATIONAL_CONFERENCE'
      | 'FRIENDSHIP_EXCHANGE'
      | 'NGO_AID_MOBILIZATION'
      | 'EXTERNAL_INFORMATION'
      | 'OVERSEAS_VIETNAMESE'
      | 'TRAINING'
      | 'RESEARCH'
      | 'OTHER';
    /** @enum {string} */
    Priority: 'HIGH' | 'MEDIUM' | 'LOW';
    /** @enum {string} */
    ImplementationStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'POSTPONED' | 'CANCELLED';
    /** @enum {string} */
    BudgetCategory:
      | 'INTERNATIONAL_AIRFARE'
      | 'PER_DIEM_ABROAD'
      | 'ACCOMMODATION'
      | 'MEALS'
      | 'COURTESY_RECEPTION'
      | 'INTERPRETING'
      | 'TRANSLATION'
      | 'GIFTS'
      | 'VENUE_EQUIPMENT'
      | 'PRINTING_PUBLICATION'
      | 'LOCAL_TRANSPORT'
      | 'OTHER';
    /** @enum {string} */
    FundingSource: 'STATE_BUDGET' | 'NGO_AID' | 'SOCIALIZATION' | 'OTHER';
    /** @enum {string} */
    GuestClass: 'SPECIAL' | 'A' | 'B' | 'C' | 'OTHER';
    /** @enum {string} */
    DelegationMemberRole: 'HEAD' | 'DEPUTY' | 'MEMBER';
    /** @enum {string} */
    Payer: 'VIETNAMESE_SIDE' | 'FOREIGN_SIDE';
    OverNormView: {
      article: string;
      circular: string;
      /** @description the cap, VND per unit */
      cap: number;
      unit: string;
      unitCost: components['schemas']['Vnd'];
      /** Format: uuid */
      ruleId?: string;
      /** @description quantity × cap: what the line comes to at its norm */
      capAmount: components['schemas']['Vnd'];
    };
    BudgetLineView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      activityId: string;
      /** Format: uuid */
      planId: string;
      category: components['schemas']['BudgetCategory'];
      description: string;
      quantity: number;
      unit: string;
      unitCost: components['schemas']['Vnd'];
      /** @description the requested amount */
      amount: components['schemas']['Vnd'];
      /** @description the same as amount */
      requestedAmount: components['schemas']['Vnd'];
      fundingSource: components['schemas']['FundingSource'];
      guestClass: components['schemas']['GuestClass'] | null;
      memberRole: components['schemas']['DelegationMemberRole'] | null;
      normArticle: string | null;
      /** @description the union's reason for a line above its norm */
      normJustification: string | null;
      payer: components['schemas']['Payer'];
      approvedAmount: components['schemas']['Vnd'] | null;
      approvalComment: string | null;
      position: number;
      /** Format: date-time */
      createdAt: string;
      overNorm: components['schemas']['OverNormView'] | null;
    };
    ActivityView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      code: string;
      title: string;
      type: components['schemas']['ActivityType'];
      /** @description YYYY-MM or YYYY-Qn */
      periodStart: string | null;
      /** @description YYYY-MM or YYYY-Qn */
      periodEnd: string | null;
      location: string | null;
      /** @description ISO 3166 alpha-2 codes */
      partnerCountries: string[];
      partnerOrganizations: string[];
      leadUnit: string | null;
      coordinatingUnits: string[];
      expectedResults: string | null;
      priority: components['schemas']['Priority'];
      /** @description after a province merger: the province it came from */
      sourceProvince: string | null;
      /** @description copied by a province merger: the merged province code */
      sourceProvinceCode: string | null;
      implementationStatus: components['schemas']['ImplementationStatus'] | null;
      actualSpend: components['schemas']['Vnd'] | null;
      results: string | null;
      position: number;
      /** Format: date-time */
      createdAt: string;
      budgetLines: components['schemas']['BudgetLineView'][];
    };
    /** @enum {string} */
    ReviewStatus: 'PENDING' | 'APPROVED' | 'REVISION_REQUESTED' | 'REJECTED' | 'CANCELLED';
    ApprovedLineView: {
      /** Format: uuid */
      budgetLineId: string;
      /** @description integer VND, decimal string */
      approvedAmount: string;
      comment?: string;
    };
    PlanReviewView: {
      /** Format: uuid */
      id: string;
      round: number;
      stage: number;
      function: components['schemas']['AgencyFunction'];
      /** Format: uuid */
      agencyId: string;
      agencyName: string;
      /** @description the agency’s English name, for an English UI */
      agencyNameEn: string;
      status: components['schemas']['ReviewStatus'];
      /** Format: date-time */
      openedAt: string;
      /** Format: date-time */
      dueAt: string;
      overdue: boolean;
      /** Format: date-time */
      decidedAt: string | null;
      decidedByName: string | null;
      /** @description the appraiser a delegate acted for */
      actingForName: string | null;
      comment: string | null;
      lines: components['schemas']['ApprovedLineView'][] | null;
    };
    /** @enum {string} */
    TimerName:
      | 'SUBMISSION_REMINDER'
      | 'SUBMISSION_DEADLINE'
      | 'REVIEW_REMINDER'
      | 'REVIEW_SLA'
      | 'REVISION_REMINDER'
      | 'REVISION_SLA'
      | 'ROLLOUT_REPORT';
    DeadlineView: {
      key: string;
      timer: components['schemas']['TimerName'];
      /** Format: date-time */
      dueAt: string;
      /** Format: date-time */
      firedAt: string | null;
    };
    PlanView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      cycleId: string;
      cycleYear: number;
      /** Format: uuid */
      organizationId: string;
      organization: components['schemas']['PlanOrganizationView'];
      title: string;
      objectives: string;
      status: components['schemas']['PlanStatus'];
      /** @description the If-Match value; changes on every edit */
      version: number;
      submittedVersion: number;
      currentRound: number;
      flags: components['schemas']['PlanFlagsView'];
      /** @description the final approval’s decision */
      decision: components['schemas']['DecisionRecordView'] | null;
      totals: components['schemas']['PlanTotalsView'];
      activities: components['schemas']['ActivityView'][];
      reviews: components['schemas']['PlanReviewView'][];
      deadlines: components['schemas']['DeadlineView'][];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    PlanSummaryTotalsView: {
      requested: components['schemas']['Vnd'];
      /** @description null until a budget appraisal approved amounts */
      approved: components['schemas']['Vnd'] | null;
    };
    PlanSummaryView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      cycleId: string;
      /** Format: uuid */
      organizationId: string;
      organizationName: string;
      /** @description the union’s English name, for an English UI */
      organizationNameEn: string;
      provinceCode: string | null;
      title: string;
      status: components['schemas']['PlanStatus'];
      /** @description the If-Match value; changes on every edit */
      version: number;
      /** @description the last submitted version; 0 before the first submission */
      submittedVersion: number;
      currentRound: number;
      flags: components['schemas']['PlanFlagsView'];
      totals: components['schemas']['PlanSummaryTotalsView'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    PlanPage: {
      items: components['schemas']['PlanSummaryView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    UpdatePlanDto: {
      title?: string;
      objectives?: string;
    };
    CreateActivityDto: {
      /** @example HĐ-01 */
      code?: string;
      title: string;
      type: components['schemas']['ActivityType'];
      /** @example 2027-03 */
      periodStart?: string;
      /** @example 2027-Q2 */
      periodEnd?: string;
      location?: Record<string, never> | null;
      partnerCountries?: string[];
      partnerOrganizations?: string[];
      leadUnit?: Record<string, never> | null;
      coordinatingUnits?: string[];
      expectedResults?: Record<string, never> | null;
      priority?: components['schemas']['Priority'];
    };
    EditedActivityView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      code: string;
      title: string;
      type: components['schemas']['ActivityType'];
      /** @description YYYY-MM or YYYY-Qn */
      periodStart: string | null;
      /** @description YYYY-MM or YYYY-Qn */
      periodEnd: string | null;
      location: string | null;
      /** @description ISO 3166 alpha-2 codes */
      partnerCountries: string[];
      partnerOrganizations: string[];
      leadUnit: string | null;
      coordinatingUnits: string[];
      expectedResults: string | null;
      priority: components['schemas']['Priority'];
      /** @description after a province merger: the province it came from */
      sourceProvince: string | null;
      /** @description copied by a province merger: the merged province code */
      sourceProvinceCode: string | null;
      implementationStatus: components['schemas']['ImplementationStatus'] | null;
      actualSpend: components['schemas']['Vnd'] | null;
      results: string | null;
      position: number;
      /** Format: date-time */
      createdAt: string;
      /** @description the plan version after the edit (the next If-Match) */
      planVersion: number;
    };
    UpdateActivityDto: {
      /** @example HĐ-01 */
      code?: string;
      title?: string;
      type?: components['schemas']['ActivityType'];
      /** @example 2027-03 */
      periodStart?: string;
      /** @example 2027-Q2 */
      periodEnd?: string;
      location?: Record<string, never> | null;
      partnerCountries?: string[];
      partnerOrganizations?: string[];
      leadUnit?: Record<string, never> | null;
      coordinatingUnits?: string[];
      expectedResults?: Record<string, never> | null;
      priority?: components['schemas']['Priority'];
    };
    CreateBudgetLineDto: {
      category: components['schemas']['BudgetCategory'];
      description: string;
      quantity: number;
      unit: string;
      /** Format: int64 */
      unitCost: number | string;
      /** Format: int64 */
      amount?: number | string;
      fundingSource: components['schemas']['FundingSource'];
      guestClass?: components['schemas']['GuestClass'] | null;
      memberRole?: components['schemas']['DelegationMemberRole'] | null;
      normArticle?: string;
      normJustification?: string;
      payer?: components['schemas']['Payer'];
    };
    EditedBudgetLineView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      activityId: string;
      /** Format: uuid */
      planId: string;
      category: components['schemas']['BudgetCategory'];
      description: string;
      quantity: number;
      unit: string;
      unitCost: components['schemas']['Vnd'];
      /** @description the requested amount */
      amount: components['schemas']['Vnd'];
      /** @description the same as amount */
      requestedAmount: components['schemas']['Vnd'];
      fundingSource: components['schemas']['FundingSource'];
      guestClass: components['schemas']['GuestClass'] | null;
      memberRole: components['schemas']['DelegationMemberRole'] | null;
      normArticle: string | null;
      /** @description the union's reason for a line above its norm */
      normJustification: string | null;
      payer: components['schemas']['Payer'];
      approvedAmount: components['schemas']['Vnd'] | null;
      approvalComment: string | null;
      position: number;
      /** Format: date-time */
      createdAt: string;
      overNorm: components['schemas']['OverNormView'] | null;
      /** @description the plan version after the edit (the next If-Match) */
      planVersion: number;
    };
    UpdateBudgetLineDto: {
      category?: components['schemas']['BudgetCategory'];
      description?: string;
      quantity?: number;
      unit?: string;
      /** Format: int64 */
      unitCost?: number | string;
      /** Format: int64 */
      amount?: number | string;
      fundingSource?: components['schemas']['FundingSource'];
      guestClass?: components['schemas']['GuestClass'] | null;
      memberRole?: components['schemas']['DelegationMemberRole'] | null;
      normArticle?: string;
      normJustification?: string;
      payer?: components['schemas']['Payer'];
    };
    ProgressDto: {
      implementationStatus: components['schemas']['ImplementationStatus'];
      /** Format: int64 */
      actualSpend?: number | string;
      results?: string;
      /** Format: date */
      reportedOn?: string;
    };
    WithdrawDto: {
      reason?: string;
    };
    InboxItemView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      planTitle: string;
      /** Format: uuid */
      organizationId: string;
      organizationName: string;
      stage: number;
      function: components['schemas']['AgencyFunction'];
      round: number;
      status: components['schemas']['ReviewStatus'];
      /** Format: date-time */
      openedAt: string;
      /** Format: date-time */
      dueAt: string;
      /** @description pending past its due time, or flagged overdue by the machine */
      overdue: boolean;
      /** Format: uuid */
      agencyId: string;
    };
    InboxPage: {
      items: components['schemas']['InboxItemView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    /** @enum {string} */
    ReviewDecision: 'APPROVE' | 'REQUEST_REVISION' | 'REJECT';
    DecisionLineDto: {
      /** Format: uuid */
      budgetLineId: string;
      /** Format: int64 */
      approvedAmount: number | string;
      comment?: string;
    };
    DecisionDto: {
      decision: components['schemas']['ReviewDecision'];
      comment?: string;
      lines?: components['schemas']['DecisionLineDto'][];
      /** @example 1234/QĐ-UBND */
      decisionNumber?: string;
      /** Format: date */
      decisionDate?: string;
      signer?: string;
    };
    DecidedReviewView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      round: number;
      stage: number;
      function: components['schemas']['AgencyFunction'];
      status: components['schemas']['ReviewStatus'];
      comment: string | null;
      /** Format: date-time */
      decidedAt: string | null;
      decidedByName: string | null;
      actingForName: string | null;
      lines: components['schemas']['ApprovedLineView'][] | null;
    };
    DelegationView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      fromUserId: string;
      fromDisplayName: string;
      /** Format: uuid */
      toUserId: string;
      toDisplayName: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      reason: string | null;
      /** Format: date-time */
      revokedAt: string | null;
    };
    DelegationPage: {
      items: components['schemas']['DelegationView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    DelegationDto: {
      /** Format: uuid */
      toUserId: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      reason: string;
    };
    NewDelegationView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      fromUserId: string;
      fromDisplayName: string;
      /** Format: uuid */
      toUserId: string;
      toDisplayName: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      reason: string | null;
      /** Format: uuid */
      agencyId: string;
    };
    HistoryEventView: {
      seq: number;
      /** @description the event type, e.g. PlanSubmitted, ContentEdited */
      type: string;
      /** Format: date-time */
      occurredAt: string;
      /**
       * Format: uuid
       * @description null for the system (timers)
       */
      actorId: string | null;
      actorName: string | null;
      actingForName: string | null;
      /** Format: uuid */
      organizationId: string | null;
      /** @description the event’s data; an edit carries each changed field */
      payload: {
        [key: string]: unknown;
      };
      hash: string;
      prevHash: string | null;
    };
    HistoryPage: {
      items: components['schemas']['HistoryEventView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    VerificationView: {
      /** @description false when any event was edited, removed or inserted */
      valid: boolean;
      /** @description events checked */
      events: number;
      /** @description the first broken event */
      brokenAt?: number;
      reason?: string;
    };
    PlanVersionView: {
      version: number;
      /** Format: date-time */
      submittedAt: string;
      /** @description the submitter’s display name */
      submittedBy: string | null;
      /** @description title, objectives and activities with their budget lines, as submitted */
      content: {
        [key: string]: unknown;
      };
    };
    PlanVersionPage: {
      items: components['schemas']['PlanVersionView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    PlanChangedChange: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'PLAN_CHANGED';
      field: string;
      from: components['schemas']['DiffValue'];
      to: components['schemas']['DiffValue'];
    };
    ActivityAddedChange: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'ACTIVITY_ADDED';
      /** Format: uuid */
      activityId: string;
      code: string;
      title: string;
    };
    ActivityRemovedChange: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'ACTIVITY_REMOVED';
      /** Format: uuid */
      activityId: string;
      code: string;
      title: string;
    };
    ActivityChangedChange: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'ACTIVITY_CHANGED';
      /** Format: uuid */
      activityId: string;
      code: string;
      field: string;
      from: components['schemas']['DiffValue'];
      to: components['schemas']['DiffValue'];
    };
    BudgetLineAddedChange: {
      /** Format: uuid */
      activityId: string;
      activityCode: string;
      /** Format: uuid */
      budgetLineId: string;
      description: string;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'BUDGET_LINE_ADDED';
      /** @description integer VND, decimal string */
      amount: string;
    };
    BudgetLineRemovedChange: {
      /** Format: uuid */
      activityId: string;
      activityCode: string;
      /** Format: uuid */
      budgetLineId: string;
      description: string;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'BUDGET_LINE_REMOVED';
      /** @description integer VND, decimal string */
      amount: string;
    };
    BudgetLineChangedChange: {
      /** Format: uuid */
      activityId: string;
      activityCode: string;
      /** Format: uuid */
      budgetLineId: string;
      description: string;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'BUDGET_LINE_CHANGED';
      field: string;
      from: components['schemas']['DiffValue'];
      to: components['schemas']['DiffValue'];
    };
    TotalRequestedChangedChange: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      kind: 'TOTAL_REQUESTED_CHANGED';
      from: string;
      to: string;
    };
    DiffView: {
      from: number;
      /** @description null: the working copy, not a version yet */
      to: number | null;
      changes: (
        | components['schemas']['PlanChangedChange']
        | components['schemas']['ActivityAddedChange']
        | components['schemas']['ActivityRemovedChange']
        | components['schemas']['ActivityChangedChange']
        | components['schemas']['BudgetLineAddedChange']
        | components['schemas']['BudgetLineRemovedChange']
        | components['schemas']['BudgetLineChangedChange']
        | components['schemas']['TotalRequestedChangedChange']
      )[];
    };
    /** @enum {string} */
    NotificationKind:
      | 'PLAN_SUBMITTED'
      | 'REVIEW_OPENED'
      | 'REVIEW_DECIDED'
      | 'REVISION_REQUESTED'
      | 'PLAN_REJECTED'
      | 'PLAN_APPROVED'
      | 'PLAN_WITHDRAWN'
      | 'SUBMISSION_REMINDER'
      | 'SUBMISSION_OVERDUE'
      | 'SUBMISSION_DEADLINE_EXTENDED'
      | 'REVIEW_REMINDER'
      | 'REVIEW_OVERDUE'
      | 'REVISION_REMINDER'
      | 'REVISION_OVERDUE'
      | 'ROLLOUT_STARTED'
      | 'ROLLOUT_REPORT_DUE'
      | 'ROLLOUT_REPORT_SUBMITTED'
      | 'PLAN_CLOSED';
    /** @enum {string} */
    NotificationSeverity: 'info' | 'warning' | 'overdue';
    NotificationView: {
      /** Format: uuid */
      id: string;
      kind: components['schemas']['NotificationKind'];
      severity: components['schemas']['NotificationSeverity'];
      /** Format: uuid */
      planId: string | null;
      planTitle: string | null;
      /** @description the values the message text is rendered with */
      params: {
        [key: string]: string | number;
      };
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      readAt: string | null;
    };
    NotificationPage: {
      items: components['schemas']['NotificationView'][];
      /** @description null on the last page */
      nextCursor: string | null;
      /** @description unread notifications in all */
      unread: number;
    };
    MarkedView: {
      /** @description notifications marked read */
      marked: number;
    };
    /** @enum {string} */
    ProposalKind: 'SUPPLEMENTARY_ACTIVITY' | 'BUDGET_ADJUSTMENT' | 'RECOMMENDATION';
    CreateProposalDto: {
      kind: components['schemas']['ProposalKind'];
      title: string;
      content?: string;
      /** Format: uuid */
      planId?: string;
      /** Format: int64 */
      requestedAmount?: number | string;
      fundingSource?: components['schemas']['FundingSource'];
    };
    /** @enum {string} */
    ProposalStatus: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
    ProposalView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      cycleId: string;
      /** Format: uuid */
      planId: string | null;
      /** Format: uuid */
      organizationId: string;
      kind: components['schemas']['ProposalKind'];
      title: string;
      content: string;
      requestedAmount: components['schemas']['Vnd'] | null;
      fundingSource: components['schemas']['FundingSource'] | null;
      status: components['schemas']['ProposalStatus'];
      version: number;
      /** Format: uuid */
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ProposalPage: {
      items: components['schemas']['ProposalView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    UpdateProposalDto: {
      title?: string;
      content?: string;
      /** Format: int64 */
      requestedAmount?: number | string;
      fundingSource?: components['schemas']['FundingSource'];
    };
    MergeDto: {
      /** Format: uuid */
      intoOrganizationId: string;
      /** Format: date */
      effectiveDate: string;
    };
    CombinedPlanView: {
      /**
       * Format: uuid
       * @description the merged union's plan, now WITHDRAWN with the reason MERGED
       */
      mergedPlanId: string;
      /**
       * Format: uuid
       * @description the successor's plan that received its activities
       */
      intoPlanId: string;
      activities: number;
      budgetLines: number;
    };
    MergeView: {
      organization: components['schemas']['OrganizationView'];
      successor: components['schemas']['OrganizationView'];
      /** @description users who now belong to the successor */
      usersMoved: number;
      plans: components['schemas']['CombinedPlanView'][];
    };
    PredecessorView: {
      /** Format: uuid */
      id: string;
      name: string;
      provinceCode: string | null;
      /**
       * Format: date
       * @description the merger took effect (the predecessor’s validTo)
       */
      mergedAt: string | null;
    };
    LineageView: {
      organization: components['schemas']['OrganizationView'];
      predecessors: components['schemas']['PredecessorView'][];
      /** @description for a merged organisation: the one it counts under today */
      successor: components['schemas']['OrganizationView'] | null;
    };
    CreateConsolidationDto: {
      note?: string;
    };
    /** @enum {string} */
    ConsolidationStatus: 'PENDING_APPROVAL' | 'APPROVED' | 'RETURNED';
    PersonRefView: {
      /** Format: uuid */
      userId: string;
      displayName: string;
    };
    ActorRefView: {
      /** Format: uuid */
      userId: string;
      displayName: string;
      /** Format: uuid */
      organizationId: string;
      /** @description whom the actor acted for */
      actingFor?: components['schemas']['PersonRefView'];
    };
    ClusterRefView: {
      number: number;
      name: string;
    };
    ConsolidationPlanView: {
      /** Format: uuid */
      planId: string;
      /** Format: uuid */
      organizationId: string;
      organizationName: string;
      provinceCode: string | null;
      cluster: components['schemas']['ClusterRefView'] | null;
      title: string;
      /** @description the approved version */
      version: number;
      /** Format: date-time */
      approvedAt: string;
      /** @description hash of the plan stream’s PlanApproved event */
      approvalHash: string | null;
      requested: components['schemas']['Vnd'];
      approved: components['schemas']['Vnd'];
      activities: number;
    };
    MissingUnionView: {
      /** Format: uuid */
      organizationId: string;
      organizationName: string;
      /** @description null when the union has no plan */
      planStatus: components['schemas']['PlanStatus'] | null;
    };
    RollupTotalView: {
      requested: components['schemas']['Vnd'];
      approved: components['schemas']['Vnd'];
      activities: number;
    };
    RollupRowView: {
      key: string;
      label: string;
      requested: components['schemas']['Vnd'];
      approved: components['schemas']['Vnd'];
      activities: number;
    };
    RollupsView: {
      total: components['schemas']['RollupTotalView'];
      byProvince: components['schemas']['RollupRowView'][];
      byCluster: components['schemas']['RollupRowView'][];
      byActivityType: components['schemas']['RollupRowView'][];
      byPartnerCountry: components['schemas']['RollupRowView'][];
      byFundingSource: components['schemas']['RollupRowView'][];
    };
    ConsolidationDecisionView: {
      decisionNumber: string;
      /** Format: date */
      decisionDate: string;
      signer: string;
      comment?: string;
      /** Format: date-time */
      decidedAt: string;
      decidedBy: components['schemas']['ActorRefView'];
    };
    ConsolidationView: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      cycleId: string;
      /** @description 1 = the national plan; 2, 3, … = supplementary */
      number: number;
      status: components['schemas']['ConsolidationStatus'];
      /** Format: date-time */
      createdAt: string;
      createdBy: components['schemas']['ActorRefView'];
      note: string | null;
      plans: components['schemas']['ConsolidationPlanView'][];
      missing: components['schemas']['MissingUnionView'][];
      rollups: components['schemas']['RollupsView'];
      decision: components['schemas']['ConsolidationDecisionView'] | null;
      returnReason: string | null;
      /** Format: date-time */
      returnedAt: string | null;
      returnedBy: components['schemas']['ActorRefView'] | null;
      /** Format: date-time */
      updatedAt: string;
    };
    ConsolidationPage: {
      items: components['schemas']['ConsolidationView'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    ApproveConsolidationDto: {
      decisionNumber: string;
      /** Format: date */
      decisionDate: string;
      signer: string;
      comment?: string;
    };
    ReturnConsolidationDto: {
      reason: string;
    };
    HealthChecksView: {
      /** @enum {string} */
      database: 'up' | 'down';
      /** @enum {string} */
      engine: 'up' | 'down';
      /** @enum {string} */
      engineKind: 'embedded' | 'temporal';
      /** @description timers more than a minute late; null when the database is down */
      lateTimers: number | null;
    };
    HealthView: {
      /** @enum {string} */
      status: 'ok' | 'unavailable';
      checks: components['schemas']['HealthChecksView'];
      latencyMs: number;
    };
    /** @description Integer VND: a JSON number when it is a safe integer, else a decimal string; never a fraction. */
    Vnd: number | string;
    /** @description A field value as it was or became: string, number, boolean, null, list or object. */
    DiffValue:
      | (
          | string
          | number
          | boolean
          | components['schemas']['DiffValue'][]
          | {
              [key: string]: components['schemas']['DiffValue'];
            }
        )
      | null;
  };
  responses: {
    /** @description No token, or an expired or invalid one (`UNAUTHENTICATED`). */
    Unauthenticated: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['ProblemView'];
      };
    };
  };
  parameters: {
    /** @description A repeat with the same key returns the first result and changes nothing. */
    IdempotencyKey: string;
    /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
    IfMatch: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description No token, or an expired or invalid one (`UNAUTHENTICATED`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeView'];
        };
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  listColleagues: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ColleaguePage'];
        };
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedUserView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listOrganizations: {
    parameters: {
      query?: {
        kind?: components['schemas']['OrganizationKind'];
        province?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  createOrganization: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganizationDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listNorms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NormRulePage'];
        };
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  listCycles: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CyclePage'];
        };
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  createCycle: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCycleDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getCycleDashboard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DashboardView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getCycle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  grantExtension: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  closeCycle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listClusters: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterView'][];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  replaceClusters: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClusterDto'][];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterView'][];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  createPlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlanDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listPlans: {
    parameters: {
      query?: {
        cycleId?: string;
        status?: components['schemas']['PlanStatus'];
        organizationId?: string;
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getPlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  updatePlan: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePlanDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  addActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateActivityDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditedActivityView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  removeActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  updateActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateActivityDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditedActivityView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  addBudgetLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateBudgetLineDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditedBudgetLineView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  removeBudgetLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  updateBudgetLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateBudgetLineDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditedBudgetLineView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  recordProgress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProgressDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EditedActivityView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  submitPlan: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  withdrawPlan: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listReviews: {
    parameters: {
      query?: {
        mine?: string;
        status?: components['schemas']['ReviewStatus'];
        limit?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  decideReview: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecisionDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DecidedReviewView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listDelegations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DelegationPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  createDelegation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DelegationDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewDelegationView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  revokeDelegation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getPlanHistory: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HistoryPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  verifyPlanHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerificationView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listPlanVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanVersionPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  diffPlanVersions: {
    parameters: {
      query: {
        against: string;
      };
      header?: never;
      path: {
        id: string;
        n: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiffView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getWorkingChanges: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiffView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  markNotificationRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  markAllNotificationsRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkedView'];
        };
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  createProposal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProposalDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProposalView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listProposals: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
        cycleId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProposalPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getProposal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProposalView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  updateProposal: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen (e.g. "3"); 409 STALE_VERSION when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProposalDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProposalView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  mergeOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getOrganizationLineage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LineageView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  listConsolidations: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsolidationPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  createConsolidation: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConsolidationDto'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsolidationView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getConsolidation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsolidationView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  approveConsolidation: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApproveConsolidationDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsolidationView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  returnConsolidation: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key returns the first result and changes nothing. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReturnConsolidationDto'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsolidationView'];
        };
      };
      /** @description The body is not valid JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /**
       * @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       *
       *     The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description The body is too large (`PAYLOAD_TOO_LARGE`). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getConsolidationHistory: {
    parameters: {
      query?: {
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HistoryPage'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  verifyConsolidationHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerificationView'];
        };
      };
      401: components['responses']['Unauthenticated'];
      /** @description The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Unknown, or not visible to this user (`NOT_FOUND`). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
      /** @description Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemView'];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthView'];
        };
      };
      /** @description The database or the engine does not answer */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthView'];
        };
      };
    };
  };
}
