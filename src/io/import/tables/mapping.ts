/**
 * A column mapping: which column plays which role, and the value rules. It is the JSON the "Map
 * columns" dialog saves ("Save mapping") and `npm run aggregate -- --map` reads. Presets are
 * documented mappings for the field's standard tables (docs/data-format.md, one section each).
 *
 * Over 300 lines because the presets are data (GDELT's column lists, six mappings) kept beside the
 * type they fill, with the guessing and checking that read them.
 */
import { applyStanceRule, type Stance, type StanceRule, type TypeRule } from './rules'
import { yearOfDate } from './values'

export const ROLES = [
  'source',
  'target',
  'date',
  'startYear',
  'endYear',
  'type',
  'stance',
  'quote',
  'sourceUrl',
  'sourceName',
  'weight',
] as const
export type Role = (typeof ROLES)[number]

/** The accessible name of each role's control in the dialog. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  source: 'Source column',
  target: 'Target column',
  date: 'Date column',
  startYear: 'Start year column',
  endYear: 'End year column',
  type: 'Type column',
  stance: 'Stance column',
  quote: 'Quote column',
  sourceUrl: 'Source URL column',
  sourceName: 'Source name column',
  weight: 'Weight column',
}

/** How codes become names: not at all, ISO-3/CAMEO, COW numbers, or a second table (code, name). */
export type CodeList = 'none' | 'iso3' | 'cow' | 'table'

export const PRESET_IDS = ['sipri', 'acled', 'icews', 'gdelt1', 'gdelt2', 'dyad-year'] as const
export type PresetId = (typeof PRESET_IDS)[number]

export interface TableMapping {
  readonly version: 1
  readonly preset?: PresetId
  /** Whether the file has a header row; undefined to detect. */
  readonly header?: boolean
  /** Column names of a headerless file, in order. */
  readonly columnNames?: readonly string[]
  /** Role → column name. */
  readonly roles: Partial<Record<Role, string>>
  readonly directed: boolean
  /** "Both directions are one tie": A→B and B→A rows make one relation. */
  readonly bothDirectionsOneTie: boolean
  readonly typeRule: TypeRule
  readonly stanceRule: StanceRule
  readonly defaultType: string
  readonly defaultStance: Stance
  /** Codes in the source and target columns turned into names. */
  readonly codes: CodeList
  /** Set by the dialog when it restored the mapping last used for this header (said in the notes). */
  readonly remembered?: boolean
}

export const PRESET_LABELS: Readonly<Record<PresetId, string>> = {
  sipri: 'SIPRI arms transfers',
  acled: 'ACLED',
  icews: 'ICEWS',
  gdelt1: 'GDELT 1.0 events',
  gdelt2: 'GDELT 2.0 events',
  'dyad-year': 'Dyad-year (COW style)',
}

const GEO = (p: string, adm2: boolean) => [
  `${p}Geo_Type`,
  `${p}Geo_FullName`,
  `${p}Geo_CountryCode`,
  `${p}Geo_ADM1Code`,
  ...(adm2 ? [`${p}Geo_ADM2Code`] : []),
  `${p}Geo_Lat`,
  `${p}Geo_Long`,
  `${p}Geo_FeatureID`,
]
const ACTOR = (p: string) =>
  [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((s) => `${p}${s}`)

/** The columns of GDELT's raw event files, which have no header (GDELT 2.0 adds ADM2 codes). */
export const gdeltColumns = (version: 1 | 2): string[] => [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR('Actor1'),
  ...ACTOR('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO('Actor1', version === 2),
  ...GEO('Actor2', version === 2),
  ...GEO('Action', version === 2),
  'DATEADDED',
  'SOURCEURL',
]

const base = {
  version: 1,
  directed: false,
  bothDirectionsOneTie: false,
  typeRule: 'column',
  stanceRule: 'column',
  defaultType: 'related',
  defaultStance: 'neutral',
  codes: 'none',
} as const satisfies Omit<TableMapping, 'roles'>

export const PRESETS: Readonly<Record<PresetId, TableMapping>> = {
  sipri: {
    ...base,
    preset: 'sipri',
    header: true,
    roles: {
      source: 'Supplier',
      target: 'Recipient',
      startYear: 'Year of order',
      endYear: 'Year(s) of delivery',
      quote: 'Comments',
    },
    directed: true,
    typeRule: 'fixed',
    stanceRule: 'fixed',
    defaultType: 'military',
    defaultStance: 'cooperative',
  },
  acled: {
    ...base,
    preset: 'acled',
    header: true,
    roles: {
      source: 'actor1',
      target: 'actor2',
      date: 'event_date',
      type: 'event_type',
      stance: 'event_type',
      quote: 'notes',
      sourceName: 'source',
    },
    bothDirectionsOneTie: true,
    typeRule: 'acled',
    stanceRule: 'acled',
    defaultType: 'diplomatic',
  },
  icews: {
    ...base,
    preset: 'icews',
    header: true,
    roles: {
      source: 'Source Name',
      target: 'Target Name',
      date: 'Event Date',
      type: 'CAMEO Code',
      stance: 'CAMEO Code',
      quote: 'Event Text',
      sourceName: 'Publisher',
    },
    directed: true,
    typeRule: 'cameo',
    stanceRule: 'cameo',
    defaultType: 'diplomatic',
  },
  gdelt1: {
    ...base,
    preset: 'gdelt1',
    header: false,
    columnNames: gdeltColumns(1),
    roles: {
      source: 'Actor1CountryCode',
      target: 'Actor2CountryCode',
      date: 'SQLDATE',
      type: 'EventRootCode',
      stance: 'QuadClass',
      sourceUrl: 'SOURCEURL',
    },
    directed: true,
    typeRule: 'cameo',
    stanceRule: 'quadclass',
    defaultType: 'diplomatic',
    codes: 'iso3',
  },
  gdelt2: {
    ...base,
    preset: 'gdelt2',
    header: false,
    columnNames: gdeltColumns(2),
    roles: {
      source: 'Actor1CountryCode',
      target: 'Actor2CountryCode',
      date: 'SQLDATE',
      type: 'EventRootCode',
      stance: 'QuadClass',
      sourceUrl: 'SOURCEURL',
    },
    directed: true,
    typeRule: 'cameo',
    stanceRule: 'quadclass',
    defaultType: 'diplomatic',
    codes: 'iso3',
  },
  'dyad-year': {
    ...base,
    preset: 'dyad-year',
    header: true,
    roles: { source: 'ccode1', target: 'ccode2', date: 'year' },
    bothDirectionsOneTie: true,
    typeRule: 'fixed',
    stanceRule: 'fixed',
    codes: 'cow',
  },
}

/** The columns of a preset that this table has (matched ignoring case and spaces). */
export function applyPreset(id: PresetId, names: readonly string[]): TableMapping {
  const p = PRESETS[id]
  const usable = p.header === false ? (p.columnNames ?? []) : names
  const roles: Partial<Record<Role, string>> = {}
  for (const role of ROLES) {
    const want = p.roles[role]
    if (want === undefined) continue
    const found = findColumn(usable, want)
    if (found !== undefined) roles[role] = found
  }
  return { ...p, roles }
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-()]+/g, '')
export const findColumn = (names: readonly string[], want: string): string | undefined =>
  names.find((n) => n === want) ?? names.find((n) => squash(n) === squash(want))

/** Header words per role, for guessing (squashed: lower case, no spaces, underscores or brackets). */
const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  source: [
    'source',
    'from',
    'supplier',
    'actor1',
    'actor1name',
    'sourcename',
    'sidea',
    'ccode1',
    'statea',
    'sender',
    'exporter',
  ],
  target: [
    'target',
    'to',
    'recipient',
    'actor2',
    'actor2name',
    'targetname',
    'sideb',
    'ccode2',
    'stateb',
    'receiver',
    'importer',
  ],
  date: ['date', 'eventdate', 'sqldate', 'day', 'year'],
  startYear: ['start', 'startyear', 'yearoforder', 'fromyear', 'begin', 'styear'],
  endYear: ['end', 'endyear', 'yearsofdelivery', 'toyear', 'endyear'],
  type: ['type', 'eventtype', 'relation', 'relationtype', 'cameocode', 'eventcode', 'eventrootcode'],
  stance: ['stance', 'quadclass'],
  quote: ['quote', 'notes', 'comments', 'eventtext', 'description', 'note'],
  sourceUrl: ['sourceurl', 'url', 'link'],
  sourceName: ['sourcename', 'publisher', 'sourcetitle'],
  weight: ['weight', 'fatalities', 'intensity', 'value', 'count'],
}

/** A preset recognised from the header (or, for a headerless file, from its width). */
export function guessPreset(names: readonly string[], hasHeader: boolean): PresetId | undefined {
  if (!hasHeader) {
    if (names.length === gdeltColumns(2).length) return 'gdelt2'
    if (names.length === gdeltColumns(1).length || names.length === gdeltColumns(1).length - 1)
      return 'gdelt1'
    return undefined
  }
  const has = (w: string) => names.some((n) => squash(n) === squash(w))
  if (has('Supplier') && has('Recipient')) return 'sipri'
  if (has('event_type') && has('actor1') && has('actor2')) return 'acled'
  if (has('CAMEO Code') && has('Source Name') && has('Target Name')) return 'icews'
  if (has('ccode1') && has('ccode2')) return 'dyad-year'
  return undefined
}

/**
 * A mapping guessed from the header and the first rows: a preset when one is recognised, else each
 * role from the header words, then from the values (a column of 3-letter codes for the source and
 * target, a column of dates for the date).
 */
export function guessMapping(
  names: readonly string[],
  hasHeader: boolean,
  rows: readonly (readonly string[])[],
): { mapping: TableMapping; why: string } {
  const preset = guessPreset(names, hasHeader)
  if (preset !== undefined) {
    return {
      mapping: applyPreset(preset, names),
      why: `the columns match the ${PRESET_LABELS[preset]} preset`,
    }
  }
  const roles: Partial<Record<Role, string>> = {}
  const taken = new Set<string>()
  for (const role of ROLES) {
    if (role === 'stance' && roles.type !== undefined) continue
    for (const w of ROLE_WORDS[role]) {
      const n = names.find((c) => !taken.has(c) && squash(c) === w)
      if (n !== undefined) {
        roles[role] = n
        taken.add(n)
        break
      }
    }
  }
  const column = (i: number) => rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '')
  const all = (i: number, test: (v: string) => boolean) => {
    const vs = column(i)
    return vs.length > 0 && vs.every(test)
  }
  const codeColumns = names.filter((n, i) => !taken.has(n) && all(i, (v) => /^[A-Z]{3}$/.test(v)))
  if (roles.source === undefined && codeColumns[0] !== undefined) {
    roles.source = codeColumns[0]
    taken.add(codeColumns[0])
  }
  if (roles.target === undefined && codeColumns[1] !== undefined) {
    roles.target = codeColumns[1]
    taken.add(codeColumns[1])
  }
  if (roles.date === undefined && roles.startYear === undefined) {
    const d = names.find((n, i) => !taken.has(n) && all(i, (v) => yearOfDate(v) !== undefined))
    if (d !== undefined) roles.date = d
  }
  const stanceIndex = roles.stance === undefined ? -1 : names.indexOf(roles.stance)
  const stanceWords =
    stanceIndex >= 0 && all(stanceIndex, (v) => !applyStanceRule('column', v, 'neutral').defaulted)
  const codes = roles.source !== undefined && codeColumns.includes(roles.source) ? 'iso3' : 'none'
  return {
    mapping: {
      ...base,
      header: hasHeader,
      ...(hasHeader ? {} : { columnNames: names }),
      roles,
      typeRule: roles.type === undefined ? 'fixed' : 'column',
      stanceRule: roles.stance !== undefined && stanceWords ? 'column' : 'fixed',
      codes,
    },
    why: 'roles were guessed from the column names and values',
  }
}

/** A stable key for remembering a mapping: the header as written, or the width of a headerless file. */
export function headerKey(written: readonly string[], width: number): string {
  return written.length > 0
    ? `header:${written.map((w) => w.trim().toLowerCase()).join('\u001f')}`
    : `columns:${width}`
}

/** Checks a mapping read from JSON (a saved file or the browser's store); problems as sentences. */
export function checkMapping(
  v: unknown,
): { ok: true; mapping: TableMapping } | { ok: false; message: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, message: 'a mapping must be a JSON object' }
  const m = v as Record<string, unknown>
  if (m.version !== 1) return { ok: false, message: 'the mapping must say "version": 1' }
  if (m.preset !== undefined && !(PRESET_IDS as readonly unknown[]).includes(m.preset))
    return { ok: false, message: `unknown preset ${JSON.stringify(m.preset)}` }
  const preset = m.preset === undefined ? base : PRESETS[m.preset as PresetId]
  const roles = m.roles ?? (m.preset !== undefined ? PRESETS[m.preset as PresetId].roles : undefined)
  if (typeof roles !== 'object' || roles === null)
    return { ok: false, message: 'the mapping needs "roles": { "source": …, "target": … }' }
  for (const [k, c] of Object.entries(roles)) {
    if (!(ROLES as readonly string[]).includes(k))
      return { ok: false, message: `unknown role "${k}" (roles: ${ROLES.join(', ')})` }
    if (typeof c !== 'string') return { ok: false, message: `the column of role "${k}" must be a name` }
  }
  const merged = { ...preset, ...m, roles } as TableMapping
  const typeRules = ['column', 'fixed', 'acled', 'cameo']
  const stanceRules = ['column', 'fixed', 'acled', 'cameo', 'quadclass']
  if (!typeRules.includes(merged.typeRule))
    return { ok: false, message: `typeRule must be one of ${typeRules.join(', ')}` }
  if (!stanceRules.includes(merged.stanceRule))
    return { ok: false, message: `stanceRule must be one of ${stanceRules.join(', ')}` }
  if (!['cooperative', 'hostile', 'neutral'].includes(merged.defaultStance))
    return { ok: false, message: 'defaultStance must be cooperative, hostile or neutral' }
  if (typeof merged.defaultType !== 'string' || merged.defaultType.trim() === '')
    return { ok: false, message: 'defaultType must be a name' }
  if (!['none', 'iso3', 'cow', 'table'].includes(merged.codes))
    return { ok: false, message: 'codes must be none, iso3, cow or table' }
  return { ok: true, mapping: merged }
}
