import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { EventIdempotencyIndex1795400000000 } from './1795400000000-event-idempotency-index';
import { NotificationMailOutbox1796000000000 } from './1796000000000-notification-mail-outbox';
import { DropIdempotencyKeys1796080000000 } from './1796080000000-drop-idempotency-keys';
import { SubmissionExtensions1796083385559 } from './1796083385559-submission-extensions';
import { ActivityCodeUnique1796200000000 } from './1796200000000-activity-code-unique';
import { BudgetLineNormJustification1796300000000 } from './1796300000000-budget-line-norm-justification';
import { TemporalPayloads1796400000000 } from './1796400000000-temporal-payloads';
import { ClustersAndMergers1796450000000 } from './1796450000000-clusters-and-mergers';
import { CycleCheckpoints1796500000000 } from './1796500000000-cycle-checkpoints';
import { Consolidations1796600000000 } from './1796600000000-consolidations';

/** Every migration in order; listed explicitly so bundles and tests need no file globbing. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  EventIdempotencyIndex1795400000000,
  NotificationMailOutbox1796000000000,
  DropIdempotencyKeys1796080000000,
  SubmissionExtensions1796083385559,
  ActivityCodeUnique1796200000000,
  BudgetLineNormJustification1796300000000,
  TemporalPayloads1796400000000,
  ClustersAndMergers1796450000000,
  CycleCheckpoints1796500000000,
  Consolidations1796600000000,
];
