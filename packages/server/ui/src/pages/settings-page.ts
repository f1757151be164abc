import { html, type TemplateResult } from 'lit';
import { PageElement, messageOf } from '../page-element.js';

interface InvoiceSettings {
  companyName: string;
  address: { street: string; buildingNumber: string | null; postalCode: string; town: string; country: string } | null;
  vatNumber: string | null;
  iban: string | null;
  email: string | null;
  phone: string | null;
  vatRegistered: boolean;
  defaultVatCategory: string;
  paymentTermsDays: number;
}

/** `<swigs-settings-page>`: the tenant's invoicing settings (company, address, VAT number, IBAN, defaults). */
export class SettingsPage extends PageElement {
  static override properties = { ...PageElement.properties, settings: { state: true } };

  declare settings: InvoiceSettings | null;

  constructor() {
    super();
    this.settings = null;
  }

  protected async load(): Promise<void> {
    this.settings = await this.ctx.api.get<InvoiceSettings>('/api/settings/invoicing');
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const str = (k: string): string => String(data.get(k) ?? '').trim();
    const body = {
      companyName: str('companyName'),
      address: {
        street: str('street'),
        buildingNumber: str('buildingNumber') || null,
        postalCode: str('postalCode'),
        town: str('town'),
        country: str('country') || 'CH',
      },
      vatNumber: str('vatNumber') || null,
      iban: str('iban') || null,
      email: str('email') || null,
      vatRegistered: str('vatNumber') !== '',
      defaultVatCategory: str('defaultVatCategory') || 'standard',
      paymentTermsDays: Number(str('paymentTermsDays')),
    };
    try {
      this.settings = await this.ctx.api.put<InvoiceSettings>('/api/settings/invoicing', body);
      this.ctx.notify(this.ctx.t('common.saved'));
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
    }
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    const s = this.settings;
    const a = s?.address;
    return html`<div class="page-head"><h1>${t('settings.title')}</h1></div>
      ${this.renderState()}
      ${
        s
          ? html`<form class="stack card narrow" @submit=${this.save}>
            <label class="field"><span>${t('settings.company')}</span><input name="companyName" required maxlength="70" .value=${s.companyName ?? ''} autocomplete="organization" /></label>
            <div class="row">
              <label class="field grow"><span>${t('settings.street')}</span><input name="street" required maxlength="70" .value=${a?.street ?? ''} /></label>
              <label class="field num"><span>${t('settings.buildingNumber')}</span><input name="buildingNumber" maxlength="16" .value=${a?.buildingNumber ?? ''} /></label>
            </div>
            <div class="row">
              <label class="field num"><span>${t('settings.postalCode')}</span><input name="postalCode" required maxlength="16" .value=${a?.postalCode ?? ''} /></label>
              <label class="field grow"><span>${t('settings.city')}</span><input name="town" required maxlength="35" .value=${a?.town ?? ''} /></label>
              <label class="field num"><span>${t('settings.country')}</span><input name="country" maxlength="2" .value=${a?.country ?? 'CH'} /></label>
            </div>
            <label class="field"><span>${t('settings.vatNumber')}</span><input name="vatNumber" placeholder="CHE-123.456.788 TVA" .value=${s.vatNumber ?? ''} /></label>
            <p class="hint">${t('settings.vatHint')}</p>
            <label class="field"><span>${t('settings.iban')}</span><input name="iban" .value=${s.iban ?? ''} /></label>
            <label class="field"><span>${t('settings.email')}</span><input name="email" type="email" .value=${s.email ?? ''} /></label>
            <div class="row">
              <label class="field inline"><span>${t('settings.defaultVat')}</span>
                <select name="defaultVatCategory">
                  ${(['standard', 'reduced', 'accommodation', 'exempt'] as const).map(
                    (c) =>
                      html`<option value=${c} ?selected=${s.defaultVatCategory === c}>${t(`settings.vat.${c}`)}</option>`,
                  )}
                </select>
              </label>
              <label class="field num"><span>${t('settings.paymentTerms')}</span>
                <input name="paymentTermsDays" type="number" min="0" max="365" .value=${String(s.paymentTermsDays ?? 30)} /></label>
            </div>
            <button class="btn btn-primary" type="submit">${t('common.save')}</button>
          </form>
          <section class="stack card narrow" aria-labelledby="dunning-title">
            <h2 id="dunning-title">${t('settings.dunning.title')}</h2>
            <p>${t('settings.dunning.hint')}</p>
            <div><button class="btn" type="button" @click=${this.installDunning}>${t('settings.dunning.install')}</button></div>
          </section>`
          : ''
      }`;
  }

  /** Installs « Relances » (or finds it) and opens it in the builder, where it can be edited. */
  private installDunning = async (): Promise<void> => {
    try {
      const installed = await this.ctx.api.post<{ automationId: string }>('/api/settings/invoicing/dunning', {});
      this.ctx.notify(this.ctx.t('settings.dunning.installed'));
      location.hash = `#/automations/${encodeURIComponent(installed.automationId)}`;
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
    }
  };
}
