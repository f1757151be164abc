// Run with `node --import tsx` (optionally with a V8 flag of the operator's): holds the young generation, keeps
// ~24 MB of small objects alive, releases, keeps as much again, and prints the new space's committed size at
// each step as JSON.
import { getHeapSpaceStatistics } from 'node:v8';
import { holdYoungGenerationWhileStarting } from '../../src/runtime/startup-heap';

const kept: { index: number; label: string }[] = [];
const newSpace = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;
// Long-lived objects, as a server's modules and routes are: each survives the minor collections it meets.
const keep = (count: number): void => {
  for (let i = 0; i < count; i += 1) kept.push({ index: i, label: `object ${i}` });
};

const initial = newSpace();
const release = holdYoungGenerationWhileStarting();
keep(400_000);
const held = newSpace();
release();
keep(400_000);
const released = newSpace();
process.stdout.write(JSON.stringify({ initial, held, released, kept: kept.length }));
