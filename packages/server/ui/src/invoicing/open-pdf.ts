import type { ApiClient } from '../api/api-client.js';

/**
 * Opens an invoice's PDF in a new tab. The API needs the bearer token, so the PDF is fetched here
 * and handed to the browser as a blob URL.
 */
export async function openInvoicePdf(api: ApiClient, invoiceId: string): Promise<void> {
  // Open the tab synchronously, inside the click, so pop-up blockers allow it.
  const tab = window.open('', '_blank');
  const blob = await api.blob(`/api/invoices/${encodeURIComponent(invoiceId)}/pdf`);
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
