// Bundles Strata's entry points with esbuild (the vscode-extension-samples shape).
//   node esbuild.js               one development build (sourcemaps, no minification)
//   node esbuild.js --production  minified build, no sourcemaps
//   node esbuild.js --watch       rebuild on change
// Adding an entry point is one line in ENTRIES below.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Settings shared by every Node-side bundle. */
const node = { platform: 'node', format: 'cjs', target: 'node20' };

/**
 * One line per bundle. `options` are passed to esbuild as they are.
 * @type {{name: string, options: import('esbuild').BuildOptions}[]}
 */
const ENTRIES = [
  { name: 'cli', options: { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } } },
  { name: 'extension', options: { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] } },
  { name: 'cascade-webview', options: { platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['media/cascade/main.ts'], outfile: 'dist/media/cascade.js' } },
  { name: 'cascade-css', options: { entryPoints: ['media/cascade/cascade.css'], outfile: 'dist/media/cascade.css' } },
];

/** Logs build results in the problem-matcher format VS Code's esbuild watch tasks expect. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  const contexts = await Promise.all(
    ENTRIES.map((e) =>
      esbuild.context({
        bundle: true,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: 'silent',
        plugins: [problemMatcherPlugin],
        ...e.options,
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
