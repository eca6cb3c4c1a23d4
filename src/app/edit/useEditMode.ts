import { useState } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { useExplorerContext } from '../context'

/** Whether Edit mode is on (false where there is no editing, as in component tests that only explore). */
export function useEditMode(): boolean {
  const { editing } = useExplorerContext()
  const [off] = useState(() => createStore(() => ({ editing: false })))
  return useStore(editing?.state ?? off, (s) => s.editing)
}
