/**
 * A small static server for the built app (browser tests and benchmarks). Serves dist/ at "/" and
 * again under the sub-path "/sub/explorer/", so tests prove the build works from either, and
 * extra folders under their own prefixes (e.g. test fixtures). Loopback only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.gexf': 'application/xml; charset=utf-8',
  '.graphml': 'application/xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
}

/** mounts: [[urlPrefix, folder]], longest prefix first. */
export function startServer({ mounts, port = 0, host = '127.0.0.1' }) {
  const table = mounts
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    for (const [prefix, dir] of table) {
      if (!path.startsWith(prefix)) continue
      let file = normalize(join(dir, path.slice(prefix.length)))
      if (!file.startsWith(dir)) break
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
      if (!existsSync(file)) break
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      createReadStream(file).pipe(res)
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`Not found: ${path}`)
  })
  return new Promise((ok) =>
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}` })),
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4173)
  const { url } = await startServer({
    port,
    mounts: [
      ['/sub/explorer/', 'dist'],
      ['/fixtures/', 'tests/fixtures'],
      ['/', 'dist'],
    ],
  })
  console.log(`Serving dist/ at ${url}/ and ${url}/sub/explorer/`)
}
