import type { KeyboardEvent } from 'react';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Wrap a date picker in an element with this as its onKeyDown: Enter confirms the date typed in
 * the picker (the picker's own handler has run by then) but never submits the surrounding form,
 * which a browser does by default on Enter in a form's input.
 */
export function keepEnterInPicker(e: KeyboardEvent): void {
  if (e.key === 'Enter') e.preventDefault();
}

/** For a DatePicker's disabledDate: days after today cannot be picked (a decision is not dated ahead). */
export function isAfterToday(d: Dayjs): boolean {
  return d.isAfter(dayjs(), 'day');
}
