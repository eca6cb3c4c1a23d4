/**
 * pdf.js for the browser, loaded on first use: its parser runs in its own module worker (the
 * worker file is emitted as an asset by Vite's `?url` import and handed to pdf.js as a port, the
 * set-up pdf.js documents for bundlers), so a large PDF never blocks the page.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import type { PdfLib } from '../../io/sourceFiles'

let port: Worker | null = null

export async function loadPdfLib(): Promise<PdfLib> {
  const lib = await import('pdfjs-dist')
  if (port === null) {
    port = new Worker(workerUrl, { type: 'module' })
    lib.GlobalWorkerOptions.workerPort = port
  }
  return lib as unknown as PdfLib
}
