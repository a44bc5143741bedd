import { content } from '../../test/plan-fixtures';
import { diffContents } from './diff';
import type { PlanContent } from './types';

const clone = (c: PlanContent): PlanContent => JSON.parse(JSON.stringify(c));

describe('diffContents', () => {
  it('finds nothing between equal versions', () => {
    expect(diffContents(content(), content())).toEqual([]);
  });

  it('reports plan title and objectives', () => {
    const to = content({ title: 'New title', objectives: 'New goals' });
    expect(diffContents(content(), to)).toEqual([
      { kind: 'PLAN_CHANGED', field: 'title', from: 'External affairs plan 2027', to: 'New title' },
      {
        kind: 'PLAN_CHANGED',
        field: 'objectives',
        from: 'Strengthen friendship with partner provinces',
        to: 'New goals',
      },
    ]);
  });

  it('reports activities added, removed and changed, with their budget lines and the total', () => {
    const from = content();
    const to = clone(from);
    to.activities[0].title = 'Receive a delegation from Cambodia';
    to.activities[0].partnerCountries = ['KH'];
    to.activities.splice(1, 1);
    to.activities.push({
      id: 'act-3',
      code: 'HD03',
      title: 'Training',
      type: 'TRAINING',
      budgetLines: [
        {
          id: 'bl-9',
          description: 'Printing',
          category: 'PRINTING_PUBLICATION',
          fundingSource: 'NGO_AID',
          requestedAmount: '5000000',
        },
      ],
    });
    expect(diffContents(from, to)).toEqual([
      {
        kind: 'ACTIVITY_CHANGED',
        activityId: 'act-1',
        code: 'HD01',
        field: 'title',
        from: 'Receive a delegation from Laos',
        to: 'Receive a delegation from Cambodia',
      },
      {
        kind: 'ACTIVITY_CHANGED',
        activityId: 'act-1',
        code: 'HD01',
        field: 'partnerCountries',
        from: null,
        to: ['KH'],
      },
      { kind: 'ACTIVITY_ADDED', activityId: 'act-3', code: 'HD03', title: 'Training' },
      { kind: 'ACTIVITY_REMOVED', activityId: 'act-2', code: 'HD02', title: 'Friendship exchange' },
      {
        kind: 'BUDGET_LINE_ADDED',
        activityId: 'act-3',
        activityCode: 'HD03',
        budgetLineId: 'bl-9',
        description: 'Printing',
        amount: '5000000',
      },
      {
        kind: 'BUDGET_LINE_REMOVED',
        activityId: 'act-2',
        activityCode: 'HD02',
        budgetLineId: 'bl-3',
        description: 'Venue',
        amount: '20000000',
      },
      { kind: 'TOTAL_REQUESTED_CHANGED', from: '71000000', to: '56000000' },
    ]);
  });

  it('reports budget line fields by name (amount, description, category, funding source, any extra scalar) and moves', () => {
    const from = content();
    from.activities[0].budgetLines[0].quantity = 5;
    const to = clone(from);
    const line = to.activities[0].budgetLines[0];
    line.requestedAmount = '040000000'; // same as 40,000,000
    line.description = 'Hotel';
    line.category = 'MEALS';
    line.fundingSource = 'NGO_AID';
    line.quantity = 4;
    const moved = to.activities[0].budgetLines.splice(1, 1)[0];
    to.activities[1].budgetLines.push(moved);
    const where = { activityId: 'act-1', activityCode: 'HD01', budgetLineId: 'bl-1', description: 'Hotel' };
    expect(diffContents(from, to)).toEqual([
      { kind: 'BUDGET_LINE_CHANGED', ...where, field: 'amount', from: '45000000', to: '40000000' },
      { kind: 'BUDGET_LINE_CHANGED', ...where, field: 'description', from: 'Accommodation', to: 'Hotel' },
      { kind: 'BUDGET_LINE_CHANGED', ...where, field: 'category', from: 'ACCOMMODATION', to: 'MEALS' },
      { kind: 'BUDGET_LINE_CHANGED', ...where, field: 'fundingSource', from: 'STATE_BUDGET', to: 'NGO_AID' },
      { kind: 'BUDGET_LINE_CHANGED', ...where, field: 'quantity', from: 5, to: 4 },
      {
        kind: 'BUDGET_LINE_CHANGED',
        activityId: 'act-2',
        activityCode: 'HD02',
        budgetLineId: 'bl-2',
        description: 'Interpreting',
        field: 'activity',
        from: 'HD01',
        to: 'HD02',
      },
      { kind: 'TOTAL_REQUESTED_CHANGED', from: '71000000', to: '66000000' },
    ]);
  });

  it('does not report an amount written differently but equal', () => {
    const to = content();
    to.activities[0].budgetLines[0].requestedAmount = '0045000000';
    expect(diffContents(content(), to)).toEqual([]);
  });
});
