export { DateFormat, formatChf, formatDate } from './format';
export { templateHelperNames } from './helpers';
export { createTemplateRenderer, type TemplateMode, type TemplateRenderer, type TemplateRendererOptions } from './renderer';
export * from './render-email';
export * from './validate-template';
export * from './layout';
export * from './default-templates';
export * from './template-error';
