import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_LENGTH,
  createDirectory,
  delegationKey,
  findDelegation,
  listDirectory,
  sortDelegations,
} from './directory.ts';

const memberNames = (): string[] => listDirectory('member-state').map((e) => e.name);

describe('built-in directory', () => {
  it('lists exactly 193 unique Member States', () => {
    const names = memberNames();
    expect(names).toHaveLength(193);
    expect(new Set(names).size).toBe(193);
    expect(new Set(names.map(delegationKey)).size).toBe(193);
  });

  it('uses the official UN short names', () => {
    const names = new Set(memberNames());
    const official = [
      'Bolivia (Plurinational State of)',
      'Iran (Islamic Republic of)',
      'Venezuela (Bolivarian Republic of)',
      'Türkiye',
      'Republic of Korea',
      "Democratic People's Republic of Korea",
      "Lao People's Democratic Republic",
      "Côte d'Ivoire",
      'Czechia',
      'Eswatini',
      'North Macedonia',
      'Netherlands (Kingdom of the)',
      'Micronesia (Federated States of)',
      'Republic of Moldova',
      'United Kingdom of Great Britain and Northern Ireland',
      'United Republic of Tanzania',
      'United States of America',
      'Syrian Arab Republic',
      'Russian Federation',
      'Viet Nam',
      'Gambia',
      'Bahamas',
      'Congo',
      'Democratic Republic of the Congo',
      'Cabo Verde',
      'Timor-Leste',
      'Brunei Darussalam',
      'Sao Tome and Principe',
      'Guinea-Bissau',
      'Saint Vincent and the Grenadines',
    ];
    for (const name of official) expect(names.has(name), name).toBe(true);
    const retired = ['Turkey', 'Netherlands', 'Swaziland', 'Czech Republic', 'Cape Verde', 'Vietnam', 'Iran', 'Laos'];
    for (const name of retired) expect(names.has(name), name).toBe(false);
  });

  it('keeps observers, organizations and groups out of the member count', () => {
    expect(listDirectory('observer-state').map((e) => e.name).sort()).toEqual(['Holy See', 'State of Palestine']);
    expect(findDelegation('European Union')?.kind).toBe('organization');
    for (const g of [
      'Group of 77 and China',
      'African Group',
      'Arab Group',
      'Asia-Pacific Group',
      'Eastern European Group',
      'Group of Latin American and Caribbean States',
      'Western European and other States Group',
      'Non-Aligned Movement',
      'Organisation of Islamic Cooperation',
      'Alliance of Small Island States',
      'Least Developed Countries',
      'Landlocked Developing Countries',
      'Nordic countries',
      'Caribbean Community',
    ]) {
      expect(findDelegation(g)?.kind, g).toBe('group');
    }
    expect(listDirectory()).toHaveLength(
      193 + listDirectory('observer-state').length + listDirectory('organization').length + listDirectory('group').length,
    );
    expect(listDirectory('custom')).toEqual([]);
  });

  it('stores member states in UN alphabetical order', () => {
    expect(sortDelegations(memberNames())).toEqual(memberNames());
  });

  it('has no alias that is ambiguous or shadows another name', () => {
    const owner = new Map<string, string>();
    for (const e of listDirectory()) {
      for (const label of [e.name, ...(e.aliases ?? [])]) {
        const key = delegationKey(label);
        expect(owner.get(key) ?? e.name, `${label} is claimed twice`).toBe(e.name);
        owner.set(key, e.name);
      }
    }
  });

  it('hands out copies, so callers cannot corrupt the directory', () => {
    const iran = findDelegation('Iran');
    iran!.name = 'changed';
    iran!.aliases!.push('Persia');
    listDirectory()[0].name = 'changed';
    expect(findDelegation('Iran')?.name).toBe('Iran (Islamic Republic of)');
    expect(findDelegation('Persia')).toBeUndefined();
    expect(listDirectory()[0].name).toBe('Afghanistan');
  });
});

describe('findDelegation', () => {
  it('finds canonical names case- and diacritic-insensitively', () => {
    expect(findDelegation('Türkiye')?.name).toBe('Türkiye');
    expect(findDelegation('Turkiye')?.name).toBe('Türkiye');
    expect(findDelegation('TURKIYE')?.name).toBe('Türkiye');
    expect(findDelegation("cote d'ivoire")?.name).toBe("Côte d'Ivoire");
    expect(findDelegation('Côte d’Ivoire')?.name).toBe("Côte d'Ivoire"); // curly apostrophe
    expect(findDelegation('São Tomé and Príncipe')?.name).toBe('Sao Tome and Principe');
    expect(findDelegation('  viet   nam ')?.name).toBe('Viet Nam');
    expect(findDelegation('democratic people’s republic of korea')?.name).toBe("Democratic People's Republic of Korea");
  });

  it('resolves common aliases to the official name', () => {
    const cases: Record<string, string> = {
      Iran: 'Iran (Islamic Republic of)',
      Venezuela: 'Venezuela (Bolivarian Republic of)',
      Bolivia: 'Bolivia (Plurinational State of)',
      Turkey: 'Türkiye',
      'South Korea': 'Republic of Korea',
      'North Korea': "Democratic People's Republic of Korea",
      Laos: "Lao People's Democratic Republic",
      UK: 'United Kingdom of Great Britain and Northern Ireland',
      'United Kingdom': 'United Kingdom of Great Britain and Northern Ireland',
      USA: 'United States of America',
      'United States': 'United States of America',
      Russia: 'Russian Federation',
      Syria: 'Syrian Arab Republic',
      Vietnam: 'Viet Nam',
      Tanzania: 'United Republic of Tanzania',
      Moldova: 'Republic of Moldova',
      'Ivory Coast': "Côte d'Ivoire",
      'Czech Republic': 'Czechia',
      Swaziland: 'Eswatini',
      Macedonia: 'North Macedonia',
      Netherlands: 'Netherlands (Kingdom of the)',
      'the Netherlands': 'Netherlands (Kingdom of the)',
      Micronesia: 'Micronesia (Federated States of)',
      Palestine: 'State of Palestine',
      EU: 'European Union',
      G77: 'Group of 77 and China',
      'g-77': 'Group of 77 and China',
      CARICOM: 'Caribbean Community',
      DRC: 'Democratic Republic of the Congo',
      'Cape Verde': 'Cabo Verde',
      'The Gambia': 'Gambia',
    };
    for (const [typed, official] of Object.entries(cases)) {
      expect(findDelegation(typed)?.name, typed).toBe(official);
    }
  });

  it('does not confuse similar names', () => {
    expect(findDelegation('Congo')?.name).toBe('Congo');
    expect(findDelegation('Sudan')?.name).toBe('Sudan');
    expect(findDelegation('Niger')?.name).toBe('Niger');
    expect(findDelegation('Dominica')?.name).toBe('Dominica');
    expect(findDelegation('Guinea')?.name).toBe('Guinea');
    expect(findDelegation('Korea')).toBeUndefined();
  });

  it('returns undefined for unknown or empty input', () => {
    expect(findDelegation('Atlantis')).toBeUndefined();
    expect(findDelegation('')).toBeUndefined();
    expect(findDelegation('   ')).toBeUndefined();
    expect(findDelegation('Iran (Islamic Republic')).toBeUndefined();
  });
});

describe('createDirectory', () => {
  it('adds custom entries alongside the built-ins', () => {
    const result = createDirectory(['  Model UN Secretariat  ', { name: 'Youth Delegation', aliases: ['YD', 'youth delegation'] }]);
    if (!result.ok) throw new Error(result.message);
    const { directory } = result;
    expect(directory.list('custom')).toEqual([
      { name: 'Model UN Secretariat', kind: 'custom' },
      { name: 'Youth Delegation', kind: 'custom', aliases: ['YD'] },
    ]);
    expect(directory.find('model un secretariat')?.name).toBe('Model UN Secretariat');
    expect(directory.find('yd')?.name).toBe('Youth Delegation');
    expect(directory.find('Turkey')?.name).toBe('Türkiye');
    expect(directory.list()).toHaveLength(listDirectory().length + 2);
    // The default directory is untouched.
    expect(findDelegation('Youth Delegation')).toBeUndefined();
  });

  it('accepts an empty list', () => {
    const result = createDirectory([]);
    expect(result.ok && result.directory.list().length).toBe(listDirectory().length);
  });

  it('rejects empty names', () => {
    const result = createDirectory(['Fine', '   ']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('empty');
    expect(result.issues).toEqual([expect.objectContaining({ index: 1, code: 'empty' })]);
  });

  it(`rejects names longer than ${MAX_NAME_LENGTH} characters but accepts exactly ${MAX_NAME_LENGTH}`, () => {
    expect(createDirectory(['x'.repeat(MAX_NAME_LENGTH)]).ok).toBe(true);
    const result = createDirectory(['x'.repeat(MAX_NAME_LENGTH + 1)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('too-long');
      expect(result.message).toContain(String(MAX_NAME_LENGTH));
    }
  });

  it('rejects duplicates of built-in names and aliases, whatever the case or accents', () => {
    for (const dup of ['France', 'turkiye', 'TURKEY', 'EU', ' Viet Nam ']) {
      const result = createDirectory([dup]);
      expect(result.ok, dup).toBe(false);
      if (!result.ok) expect(result.code).toBe('duplicate');
    }
    const viaAlias = createDirectory(['Iran']);
    expect(!viaAlias.ok && viaAlias.message).toContain('Iran (Islamic Republic of)');
  });

  it('rejects duplicates within the custom list, including via aliases', () => {
    const result = createDirectory(['Observer A', 'observer a', { name: 'Observer B', aliases: ['Observer A'] }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.index, i.code])).toEqual([
      [1, 'duplicate'],
      [2, 'duplicate'],
    ]);
    expect(result.message).toMatch(/and 1 more problem\)$/);
  });

  it('rejects control characters and non-string input without throwing', () => {
    const multi = createDirectory(['Line\nbreak']);
    expect(!multi.ok && multi.code).toBe('control-character');
    const bad = createDirectory([42 as unknown as string, { name: 'Ok', aliases: [null as unknown as string] }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.code)).toEqual(['not-a-string', 'not-a-string']);
  });
});

describe('sortDelegations', () => {
  it('sorts alphabetically ignoring case and diacritics', () => {
    expect(sortDelegations(['Turkmenistan', 'Türkiye', 'Tuvalu', 'Tunisia'])).toEqual([
      'Tunisia',
      'Türkiye',
      'Turkmenistan',
      'Tuvalu',
    ]);
    expect(sortDelegations(["Côte d'Ivoire", 'Croatia', 'Costa Rica', 'cuba'])).toEqual([
      'Costa Rica',
      "Côte d'Ivoire",
      'Croatia',
      'cuba',
    ]);
  });

  it('does not mutate its input and is deterministic on ties', () => {
    const input = ['Zambia', 'Angola', 'ANGOLA'];
    const sorted = sortDelegations(input);
    expect(input).toEqual(['Zambia', 'Angola', 'ANGOLA']);
    expect(sorted).toEqual(['ANGOLA', 'Angola', 'Zambia']);
    expect(sortDelegations([...input].reverse())).toEqual(sorted);
  });

  it('puts a whole shuffled member list back in UN order', () => {
    const names = memberNames();
    const shuffled = names.map((n, i) => ({ n, k: (i * 7919) % names.length })).sort((a, b) => a.k - b.k).map((x) => x.n);
    expect(shuffled).not.toEqual(names);
    expect(sortDelegations(shuffled)).toEqual(names);
  });
});
