import { html, nothing, type TemplateResult } from 'lit';
import { itemsOf, type ListAnswer, type Project } from '../api/types.js';
import { PageElement, messageOf } from '../page-element.js';
import { href } from '../router.js';

/** `<swigs-projects-page>`: the projects, and a form to create one with its client. */
export class ProjectsPage extends PageElement {
  static override properties = { ...PageElement.properties, projects: { state: true } };

  declare projects: Project[];

  constructor() {
    super();
    this.projects = [];
  }

  protected async load(): Promise<void> {
    this.projects = itemsOf(await this.ctx.api.get<ListAnswer<Project>>('/api/projects?limit=200'));
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (k: string): string => String(data.get(k) ?? '').trim();
    const client = str('clientName')
      ? {
          name: str('clientName'),
          street: str('street'),
          buildingNumber: str('buildingNumber') || null,
          postalCode: str('postalCode'),
          town: str('town'),
          country: 'CH',
          email: str('email') || null,
        }
      : null;
    try {
      const project = await this.ctx.api.post<Project>('/api/projects', {
        name: str('name'),
        description: str('description'),
        client,
        ...(str('hourlyRate') ? { hourlyRate: Number(str('hourlyRate').replace(',', '.')) } : {}),
      });
      form.reset();
      this.ctx.navigate(`/projects/${encodeURIComponent(project.id)}`);
    } catch (err) {
      this.ctx.notify(messageOf(err), 'error');
    }
  }

  override render(): TemplateResult {
    const { t } = this.ctx;
    return html`<div class="page-head"><h1>${t('projects.title')}</h1></div>
      ${this.renderState()}
      ${!this.loading && this.projects.length === 0 ? html`<p class="empty">${t('projects.empty')}</p>` : nothing}
      ${
        this.projects.length > 0
          ? html`<table class="table">
            <caption class="visually-hidden">${t('projects.title')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('common.name')}</th>
                <th scope="col">${t('projects.client')}</th>
                <th scope="col">${t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.projects.map(
                (p) => html`<tr data-project-id=${p.id}>
                  <th scope="row"><a href=${href(`/projects/${encodeURIComponent(p.id)}`)}>${p.name}</a></th>
                  <td>${p.client?.name ?? '–'}</td>
                  <td>${projectStatusLabel(p.status, t)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }
      <details class="card" ?open=${!this.loading && this.projects.length === 0}>
        <summary>${t('projects.new')}</summary>
        <form class="stack" @submit=${this.create}>
          <label class="field"><span>${t('common.name')}</span><input name="name" required maxlength="200" /></label>
          <label class="field"><span>${t('common.description')}</span><textarea name="description" rows="2"></textarea></label>
          <fieldset class="stack">
            <legend>${t('projects.client')}</legend>
            <label class="field"><span>${t('common.name')}</span><input name="clientName" maxlength="70" autocomplete="organization" /></label>
            <div class="row">
              <label class="field grow"><span>${t('settings.street')}</span><input name="street" maxlength="70" /></label>
              <label class="field num"><span>${t('settings.buildingNumber')}</span><input name="buildingNumber" maxlength="16" /></label>
            </div>
            <div class="row">
              <label class="field num"><span>${t('settings.postalCode')}</span><input name="postalCode" maxlength="16" /></label>
              <label class="field grow"><span>${t('settings.city')}</span><input name="town" maxlength="35" /></label>
            </div>
            <label class="field"><span>${t('settings.email')}</span><input name="email" type="email" /></label>
          </fieldset>
          <label class="field num"><span>${t('events.rate')}</span><input name="hourlyRate" inputmode="decimal" /></label>
          <button class="btn btn-primary" type="submit">${t('common.create')}</button>
        </form>
      </details>`;
  }
}

/** The translated label of a project status. */
export function projectStatusLabel(status: string, t: PageElement['ctx']['t']): string {
  const known = ['draft', 'active', 'on_hold', 'completed', 'cancelled', 'archived'] as const;
  return (known as readonly string[]).includes(status)
    ? t(`project.status.${status as (typeof known)[number]}`)
    : status;
}
