/**
 * A page's data: the props of its route in the route table the publisher passes in `Astro.locals`
 * (site/lib/routes.ts). Pages read nothing else, so what a page shows is a function of its props.
 */
import type { Route } from './routes.ts'
import type { SiteIdentity } from './types.ts'

export const routeProps = <P>(astro: { url: URL; locals: App.Locals }): P => {
  const route = astro.locals.routes?.get(astro.url.pathname)
  if (!route) throw new Error(`路由表中没有 ${astro.url.pathname}：页面只能由网站发布程序生成（npm run build:site）`)
  return route.props as P
}

/** 站点设置, which every route's props carry (routes.ts). */
export const siteIdentity = (astro: { url: URL; locals: App.Locals }): SiteIdentity => routeProps<{ site: SiteIdentity }>(astro).site

export type { Route }
