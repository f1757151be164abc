import { serialProject } from '../../vitest.serial-project';
import { serialFiles } from './vitest.serial-files';

export default serialProject('adapters-serial', serialFiles);
