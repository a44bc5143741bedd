import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Language, rememberLanguage } from '../i18n';

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { i18n, t } = useTranslation();
  const change = (lang: Language) => {
    rememberLanguage(lang);
    void i18n.changeLanguage(lang);
  };
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={change}
      options={[
        { label: <span lang="vi">VI</span>, value: 'vi', title: 'Tiếng Việt' },
        { label: <span lang="en">EN</span>, value: 'en', title: 'English' },
      ]}
      style={dark ? { background: 'rgba(255,255,255,0.85)' } : undefined}
    />
  );
}
