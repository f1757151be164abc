export * from './define-node';
export * from './registry';
export {
  ENUM_KEYWORD,
  FROM_CONFIG_KEYWORD,
  fieldMeta,
  LABEL_KEYWORD,
  OPEN_KEYWORD,
  openRecord,
  openValue,
} from './output-shape';
