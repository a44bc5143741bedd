import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isAfterToday, keepEnterInPicker } from './pickers';

/**
 * A decision's record as the administration writes it — number, date (never after today) and
 * signer — in any form that approves with a decision: the People's Committee's approval of a plan
 * and the leadership's approval of the national plan. The form's fields: decisionNumber,
 * decisionDate, signer.
 */
export function DecisionRecordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="decisionNumber"
        label={t('review.decisionNumber')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input placeholder="1234/QĐ-UBND" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="decisionDate"
        label={t('review.decisionDate')}
        extra={t('reviewScreens.decisionDateHelp')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_, d?: Dayjs) =>
              d && isAfterToday(d)
                ? Promise.reject(new Error(t('reviewScreens.decisionDateFuture')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: 200 }}
          disabledDate={isAfterToday}
          onKeyDown={keepEnterInPicker}
        />
      </Form.Item>
      <Form.Item
        name="signer"
        label={t('review.signer')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
