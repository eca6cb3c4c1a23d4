/** Exporting a graph or the visible part of it: pure functions from graphs to file text and names. */
export { subgraphFromView } from './subgraph'
export { toV1Json } from './v1Json'
export { toCsv, toActorsCsv, guardCell } from './csv'
export { exportFileName, slug } from './fileName'
