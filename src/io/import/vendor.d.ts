/**
 * The graphology parsers' shared factories, imported directly so that they can be given the xmldom
 * DOMParser: their browser entries need the global DOMParser, which a Web Worker does not have.
 */
declare module 'graphology-gexf/common/parser.js' {
  import type Graph from 'graphology'
  type ParseOptions = {
    addMissingNodes?: boolean
    allowUndeclaredAttributes?: boolean
    respectInputGraphType?: boolean
  }
  const createParserFunction: (
    DOMParser: unknown,
    Document: unknown,
  ) => (GraphClass: typeof Graph, source: unknown, options?: ParseOptions) => Graph
  export default createParserFunction
}

declare module 'graphology-graphml/common/parser.js' {
  import type Graph from 'graphology'
  type ParseOptions = { addMissingNodes?: boolean }
  const createParserFunction: (
    DOMParser: unknown,
    Document: unknown,
  ) => (GraphClass: typeof Graph, source: unknown, options?: ParseOptions) => Graph
  export default createParserFunction
}

declare module 'graphology-gexf/common/writer.js' {
  import type Graph from 'graphology'
  import type { GexfWriterOptions } from 'graphology-gexf/common/types'
  const write: (graph: Graph, options?: GexfWriterOptions) => string
  export default write
}
