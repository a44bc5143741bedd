import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../common/countries';

/** Letters without their tone marks, lower case: "nhat" finds "Nhật Bản". */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * Partner countries by name in the UI language, searched as the officer types (with or without
 * tone marks, or by ISO code); the value stays the ISO codes the API takes.
 */
export function CountryPicker({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('activity.countriesPlaceholder')}
      showSearch={{
        filterOption: (input, option) => {
          const q = fold(input.trim());
          return !!option && (fold(option.label).includes(q) || option.value.toLowerCase() === q);
        },
      }}
      data-testid="country-picker"
    />
  );
}
