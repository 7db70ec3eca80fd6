/**
 * The npm to run scripts with: the one running `npm start` (npm_execpath, run by this Node) when there
 * is one, so that nested scripts use the same npm; else `npm` from PATH.
 */
export function npmCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  const npmCli = env.npm_execpath;
  return npmCli !== undefined && /npm-cli\.[cm]?js$/.test(npmCli)
    ? [process.execPath, [npmCli, ...args]]
    : ["npm", [...args]];
}
