/** The bundled dataset for component tests: the app's parsed graph, and the raw file for oracles. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseGraphText } from '../../../src/model/parse'
import type { Graph } from '../../../src/model/types'

export interface RawRelation {
  id: string
  source: string
  target: string
  type: string
  stance: string
  start?: number
  end?: number | null
  approximate?: boolean
  evidence?: { source: string; quote: string }[]
}
export interface RawDoc {
  actors: { id: string; label: string; kind: string; aliases?: string[] }[]
  relations: RawRelation[]
  sources: { id: string; title: string }[]
}

const text = readFileSync(resolve(__dirname, '../../../data/iran-azerbaijan.json'), 'utf8')
export const raw = JSON.parse(text) as RawDoc
const parsed = parseGraphText(text)
if (!parsed.ok) throw new Error('bundled dataset does not validate')
export const graph: Graph = parsed.graph

export const label = (id: string): string => raw.actors.find((a) => a.id === id)!.label

/** Breadth-first distances from `from` over the given relations, direction ignored (oracle). */
export function bfs(relations: RawRelation[], from: string): Map<string, number> {
  const adj = new Map<string, Set<string>>()
  for (const r of relations) {
    if (!adj.has(r.source)) adj.set(r.source, new Set())
    if (!adj.has(r.target)) adj.set(r.target, new Set())
    adj.get(r.source)!.add(r.target)
    adj.get(r.target)!.add(r.source)
  }
  const dist = new Map([[from, 0]])
  const queue = [from]
  while (queue.length > 0) {
    const u = queue.shift()!
    for (const v of adj.get(u) ?? []) {
      if (dist.has(v)) continue
      dist.set(v, dist.get(u)! + 1)
      queue.push(v)
    }
  }
  return dist
}
