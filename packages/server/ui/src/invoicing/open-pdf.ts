import type { ApiClient } from '../api/api-client.js';

/** Opens an invoice's PDF in a new tab. */
export function openInvoicePdf(api: ApiClient, invoiceId: string): Promise<void> {
  return openPdf(api, `/api/invoices/${encodeURIComponent(invoiceId)}/pdf`);
}

/** Opens a credit note's PDF in a new tab. */
export function openCreditNotePdf(api: ApiClient, creditNoteId: string): Promise<void> {
  return openPdf(api, `/api/credit-notes/${encodeURIComponent(creditNoteId)}/pdf`);
}

/**
 * Opens a PDF of the API in a new tab. The API needs the bearer token, so the PDF is fetched here
 * and handed to the browser as a blob URL.
 */
async function openPdf(api: ApiClient, path: string): Promise<void> {
  // Open the tab synchronously, inside the click, so pop-up blockers allow it.
  const tab = window.open('', '_blank');
  let blob: Blob;
  try {
    blob = await api.blob(path);
  } catch (err) {
    // No empty tab left behind: the error is shown on the page where the button was pressed.
    tab?.close();
    throw err;
  }
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
