// @vitest-environment node
/**
 * Every file in tests/fixtures/hostile/ goes through the byte path (decoding, detection, conversion,
 * validation) and must end exactly as tests/fixtures/hostile/expected.json says: a precise report,
 * or a safe load. No file may throw, hang, or touch Object.prototype.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { importBytes, importText } from '../../../src/io/import'

type Expected =
  { outcome: 'error'; path: string; message: string } | { outcome: 'load'; actors: number; relations: number }

const dir = 'tests/fixtures/hostile/'
const manifest = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, Expected>
const files = readdirSync(dir)
  .filter((f) => f !== 'expected.json')
  .sort()
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

describe('hostile files', () => {
  it('has at least 40 fixtures, each in the manifest, and no manifest entry without a file', () => {
    expect(files.length).toBeGreaterThanOrEqual(40)
    expect(files.filter((f) => !(f in manifest))).toEqual([])
    expect(Object.keys(manifest).filter((f) => !files.includes(f))).toEqual([])
  })

  it.each(files)('%s', (file) => {
    const expected = manifest[file]
    expect(expected, `${file} is not listed in expected.json`).toBeDefined()
    const bytes = new Uint8Array(readFileSync(`${dir}${file}`))
    const started = performance.now()
    const result = importBytes(bytes, file)
    expect(performance.now() - started).toBeLessThan(5000)
    if (expected!.outcome === 'load') {
      if (!result.ok) throw new Error(`${file} should load, got: ${JSON.stringify(result.errors)}`)
      expect(result.graph.actors).toHaveLength(expected!.actors)
      expect(result.graph.relations).toHaveLength(expected!.relations)
    } else {
      if (result.ok) throw new Error(`${file} should fail with ${expected!.path}: ${expected!.message}`)
      const match = result.errors.find(
        (e) => e.path === expected!.path && e.message.includes(expected!.message),
      )
      expect(match, `${file}: ${JSON.stringify(result.errors)}`).toBeDefined()
    }
  })

  afterAll(() => {
    // Prototype-polluting keys must have stayed data.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('hostile content that loads stays text', () => {
  it('keeps markup in every field verbatim', () => {
    const r = importBytes(new Uint8Array(readFileSync(`${dir}script-in-every-field.json`)), 'x.json')
    if (!r.ok) throw new Error('should load')
    expect(r.graph.title).toBe('<script>alert("x")</script>')
    expect(r.graph.relations[0]!.evidence![0]!.quote).toBe('<script>alert("x")</script>')
  })

  it('keeps prototype-named ids as ordinary ids', () => {
    const r = importBytes(new Uint8Array(readFileSync(`${dir}prototype-keys.json`)), 'x.json')
    if (!r.ok) throw new Error('should load')
    expect(r.graph.actors.map((a) => a.id)).toEqual(['__proto__', 'constructor', 'prototype', 'toString'])
    expect(Object.getPrototypeOf(r.graph.actors[0])).toBe(Object.prototype)
    expect(r.warnings.some((w) => w.path === 'actors[2].prototype')).toBe(true)
  })

  it('strips the formula guard and keeps the rest of the cell', () => {
    const r = importBytes(new Uint8Array(readFileSync(`${dir}csv-formula-cells.csv`)), 'f.csv')
    if (!r.ok) throw new Error('should load')
    expect(r.graph.relations[0]!.summary).toBe('=HYPERLINK("http://evil.example","click")')
    expect(r.graph.relations[0]!.evidence![0]!.quote).toBe("+cmd|' /C calc'!A0")
  })

  it('handles a generated 5 MB label and a 100,000-relation-long list of strings without trouble', () => {
    const label = 'x'.repeat(5 * 1024 * 1024)
    const doc = {
      schemaVersion: 1,
      title: 'long',
      sources: [],
      actors: [
        { id: 'a', label, kind: 'state' },
        { id: 'b', label: 'B', kind: 'state', aliases: Array.from({ length: 100_000 }, (_, i) => `b${i}`) },
      ],
      relations: [],
    }
    const r = importText(JSON.stringify(doc), 'long.json')
    expect(r.ok).toBe(true)
  })

  it('refuses an oversized byte array before decoding it', () => {
    const big = new Uint8Array(64 * 1024 * 1024 + 1)
    const r = importBytes(big, 'huge.json')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/"huge\.json" is 64\.0 MB, more than the 64\.0 MB/)
  })
})
