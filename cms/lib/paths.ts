import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, whatever the working directory of the process that loaded the CMS. */
export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where the embedded database and uploads live (`DATA_DIR`, default `.data/` at the root). */
export const dataDir = path.resolve(rootDir, process.env.DATA_DIR ?? '.data')

/** Where uploaded files are stored (the media collection's static directory). */
export const mediaDir = path.join(dataDir, 'media')
