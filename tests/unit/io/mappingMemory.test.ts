/** Mappings remembered per header in IndexedDB (fake-indexeddb stands in for it). */
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkMapping, headerKey } from '../../../src/io/import/tables/mapping'
import { previewTable } from '../../../src/io/import/tables/preview'
import { createMappingMemory } from '../../../src/io/persist'

describe('mapping memory', () => {
  it('keeps a mapping per header and gives it back for the same header only', async () => {
    const memory = createMappingMemory('mapping-memory-test')
    const p = previewTable(new Uint8Array(readFileSync('tests/fixtures/tables/acled-by-hand.csv')), false)
    if (!p.ok) throw new Error(p.message)
    const mapping = { ...p.preview.mapping, roles: { source: 'First party', target: 'Second party' } }
    expect(await memory.save(p.preview.key, mapping)).toEqual({ ok: true })
    const back = checkMapping(await memory.load(p.preview.key))
    expect(back.ok && back.mapping.roles).toEqual({ source: 'First party', target: 'Second party' })
    // Another header (a column renamed) has nothing remembered.
    const other = headerKey(['Ref', 'Day', 'Kind', 'First party', 'Second party', 'Description', 'Outlet'], 7)
    expect(other).not.toBe(p.preview.key)
    expect(await memory.load(other)).toBeNull()
    // The header is matched ignoring case and surrounding spaces; a headerless file by its width.
    expect(headerKey([' REF ', 'day'], 2)).toBe(headerKey(['Ref', 'Day'], 2))
    expect(headerKey([], 58)).toBe('columns:58')
  })
})
