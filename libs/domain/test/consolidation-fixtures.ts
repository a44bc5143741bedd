/** Test support for the consolidation stream (not part of the library's API). */
import {
  applyConsolidation,
  type ConsolidationCommand,
  type ConsolidationEvent,
  type ConsolidationState,
  type FrozenPlan,
  type ProvinceRef,
} from '../src/consolidation';
import { actors } from './plan-fixtures';

export const CYCLE = 'cycle-2027';

/** Hải Dương merged into Hải Phòng (Resolution 202/2025/QH15); Hà Nội and Đà Nẵng as they are. */
export const PROVINCES: ProvinceRef[] = [
  { code: '01', name: 'Hà Nội', mergedIntoCode: null },
  { code: '30', name: 'Hải Dương', mergedIntoCode: '31' },
  { code: '31', name: 'Hải Phòng', mergedIntoCode: null },
  { code: '48', name: 'Đà Nẵng', mergedIntoCode: null },
];

export function frozenPlan(overrides: Partial<FrozenPlan> = {}): FrozenPlan {
  return {
    planId: 'plan-hp',
    organizationId: 'org-union-hp',
    organizationName: 'Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng',
    provinceCode: '31',
    cluster: { number: 1, name: 'Cụm thi đua số 1' },
    title: 'Kế hoạch hoạt động đối ngoại nhân dân năm 2027',
    version: 2,
    approvedAt: '2026-05-20T03:00:00.000Z',
    approvalHash: 'a'.repeat(64),
    activities: [
      {
        id: 'act-1',
        type: 'DELEGATION_IN',
        partnerCountries: ['LA'],
        lines: [
          { fundingSource: 'STATE_BUDGET', requested: '45000000', approved: '40000000' },
          { fundingSource: 'STATE_BUDGET', requested: '6000000', approved: '6000000' },
        ],
      },
      {
        id: 'act-2',
        type: 'INTERNATIONAL_CONFERENCE',
        partnerCountries: ['LA', 'KH', 'TH'],
        lines: [
          { fundingSource: 'NGO_AID', requested: '100000000', approved: '90000000' },
          { fundingSource: 'STATE_BUDGET', requested: '30000000', approved: '30000000' },
        ],
      },
    ],
    ...overrides,
  };
}

export const HAI_DUONG_PLAN = frozenPlan({
  planId: 'plan-hd',
  organizationId: 'org-union-hd',
  organizationName: 'Liên hiệp các tổ chức hữu nghị tỉnh Hải Dương',
  provinceCode: '30',
  approvalHash: 'b'.repeat(64),
  version: 1,
  activities: [
    {
      id: 'act-hd-1',
      type: 'TRAINING',
      partnerCountries: [],
      lines: [
        { fundingSource: 'SOCIALIZATION', requested: '9007199254740993', approved: '9007199254740993' },
      ],
    },
  ],
});

export function createCommand(
  overrides: Partial<Extract<ConsolidationCommand, { type: 'CreateConsolidation' }>> = {},
) {
  return {
    type: 'CreateConsolidation',
    actor: actors.consolidator,
    consolidationId: 'cons-1',
    cycleId: CYCLE,
    number: 1,
    pendingConsolidationId: null,
    plans: [frozenPlan(), HAI_DUONG_PLAN],
    provinces: PROVINCES,
    missing: [
      {
        organizationId: 'org-union-dn',
        organizationName: 'Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng',
        planStatus: 'IN_APPRAISAL',
      },
      {
        organizationId: 'org-union-hn',
        organizationName: 'Liên hiệp các tổ chức hữu nghị thành phố Hà Nội',
        planStatus: null,
      },
    ],
    ...overrides,
  } satisfies Extract<ConsolidationCommand, { type: 'CreateConsolidation' }>;
}

export const DECISION = {
  decisionNumber: '45/QĐ-LHHN',
  decisionDate: '2026-06-01',
  signer: 'Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam',
};

/** Drives one consolidation's stream with a clock the test moves. */
export class ConsolidationHarness {
  state: ConsolidationState | null = null;
  events: ConsolidationEvent[] = [];
  now = '2026-06-01T09:00:00.000Z'; // Monday 1 June 2026, 16:00 local

  ctx() {
    return { now: this.now };
  }

  send(command: ConsolidationCommand) {
    const d = applyConsolidation(this.state, command, this.ctx());
    if (d.ok) {
      this.state = d.state;
      this.events.push(...d.events);
    }
    return d;
  }

  must(command: ConsolidationCommand): ConsolidationEvent[] {
    const d = this.send(command);
    if (!d.ok)
      throw new Error(
        `${command.type} refused: ${d.error.code} ${d.error.message} ${JSON.stringify(d.error.errors ?? [])}`,
      );
    return d.events;
  }

  create(overrides: Parameters<typeof createCommand>[0] = {}): this {
    this.must(createCommand(overrides));
    return this;
  }

  get s(): ConsolidationState {
    if (!this.state) throw new Error('no consolidation yet');
    return this.state;
  }
}
