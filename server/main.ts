/**
 * `npm run collab`: starts the collab server with the flags and COLLAB_* variables of config.ts,
 * and stops it cleanly (every room stored) on SIGINT or SIGTERM.
 */
import { ConfigError, parseConfig } from './config'
import { startCollabServer } from './collab'

let config
try {
  config = parseConfig(process.argv.slice(2), process.env)
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`collab: ${e.message}`)
    process.exit(2)
  }
  throw e
}

const server = await startCollabServer(config)
const where = config.host.includes(':') ? `[${config.host}]` : config.host
console.log(`collab server listening on ws://${where}:${server.port}`)
console.log(`  rooms in ${config.data}`)
console.log(`  origins: ${config.origins.join(', ')}`)
if (config.redis !== null)
  console.log(`  sharing rooms through Redis at ${config.redis.host}:${config.redis.port}`)

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`collab server: ${signal}, storing rooms and stopping`)
  await server.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
