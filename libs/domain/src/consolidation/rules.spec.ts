import { ConsolidationHarness, DECISION, createCommand } from '../../test/consolidation-fixtures';
import { actors } from '../../test/plan-fixtures';
import { decideConsolidation } from './decide';
import { CONSOLIDATION_TRANSITIONS, consolidationRuleFor, firstConsolidationRefusal } from './rules';
import {
  CONSOLIDATION_COMMAND_TYPES,
  CONSOLIDATION_STATUSES,
  type ConsolidationCommand,
  type ConsolidationCommandType,
  type ConsolidationState,
  type ConsolidationStatus,
} from './types';
import type { Refusal } from '../approval/types';

/** A consolidation brought to each status by the machine itself ('NONE': no stream yet). */
function harnessIn(status: ConsolidationStatus | 'NONE'): ConsolidationHarness {
  const h = new ConsolidationHarness();
  if (status === 'NONE') return h;
  h.create();
  if (status === 'APPROVED') h.must({ type: 'ApproveConsolidation', actor: actors.leader, ...DECISION });
  if (status === 'RETURNED')
    h.must({ type: 'ReturnConsolidation', actor: actors.leader, reason: 'Thiếu số liệu' });
  expect(h.state?.status ?? 'NONE').toBe(status);
  return h;
}

/** A command of each type as its rightful sender sends it. */
function validCommand(type: ConsolidationCommandType): ConsolidationCommand {
  switch (type) {
    case 'CreateConsolidation':
      return createCommand({ consolidationId: 'cons-new' });
    case 'ApproveConsolidation':
      return { type, actor: actors.leader, ...DECISION };
    case 'ReturnConsolidation':
      return { type, actor: actors.leader, reason: 'Bổ sung số liệu cụm 3' };
  }
}

/** What the table says before any event is built: a refusal, or null (accepted). */
function tableSays(s: ConsolidationState | null, c: ConsolidationCommand): Refusal | null {
  const rule = consolidationRuleFor(c.type);
  const any = expect.any(String) as string;
  if (!s && c.type !== 'CreateConsolidation') return { code: 'NOT_FOUND', message: any };
  if (s && c.type === 'CreateConsolidation') return { code: 'INVALID_TRANSITION', message: any };
  const guarded = firstConsolidationRefusal(rule.guards, s, c);
  if (guarded) return guarded;
  if (!rule.from.includes(s ? s.status : 'NONE')) return { code: 'INVALID_TRANSITION', message: any };
  return null;
}

describe('the consolidation table drives decideConsolidation', () => {
  const STATUSES = ['NONE', ...CONSOLIDATION_STATUSES] as const;
  const accepted = new Map<ConsolidationCommandType, ConsolidationStatus[]>();

  describe.each(STATUSES)('in %s', (status) => {
    it.each([...CONSOLIDATION_COMMAND_TYPES])(
      '%s: refused as the table says, or leads where `to` says',
      (type) => {
        const h = harnessIn(status);
        const before = h.state;
        const command = validCommand(type);
        const expected = tableSays(before, command);
        if (expected) {
          expect(decideConsolidation(before, command, h.ctx())).toEqual({ ok: false, error: expected });
          return;
        }
        const applied = h.send(command);
        if (!applied.ok)
          throw new Error(`${type} in ${status} refused: ${applied.error.code} ${applied.error.message}`);
        expect(CONSOLIDATION_TRANSITIONS[type].to).toContain(applied.state.status);
        accepted.set(type, [...(accepted.get(type) ?? []), applied.state.status]);
      },
    );
  });

  it('accepts every command in some status, each only from the status the table names', () => {
    expect([...accepted.keys()].sort()).toEqual([...CONSOLIDATION_COMMAND_TYPES].sort());
    expect(CONSOLIDATION_TRANSITIONS.ApproveConsolidation.from).toEqual(['PENDING_APPROVAL']);
    expect(CONSOLIDATION_TRANSITIONS.ReturnConsolidation.from).toEqual(['PENDING_APPROVAL']);
  });

  it('gives creation to the consolidator and the decision to the leadership only', () => {
    expect(CONSOLIDATION_TRANSITIONS.CreateConsolidation.who.roles).toEqual(['CONSOLIDATOR']);
    expect(CONSOLIDATION_TRANSITIONS.ApproveConsolidation.who.roles).toEqual(['LEADER']);
    expect(CONSOLIDATION_TRANSITIONS.ReturnConsolidation.who.roles).toEqual(['LEADER']);
  });
});
