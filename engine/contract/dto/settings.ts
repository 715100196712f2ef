export type ThemePreference = 'system' | 'light' | 'dark';

/** User settings, stored in Berth's embedded database. */
export interface Settings {
  engine: {
    /** 'auto' = discovery order (DOCKER_HOST, context, default sockets, embedded); 'embedded'; or an endpoint URL. */
    preferred: string;
  };
  theme: ThemePreference;
}

export const defaultSettings: Settings = { engine: { preferred: 'auto' }, theme: 'system' };
