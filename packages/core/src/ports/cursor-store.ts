/** Named positions that survive restarts (the CMS bridge's read cursors). Not tenant-scoped: names are global. */
export interface CursorStore {
  readonly cursors: CursorRepository;
}

export interface CursorRepository {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
}
