export { relativeTime } from '../containers/filter';
export { formatBytes as formatSize } from '../../api/contract';
