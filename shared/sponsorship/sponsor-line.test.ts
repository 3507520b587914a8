import { describe, expect, it } from 'vitest';
import { formatSponsorLine, joinNames, sortSponsorNames } from './sponsor-line.ts';

describe('joinNames', () => {
  it('joins with commas and "and" before the last name, without a serial comma', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Chile'])).toBe('Chile');
    expect(joinNames(['Austria', 'Brazil'])).toBe('Austria and Brazil');
    expect(joinNames(['Austria', 'Brazil', 'Chile'])).toBe('Austria, Brazil and Chile');
  });

  it('keeps commas inside names and skips blank names', () => {
    expect(joinNames(['Iran (Islamic Republic of)', ' ', 'Venezuela (Bolivarian Republic of)', 'Zimbabwe ']))
      .toBe('Iran (Islamic Republic of), Venezuela (Bolivarian Republic of) and Zimbabwe');
  });
});

describe('formatSponsorLine', () => {
  it('ends with the kind of draft', () => {
    expect(formatSponsorLine(['Austria', 'Brazil', 'Chile'], 'draft-resolution')).toBe('Austria, Brazil and Chile: draft resolution');
    expect(formatSponsorLine(['Mexico'], 'draft-decision')).toBe('Mexico: draft decision');
  });

  it('is empty without sponsors or for adopted texts', () => {
    expect(formatSponsorLine([], 'draft-resolution')).toBe('');
    expect(formatSponsorLine(['Austria'], 'resolution')).toBe('');
    expect(formatSponsorLine(['Austria'], 'decision')).toBe('');
  });
});

describe('formatSponsorLine (revised)', () => {
  it('says "revised" for a revision', () => {
    expect(formatSponsorLine(['Austria', 'Brazil'], 'draft-resolution', { revised: true })).toBe('Austria and Brazil: revised draft resolution');
    expect(formatSponsorLine(['Mexico'], 'draft-decision', { revised: true })).toBe('Mexico: revised draft decision');
    expect(formatSponsorLine(['Mexico'], 'resolution', { revised: true })).toBe('');
  });
});

describe('sortSponsorNames', () => {
  it('sorts in English collation, accents ignored, and drops blanks and duplicates', () => {
    expect(sortSponsorNames(['Tuvalu', 'Türkiye', 'Togo', 'Austria', ' Austria ', '', 'Côte d\'Ivoire', 'Cuba']))
      .toEqual(['Austria', 'Côte d\'Ivoire', 'Cuba', 'Togo', 'Türkiye', 'Tuvalu']);
  });
});
