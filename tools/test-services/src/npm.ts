import { findNpm } from './npm-discovery';
import { serviceState } from './service-state';

/** The registry npm installs from, when npm is there and reaches it; the consumer test skips without it. */
export const npmRegistry: string | undefined = ((state) => ('found' in state ? state.found : undefined))(
  serviceState('npm', findNpm),
);
