import { describe, expect, it } from 'vitest'
import {
  AD_LINE,
  MAX_SOURCE_FILE,
  decodeText,
  lengthProblem,
  pageAt,
  readHtml,
  readPdf,
  readSourceFile,
  type PdfLib,
} from '../../../src/io/sourceFiles'
import { makePdf } from './pdfFixture'

const pdfjs = (): Promise<PdfLib> => import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfLib>
const file = (name: string, bytes: Uint8Array | string, size?: number) => {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  return { name, size: size ?? b.length, arrayBuffer: async () => b.slice().buffer as ArrayBuffer }
}

const PAGE = `<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="Baku and Tehran trade accusations">
<meta name="author" content="A. Reporter">
<meta property="og:site_name" content="The Caucasus Review">
<meta property="article:published_time" content="2023-05-14T09:00:00Z">
<link rel="canonical" href="https://example.org/news/baku-tehran">
<script>window.__ran = true</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><p>Subscribe to our newsletter for the latest news every day.</p></header>
<article>
<h1>Baku and Tehran trade accusations</h1>
<p>Azerbaijan accused Iran of sheltering armed groups near the border, in a statement issued on Monday by the foreign ministry in Baku. Officials said the claim was based on intelligence gathered over several months.</p>
<p>- Advertisement -</p>
<p>Tehran rejected the accusation and said that Azerbaijani military exercises with Turkey were a threat to regional stability. The Iranian foreign ministry summoned the ambassador.</p>
<p>ADVERTISEMENT</p>
<p>Analysts said the tensions were the worst since the 2020 war, and that trade between the two countries had fallen by a third over the past year as a result of the dispute.</p>
</article>
<aside><p>Most read: ten recipes for summer.</p></aside>
<footer><p>© 2023 The Caucasus Review. All rights reserved. Contact us. Privacy policy.</p></footer>
<img src="https://example.invalid/tracker.gif">
</body></html>`

describe('readHtml (Readability)', () => {
  it('extracts the article: navigation, footer and advertisement lines left out, paragraphs kept', async () => {
    const r = await readHtml(PAGE)
    expect(r.text).toContain('Azerbaijan accused Iran of sheltering armed groups')
    expect(r.text).toContain('Tehran rejected the accusation')
    expect(r.text).not.toMatch(/Advertisement/i)
    expect(r.text).not.toContain('Sport')
    expect(r.text).not.toContain('All rights reserved')
    expect(r.text).not.toContain('window.__ran')
    expect(r.text.split('\n\n').filter((p) => p.startsWith('Analysts')).length).toBe(1)
    expect(r.note).toMatch(/^Article extracted: \d+ paragraphs, 2 advertisement lines left out\.$/)
    // The whole page's text is kept for a fallback.
    expect(r.whole).toContain('Most read')
  })
  it('prefills the metadata from the page', async () => {
    const r = await readHtml(PAGE)
    expect(r.meta).toEqual({
      title: 'Baku and Tehran trade accusations',
      author: 'A. Reporter',
      publisher: 'The Caucasus Review',
      published: '2023-05-14',
      url: 'https://example.org/news/baku-tehran',
    })
  })
  it('recognises advertisement labels only when they stand alone', () => {
    expect(AD_LINE.test('- Advertisement -')).toBe(true)
    expect(AD_LINE.test('ADVERTISEMENT')).toBe(true)
    expect(AD_LINE.test('The advertisement ran for weeks.')).toBe(false)
  })
})

describe('readPdf (pdf.js)', () => {
  it('reads a two-page PDF page by page, pages separated by a form feed, with its metadata', async () => {
    const bytes = makePdf(
      [
        ['Iran held military exercises near', 'the border with Azerbaijan.'],
        ['Turkey and Azerbaijan signed an', 'alliance in 2021.'],
      ],
      { title: 'A two-page report', author: 'B. Analyst' },
    )
    const r = await readPdf(bytes, await pdfjs())
    expect(r.pages).toBe(2)
    expect(r.text).toBe(
      'Iran held military exercises near the border with Azerbaijan.\n\n\f\n\nTurkey and Azerbaijan signed an alliance in 2021.',
    )
    expect(r.meta).toMatchObject({
      title: 'A two-page report',
      author: 'B. Analyst',
      published: '2023-05-14',
    })
    expect(pageAt(r.text, r.text.indexOf('Turkey'))).toBe(2)
    expect(pageAt(r.text, 3)).toBe(1)
  })
  it('says so when a PDF has no text layer', async () => {
    await expect(readPdf(makePdf([[]]), await pdfjs())).rejects.toThrow(/no text layer/)
  })
  it('refuses an empty or damaged PDF with a sentence', async () => {
    await expect(readSourceFile(file('empty.pdf', new Uint8Array()), pdfjs)).rejects.toThrow(
      'empty.pdf is empty.',
    )
    await expect(readSourceFile(file('bad.pdf', '%PDF-1.4\nnot really'), pdfjs)).rejects.toThrow(
      /not a readable PDF|could not be read/,
    )
  })
})

describe('bad input', () => {
  it('refuses a binary file named .txt', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    await expect(readSourceFile(file('photo.txt', bytes), pdfjs)).rejects.toThrow(
      'photo.txt is not a text file (it holds binary data).',
    )
  })
  it('refuses a file over 20 MB before reading it', async () => {
    let read = false
    const big = {
      name: 'huge.txt',
      size: MAX_SOURCE_FILE + 1,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    }
    await expect(readSourceFile(big, pdfjs)).rejects.toThrow(
      'huge.txt is 20.0 MB; a source file can be at most 20 MB.',
    )
    expect(read).toBe(false)
  })
  it('refuses a text over 2 million characters', async () => {
    expect(lengthProblem('a'.repeat(2_000_001))).toBe(
      'This text has 2,000,001 characters; a source can hold at most 2,000,000.',
    )
    await expect(readSourceFile(file('long.txt', 'word '.repeat(400_001)), pdfjs)).rejects.toThrow(
      /at most 2,000,000/,
    )
  })
  it('refuses a file of another kind', async () => {
    await expect(readSourceFile(file('sheet.xlsx', 'x'), pdfjs)).rejects.toThrow(
      /\.txt, \.md, \.html or \.pdf/,
    )
  })
  it('reads .txt and .md as they are, a byte-order mark dropped, the first line as the title', async () => {
    const r = await readSourceFile(file('note.md', '\uFEFF# A note\n\nIran and Armenia.'), pdfjs)
    expect(r.text).toBe('# A note\n\nIran and Armenia.')
    expect(r.meta.title).toBe('A note')
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'x.txt')).toBe('café')
  })
})
