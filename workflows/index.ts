/** The workflow bundle's entry: every workflow type the worker registers. */
export { planApproval } from './plan-approval.workflow';
export { planningCycle } from './planning-cycle.workflow';
export { consolidation } from './consolidation.workflow';
