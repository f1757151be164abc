import { NonRetriableError } from '@swigs/automation-core';

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Splits a rendered address list (`a@x.ch, b@y.ch` or `;`) and checks each; `Name <a@x.ch>` is accepted. */
export function parseAddressList(value: string | undefined, field: string): string[] {
  if (value === undefined) return [];
  const items = value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) {
    const bare = /<([^>]+)>\s*$/.exec(item)?.[1] ?? item;
    if (!ADDRESS.test(bare)) throw new NonRetriableError(`${field}: "${item}" is not an e-mail address`);
  }
  return items;
}
