import type { Lang } from './env';

const MESSAGES = {
  bad_request: { fr: 'Requête invalide', en: 'Invalid request' },
  invalid_json: { fr: 'Le corps de la requête n’est pas du JSON valide', en: 'The request body is not valid JSON' },
  forbidden_key: { fr: 'Clé interdite dans le corps de la requête', en: 'Forbidden key in the request body' },
  too_deep: { fr: 'Le corps de la requête est trop imbriqué', en: 'The request body is nested too deeply' },
  validation_failed: { fr: 'Les données envoyées sont invalides', en: 'The data sent is invalid' },
  automation_invalid: {
    fr: 'L’automatisation n’est pas valide ; enregistrez-la inactive ou corrigez-la',
    en: 'The automation is not valid; save it inactive or fix it',
  },
  unauthorized: { fr: 'Authentification requise', en: 'Authentication required' },
  invalid_token: { fr: 'Jeton invalide ou expiré', en: 'Invalid or expired token' },
  bad_credentials: { fr: 'Mot de passe incorrect', en: 'Wrong password' },
  missing_user: {
    fr: 'Un jeton de service doit nommer l’utilisateur dans l’en-tête X-Swigs-User',
    en: 'A service token must name the user in the X-Swigs-User header',
  },
  local_login_disabled: {
    fr: 'La connexion locale est désactivée : ce serveur utilise le SSO',
    en: 'Local login is disabled: this server uses SSO',
  },
  too_many_failures: {
    fr: 'Trop de tentatives d’authentification échouées ; réessayez plus tard',
    en: 'Too many failed authentication attempts; try again later',
  },
  forbidden: { fr: 'Accès refusé', en: 'Access denied' },
  not_found: { fr: 'Ressource introuvable', en: 'Resource not found' },
  route_not_found: { fr: 'Route inconnue', en: 'Unknown route' },
  conflict: { fr: 'Conflit avec l’état actuel de la ressource', en: 'Conflict with the current state of the resource' },
  payload_too_large: { fr: 'Le corps de la requête est trop volumineux', en: 'The request body is too large' },
  bad_signature: { fr: 'Signature invalide', en: 'Invalid signature' },
  unavailable: { fr: 'Service indisponible', en: 'Service unavailable' },
  cms_not_configured: { fr: 'Le pont CMS n’est pas configuré', en: 'The CMS bridge is not configured' },
  template_invalid: { fr: 'Le modèle d’e-mail contient une erreur', en: 'The email template has an error' },
  mail_not_configured: { fr: 'Aucun envoi d’e-mail n’est configuré', en: 'No mail delivery is configured' },
  internal: { fr: 'Erreur interne du serveur', en: 'Internal server error' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Keys of the server's own messages. */
export type MessageKey = keyof typeof MESSAGES;

/** The server's message `key` in `lang`. */
export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/** Picks fr or en from an Accept-Language header; French unless English ranks higher. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'fr';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'fr';
}
