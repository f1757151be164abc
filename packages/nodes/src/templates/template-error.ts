import { NonRetriableError, type SwigsErrorOptions } from '@swigs/automation-core';

/** A template failed to compile or render; retrying cannot fix it. */
export class TemplateError extends NonRetriableError {
  constructor(message: string, options?: SwigsErrorOptions) {
    super(message, options);
    this.name = 'TemplateError';
  }
}
