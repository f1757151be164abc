import { serialProject } from '../../vitest.serial-project';
import { serialFiles } from './vitest.serial-files';

export default serialProject('server-serial', serialFiles, {
  // expect.poll waits for a condition; its default 1 s deadline fails on a loaded 2-core CI machine (Chromium,
  // the server and a compiler sharing it), while a condition that holds ends the wait at once.
  expect: { poll: { timeout: 20_000 } },
});
