/**
 * Generated from the API's OpenAPI document by openapi-typescript (scripts/api-types.js): do not edit.
 * Change the API's views and decorators, then run `npm run openapi && npm run api-types`;
 * `npm test` fails while this file is stale. apps/web/src/api/types.ts names the types the screens use.
 */
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['IdentityController_login'];
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
    get: operations['IdentityController_me'];
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
    get: operations['IdentityController_users'];
    put?: never;
    post: operations['IdentityController_createUser'];
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
    get: operations['IdentityController_organizations'];
    put?: never;
    post: operations['IdentityController_createOrganization'];
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
    get: operations['CyclesController_list'];
    put?: never;
    post: operations['CyclesController_create'];
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
    get: operations['CyclesController_dashboard'];
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
    get: operations['CyclesController_get'];
    put?: never;
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
    post: operations['PlansController_create'];
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
    get: operations['PlansController_list'];
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
    get: operations['PlansController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['PlansController_update'];
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
    post: operations['PlansController_addActivity'];
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
    delete: operations['PlansController_removeActivity'];
    options?: never;
    head?: never;
    patch: operations['PlansController_updateActivity'];
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
    post: operations['PlansController_addLine'];
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
    delete: operations['PlansController_removeLine'];
    options?: never;
    head?: never;
    patch: operations['PlansController_updateLine'];
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
    patch: operations['PlansController_progress'];
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
    post: operations['ApprovalController_submit'];
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
    post: operations['ApprovalController_withdraw'];
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
    get: operations['ApprovalController_inbox'];
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
    post: operations['ApprovalController_decide'];
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
    post: operations['ApprovalController_extension'];
    delete?: never;
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
    get: operations['ApprovalController_history'];
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
    get: operations['ApprovalController_verify'];
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
    get: operations['ApprovalController_versions'];
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
    get: operations['ApprovalController_diff'];
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
    get: operations['ApprovalController_changes'];
    put?: never;
    post?: never;
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
    get: operations['ApprovalController_delegations'];
    put?: never;
    post: operations['ApprovalController_delegate'];
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
    delete: operations['ApprovalController_revoke'];
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
    get: operations['NormsController_list'];
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
    get: operations['NotificationsController_list'];
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
    post: operations['NotificationsController_read'];
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
    post: operations['NotificationsController_readAll'];
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
    post: operations['ProposalsController_create'];
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
    get: operations['ProposalsController_list'];
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
    get: operations['ProposalsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['ProposalsController_update'];
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LoginDto: {
      /** @example hp.editor */
      login: string;
      /** @example demo-2026 */
      password: string;
    };
    CreateOrganizationDto: {
      /** @example HP-UNION */
      code: string;
      nameVi: string;
      nameEn: string;
      /** @enum {string} */
      kind: 'CENTRAL_UNION' | 'PROVINCIAL_UNION' | 'APPRAISAL_AGENCY';
      provinceCode?: string;
      cluster?: number;
      /** Format: uuid */
      servesOrganizationId?: string;
      /** @enum {string} */
      function?: 'CONTENT' | 'BUDGET' | 'FINAL';
    };
    CreateUserDto: {
      login: string;
      password: string;
      displayName: string;
      /** Format: uuid */
      organizationId: string;
      roles: ('PLAN_EDITOR' | 'PLAN_SUBMITTER' | 'APPRAISER' | 'CONSOLIDATOR' | 'LEADER' | 'ADMIN')[];
      email?: string;
    };
    RouteStageDto: {
      stage: number;
      functions: ('CONTENT' | 'BUDGET' | 'FINAL')[];
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
    CreatePlanDto: {
      /** @example Kế hoạch hoạt động đối ngoại nhân dân năm 2027 */
      title: string;
      objectives?: string;
    };
    UpdatePlanDto: {
      title?: string;
      objectives?: string;
    };
    CreateActivityDto: {
      /** @example HĐ-01 */
      code?: string;
      title: string;
      /** @enum {string} */
      type:
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
      /** @example 2027-03 */
      periodStart?: string;
      /** @example 2027-Q2 */
      periodEnd?: string;
      location?: string;
      partnerCountries?: string[];
      partnerOrganizations?: string[];
      leadUnit?: string;
      coordinatingUnits?: string[];
      expectedResults?: string;
      /** @enum {string} */
      priority?: 'HIGH' | 'MEDIUM' | 'LOW';
    };
    UpdateActivityDto: {
      /** @example HĐ-01 */
      code?: string;
      title?: string;
      /** @enum {string} */
      type?:
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
      /** @example 2027-03 */
      periodStart?: string;
      /** @example 2027-Q2 */
      periodEnd?: string;
      location?: string;
      partnerCountries?: string[];
      partnerOrganizations?: string[];
      leadUnit?: string;
      coordinatingUnits?: string[];
      expectedResults?: string;
      /** @enum {string} */
      priority?: 'HIGH' | 'MEDIUM' | 'LOW';
    };
    CreateBudgetLineDto: {
      /** @enum {string} */
      category:
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
      description: string;
      quantity: number;
      unit: string;
      /** Format: int64 */
      unitCost: number | string;
      /** Format: int64 */
      amount?: number | string;
      /** @enum {string} */
      fundingSource: 'STATE_BUDGET' | 'NGO_AID' | 'SOCIALIZATION' | 'OTHER';
      /** @enum {string|null} */
      guestClass?: 'SPECIAL' | 'A' | 'B' | 'C' | 'OTHER' | null;
      /** @enum {string|null} */
      memberRole?: 'HEAD' | 'DEPUTY' | 'MEMBER' | null;
      normArticle?: string;
      /** @enum {string} */
      payer?: 'VIETNAMESE_SIDE' | 'FOREIGN_SIDE';
    };
    UpdateBudgetLineDto: {
      /** @enum {string} */
      category?:
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
      description?: string;
      quantity?: number;
      unit?: string;
      /** Format: int64 */
      unitCost?: number | string;
      /** Format: int64 */
      amount?: number | string;
      /** @enum {string} */
      fundingSource?: 'STATE_BUDGET' | 'NGO_AID' | 'SOCIALIZATION' | 'OTHER';
      /** @enum {string|null} */
      guestClass?: 'SPECIAL' | 'A' | 'B' | 'C' | 'OTHER' | null;
      /** @enum {string|null} */
      memberRole?: 'HEAD' | 'DEPUTY' | 'MEMBER' | null;
      normArticle?: string;
      /** @enum {string} */
      payer?: 'VIETNAMESE_SIDE' | 'FOREIGN_SIDE';
    };
    ProgressDto: {
      /** @enum {string} */
      implementationStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'POSTPONED' | 'CANCELLED';
      /** Format: int64 */
      actualSpend?: number | string;
      results?: string;
      /** Format: date */
      reportedOn?: string;
    };
    WithdrawDto: {
      reason?: string;
    };
    DecisionLineDto: {
      /** Format: uuid */
      budgetLineId: string;
      /** Format: int64 */
      approvedAmount: number | string;
      comment?: string;
    };
    DecisionDto: {
      /** @enum {string} */
      decision: 'APPROVE' | 'REQUEST_REVISION' | 'REJECT';
      comment?: string;
      lines?: components['schemas']['DecisionLineDto'][];
      /** @example 1234/QĐ-UBND */
      decisionNumber?: string;
      /** Format: date */
      decisionDate?: string;
      signer?: string;
    };
    ExtensionDto: {
      /** Format: uuid */
      organizationId: string;
      /** Format: date */
      newDeadline: string;
      reason: string;
    };
    DelegationDto: {
      /** Format: uuid */
      toUserId: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      reason?: string;
    };
    CreateProposalDto: {
      /** @enum {string} */
      kind: 'SUPPLEMENTARY_ACTIVITY' | 'BUDGET_ADJUSTMENT' | 'RECOMMENDATION';
      title: string;
      content?: string;
      /** Format: uuid */
      planId?: string;
      /** Format: int64 */
      requestedAmount?: number | string;
      /** @enum {string} */
      fundingSource?: 'STATE_BUDGET' | 'NGO_AID' | 'SOCIALIZATION' | 'OTHER';
    };
    UpdateProposalDto: {
      title?: string;
      content?: string;
      /** Format: int64 */
      requestedAmount?: number | string;
      /** @enum {string} */
      fundingSource?: 'STATE_BUDGET' | 'NGO_AID' | 'SOCIALIZATION' | 'OTHER';
    };
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
      | 'INTERNAL';
    FieldErrorView: {
      /** @example lines.0.approvedAmount */
      field: string;
      message: string;
    };
    ProblemView: {
      /** @example about:blank */
      type: string;
      /** @example Unprocessable Entity */
      title: string;
      /** @example 422 */
      status: number;
      /** @description stable; clients match on it */
      code: components['schemas']['ErrorCode'];
      detail: string;
      /** @description each bad field, empty when none is to blame */
      errors: components['schemas']['FieldErrorView'][];
      /** @description the request path */
      instance?: string;
    };
    /** @description Integer VND: a JSON number when it is a safe integer, else a decimal string; never a fraction. */
    Vnd: number | string;
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
    /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
    IfMatch: string;
    /** @description A repeat with the same key returns the first result and changes nothing. */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  IdentityController_login: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  IdentityController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  IdentityController_users: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  IdentityController_createUser: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  IdentityController_organizations: {
    parameters: {
      query?: {
        kind?: 'CENTRAL_UNION' | 'PROVINCIAL_UNION' | 'APPRAISAL_AGENCY';
        province?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  IdentityController_createOrganization: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  CyclesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  CyclesController_create: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  CyclesController_dashboard: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  CyclesController_get: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_create: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_list: {
    parameters: {
      query?: {
        cycleId?: string;
        status?:
          | 'DRAFT'
          | 'IN_APPRAISAL'
          | 'REVISION_REQUESTED'
          | 'APPROVED'
          | 'REJECTED'
          | 'WITHDRAWN'
          | 'IN_ROLLOUT'
          | 'CLOSED';
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_get: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_addActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_removeActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_updateActivity: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_addLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_removeLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
        'If-Match'?: components['parameters']['IfMatch'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_updateLine: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version last seen; 409 `STALE_VERSION` when it moved on. */
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  PlansController_progress: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_submit: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        'idempotency-key': string;
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_withdraw: {
    parameters: {
      query?: never;
      header: {
        'idempotency-key': string;
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_inbox: {
    parameters: {
      query?: {
        mine?: string;
        status?: 'PENDING' | 'APPROVED' | 'REVISION_REQUESTED' | 'REJECTED' | 'CANCELLED';
        limit?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_decide: {
    parameters: {
      query?: never;
      header: {
        'idempotency-key': string;
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_extension: {
    parameters: {
      query?: never;
      header: {
        'idempotency-key': string;
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_history: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_verify: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_versions: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_diff: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_changes: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_delegations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_delegate: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ApprovalController_revoke: {
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
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  NormsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  NotificationsController_read: {
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
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  NotificationsController_readAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ProposalsController_create: {
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
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ProposalsController_list: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ProposalsController_get: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
  ProposalsController_update: {
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
        'application/json': components['schemas']['UpdateProposalDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthenticated'];
    };
  };
}
