export {
  createSwigsTaskClient,
  SwigsTaskClientOptionsSchema,
  type SwigsTaskClientOptions,
} from './swigs-task-client';
