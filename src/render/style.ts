/**
 * Kept while other modules move over: the encoding now lives in model/encoding.ts (data), the
 * display words in model/words.ts and the canvas shape tracer in render/shapes.ts. Import from
 * those; this file only re-exports them and goes away once nothing imports it.
 */
export { DARK, KIND_SHAPE, LIGHT, STANCE_DASH, type Palette, type Shape } from '../model/encoding'
export { KIND_LABEL, STANCE_LABEL } from '../model/words'
export { traceShape } from './shapes'
