import { setFlagsFromString } from 'node:v8';

/** V8's own factor for growing the young generation (`--semi-space-growth-factor`). */
const V8_GROWTH_FACTOR = 2;
const SEMI_SPACE_FLAG = /--(max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/;

/**
 * Keeps V8's young generation at its initial size while the server starts; `release()` (once it listens) gives V8
 * back its own growth rule. V8 doubles the young generation each time the objects surviving its minor collections
 * outgrow it. At start-up the survivors are the modules, schemas and routes, which live as long as the process and
 * end up in the old generation anyway; counted on the way, they double it to 16 MB per semi-space on Node 24 (about
 * 11 MB of idle RSS) though nothing of a request's garbage asked for it. After `release()` the traffic sizes it as
 * V8 would. Flags an operator passes (NODE_OPTIONS or the command line) are left alone.
 * @example
 * const release = holdYoungGenerationWhileStarting();
 * await server.listen();
 * release();
 */
export function holdYoungGenerationWhileStarting(): () => void {
  const operatorFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
  if (operatorFlags.some((flag) => SEMI_SPACE_FLAG.test(flag))) return () => {};
  // Read by V8 each time it would grow the young generation, so it applies at once and can be undone.
  setFlagsFromString('--semi-space-growth-factor=1');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
  };
}
