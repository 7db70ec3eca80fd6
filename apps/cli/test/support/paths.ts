import { fileURLToPath } from 'node:url';

/** The CLI package folder. */
export const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI, which the end-to-end tests run as a subprocess. */
export const binPath = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
