/** Sets fields on a host application's records (projects, invoices...) for `update_record`. */
export interface RecordPort {
  /** Record types this host can update, e.g. `['project', 'invoice']`. */
  readonly types: readonly string[];
  /** Updates the record owned by `userId`; returns the updated record, or null when it does not exist. */
  update(input: {
    userId: string;
    type: string;
    id: string;
    fields: Record<string, unknown>;
  }): Promise<Record<string, unknown> | null>;
  /**
   * Reads the record as it is now (for `get_record`, so a condition after a wait sees today's state, not the
   * trigger's); null when it does not exist or belongs to another tenant. Optional: hosts without it cannot read.
   */
  get?(input: { userId: string; type: string; id: string }): Promise<Record<string, unknown> | null>;
}
