import './define';

export * from './index';
export { defineSwigsAutomationBuilder } from './define';
