export { DateFormat, formatChf, formatDate } from './format';
export { templateHelperNames } from './helpers';
export { templateHelperDocs, TEMPLATE_VARIABLES_TEXT, type TemplateHelperDoc } from './helper-docs';
export {
  createTemplateRenderer,
  type TemplateMode,
  type TemplateRenderer,
  type TemplateRendererOptions,
} from './renderer';
export * from './render-email';
export * from './validate-template';
export * from './layout';
export * from './default-templates';
export * from './template-error';
