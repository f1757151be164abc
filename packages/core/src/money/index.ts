export { formatCentimes, formatSwissAmount } from './format-centimes';
