import type { Access } from 'payload'

/** Everyone, signed in or not. Used for public taxonomies and media. */
export const anyone: Access = () => true
