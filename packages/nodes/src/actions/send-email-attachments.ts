import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, type MailAttachment, type NodeContext, NonRetriableError } from '@swigs/automation-core';
import { label } from '../shared/labels';
import { renderField } from '../shared/templating';

/** `attachments` of `send_email`: documents the host attaches by kind and id (`invoice_pdf`, `{{trigger.invoiceId}}`). */
export const AttachmentsConfigSchema = z
  .array(
    z.object({
      /** One of the host's `ports.attachments.kinds`, e.g. `invoice_pdf`. */
      kind: z.string().min(1).max(100).meta(label('Type de document', 'Document kind')),
      /** A template: `{{trigger.invoiceId}}`. */
      id: z.string().min(1).max(500).meta(label('Identifiant', 'Id')),
    }),
  )
  .max(5)
  .meta(label('Pièces jointes', 'Attachments'));

/**
 * Loads the attachments through `ports.attachments`, at send time (so the invoice's PDF is the current one). An
 * unknown kind, a missing document or a total over `MAX_ATTACHMENT_BYTES` fails the step for good: retrying would not
 * change it.
 */
export async function loadAttachments(
  ctx: NodeContext<{ attachments?: z.infer<typeof AttachmentsConfigSchema> | undefined }>,
): Promise<MailAttachment[]> {
  const wanted = ctx.config.attachments ?? [];
  if (wanted.length === 0) return [];
  const port = ctx.ports.attachments;
  if (!port) throw new NonRetriableError('send_email: this host attaches no documents (ports.attachments)');
  const files: MailAttachment[] = [];
  let bytes = 0;
  for (const item of wanted) {
    if (!port.kinds.includes(item.kind)) {
      throw new NonRetriableError(
        `send_email: unknown attachment kind "${item.kind}" (this host has: ${port.kinds.join(', ') || 'none'})`,
      );
    }
    const id = renderField(ctx, item.id).trim();
    const file = await port.load({ userId: ctx.run.userId, kind: item.kind, id, signal: ctx.signal });
    if (!file) throw new NonRetriableError(`send_email: attachment ${item.kind} "${id}" not found`);
    bytes += file.content.byteLength;
    if (bytes > MAX_ATTACHMENT_BYTES) {
      throw new NonRetriableError(
        `send_email: attachments total ${bytes} bytes, over the limit of ${MAX_ATTACHMENT_BYTES} bytes`,
      );
    }
    files.push(file);
  }
  return files;
}
