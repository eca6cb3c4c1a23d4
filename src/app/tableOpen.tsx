/**
 * Opening files with a look at tables first: a single CSV/TSV/TXT file whose columns are not this
 * app's own opens the "Map columns" dialog (with the mapping remembered for its header, if any);
 * everything else opens as before. Explorer provides `openFiles`; the file picker and the drop use it.
 */
import {
  Suspense,
  createContext,
  lazy,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { NamedBlob } from '../io/importClient'
import type { TableMapping } from '../io/import/tables/mapping'
import type { TablePreview } from '../io/import/tables/preview'
import { createMappingMemory } from '../io/persist'
import type { Session } from '../session/session'

const TABLE_NAME = /\.(csv|tsv|tab|txt)$/i

// The dialog and the table code load when a table is opened, not with the page.
const MapColumnsDialog = lazy(() =>
  import('./MapColumnsDialog').then((m) => ({ default: m.MapColumnsDialog })),
)

export type OpenFiles = (files: readonly NamedBlob[]) => void

export const OpenFilesContext = createContext<OpenFiles | null>(null)

/** The app's way to open files: through the table check when Explorer provides it. */
export function useOpenFiles(session: Session | undefined): OpenFiles {
  const provided = useContext(OpenFilesContext)
  return provided ?? ((files) => void session?.open(files))
}

interface Pending {
  readonly file: NamedBlob
  readonly preview: TablePreview
  readonly initial: TableMapping
  readonly remembered: boolean
}

async function readHead(file: Blob, n: number): Promise<Uint8Array> {
  const part = file.slice(0, n)
  if (typeof part.arrayBuffer === 'function') return new Uint8Array(await part.arrayBuffer())
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer))
    r.onerror = () => reject(r.error ?? new Error('the file could not be read'))
    r.readAsArrayBuffer(part)
  })
}

export function useTableOpen(session: Session | undefined): { open: OpenFiles; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null)
  const memory = useMemo(() => createMappingMemory(), [])

  const open = useCallback<OpenFiles>(
    (files) => {
      if (session === undefined) return
      const only = files.length === 1 ? files[0]! : undefined
      if (only === undefined || !TABLE_NAME.test(only.name)) {
        void session.open(files)
        return
      }
      void (async () => {
        const { previewTable, PREVIEW_BYTES } = await import('../io/import/tables/preview')
        const { PRESETS, checkMapping } = await import('../io/import/tables/mapping')
        const head = await readHead(only, PREVIEW_BYTES)
        // JSON or XML saved as .txt opens as before.
        const first = String.fromCharCode(...head.subarray(0, 64))
          .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
          .trimStart()[0]
        if (first === '{' || first === '[' || first === '<') {
          void session.open(files)
          return
        }
        const p = previewTable(head, only.size > PREVIEW_BYTES)
        if (!p.ok) {
          // Let the table reader report it (unknown encoding, empty file) with the view kept.
          void session.open([only], { mapping: { ...PRESETS['dyad-year'], roles: {} } })
          return
        }
        if (p.preview.ownColumns) {
          void session.open(files)
          return
        }
        const saved = checkMapping(await memory.load(p.preview.key))
        setPending({
          file: only,
          preview: p.preview,
          initial: saved.ok ? saved.mapping : p.preview.mapping,
          remembered: saved.ok,
        })
      })()
    },
    [session, memory],
  )

  const dialog =
    pending === null ? null : (
      <Suspense fallback={null}>
        <MapColumnsDialog
          fileName={pending.file.name}
          preview={pending.preview}
          initial={pending.initial}
          remembered={pending.remembered}
          onCancel={() => setPending(null)}
          onOpen={(mapping, codes) => {
            const { file, preview, remembered } = pending
            setPending(null)
            const { remembered: _r, ...kept } = mapping
            void memory.save(preview.key, kept)
            void session?.open(codes ? [file, codes] : [file], { mapping: { ...mapping, remembered } })
          }}
        />
      </Suspense>
    )
  return { open, dialog }
}
