/** Evidence checks: every quotation must appear verbatim in its source's text. Pure. */
import type { Graph, Problem } from './types'

/**
 * Checks each quotation whose source text is known against that text (exact substring, same
 * characters). Sources without a known text are not checked.
 */
export function checkQuotes(graph: Graph, texts: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = []
  graph.relations.forEach((r, i) => {
    r.evidence?.forEach((e, j) => {
      const text = texts.get(e.source)
      if (text === undefined) return
      if (!text.includes(e.quote)) {
        const preview = e.quote.length > 60 ? `${e.quote.slice(0, 57)}…` : e.quote
        problems.push({
          path: `relations[${i}].evidence[${j}].quote`,
          message: `the quotation "${preview}" is not verbatim in the text of source "${e.source}"`,
        })
      }
    })
  })
  return problems
}
