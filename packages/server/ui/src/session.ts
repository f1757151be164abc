const TOKEN_KEY = 'swigs.token';
const LANG_KEY = 'swigs.lang';
/** The theme is kept per user (the token's subject) on this browser. */
const themeKey = (userId: string | null): string => `swigs.theme.${userId ?? 'anonymous'}`;

/** The browser session: the bearer token and the chosen language, kept in localStorage. */
export interface Session {
  token: string | null;
  lang: string | null;
  setToken(token: string | null): void;
  setLang(lang: string): void;
  /** The stored theme of the signed-in user (`auto`, `light`, `dark`), null when never chosen. */
  theme(): string | null;
  setTheme(theme: string): void;
  /** The `sub` of the token (the tenant), read without verifying it. */
  userId(): string | null;
}

/** Creates the session over a Storage (localStorage in the app). */
export function createSession(storage: Storage): Session {
  const session: Session = {
    token: storage.getItem(TOKEN_KEY),
    lang: storage.getItem(LANG_KEY),
    setToken(token) {
      session.token = token;
      if (token) storage.setItem(TOKEN_KEY, token);
      else storage.removeItem(TOKEN_KEY);
    },
    setLang(lang) {
      session.lang = lang;
      storage.setItem(LANG_KEY, lang);
    },
    theme() {
      return storage.getItem(themeKey(session.userId()));
    },
    setTheme(theme) {
      storage.setItem(themeKey(session.userId()), theme);
    },
    userId() {
      const payload = session.token?.split('.')[1];
      if (!payload) return null;
      try {
        const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
        return typeof json.sub === 'string' ? json.sub : null;
      } catch {
        return null;
      }
    },
  };
  return session;
}
