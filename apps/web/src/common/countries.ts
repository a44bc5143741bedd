import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import vi from 'i18n-iso-countries/langs/vi.json';

// Only the two UI languages: the other locales stay out of the bundle.
countries.registerLocale(vi);
countries.registerLocale(en);

const lang = (language: string) => (language === 'en' ? 'en' : 'vi');

/** A country's name in the UI language from its ISO 3166-1 alpha-2 code (the API's form); the code if unknown. */
export function countryName(code: string, language: string): string {
  return countries.getName(code, lang(language), { select: 'official' }) ?? code;
}

/** Every country as a picker option, sorted by its name in the UI language. */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = countries.getNames(lang(language), { select: 'official' });
  const collator = new Intl.Collator(lang(language));
  return Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
