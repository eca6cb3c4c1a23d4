/** Saves a blob as a file through a temporary link (the one way a client-only app can). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later, not at once: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
