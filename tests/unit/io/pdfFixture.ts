/**
 * Minimal PDFs written by the tests themselves: each page a content stream of text lines in
 * Helvetica (a standard font, so no font file is embedded), or no text at all (a page of graphics
 * only, as a scan without a text layer would be).
 */
export function makePdf(
  pages: readonly (readonly string[])[],
  info: { title?: string; author?: string } = {},
): Uint8Array {
  const objects: string[] = []
  const add = (body: string) => objects.push(body) // object number = index + 1
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // pages, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  const kids: number[] = []
  for (const lines of pages) {
    const ops =
      lines.length === 0
        ? '0 0 1 rg 100 100 200 200 re f'
        : `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`
    add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`)
    const content = objects.length
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`,
    )
    kids.push(objects.length)
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const infoParts = [
    info.title !== undefined ? `/Title (${esc(info.title)})` : '',
    info.author !== undefined ? `/Author (${esc(info.author)})` : '',
    '/CreationDate (D:20230514120000Z)',
  ].join(' ')
  add(`<< ${infoParts} >>`)
  const infoNum = objects.length
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoNum} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}
