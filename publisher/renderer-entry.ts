// The server bundle's entry (see adapter.ts): renders one URL with the route table of the release.
import { createApp } from 'astro/app/entrypoint'

import type { Route } from '../site/lib/routes.ts'

const app = createApp()

export const render = (request: Request, routes: Map<string, Route>): Promise<Response> => app.render(request, { locals: { routes } })
