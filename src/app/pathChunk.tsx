/**
 * The path panel's chunk: it loads when a path is first traced ("Path to…", or a path in the
 * address), and the actor details fetch it ahead. Once fetched it renders at once — React.lazy
 * would still suspend for a frame, and the "Path to" field would miss the first keys typed.
 */
import { lazy, Suspense } from 'react'

type PathModule = typeof import('./PathPanel')
let loaded: PathModule | null = null
let loading: Promise<PathModule> | null = null

export const loadPathPanel = (): Promise<PathModule> =>
  (loading ??= import('./PathPanel').then((m) => (loaded = m)))

const Later = lazy(() => loadPathPanel().then((m) => ({ default: m.PathPanel })))

export function LazyPathPanel() {
  if (loaded !== null) return <loaded.PathPanel />
  return (
    <Suspense fallback={null}>
      <Later />
    </Suspense>
  )
}
