import { CONFIG_TOPICS, CONFIG_VARIABLES, configDefault, type ConfigVariable } from './server-config';

const TOPIC_TITLES: Record<(typeof CONFIG_TOPICS)[number], string> = {
  server: 'Server',
  store: 'Store',
  mail: 'Mail',
  auth: 'Authentication',
  integrations: 'CMS and swigs-task',
};

/** The `swigs-workflow` usage, with every variable the configuration reads (from its schema and descriptions). */
export function cliUsage(): string {
  const names = Object.keys(CONFIG_VARIABLES) as ConfigVariable[];
  const width = Math.max(...names.map((name) => name.length), 'WEBHOOK_*'.length) + 2;
  const line = (name: string, text: string): string => `    ${name.padEnd(width)}${text}`;
  const sections = CONFIG_TOPICS.map((topic) => {
    const rows = names
      .filter((name) => CONFIG_VARIABLES[name].topic === topic)
      .map((name) => {
        const fallback = configDefault(name);
        const suffix = fallback === undefined ? '' : ` (default ${String(fallback)})`;
        return line(name, `${CONFIG_VARIABLES[name].description}${suffix}`);
      });
    if (topic === 'integrations') rows.push(line('WEBHOOK_*', 'secrets named by webhook.received triggers'));
    return `  ${TOPIC_TITLES[topic]}:\n${rows.join('\n')}`;
  });
  return `swigs-workflow: the SWIGS Automation server

Usage:
  swigs-workflow start [--port 3003] [--data ./data] [--host 127.0.0.1]
  swigs-workflow token --user <id> [--data ./data] [--ttl <seconds>]

Configuration comes from the environment and a .env file in the current folder:
${sections.join('\n')}`;
}
