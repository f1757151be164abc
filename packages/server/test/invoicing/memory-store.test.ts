import { createMemoryStore } from '@swigs/automation-core';
import { describeKeyFlows } from './key-flows';

describeKeyFlows('the memory store', async () => createMemoryStore());
