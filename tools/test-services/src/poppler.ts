import { findPoppler } from './poppler-discovery';
import { serviceState } from './service-state';

/** True when poppler's tools are there; PDF suites use `describe.skipIf(!hasPoppler)`. */
export const hasPoppler: boolean = 'found' in serviceState('poppler', findPoppler);
