export { createSampleListeners, DEFAULT_LISTEN_MS, SAMPLE_LISTENERS_COLLECTION } from './sample-listeners';
export type { ListenState, SampleListeners } from './sample-listeners';
export { listeningFire } from './listening-fire';
