/**
 * The NLP library's organisations and people (compromise), with offsets into the text given. The
 * suggester asks it one sentence at a time, and only for sentences that need it (`needsNlp`).
 */
import nlp from 'compromise'
import type { Entity } from './suggest'

export function entitiesOf(text: string): Entity[] {
  const doc = nlp(text)
  const out: Entity[] = []
  for (const list of [doc.organizations(), doc.people()])
    for (const e of list.json({ offset: true }) as {
      text: string
      offset: { start: number; length: number }
    }[])
      out.push({ text: e.text, start: e.offset.start, end: e.offset.start + e.offset.length })
  return out
}
