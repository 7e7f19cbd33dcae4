import { describe, expect, it } from 'vitest';
import { looseForm, spellingKey } from '../../src/geo/spelling-key.js';

const mustMeet = [
  ['Raqa', 'Raqqa', 'Ar-Raqqah', 'Ar Raqqah', 'Al-Raqqa'],
  ['al-Mayadin', 'Mayadeen', 'Al Mayadin', 'Al Mayādīn'],
  ['Deir ez-Zor', 'Deir al-Zor', 'Deir Ezzor', 'Dayr az Zawr', 'Deir ez-Zour', 'Deir el-Zor'],
  ['Hasakah', 'Al-Hasakeh', 'Hassakeh', 'Al Ḩasakah'],
  ['St. Petersburg', 'Saint Petersburg'],
  ['Sheikh Maqsoud', 'Shaykh Maqsud'],
];

const mustStayApart = [
  ['Iran', 'Iraq'],
  ['Austria', 'Australia'],
  ['Niger', 'Nigeria'],
  ['Gaza', 'Giza'],
  ['Mali', 'Malawi'],
  ['Sudan', 'South Sudan'],
  ['Homs', 'Hama'],
  ['Oman', 'Amman'],
];

describe('spellingKey', () => {
  it.each(mustMeet)('gives %s and its variants one key', (...names) => {
    const keys = new Set(names.map(spellingKey));
    expect([...keys]).toHaveLength(1);
  });

  it.each(mustStayApart)('keeps %s and %s apart', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });

  it('keeps an article that is the whole name', () => {
    expect(spellingKey('As')).toBe('as');
  });

  it('is empty for names without Latin letters or digits', () => {
    expect(spellingKey('دير الزور')).toBe('');
    expect(spellingKey(' - ')).toBe('');
  });
});

describe('looseForm', () => {
  it('strips diacritics, case and apostrophes but keeps word boundaries', () => {
    expect(looseForm('Sant Julià de Lòria')).toBe('sant julia de loria');
    expect(looseForm('‘Afrīn')).toBe('afrin');
    expect(looseForm('Deir al-Zor')).toBe('deir al zor');
  });
});
