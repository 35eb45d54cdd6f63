// What a currency says about where the business is: the paper, window envelope,
// date format and country the first-run form suggests once a currency is chosen
// (the same pairs as the core's sample profiles). Suggestions only: the owner
// can change each one, and one they set by hand is left alone.
import type { Currency } from '../bindings/Currency';
import type { DateFormat } from '../bindings/DateFormat';
import type { EnvelopePreset } from '../bindings/EnvelopePreset';
import type { Paper } from '../bindings/Paper';

export interface Regional {
  paper: Paper;
  date_format: DateFormat;
  /** `null`: the currency does not say (the euro is used in many countries). */
  country: string | null;
}

const LETTER: Omit<Regional, 'country'> = { paper: 'letter', date_format: 'long_us' };
const A4: Omit<Regional, 'country'> = { paper: 'a4', date_format: 'long_uk' };

export function regionalDefaults(currency: Currency): Regional {
  switch (currency) {
    case 'USD':
      return { ...LETTER, country: 'United States' };
    case 'CAD':
      return { ...LETTER, country: 'Canada' };
    case 'GBP':
      return { ...A4, country: 'United Kingdom' };
    case 'AUD':
      return { ...A4, country: 'Australia' };
    case 'NZD':
      return { ...A4, country: 'New Zealand' };
    default:
      return { ...A4, country: null };
  }
}

/** The window envelope letters on this paper usually go in: No. 10 for US Letter, DL (DIN 5008 form B) for A4. */
export const envelopeFor = (paper: Paper): EnvelopePreset => (paper === 'letter' ? 'us_no10' : 'din5008_b');
