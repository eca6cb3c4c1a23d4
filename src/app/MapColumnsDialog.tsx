/**
 * "Map columns": shown when a dropped table does not use this app's own column names. A preview of
 * the first rows, one control per role, the value rules, presets; "Open" reads the whole file in the
 * import worker with the chosen mapping, "Save mapping" downloads it as JSON (the same file that
 * `npm run aggregate -- --map` reads). A modal dialog: focus stays inside, Escape cancels.
 *
 * Over 300 lines because the dialog's parts (preview, roles, value rules, codes, presets) share one
 * draft mapping and one keyboard trap; split, they would pass that state through many props.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { download } from './download'
import {
  PRESET_IDS,
  PRESET_LABELS,
  ROLES,
  ROLE_LABELS,
  applyPreset,
  type CodeList,
  type PresetId,
  type TableMapping,
} from '../io/import/tables/mapping'
import type { TablePreview } from '../io/import/tables/preview'
import type { StanceRule, TypeRule } from '../io/import/tables/rules'

const TYPE_RULES: Readonly<Record<TypeRule, string>> = {
  column: 'The Type column names the type',
  fixed: 'The default type for every row',
  acled: 'ACLED event types',
  cameo: 'CAMEO event codes',
}
const STANCE_RULES: Readonly<Record<StanceRule, string>> = {
  column: 'The Stance column says the stance',
  fixed: 'The default stance for every row',
  acled: 'ACLED event types',
  cameo: 'CAMEO event codes',
  quadclass: 'GDELT QuadClass',
}
const CODE_LISTS: Readonly<Record<CodeList, string>> = {
  none: 'Names as written',
  iso3: 'ISO-3 / CAMEO country codes',
  cow: 'Correlates of War state numbers',
  table: 'From a second table (code, name)',
}

export interface MapColumnsDialogProps {
  readonly fileName: string
  readonly preview: TablePreview
  /** The mapping to start from: remembered for this header, else the guess. */
  readonly initial: TableMapping
  readonly remembered: boolean
  /** `codes`: the second table that names the codes, when the mapping says so. */
  readonly onOpen: (mapping: TableMapping, codes?: File) => void
  readonly onCancel: () => void
}

export function MapColumnsDialog({
  fileName,
  preview,
  initial,
  remembered,
  onOpen,
  onCancel,
}: MapColumnsDialogProps) {
  const [mapping, setMapping] = useState<TableMapping>(initial)
  const [codesFile, setCodesFile] = useState<File | undefined>(undefined)
  const needsCodes = mapping.codes === 'table' && codesFile === undefined
  const dialog = useRef<HTMLDivElement>(null)
  const id = useId()
  const names = mapping.header === false && mapping.columnNames ? mapping.columnNames : preview.names
  const missing = (['source', 'target'] as const).filter((r) => !mapping.roles[r])

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    dialog.current?.querySelector<HTMLElement>('select, input, button')?.focus()
    return () => before?.focus?.()
  }, [])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      // The app's own Escape (clear the selection) must not also run.
      e.stopPropagation()
      onCancel()
      return
    }
    if (e.key !== 'Tab' || !dialog.current) return
    // Keep focus inside the dialog while it is open.
    const items = Array.from(
      dialog.current.querySelectorAll<HTMLElement>('select, input, button, [tabindex="0"]'),
    ).filter((el) => !(el as HTMLButtonElement).disabled)
    const first = items[0]
    const last = items.at(-1)
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last?.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first?.focus()
    }
  }

  const setRole = (role: (typeof ROLES)[number], column: string) =>
    setMapping((m) => {
      const roles = { ...m.roles }
      if (column === '') delete roles[role]
      else roles[role] = column
      const { preset: _preset, ...rest } = m
      return { ...rest, roles }
    })
  const patch = (p: Partial<TableMapping>) => setMapping((m) => ({ ...m, ...p }))
  const usesDate = mapping.roles.date !== undefined

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="map-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-about`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>Map columns of {fileName}</h2>
        <p id={`${id}-about`}>
          The columns are not this app’s own, so say which column plays which role. Read as {preview.encoding}
          ; {remembered ? 'the mapping last used for this header was restored' : preview.why}.
          {preview.guesses.length > 0 ? ` ${preview.guesses.join('. ')}.` : ''}
        </p>
        <div className="map-preset">
          <label htmlFor={`${id}-preset`}>Preset</label>{' '}
          <select
            id={`${id}-preset`}
            value={mapping.preset ?? ''}
            onChange={(e) => {
              const v = e.target.value
              if (v !== '') setMapping(applyPreset(v as PresetId, preview.names))
            }}
          >
            <option value="">(none: my own mapping)</option>
            {PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="map-preview" tabIndex={0} role="region" aria-label="First rows of the file">
          <table>
            <thead>
              <tr>
                {names.map((n, i) => (
                  <th key={i} scope="col">
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r, i) => (
                <tr key={i}>
                  {names.map((_, j) => (
                    <td key={j}>{r[j] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset className="map-roles">
          <legend>Columns</legend>
          {ROLES.map((role) => (
            <div key={role} className="map-role">
              <label htmlFor={`${id}-${role}`}>{ROLE_LABELS[role]}</label>
              <select
                id={`${id}-${role}`}
                value={mapping.roles[role] ?? ''}
                onChange={(e) => setRole(role, e.target.value)}
              >
                <option value="">(none)</option>
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <fieldset className="map-rules">
          <legend>Value rules</legend>
          <label>
            Type rule
            <select
              value={mapping.typeRule}
              onChange={(e) => patch({ typeRule: e.target.value as TypeRule })}
            >
              {Object.entries(TYPE_RULES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Default type
            <input
              type="text"
              value={mapping.defaultType}
              onChange={(e) => patch({ defaultType: e.target.value })}
            />
          </label>
          <label>
            Stance rule
            <select
              value={mapping.stanceRule}
              onChange={(e) => patch({ stanceRule: e.target.value as StanceRule })}
            >
              {Object.entries(STANCE_RULES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Default stance
            <select
              value={mapping.defaultStance}
              onChange={(e) => patch({ defaultStance: e.target.value as TableMapping['defaultStance'] })}
            >
              <option value="cooperative">cooperative</option>
              <option value="hostile">hostile</option>
              <option value="neutral">neutral</option>
            </select>
          </label>
          <label>
            Codes
            <select value={mapping.codes} onChange={(e) => patch({ codes: e.target.value as CodeList })}>
              {Object.entries(CODE_LISTS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          {mapping.codes === 'table' ? (
            <label>
              Codes table
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv"
                onChange={(e) => setCodesFile(e.target.files?.[0] ?? undefined)}
              />
            </label>
          ) : null}
          <label className="map-check">
            <input
              type="checkbox"
              checked={mapping.directed}
              onChange={(e) => patch({ directed: e.target.checked })}
            />
            Directed
          </label>
          <label className="map-check">
            <input
              type="checkbox"
              checked={mapping.bothDirectionsOneTie}
              onChange={(e) => patch({ bothDirectionsOneTie: e.target.checked })}
            />
            Both directions are one tie
          </label>
        </fieldset>
        {usesDate && (mapping.roles.startYear || mapping.roles.endYear) ? (
          <p className="map-hint">The Date column is used; Start and End year columns are ignored.</p>
        ) : null}
        {missing.length > 0 ? (
          <p className="map-hint" role="status">
            Choose the {missing.map((r) => ROLE_LABELS[r]).join(' and ')} to open the table.
          </p>
        ) : null}
        {needsCodes ? (
          <p className="map-hint" role="status">
            Choose the codes table (first column the code, second the name).
          </p>
        ) : null}
        <div className="map-actions">
          <button
            type="button"
            disabled={missing.length > 0 || needsCodes || mapping.defaultType.trim() === ''}
            onClick={() => onOpen(mapping, codesFile)}
          >
            Open
          </button>
          <button
            type="button"
            onClick={() => {
              const { remembered: _r, ...kept } = mapping
              download(
                new Blob([`${JSON.stringify(kept, null, 2)}\n`], { type: 'application/json' }),
                `${fileName.replace(/\.[^.]*$/, '')}.mapping.json`,
              )
            }}
          >
            Save mapping
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
