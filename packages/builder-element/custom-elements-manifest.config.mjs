export default {
  globs: ['src/swigs-automation-builder.ts', 'src/events.ts'],
  outdir: '.',
  litelement: true,
};
