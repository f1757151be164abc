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
}
