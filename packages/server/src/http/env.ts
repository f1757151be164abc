/** Hono environment shared by every route module (automations, invoicing...): the tenant and the language. */
export type AppEnv = { Variables: { userId: string; lang: 'fr' | 'en' } };

/** A request language. */
export type Lang = AppEnv['Variables']['lang'];
