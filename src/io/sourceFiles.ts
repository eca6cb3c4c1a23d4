/**
 * Reading a document into a source: its plain text and what its metadata says (title, author,
 * publisher, date, URL). Sources are untrusted: HTML is parsed by DOMParser into a document that
 * has no browsing context (its scripts never run, its images and styles never load) and only its
 * text is kept; PDF text is read by pdf.js with `isEvalSupported: false` (no font programs
 * compiled into functions) and no remote font or character map data.
 */
import { MAX_SOURCE_TEXT } from '../model/schema'

/** The largest file read (bytes). */
export const MAX_SOURCE_FILE = 20 * 1024 * 1024

export interface SourceMeta {
  title?: string
  author?: string
  publisher?: string
  published?: string
  url?: string
  asOf?: number
}

export interface ReadSource {
  readonly text: string
  readonly meta: SourceMeta
  /** HTML: the whole page's text, for when the extracted article leaves out too much. */
  readonly whole?: string
  /** PDF: the number of pages (pages are separated by a form feed, U+000C, in the text). */
  readonly pages?: number
  /** What was done, said to the user ("Article extracted: 12 paragraphs, 3 advertisement lines left out"). */
  readonly note?: string
}

export class SourceReadError extends Error {}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

/** The sentence refusing a file too large, or null. */
export function sizeProblem(bytes: number, name: string): string | null {
  return bytes > MAX_SOURCE_FILE ? `${name} is ${mb(bytes)}; a source file can be at most 20 MB.` : null
}

/** The sentence refusing a text too long, or null. */
export function lengthProblem(text: string): string | null {
  return text.length > MAX_SOURCE_TEXT
    ? `This text has ${text.length.toLocaleString('en')} characters; a source can hold at most 2,000,000.`
    : null
}

/** UTF-8 text (a byte-order mark dropped); a binary file is refused with a sentence. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const sample = bytes.subarray(0, 65536)
  let controls = 0
  for (const b of sample) {
    if (b === 0) throw new SourceReadError(`${name} is not a text file (it holds binary data).`)
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++
  }
  if (controls > sample.length / 100)
    throw new SourceReadError(`${name} is not a text file (it holds binary data).`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd'

/** A line that is only an advertisement label ("- Advertisement -", "ADVERTISEMENT", "Sponsored"). */
export const AD_LINE = /^[\s\-–—_*·|]*(advertisement|advert|sponsored( content)?|ad)[\s\-–—_*·|]*$/i

/** The text of an element's blocks, one paragraph per block, advertisement lines dropped. */
function blocksText(root: Element): { text: string; blocks: number; ads: number } {
  const out: string[] = []
  let ads = 0
  const leaves = [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null)
  const add = (raw: string, heading: boolean) => {
    const t = raw.replace(/\s+/g, ' ').trim()
    if (t === '') return
    if (AD_LINE.test(t)) return void ads++
    out.push(heading ? t : t)
  }
  if (leaves.length === 0) {
    for (const line of (root.textContent ?? '').split(/\n+/)) add(line, false)
  } else for (const el of leaves) add(el.textContent ?? '', /^H\d$/.test(el.tagName))
  return { text: out.join('\n\n'), blocks: out.length, ads }
}

const metaOf = (doc: Document, ...names: string[]) => {
  for (const n of names) {
    const el = doc.querySelector(`meta[name="${n}" i], meta[property="${n}" i], meta[itemprop="${n}" i]`)
    const v = el?.getAttribute('content')?.trim()
    if (v) return v
  }
  return undefined
}

/** "2021-10-05T09:00:00Z" → "2021-10-05"; anything without a year → undefined. */
export function dateOf(s: string | undefined): string | undefined {
  if (s === undefined) return undefined
  const m = /(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s)
  if (m === null) return undefined
  return [m[1], m[2], m[3]].filter((x) => x !== undefined).join('-')
}

const httpOnly = (u: string | undefined) => {
  if (u === undefined) return undefined
  try {
    const p = new URL(u)
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : undefined
  } catch {
    return undefined
  }
}

/**
 * An HTML page: the article extracted with Readability (navigation, footers and adverts left out,
 * including the "- Advertisement -" lines between paragraphs that Readability keeps), with the
 * whole page's text beside it for a fallback.
 */
export async function readHtml(html: string): Promise<ReadSource> {
  const { Readability } = await import('@mozilla/readability')
  const doc = new DOMParser().parseFromString(html, 'text/html')
  for (const el of doc.querySelectorAll('script, style, noscript, template, iframe, object, embed'))
    el.remove()
  const meta: SourceMeta = {}
  const title = metaOf(doc, 'og:title', 'twitter:title', 'dc.title') ?? doc.title.trim()
  if (title) meta.title = title
  const author = metaOf(doc, 'author', 'article:author', 'dc.creator', 'byl')
  const site = metaOf(doc, 'og:site_name', 'publisher', 'dc.publisher')
  const date = dateOf(metaOf(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'pubdate'))
  const url = httpOnly(
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaOf(doc, 'og:url'),
  )
  const wholeBody = doc.body ? blocksText(doc.body) : { text: '', blocks: 0, ads: 0 }
  const article = new Readability(doc.cloneNode(true) as Document, { keepClasses: false }).parse()
  let text = wholeBody.text
  let note = 'No article was found in the page: its whole text is used.'
  if (article !== null && article.content) {
    const body = new DOMParser().parseFromString(article.content, 'text/html').body
    const got = blocksText(body)
    if (got.text.trim() !== '') {
      text = got.text
      note = `Article extracted: ${got.blocks} paragraph${got.blocks === 1 ? '' : 's'}${
        got.ads > 0 ? `, ${got.ads} advertisement line${got.ads === 1 ? '' : 's'} left out` : ''
      }.`
    }
    if (!meta.title && article.title) meta.title = article.title
  }
  const byline = author ?? article?.byline?.replace(/^by\s+/i, '').trim()
  if (byline) meta.author = byline
  if (site ?? article?.siteName) meta.publisher = (site ?? article?.siteName)!
  const published = date ?? dateOf(article?.publishedTime ?? undefined)
  if (published && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(published)) meta.published = published
  if (url) meta.url = url
  if (text.trim() === '') throw new SourceReadError('This page has no text to quote.')
  return { text, meta, whole: wholeBody.text, note }
}

/** The part of pdf.js this reader uses (the browser build, or the legacy build in tests). */
export interface PdfLib {
  getDocument(params: Record<string, unknown>): {
    promise: Promise<{
      numPages: number
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: readonly unknown[] }> }>
      getMetadata(): Promise<{ info?: unknown }>
      destroy(): Promise<void>
    }>
  }
}

/** A PDF's text page by page (pages separated by a form feed), with its title and author. */
export async function readPdf(bytes: Uint8Array, lib: PdfLib): Promise<ReadSource> {
  let pdf
  try {
    pdf = await lib.getDocument({
      data: bytes,
      isEvalSupported: false,
      enableXfa: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    }).promise
  } catch (e) {
    const name = (e as { name?: string })?.name
    if (name === 'PasswordException')
      throw new SourceReadError(
        'This PDF is protected by a password; open it elsewhere and save an unprotected copy.',
      )
    if (name === 'InvalidPDFException')
      throw new SourceReadError('This file is not a readable PDF (it is damaged or empty).')
    throw new SourceReadError(`This PDF could not be read: ${(e as Error)?.message ?? String(e)}.`)
  }
  try {
    const pages: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      let line = ''
      const lines: string[] = []
      for (const item of content.items as { str?: string; hasEOL?: boolean }[]) {
        if (typeof item.str !== 'string') continue
        line += item.str
        if (item.hasEOL) {
          lines.push(line)
          line = ''
        }
      }
      if (line !== '') lines.push(line)
      // Lines that end a sentence close a paragraph; others run on into the next line.
      const paras: string[] = []
      let cur = ''
      for (const l of lines.map((x) => x.replace(/\s+/g, ' ').trim())) {
        if (l === '') {
          if (cur !== '') paras.push(cur)
          cur = ''
          continue
        }
        cur = cur === '' ? l : cur.endsWith('-') ? cur.slice(0, -1) + l : `${cur} ${l}`
        if (/[.!?:”"]$/.test(l)) {
          paras.push(cur)
          cur = ''
        }
      }
      if (cur !== '') paras.push(cur)
      pages.push(paras.join('\n\n'))
    }
    if (pages.every((p) => p.trim() === ''))
      throw new SourceReadError(
        'This PDF has no text layer (it is probably scanned images); this app does not read text from images.',
      )
    const info = ((await pdf.getMetadata().catch(() => ({ info: undefined }))).info ?? {}) as Record<
      string,
      unknown
    >
    const meta: SourceMeta = {}
    if (typeof info.Title === 'string' && info.Title.trim()) meta.title = info.Title.trim()
    if (typeof info.Author === 'string' && info.Author.trim()) meta.author = info.Author.trim()
    const d =
      typeof info.CreationDate === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(info.CreationDate) : null
    if (d) meta.published = [d[1], d[2], d[3]].filter((x) => x !== undefined).join('-')
    return {
      text: pages.join('\n\n\f\n\n'),
      meta,
      pages: pdf.numPages,
      note: `${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} read.`,
    }
  } finally {
    void pdf.destroy()
  }
}

/** The page (from 1) of an offset in a PDF source's text: one more than the form feeds before it. */
export function pageAt(text: string, offset: number): number {
  let page = 1
  for (let i = text.indexOf('\f'); i !== -1 && i < offset; i = text.indexOf('\f', i + 1)) page++
  return page
}

/** The kind of a file by its name (and, for a PDF, its first bytes). */
export function sourceKind(name: string, head: Uint8Array): 'text' | 'html' | 'pdf' | null {
  const n = name.toLowerCase()
  const pdfMagic = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46
  if (n.endsWith('.pdf') || pdfMagic) return 'pdf'
  if (/\.(html?|xhtml)$/.test(n)) return 'html'
  if (/\.(txt|md|markdown|text)$/.test(n)) return 'text'
  return null
}

/** Reads a file into a source (the PDF library loaded by the caller, in a worker). */
export async function readSourceFile(
  file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> },
  pdf: () => Promise<PdfLib>,
): Promise<ReadSource> {
  const big = sizeProblem(file.size, file.name)
  if (big !== null) throw new SourceReadError(big)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const kind = sourceKind(file.name, bytes.subarray(0, 4))
  if (kind === null)
    throw new SourceReadError(`${file.name}: a source can be read from .txt, .md, .html or .pdf files.`)
  if (bytes.length === 0) throw new SourceReadError(`${file.name} is empty.`)
  let read: ReadSource
  if (kind === 'pdf') read = await readPdf(bytes, await pdf())
  else if (kind === 'html') read = await readHtml(decodeText(bytes, file.name))
  else {
    const text = decodeText(bytes, file.name)
    if (text.trim() === '') throw new SourceReadError(`${file.name} has no text.`)
    const first = text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.replace(/^#+\s*/, '')
      .trim()
    read = { text, meta: first && first.length < 200 ? { title: first } : {} }
  }
  const long = lengthProblem(read.text)
  if (long !== null) throw new SourceReadError(long)
  return read
}
