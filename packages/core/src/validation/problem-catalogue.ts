import type { Lang, LocalizedText } from '../node/types';

/**
 * Texts of the problems core reports, by code, `{name}` filled from the problem's params. They follow the
 * step's name (« Étape « E-mail Avis » : … »), so they start in lower case and end without a full stop.
 */
export const CORE_PROBLEM_TEXTS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  duplicate_node_id: {
    fr: 'l’identifiant « {id} » est utilisé par plusieurs étapes',
    en: 'the id "{id}" is used by more than one step',
  },
  unknown_node_type: { fr: 'type d’étape inconnu « {type} »', en: 'unknown step type "{type}"' },
  unknown_trigger_type: { fr: 'type de déclencheur inconnu « {type} »', en: 'unknown trigger type "{type}"' },
  trigger_missing: {
    fr: 'aucun déclencheur ; une automatisation en a exactement un',
    en: 'no trigger; an automation needs exactly one',
  },
  trigger_invalid: {
    fr: '« {type} » est une étape, pas un déclencheur',
    en: '"{type}" is a step, not a trigger',
  },
  multiple_triggers: {
    fr: '« {type} » est un déclencheur ; une automatisation n’en a qu’un, au début',
    en: '"{type}" is a trigger; an automation has exactly one, at its start',
  },
  missing_target: {
    fr: 'relie une étape qui n’existe pas (« {target} »)',
    en: 'connects to a step that does not exist ("{target}")',
  },
  unreachable_node: {
    fr: 'n’est reliée à aucune étape depuis le déclencheur et ne s’exécutera jamais',
    en: 'is not connected to the trigger and will never run',
  },
  cycle: { fr: 'crée une boucle ({loop})', en: 'creates a loop ({loop})' },
  condition_outputs: {
    fr: 'une condition se poursuit par « vrai » ou « faux » (reçu « {condition} »)',
    en: 'a condition continues on "true" or "false" (got "{condition}")',
  },
  connection_output_invalid: {
    fr: 'seules les conditions ont des sorties « vrai » et « faux » (reçu « {condition} »)',
    en: 'only conditions have "true" and "false" outputs (got "{condition}")',
  },
  node_invalid: { fr: 'la vérification a échoué : {error}', en: 'the check failed: {error}' },
  internal_error: {
    fr: 'n’a pas pu être vérifiée ({error})',
    en: 'could not be checked ({error})',
  },
  unknown_variable: {
    fr: 'la variable « {variable} » n’existe pas ici ; les données du déclencheur sont sous « trigger. », celles des étapes précédentes sous « nodes.<id>. »',
    en: 'the variable "{variable}" does not exist here; trigger data is under "trigger.", earlier steps’ outputs under "nodes.<id>."',
  },
});

/** How the subject of a problem is named, by language. */
export const SUBJECT_TEXTS: Readonly<Record<'automation' | 'trigger' | 'step', LocalizedText>> = Object.freeze({
  automation: { fr: 'Automatisation « {name} »', en: 'Automation "{name}"' },
  trigger: { fr: 'Déclencheur « {name} »', en: 'Trigger "{name}"' },
  step: { fr: 'Étape « {name} »', en: 'Step "{name}"' },
});

/** Labels of the automation document's own fields, for schema problems. */
export const AUTOMATION_FIELD_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  id: { fr: 'Identifiant', en: 'Id' },
  userId: { fr: 'Propriétaire', en: 'Owner' },
  name: { fr: 'Nom', en: 'Name' },
  description: { fr: 'Description', en: 'Description' },
  isActive: { fr: 'Active', en: 'Active' },
  trigger: { fr: 'Déclencheur', en: 'Trigger' },
  nodes: { fr: 'Étapes', en: 'Steps' },
  type: { fr: 'Type', en: 'Type' },
  label: { fr: 'Libellé', en: 'Label' },
  config: { fr: 'Réglages', en: 'Settings' },
  position: { fr: 'Position', en: 'Position' },
  connections: { fr: 'Liaisons', en: 'Connections' },
  targetId: { fr: 'Étape suivante', en: 'Next step' },
  condition: { fr: 'Sortie', en: 'Output' },
  version: { fr: 'Version', en: 'Version' },
});

/**
 * Fills `{name}` placeholders from `params`; a missing param stays as written. A param given per language
 * (`{ fr, en }`) is taken in `lang`.
 */
export function fillText(text: string, params: Record<string, unknown> | undefined, lang: Lang = 'en'): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === 'object' && !Array.isArray(value) && typeof (value as LocalizedText)[lang] === 'string') {
      return (value as LocalizedText)[lang];
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
