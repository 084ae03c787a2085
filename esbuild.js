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
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** Full esbuild options of one entry (tests build the CLI alone through this). */
function buildOptions(entry) {
  return {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [problemMatcherPlugin],
    ...entry.options,
  };
}

async function main() {
  const contexts = await Promise.all(ENTRIES.map((e) => esbuild.context(buildOptions(e))));
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

module.exports = { ENTRIES, buildOptions };

if (require.main === module) {
  main().catch((e) => {
    // Build errors were already printed by the plugin; anything else is printed here.
    if (!e || !Array.isArray(e.errors)) console.error(e);
    else console.error(`esbuild: build failed with ${e.errors.length} error(s)`);
    process.exit(1);
  });
}
