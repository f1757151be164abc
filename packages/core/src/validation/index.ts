export * from './problem-codes';
export * from './flatten-variables';
export * from './validate-automation';
