/** Writes public/graph.schema.json from the zod schema the validator uses (`npm run schema`). */
import { writeFileSync } from 'node:fs'
import { graphJsonSchema } from '../src/model/jsonSchema'

writeFileSync(
  new URL('../public/graph.schema.json', import.meta.url),
  JSON.stringify(graphJsonSchema(), null, 2) + '\n',
)
console.log('public/graph.schema.json written')
