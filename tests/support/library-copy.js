// Serves the whole library bundled on its own (its own Lit and stores) at `path`, as a
// second script tag on a brand's page, or an older copy bundled into its site, would load
// it. `version` stamps the copy with another version number. Built once, on first request.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

export function libraryCopyPlugin({ path, version }) {
  let bundle;
  const stamp = {
    name: 'vitrine-copy-version',
    setup(esbuild) {
      esbuild.onLoad({ filter: /src[\\/]core[\\/]define\.ts$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(
          /export const VERSION = '[^']*'/,
          `export const VERSION = '${version}'`,
        ),
        loader: 'ts',
      }));
    },
  };
  return {
    name: `vitrine-copy:${path}`,
    async serve(context) {
      if (context.path !== path) return undefined;
      bundle ??= build({
        entryPoints: ['src/index.ts'],
        bundle: true,
        format: 'esm',
        write: false,
        target: 'es2022',
        define: { 'process.env.NODE_ENV': '"production"' },
        plugins: version ? [stamp] : [],
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}
