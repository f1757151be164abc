/** Every text the element shows, per language. */
export interface Messages {
  builder: string;
  canvas: string;
  palette: string;
  paletteSearch: string;
  triggers: string;
  actions: string;
  noMatch: string;
  toolbar: string;
  undo: string;
  redo: string;
  fitView: string;
  zoomIn: string;
  zoomOut: string;
  autoLayout: string;
  minimap: string;
  stepFailed: string;
  stats: string;
  statsOff: string;
  statsPeriod: (days: number) => string;
  statsReached: string;
  statsWaiting: string;
  statsSucceeded: string;
  statsFailed: string;
  statsSent: string;
  statsAria: (reached: number, waiting: number, succeeded: number, failed: number) => string;
  testStep: string;
  testingStep: string;
  stepInput: string;
  stepOutput: string;
  useRunData: string;
  stepData: string;
  sampleSource: string;
  runSource: (date: string) => string;
  useSampleData: string;
  noRuns: string;
  listenNext: string;
  /** While listening: what to do, and until when (a time in Europe/Zurich). */
  listening: (until: string) => string;
  listenCancel: string;
  listenCaptured: string;
  listenExpired: string;
  notReached: string;
  chooseField: string;
  otherField: string;
  chooseValue: string;
  otherValue: string;
  exampleValue: (value: string) => string;
  triggerSource: string;
  openPalette: string;
  openPanel: string;
  closeDrawer: string;
  snapToGrid: string;
  copy: string;
  paste: string;
  duplicate: string;
  deleteSelection: string;
  save: string;
  saveDraft: string;
  savedDraft: string;
  saved: string;
  test: string;
  active: string;
  activeDisabled: string;
  config: string;
  noSelection: string;
  label: string;
  nodeId: string;
  triggerType: string;
  chooseTrigger: string;
  variables: string;
  noVariables: string;
  insertVariable: string;
  problems: string;
  noProblems: string;
  addNode: string;
  addNodeHere: string;
  insertOnEdge: string;
  connectTo: string;
  connectFrom: string;
  output: string;
  outputs: Record<string, string>;
  close: string;
  addItem: string;
  removeItem: string;
  yes: string;
  no: string;
  none: string;
  invalidJson: string;
  cronPreview: string;
  cronInvalid: string;
  durationUnits: Record<string, string>;
  emailTemplate: string;
  chooseTemplate: string;
  editTemplate: string;
  subject: string;
  body: string;
  preheader: string;
  preview: string;
  previewError: string;
  /** While the first preview of a template is being rendered. */
  previewLoading: string;
  saveTemplateError: string;
  /** While the server lists the email templates. */
  loadingTemplates: string;
  saveTemplate: string;
  testPanel: string;
  sampleData: string;
  runTest: string;
  testRunning: string;
  testError: string;
  timeline: string;
  runView: string;
  status: Record<string, string>;
  input: string;
  outputData: string;
  error: string;
  notExecuted: string;
  readonly: string;
  shortcuts: string;
  /** A step card's accessible name: its title, id, summary (the full text the card may cut) and problem count. */
  nodeAria: (title: string, id: string, problems: number, summary?: string) => string;
  /** A link, named by the steps it joins (their names as the cards show them) and the output it leaves by. */
  edgeAria: (from: string, to: string, output: string) => string;
  handleAria: (kind: 'input' | 'output', name: string) => string;
  added: (title: string) => string;
  deleted: (count: number) => string;
  connected: (from: string, to: string) => string;
  problemCount: (count: number) => string;
  noClient: string;
  /** Labels of common config keys (schemas without a `title`). */
  fieldLabels: Record<string, string>;
  /** Labels of common enum values. */
  enumLabels: Record<string, string>;
  deleteShort: string;
}

const fr: Messages = {
  builder: 'Éditeur d’automatisation',
  canvas: 'Canevas de l’automatisation',
  palette: 'Palette des étapes',
  paletteSearch: 'Rechercher une étape',
  triggers: 'Déclencheurs',
  actions: 'Actions',
  noMatch: 'Aucun résultat',
  toolbar: 'Barre d’outils',
  undo: 'Annuler',
  redo: 'Rétablir',
  fitView: 'Ajuster à la vue',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  autoLayout: 'Organiser automatiquement',
  minimap: 'Mini-carte',
  stepFailed: 'Échec de l’étape',
  stats: 'Statistiques',
  statsOff: 'Masquer',
  statsPeriod: (days) => `${days} jours`,
  statsReached: 'Atteinte',
  statsWaiting: 'En attente maintenant',
  statsSucceeded: 'Réussies',
  statsFailed: 'Échouées',
  statsSent: 'Envoyés',
  statsAria: (r, w, s, f) => `${r} atteinte(s), ${w} en attente, ${s} réussie(s), ${f} échouée(s)`,
  testStep: 'Tester cette étape',
  testingStep: 'Test en cours…',
  stepInput: 'Entrée',
  stepOutput: 'Sortie',
  useRunData: 'Utiliser les données d’une exécution',
  stepData: 'Données de l’étape',
  sampleSource: 'Données d’exemple de l’automatisation',
  runSource: (date) => `Données de l’exécution du ${date}`,
  useSampleData: 'Revenir aux données d’exemple',
  noRuns: 'Aucune exécution pour l’instant.',
  listenNext: 'Écouter le prochain événement',
  listening: (until) =>
    `En écoute jusqu’à ${until} : déclenchez l’événement (appel du webhook ou événement du CMS). Ses données deviendront les données d’exemple.`,
  listenCancel: 'Arrêter l’écoute',
  listenCaptured: 'Événement reçu : ses données sont les nouvelles données d’exemple.',
  listenExpired: 'Aucun événement reçu à temps : l’écoute s’est arrêtée.',
  notReached: 'Cette exécution n’a pas atteint cette étape.',
  chooseField: 'Choisir un champ…',
  otherField: 'Autre (saisir un chemin)…',
  chooseValue: 'Choisir une valeur…',
  otherValue: 'Autre valeur…',
  exampleValue: (value) => `Exemple : ${value}`,
  triggerSource: 'Déclencheur',
  openPalette: 'Étapes',
  openPanel: 'Détails',
  closeDrawer: 'Fermer',
  snapToGrid: 'Aligner sur la grille',
  copy: 'Copier',
  paste: 'Coller',
  duplicate: 'Dupliquer',
  deleteSelection: 'Supprimer la sélection',
  save: 'Enregistrer',
  saveDraft: 'Enregistrer comme brouillon',
  savedDraft: 'Enregistrée comme brouillon inactif : corrigez les problèmes pour l’activer.',
  saved: 'Automatisation enregistrée.',
  test: 'Tester',
  active: 'Active',
  activeDisabled: 'Corrigez les problèmes pour activer',
  config: 'Configuration',
  noSelection: 'Sélectionnez une étape pour la configurer.',
  label: 'Libellé',
  nodeId: 'Identifiant',
  triggerType: 'Type de déclencheur',
  chooseTrigger: 'Choisir un déclencheur',
  variables: 'Variables',
  noVariables: 'Aucune variable disponible en amont.',
  insertVariable: 'Insérer',
  problems: 'Problèmes',
  noProblems: 'Aucun problème.',
  addNode: 'Ajouter une étape',
  addNodeHere: 'Ajouter une étape reliée',
  insertOnEdge: 'Insérer une étape sur ce lien',
  connectTo: 'Relier à…',
  connectFrom: 'Relier depuis la sortie',
  output: 'Sortie',
  outputs: { default: 'suite', true: 'vrai', false: 'faux' },
  close: 'Fermer',
  addItem: 'Ajouter',
  removeItem: 'Retirer',
  yes: 'Oui',
  no: 'Non',
  none: '—',
  invalidJson: 'JSON invalide',
  cronPreview: 'Exécution',
  cronInvalid: 'Expression cron invalide',
  durationUnits: {
    seconds: 'secondes',
    minutes: 'minutes',
    hours: 'heures',
    days: 'jours',
    weeks: 'semaines',
    months: 'mois',
  },
  emailTemplate: 'Modèle d’e-mail',
  chooseTemplate: 'Choisir un modèle',
  editTemplate: 'Modifier le modèle',
  subject: 'Objet',
  body: 'Contenu (HTML)',
  preheader: 'Pré-en-tête',
  preview: 'Aperçu',
  previewError: 'Aperçu indisponible',
  previewLoading: 'Aperçu en préparation…',
  saveTemplateError: 'Modèle non enregistré',
  loadingTemplates: 'Chargement des modèles…',
  saveTemplate: 'Enregistrer le modèle',
  testPanel: 'Test',
  sampleData: 'Données d’exemple (JSON)',
  runTest: 'Lancer le test',
  testRunning: 'Test en cours…',
  testError: 'Le test a échoué',
  timeline: 'Chronologie simulée',
  runView: 'Exécution',
  status: {
    success: 'Réussi',
    failed: 'Échoué',
    skipped: 'Ignoré',
    running: 'En cours',
    waiting: 'En attente',
    completed: 'Terminé',
    pending: 'En file',
    cancelled: 'Annulé',
  },
  input: 'Entrée',
  outputData: 'Sortie',
  error: 'Erreur',
  notExecuted: 'Non exécutée',
  readonly: 'Lecture seule',
  shortcuts:
    'Raccourcis : Suppr supprime, Ctrl+Z annule, Ctrl+Maj+Z rétablit, Ctrl+C/V copie/colle, Ctrl+D duplique, flèches déplacent, A ajoute une étape, C relie, Ctrl+S enregistre, Échap désélectionne.',
  nodeAria: (title, id, problems, summary) =>
    `Étape ${title} (${id})${summary ? ` : ${summary}` : ''}${problems ? `, ${problems} problème${problems > 1 ? 's' : ''}` : ''}`,
  edgeAria: (from, to, output) => `Lien de « ${from} » vers « ${to} » (${output})`,
  handleAria: (kind, name) => (kind === 'input' ? 'Entrée' : `Sortie ${name}`),
  added: (title) => `Étape ${title} ajoutée`,
  deleted: (count) => `${count} élément${count > 1 ? 's' : ''} supprimé${count > 1 ? 's' : ''}`,
  connected: (from, to) => `${from} relié à ${to}`,
  problemCount: (count) => (count === 0 ? 'Aucun problème' : `${count} problème${count > 1 ? 's' : ''}`),
  noClient: 'Aucun serveur configuré (propriété client ou attribut api-base).',
  fieldLabels: {
    subject: 'Objet',
    body: 'Contenu',
    preheader: 'Pré-en-tête',
    text: 'Texte brut',
    to: 'Destinataire',
    cc: 'Copie (Cc)',
    bcc: 'Copie cachée (Cci)',
    replyTo: 'Répondre à',
    from: 'Expéditeur',
    category: 'Catégorie',
    useLayout: 'Utiliser la mise en page',
    templateId: 'Modèle d’e-mail',
    duration: 'Durée',
    unit: 'Unité',
    time: 'Heure (HH:MM)',
    weekdays: 'Jours de la semaine (1 = lundi)',
    timezone: 'Fuseau horaire',
    cron: 'Expression cron',
    siteId: 'Site',
    statusFilter: 'Statuts',
    conditions: 'Conditions',
    combinator: 'Combinaison',
    field: 'Champ',
    operator: 'Opérateur',
    value: 'Valeur',
    caseSensitive: 'Respecter la casse',
    url: 'URL',
    method: 'Méthode',
    headers: 'En-têtes',
    message: 'Message',
    title: 'Titre',
    description: 'Description',
    phone: 'Téléphone',
    status: 'Statut',
    fields: 'Champs',
  },
  enumLabels: {
    all: 'toutes',
    any: 'au moins une',
    equals: 'est égal à',
    not_equals: 'est différent de',
    contains: 'contient',
    greater_than: 'est supérieur à',
    less_than: 'est inférieur à',
    is_empty: 'est vide',
    is_not_empty: 'n’est pas vide',
    transactional: 'transactionnel',
    marketing: 'marketing',
    minutes: 'minutes',
    hours: 'heures',
    days: 'jours',
    weeks: 'semaines',
  },
  deleteShort: 'Supprimer',
};

const en: Messages = {
  builder: 'Automation builder',
  canvas: 'Automation canvas',
  palette: 'Step palette',
  paletteSearch: 'Search steps',
  triggers: 'Triggers',
  actions: 'Actions',
  noMatch: 'No match',
  toolbar: 'Toolbar',
  undo: 'Undo',
  redo: 'Redo',
  fitView: 'Fit view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  autoLayout: 'Auto layout',
  minimap: 'Minimap',
  stepFailed: 'Step failed',
  stats: 'Statistics',
  statsOff: 'Hide',
  statsPeriod: (days) => `${days} days`,
  statsReached: 'Reached',
  statsWaiting: 'Waiting now',
  statsSucceeded: 'Succeeded',
  statsFailed: 'Failed',
  statsSent: 'Sent',
  statsAria: (r, w, s, f) => `${r} reached, ${w} waiting, ${s} succeeded, ${f} failed`,
  testStep: 'Test this step',
  testingStep: 'Testing…',
  stepInput: 'Input',
  stepOutput: 'Output',
  useRunData: 'Use a run’s data',
  stepData: 'Step data',
  sampleSource: 'The automation’s sample data',
  runSource: (date) => `Data of the run of ${date}`,
  useSampleData: 'Back to sample data',
  noRuns: 'No runs yet.',
  listenNext: 'Listen for the next event',
  listening: (until) =>
    `Listening until ${until}: trigger the event (a webhook call or a CMS event). Its data will become the sample data.`,
  listenCancel: 'Stop listening',
  listenCaptured: 'Event received: its data is the new sample data.',
  listenExpired: 'No event arrived in time: listening stopped.',
  notReached: 'This run did not reach this step.',
  chooseField: 'Choose a field…',
  otherField: 'Other (type a path)…',
  chooseValue: 'Choose a value…',
  otherValue: 'Other value…',
  exampleValue: (value) => `Example: ${value}`,
  triggerSource: 'Trigger',
  openPalette: 'Steps',
  openPanel: 'Details',
  closeDrawer: 'Close',
  snapToGrid: 'Snap to grid',
  copy: 'Copy',
  paste: 'Paste',
  duplicate: 'Duplicate',
  deleteSelection: 'Delete selection',
  save: 'Save',
  saveDraft: 'Save as draft',
  savedDraft: 'Saved as an inactive draft: fix the problems to activate it.',
  saved: 'Automation saved.',
  test: 'Test',
  active: 'Active',
  activeDisabled: 'Fix the problems to activate',
  config: 'Configuration',
  noSelection: 'Select a step to configure it.',
  label: 'Label',
  nodeId: 'Id',
  triggerType: 'Trigger type',
  chooseTrigger: 'Choose a trigger',
  variables: 'Variables',
  noVariables: 'No upstream variables.',
  insertVariable: 'Insert',
  problems: 'Problems',
  noProblems: 'No problems.',
  addNode: 'Add a step',
  addNodeHere: 'Add a connected step',
  insertOnEdge: 'Insert a step on this link',
  connectTo: 'Connect to…',
  connectFrom: 'Connect from output',
  output: 'Output',
  outputs: { default: 'next', true: 'true', false: 'false' },
  close: 'Close',
  addItem: 'Add',
  removeItem: 'Remove',
  yes: 'Yes',
  no: 'No',
  none: '—',
  invalidJson: 'Invalid JSON',
  cronPreview: 'Runs',
  cronInvalid: 'Invalid cron expression',
  durationUnits: {
    seconds: 'seconds',
    minutes: 'minutes',
    hours: 'hours',
    days: 'days',
    weeks: 'weeks',
    months: 'months',
  },
  emailTemplate: 'Email template',
  chooseTemplate: 'Choose a template',
  editTemplate: 'Edit template',
  subject: 'Subject',
  body: 'Body (HTML)',
  preheader: 'Preheader',
  preview: 'Preview',
  previewError: 'Preview unavailable',
  previewLoading: 'Rendering the preview…',
  saveTemplateError: 'Template not saved',
  loadingTemplates: 'Loading templates…',
  saveTemplate: 'Save template',
  testPanel: 'Test',
  sampleData: 'Sample data (JSON)',
  runTest: 'Run test',
  testRunning: 'Testing…',
  testError: 'The test failed',
  timeline: 'Simulated timeline',
  runView: 'Run',
  status: {
    success: 'Succeeded',
    failed: 'Failed',
    skipped: 'Skipped',
    running: 'Running',
    waiting: 'Waiting',
    completed: 'Completed',
    pending: 'Pending',
    cancelled: 'Cancelled',
  },
  input: 'Input',
  outputData: 'Output',
  error: 'Error',
  notExecuted: 'Not executed',
  readonly: 'Read-only',
  shortcuts:
    'Shortcuts: Delete removes, Ctrl+Z undoes, Ctrl+Shift+Z redoes, Ctrl+C/V copy/paste, Ctrl+D duplicates, arrows move, A adds a step, C connects, Ctrl+S saves, Esc clears the selection.',
  nodeAria: (title, id, problems, summary) =>
    `Step ${title} (${id})${summary ? `: ${summary}` : ''}${problems ? `, ${problems} problem${problems > 1 ? 's' : ''}` : ''}`,
  edgeAria: (from, to, output) => `Link from “${from}” to “${to}” (${output})`,
  handleAria: (kind, name) => (kind === 'input' ? 'Input' : `Output ${name}`),
  added: (title) => `Step ${title} added`,
  deleted: (count) => `${count} item${count > 1 ? 's' : ''} deleted`,
  connected: (from, to) => `${from} connected to ${to}`,
  problemCount: (count) => (count === 0 ? 'No problems' : `${count} problem${count > 1 ? 's' : ''}`),
  noClient: 'No server configured (client property or api-base attribute).',
  fieldLabels: {
    subject: 'Subject',
    body: 'Body',
    preheader: 'Preheader',
    text: 'Plain text',
    to: 'To',
    cc: 'Cc',
    bcc: 'Bcc',
    replyTo: 'Reply to',
    from: 'From',
    category: 'Category',
    useLayout: 'Use the layout',
    templateId: 'Email template',
    duration: 'Duration',
    unit: 'Unit',
    time: 'Time (HH:MM)',
    weekdays: 'Weekdays (1 = Monday)',
    timezone: 'Time zone',
    cron: 'Cron expression',
    siteId: 'Site',
    statusFilter: 'Statuses',
    conditions: 'Conditions',
    combinator: 'Combinator',
    field: 'Field',
    operator: 'Operator',
    value: 'Value',
    caseSensitive: 'Case sensitive',
  },
  enumLabels: {
    all: 'all',
    any: 'any',
    equals: 'equals',
    not_equals: 'does not equal',
    contains: 'contains',
    greater_than: 'is greater than',
    less_than: 'is less than',
    is_empty: 'is empty',
    is_not_empty: 'is not empty',
  },
  deleteShort: 'Delete',
};

/** Supported languages. */
export type Lang = 'fr' | 'en';

/** Messages for a language (French by default). */
export function messagesFor(lang: string | null | undefined): Messages {
  return lang === 'en' ? en : fr;
}

/** Locale used for dates and numbers. */
export function localeFor(lang: string | null | undefined): string {
  return lang === 'en' ? 'en-CH' : 'fr-CH';
}
