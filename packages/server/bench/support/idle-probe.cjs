// Preloaded into the measured server (`node --require <this> cli.js start`): on SIGUSR2 it writes what the
// process holds to the file named by SWIGS_IDLE_PROBE (JSON), so a bench can say what its idle RSS is made of.
// CommonJS and dependency-free so that it loads before anything else and adds next to nothing to the figures.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const v8 = require('node:v8');

const target = process.env.SWIGS_IDLE_PROBE;
if (target) {
  // A signal listener does not keep the event loop alive, so the server still exits on its own.
  process.on('SIGUSR2', () => writeFileSync(target, JSON.stringify(snapshot())));
}

function snapshot() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  const code = v8.getHeapCodeStatistics();
  return {
    rss: kb('VmRSS'),
    rssAnon: kb('RssAnon'),
    rssFile: kb('RssFile'),
    rssShmem: kb('RssShmem'),
    memory: process.memoryUsage(),
    spaces: v8.getHeapSpaceStatistics().map((s) => ({
      name: s.space_name,
      committed: s.physical_space_size,
      used: s.space_used_size,
    })),
    code: {
      bytecode: code.bytecode_and_metadata_size,
      machineCode: code.code_and_metadata_size,
      externalSources: code.external_script_source_size,
    },
    mappings: mappings(),
    builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
    modules: [...Object.keys(require.cache), ...esmUrls()],
  };
}

/** Resident bytes per mapped file (and per permission, as text and read-only data differ), anonymous ones together. */
function mappings() {
  const sums = new Map();
  let key = '';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      key = head[2] ? `${head[2]} ${head[1]}` : '[anon]';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) sums.set(key, (sums.get(key) ?? 0) + Number(rss[1]) * 1024);
  }
  return [...sums].map(([name, rss]) => ({ name, rss })).sort((a, b) => b.rss - a.rss);
}

/** URLs of the ES modules loaded so far; Node has no public list, so this reads its loader's cache (best effort). */
function esmUrls() {
  try {
    const { getOrInitializeCascadedLoader } = require('internal/modules/esm/loader');
    const cache = getOrInitializeCascadedLoader().loadCache;
    return [...cache.keys()].filter((url) => url.startsWith('file:')).map((url) => new URL(url).pathname);
  } catch {
    return [];
  }
}
