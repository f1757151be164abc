import { html, render } from 'lit';

/** What {@link confirmDialog} asks. */
export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive action: the confirm button is red. */
  danger?: boolean;
}

/**
 * Asks before an action in a modal `<dialog>` (focus trapped, Escape cancels), resolving true only on confirm.
 * Used instead of `window.confirm` so the question is styled, translated and testable.
 */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-dialog-title');
    dialog.setAttribute('aria-describedby', 'confirm-dialog-message');
    let answer = false;
    const close = (value: boolean): void => {
      answer = value;
      dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    render(
      html`<h2 id="confirm-dialog-title">${options.title}</h2>
        <p id="confirm-dialog-message">${options.message}</p>
        <div class="dialog-actions">
          <button type="button" class="btn" data-action="cancel" @click=${() => close(false)}>${options.cancelLabel}</button>
          <button type="button" class=${options.danger ? 'btn btn-danger' : 'btn btn-primary'} data-action="confirm"
            @click=${() => close(true)}>${options.confirmLabel}</button>
        </div>`,
      dialog,
    );
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('[data-action="cancel"]')?.focus();
  });
}
