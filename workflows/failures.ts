/**
 * The failures a stream's workflow answers a refused Workflow Update with, the same for every
 * stream (plans, consolidations): the API maps them back to the embedded host's codes.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import { REJECTION_FAILURE_TYPE, RejectionDetails, STREAM_BEHIND_FAILURE_TYPE } from './contract';

/** The pure core refused the command: its stable code and field errors travel in details[0]. */
export function rejection(
  code: RejectionDetails['code'],
  message: string,
  errors: RejectionDetails['errors'] = [],
): ApplicationFailure {
  const details: RejectionDetails = { code, errors };
  return ApplicationFailure.create({
    type: REJECTION_FAILURE_TYPE,
    message,
    details: [details],
    nonRetryable: true,
  });
}

/** The request decided on an older stream head than the workflow's: it retries once the outbox settles. */
export function streamBehind(
  stream: string,
  seq: number,
  expectedSeq: number | undefined,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: STREAM_BEHIND_FAILURE_TYPE,
    message: `The ${stream}'s stream is at event ${seq}; the request saw ${expectedSeq}.`,
    nonRetryable: true,
  });
}
