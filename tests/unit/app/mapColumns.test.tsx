/**
 * The "Map columns" dialog through the DOM: one control per role with the exact names, a
 * preset fills them, hand choices and options reach the mapping, Escape cancels, focus stays inside.
 */
import { readFileSync } from 'node:fs'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MapColumnsDialog } from '../../../src/app/MapColumnsDialog'
import type { TableMapping } from '../../../src/io/import/tables/mapping'
import { previewTable } from '../../../src/io/import/tables/preview'

function preview(name: string) {
  const p = previewTable(new Uint8Array(readFileSync(`tests/fixtures/tables/${name}`)), false)
  if (!p.ok) throw new Error(p.message)
  return p.preview
}

const ROLE_NAMES = [
  'Source column',
  'Target column',
  'Date column',
  'Start year column',
  'End year column',
  'Type column',
  'Stance column',
  'Quote column',
  'Source URL column',
  'Source name column',
  'Weight column',
]

describe('Map columns dialog', { timeout: 30_000 }, () => {
  it('names every role control as the issue does and previews the first rows', () => {
    const p = preview('acled-by-hand.csv')
    render(
      <MapColumnsDialog
        fileName="a.csv"
        preview={p}
        initial={p.mapping}
        remembered={false}
        onOpen={() => {}}
        onCancel={() => {}}
      />,
    )
    const dialog = screen.getByRole('dialog', { name: 'Map columns of a.csv' })
    for (const name of ROLE_NAMES) expect(within(dialog).getByRole('combobox', { name })).toBeInTheDocument()
    expect(within(dialog).getByRole('checkbox', { name: 'Directed' })).toBeInTheDocument()
    expect(within(dialog).getByRole('checkbox', { name: 'Both directions are one tie' })).toBeInTheDocument()
    const preset = within(dialog).getByRole('combobox', { name: 'Preset' })
    expect(
      within(preset)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '(none: my own mapping)',
      'SIPRI arms transfers',
      'ACLED',
      'ICEWS',
      'GDELT 1.0 events',
      'GDELT 2.0 events',
      'Dyad-year (COW style)',
    ])
    // The file has 6 data rows; all are in the preview (at most 8 are shown).
    expect(within(dialog).getAllByRole('row')).toHaveLength(1 + 6)
    expect(within(dialog).getByRole('cell', { name: 'Offensive in Karabakh.' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Open' })).toBeDisabled()
  })

  it('a hand mapping and the options reach onOpen', async () => {
    const user = userEvent.setup()
    const p = preview('acled-by-hand.csv')
    const onOpen = vi.fn<(m: TableMapping) => void>()
    render(
      <MapColumnsDialog
        fileName="a.csv"
        preview={p}
        initial={p.mapping}
        remembered={false}
        onOpen={onOpen}
        onCancel={() => {}}
      />,
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source column' }), 'First party')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Target column' }), 'Second party')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type rule' }), 'acled')
    await user.click(screen.getByRole('checkbox', { name: 'Both directions are one tie' }))
    await user.click(screen.getByRole('button', { name: 'Open' }))
    expect(onOpen).toHaveBeenCalledTimes(1)
    const m = onOpen.mock.calls[0]![0]
    expect(m.roles.source).toBe('First party')
    expect(m.roles.target).toBe('Second party')
    expect(m.typeRule).toBe('acled')
    expect(m.bothDirectionsOneTie).toBe(true)
  })

  it('a preset fills the roles, including the names of a headerless file', async () => {
    const user = userEvent.setup()
    const p = preview('gdelt2-events.tsv')
    render(
      <MapColumnsDialog
        fileName="g.tsv"
        preview={p}
        initial={p.mapping}
        remembered={false}
        onOpen={() => {}}
        onCancel={() => {}}
      />,
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'SIPRI arms transfers')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'GDELT 2.0 events')
    expect(screen.getByRole('combobox', { name: 'Source column' })).toHaveValue('Actor1CountryCode')
    expect(screen.getByRole('combobox', { name: 'Stance column' })).toHaveValue('QuadClass')
    expect(screen.getByRole('combobox', { name: 'Stance rule' })).toHaveValue('quadclass')
    expect(screen.getByRole('columnheader', { name: 'SOURCEURL' })).toBeInTheDocument()
  })

  it('keyboard: focus starts inside, Tab wraps around, Escape cancels', async () => {
    const user = userEvent.setup()
    const p = preview('dyad-years.csv')
    const onCancel = vi.fn()
    render(
      <MapColumnsDialog
        fileName="d.csv"
        preview={p}
        initial={p.mapping}
        remembered
        onOpen={() => {}}
        onCancel={onCancel}
      />,
    )
    expect(screen.getByRole('combobox', { name: 'Preset' })).toHaveFocus()
    expect(screen.getByRole('dialog')).toHaveTextContent('the mapping last used for this header was restored')
    screen.getByRole('button', { name: 'Cancel' }).focus()
    await user.tab()
    expect(screen.getByRole('combobox', { name: 'Preset' })).toHaveFocus()
    await user.tab({ shift: true })
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(onCancel).toHaveBeenCalledTimes(1)
  })
})
