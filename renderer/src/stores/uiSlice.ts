import type { SliceCreator } from './types';

export interface Notification {
  id: number;
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
}

export interface UiSlice {
  notifications: Notification[];
  notify: (severity: Notification['severity'], message: string) => void;
  dismissNotification: (id: number) => void;
}

let nextNotificationId = 1;

export const createUiSlice: SliceCreator<UiSlice> = () => (set) => ({
  notifications: [],
  notify: (severity, message) =>
    set((s) => ({ notifications: [...s.notifications, { id: nextNotificationId++, severity, message }] })),
  dismissNotification: (id) => set((s) => ({ notifications: s.notifications.filter((n) => n.id !== id) })),
});
