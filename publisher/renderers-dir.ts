import path from 'node:path'

import { rootDir } from '../cms/lib/paths.ts'

/**
 * Renderers live inside the repository (a cache under node_modules) so the bundle's imports of packages
 * resolve wherever DATA_DIR is; they are shared by every data directory of this checkout.
 */
export const renderersDir = () => path.join(rootDir, 'node_modules', '.cache', 'wenming-renderer')
