// Kept only for volumes/FileBrowser, which the file-browser work replaces; everything else imports components/.
export { useCall } from '../../components/useCall';
