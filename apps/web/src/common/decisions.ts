import type { TFunction } from 'i18next';

/**
 * An appraisal agency gives an opinion ("Thống nhất", "Đề nghị chỉnh sửa"); approving the plan is
 * the People's Committee's act ("Phê duyệt"). The FINAL function picks the `_FINAL` wording.
 */
const contextOf = (fn: string | null | undefined) => (fn === 'FINAL' ? 'FINAL' : undefined);

/** A decision (APPROVE, REQUEST_REVISION, REJECT) in the words of the function that gives it. */
export function decisionText(t: TFunction, decision: string, fn?: string | null): string {
  return t(`decision.${decision}`, { context: contextOf(fn) });
}

/** A review's status in the same words as the decision that set it. */
export function reviewStatusText(t: TFunction, status: string, fn?: string | null): string {
  return t(`reviewStatus.${status}`, { context: contextOf(fn) });
}
