/**
 * The user's cue lexicon, kept in this browser (IndexedDB through idb-keyval, a store of its own)
 * for every network; the documented default until the user edits it. What is stored is checked
 * again when read (validateLexicon), so a damaged record falls back to the default.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { DEFAULT_LEXICON, validateLexicon, type CueLexicon } from '../../evidence/cues'

let store: UseStore | null = null
const db = () => (store ??= createStore('alliance-explorer-suggester', 'kv'))
let kept: CueLexicon | null = null
const listeners = new Set<() => void>()

export async function loadLexicon(): Promise<CueLexicon> {
  if (kept !== null) return kept
  let found: unknown
  try {
    found = typeof indexedDB === 'undefined' ? undefined : await get('lexicon', db())
  } catch {
    found = undefined
  }
  const v = found === undefined ? null : validateLexicon(found)
  kept = v !== null && v.ok ? v.lexicon : DEFAULT_LEXICON
  return kept
}

/** Stores a lexicon (already validated); null brings the default back. Listeners re-run suggestions. */
export async function saveLexicon(lexicon: CueLexicon | null): Promise<void> {
  kept = lexicon ?? DEFAULT_LEXICON
  if (typeof indexedDB !== 'undefined') {
    if (lexicon === null) await del('lexicon', db())
    else await set('lexicon', lexicon, db())
  }
  for (const l of [...listeners]) l()
}

export function onLexiconChange(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}
