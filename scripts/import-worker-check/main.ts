import { openFile } from '../../src/io/importClient'
import gexf from '../../tests/fixtures/formats/alliances.gexf?raw'
import graphml from '../../tests/fixtures/formats/alliances.graphml?raw'
import csv from '../../tests/fixtures/formats/relations.csv?raw'
import laughs from '../../tests/fixtures/hostile/billion-laughs.gexf?raw'

const out: string[] = []
const stages: string[] = []
for (const [name, text] of [
  ['a.gexf', gexf],
  ['a.graphml', graphml],
  ['r.csv', csv],
  ['l.gexf', laughs],
] as const) {
  const r = await openFile(new File([text], name), { onProgress: (p) => stages.push(p.stage) })
  out.push(
    `${name}: ${r.ok ? `ok ${r.graph.actors.length}/${r.graph.relations.length}` : `error ${JSON.stringify(r.errors)}`}`,
  )
}
out.push(`typeof DOMParser on page: ${typeof DOMParser}`)
out.push(`stages: ${[...new Set(stages)].join(',')}`)
document.getElementById('out')!.textContent = out.join('\n')
