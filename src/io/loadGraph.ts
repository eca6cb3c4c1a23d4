/** Loading a graph file from a URL: the async boundary between the network and the model. */
import { parseJsonText, validateGraph } from '../model/parse'
import type { Graph, ParseResult, Problem } from '../model/types'
import { markOnce } from '../shared/marks'

export class GraphLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(`Could not open ${file}: ${reason}`)
    this.name = 'GraphLoadError'
  }
}

export interface LoadedGraph {
  readonly graph: Graph
  readonly warnings: readonly Problem[]
  /** The file name the user knows it by. */
  readonly name: string
}

export function fileName(url: string): string {
  try {
    const u = new URL(url, 'http://x/')
    return decodeURIComponent(u.pathname.split('/').pop() || url)
  } catch {
    return url
  }
}

/** One problem as a line of text: `path: message`, or the message alone for the whole file. */
export function problemLine(p: Problem): string {
  return p.path === '(file)' ? p.message : `${p.path}: ${p.message}`
}

export function describeProblems(problems: readonly Problem[], max = 3): string {
  const shown = problems.slice(0, max).map(problemLine)
  const more = problems.length > max ? ` (and ${problems.length - max} more)` : ''
  return shown.join('; ') + more
}

/** parseGraphText, with the profile's marks between the JSON parse and the validation. */
function readV1(text: string): ParseResult {
  const json = parseJsonText(text)
  markOnce('parsed')
  if (!json.ok) return { ok: false, errors: [json.error], warnings: [] }
  const result = validateGraph(json.value)
  markOnce('validated')
  return result
}

export async function loadGraphFromUrl(
  url: string,
  name = fileName(url),
  signal?: AbortSignal,
): Promise<LoadedGraph> {
  let response: Response
  try {
    markOnce('fetch')
    response = await fetch(url, signal ? { signal } : {})
  } catch (e) {
    throw new GraphLoadError(
      name,
      `the file could not be fetched (${e instanceof Error ? e.message : String(e)})`,
    )
  }
  if (!response.ok) {
    throw new GraphLoadError(
      name,
      `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    )
  }
  const text = await response.text()
  markOnce('fetched')
  // Format v1 is read here; any other format (d3 JSON, GEXF, GraphML, CSV) goes through the
  // importers, loaded only when such a file is asked for.
  // The name the user knows may not end in .json ("the bundled dataset"): the URL's path says too.
  const isV1 =
    (/\.json$/i.test(name) || /\.json$/i.test(fileName(url))) &&
    /"schemaVersion"\s*:/.test(text.slice(0, 4096))
  const result = isV1 ? readV1(text) : (await import('./import')).importText(text, name)
  if (!result.ok) {
    throw new GraphLoadError(
      name,
      `it is not a valid graph file: ${describeProblems(result.errors)}`,
      result.errors,
    )
  }
  return { graph: result.graph, warnings: result.warnings, name }
}
