// Kept only for volumes/FileBrowser, which the file-browser work replaces; everything else imports the contract.
export { formatBytes } from '../../api/contract';
